"""The Formulir Pencatatan Pemberian Remote Akses per period (page, PDF, XLSX) and the record per request."""
from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import openpyxl
from pypdf import PdfReader

from lpsedesk import settings
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest

from .. import factories
from ..conftest import logged_in_client
from .test_remote_flow import people  # noqa: F401 (fixture)

COLUMNS = ["No.", "Nama", "Instansi", "Username", "Hak Akses", "Tujuan", "Waktu Pemberian", "Waktu Penutupan"]
NOV = datetime(2026, 11, 2, 1, 0, tzinfo=timezone.utc)  # 2 November 2026 08.00 WIB


def given(app, n: int, name=lambda i: f"Teknisi Uji {i:03d}") -> None:
    """n accounts given through November 2026; every third one still open."""
    with app.app_context():
        settings.put(db.session, "signatory_name", "Drs. Pejabat Contoh")
        settings.put(db.session, "signatory_nip", "197501012000031001")
        settings.put(db.session, "signatory_rank", "Pembina (IV/a)")
        for i in range(1, n + 1):
            at = NOV + timedelta(minutes=150 * i)
            db.session.add(RemoteAccessRequest(
                requester_name=name(i), instansi="PT Contoh Teknologi", letter_number=f"{i:03d}/UJI/XI/2026",
                letter_date=at.date(), purpose="Pembaruan aplikasi SPSE", rights_requested="Hanya baca",
                period_start=at, period_end=at + timedelta(days=1), status="closed" if i % 3 else "active",
                decided_at=at, approved_until=at + timedelta(days=1), username=f"uji{i:03d}",
                rights_granted="Hanya baca", granted_at=at, closed_at=at + timedelta(hours=5) if i % 3 else None))
        db.session.commit()


def pdf_pages(data: bytes) -> list[str]:
    """Each page's text with runs of whitespace made one space (wrapped cells break lines anywhere)."""
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]


def test_the_form_for_an_empty_period_says_so_in_every_format(app, people):
    boss = logged_in_client(app, "bambang")
    page = boss.get("/admin/remote/form?kind=month&value=2026-01").get_data(as_text=True)
    assert "Formulir Pencatatan Pemberian Remote Akses" in page and "Periode: Januari 2026" in page
    assert "Tidak ada pemberian remote akses pada periode ini." in page and "LPSE: Kota Salatiga" in page
    response = boss.get("/admin/remote/form.pdf?kind=month&value=2026-01")
    assert response.mimetype == "application/pdf"
    assert "formulir-remote-akses-2026-01.pdf" in response.headers["Content-Disposition"]
    (text,) = pdf_pages(response.data)
    for expected in ("Periode: Januari 2026", "LPSE: Kota Salatiga", *COLUMNS[1:],
                     "Jumlah pemberian remote akses: 0", "Salatiga, ", "Kepala Sub Bagian Pengelolaan LPSE"):
        assert expected in text
    ws = openpyxl.load_workbook(io.BytesIO(boss.get("/admin/remote/form.xlsx?kind=month&value=2026-01").data)).active
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c]
    assert "Tidak ada pemberian remote akses pada periode ini." in values


def test_the_form_for_200_accounts_spans_pages_in_the_pdf_and_lists_all_in_the_xlsx(app, people):
    given(app, 200)
    admin = logged_in_client(app, "ani")
    pages = pdf_pages(admin.get("/admin/remote/form.pdf?kind=month&value=2026-11").data)
    assert len(pages) > 5
    assert all(f"Halaman {i} dari {len(pages)}" in text for i, text in enumerate(pages, start=1))
    everything = "\n".join(pages)
    assert "Teknisi Uji 001" in everything and "Teknisi Uji 200" in everything
    assert "Jumlah pemberian remote akses: 200 (ditutup: 134, belum ditutup: 66)" in everything
    assert "Belum ditutup" in everything and "NIP. 197501012000031001" in everything

    ws = openpyxl.load_workbook(io.BytesIO(admin.get("/admin/remote/form.xlsx?kind=month&value=2026-11").data)).active
    rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    header = rows.index(tuple(COLUMNS))
    data = rows[header + 1: header + 201]
    assert [r[0] for r in data] == [str(i) for i in range(1, 201)]
    first = data[0]
    # 2 Nov 2026 01:00 UTC + 150 min = 10:30 WIB (ux9: one time style, as on the screens)
    assert first[1:7] == ("Teknisi Uji 001", "PT Contoh Teknologi", "uji001", "Hanya baca", "Pembaruan aplikasi SPSE",
                          "2 November 2026 10:30 WIB")
    # every third still open, a day past the end approved (3 November 15.30 WIB): h40w, the form says so
    assert data[2][7] == "Belum ditutup (melewati batas persetujuan 3 November 2026 15:30 WIB)"
    assert ws.page_setup.orientation == "landscape"


def test_the_form_prints_non_ascii_names_correctly(app, people):
    names = {1: "Ñoño Śuryadi", 2: "Bùi Thị Ánh"}
    given(app, 2, name=lambda i: names[i])
    admin = logged_in_client(app, "ani")
    (text,) = pdf_pages(admin.get("/admin/remote/form.pdf?kind=range&start=2026-11-01&end=2026-11-30").data)
    assert "Ñoño Śuryadi" in text and "Bùi Thị Ánh" in text and "Periode: 1 - 30 November 2026" in text
    ws = openpyxl.load_workbook(io.BytesIO(admin.get("/admin/remote/form.xlsx?kind=quarter&value=2026-Q4").data)).active
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c]
    assert "Ñoño Śuryadi" in values and "Bùi Thị Ánh" in values
    csv = admin.get("/admin/remote/form.csv?kind=month&value=2026-11").data
    assert csv.startswith(b"\xef\xbb\xbf") and "Bùi Thị Ánh".encode() in csv


def test_an_account_open_across_months_appears_in_each_month(app, people):
    with app.app_context():
        factories.remote_request(status="closed", username="lintas", granted_at=datetime(2026, 10, 30, 3, tzinfo=timezone.utc),
                                 closed_at=datetime(2026, 11, 2, 3, tzinfo=timezone.utc))
    admin = logged_in_client(app, "ani")
    for month in ("2026-10", "2026-11"):
        assert "lintas" in admin.get(f"/admin/remote/form?kind=month&value={month}").get_data(as_text=True)
    assert "lintas" not in admin.get("/admin/remote/form?kind=month&value=2026-12").get_data(as_text=True)


def test_a_bad_period_is_a_400_with_a_message(app, people):
    admin = logged_in_client(app, "ani")
    response = admin.get("/admin/remote/form.pdf?kind=range&start=2026-11-30&end=2026-11-01")
    assert response.status_code == 400 and "Akhir periode" in response.get_data(as_text=True)
    assert admin.get("/admin/remote/form?kind=month&value=2026-13").status_code == 400
    assert admin.get("/admin/remote/form.docx").status_code == 404


def test_the_records_closing_line_says_how_it_ended_as_a_sentence(app, people):
    # SOP 2: the third party tells the Admin the work is done, the Admin closes the account and notes it
    # (h40w: the line began in lower case, "pekerjaan selesai. Dikonfirmasi lewat telepon").
    with app.app_context():
        rid = factories.remote_request(status="closed", username="selesai01", close_kind="finished",
                                       granted_at=datetime(2026, 11, 3, 3, tzinfo=timezone.utc),
                                       closed_at=datetime(2026, 11, 4, 3, tzinfo=timezone.utc),
                                       close_note="Dikonfirmasi lewat telepon").id
    admin = logged_in_client(app, "ani")
    (text,) = pdf_pages(admin.get(f"/admin/remote/{rid}/record.pdf").data)
    assert "Penutupan akun Pekerjaan selesai" in text, text


def test_the_record_of_an_account_open_past_its_approved_end_says_so_where_its_closing_goes(app, people):
    # SOP 2: access is granted for a period and the account closed when the work is done (h40w: the record
    # of an open account ended at "Pemberian akun", past its approved end or not)
    with app.app_context():
        late = factories.remote_request(status="active", username="lewat01", granted_at=NOV,
                                        approved_until=datetime(2026, 11, 3, 8, 30, tzinfo=timezone.utc)).id
    admin = logged_in_client(app, "ani")
    (text,) = pdf_pages(admin.get(f"/admin/remote/{late}/record.pdf").data)
    assert "Penutupan akun Belum ditutup (melewati batas persetujuan 3 November 2026 15:30 WIB)" in text, text


def test_one_request_prints_as_a_one_page_record_with_approvals_and_times(app, people):
    given(app, 1, name=lambda i: "Bùi Thị Ánh")
    admin = logged_in_client(app, "ani")
    with app.app_context():
        rid = db.session.query(RemoteAccessRequest.id).scalar()
    page = admin.get(f"/admin/remote/{rid}/print").get_data(as_text=True)
    assert "Catatan Pemberian Remote Akses (SOP 2)" in page and "Keputusan Kasubag" in page
    (text,) = pdf_pages(admin.get(f"/admin/remote/{rid}/record.pdf").data)
    for expected in ("Bùi Thị Ánh", "Surat permohonan", "Disetujui sampai", "Pemberian akun", "Username: uji001",
                     "Penutupan akun", "Halaman 1 dari 1"):
        assert expected in text
