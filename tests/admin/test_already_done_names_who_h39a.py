"""h39a: two members of staff acting on one record at once never corrupt it, and the one who comes second
learns what happened: who recorded the step first and when (WIB), in the words h38b gave the let-in and the
refusal told ("<nama> sudah mencatat bahwa …, <dd/mm/yyyy hh:mm WIB>: dicatat sekali saja."). Before,
the KTP check, the acknowledgement and the other steps answered "Tindakan ini sudah dilakukan oleh petugas
lain", naming nobody, or "cannot become ..." Each case: two sessions, the second's action a 409 naming the
first's name and time, the record as the first left it."""
from __future__ import annotations

import html
from datetime import datetime, timedelta

import pytest

from lpsedesk.clock import WIB
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest, Visit, utcnow

from .. import factories
from ..conftest import logged_in_client, post_form
from .test_remote_flow import people  # noqa: F401 (fixture)
from .test_remote_support import local, now

ONCE = {"id": "dicatat sekali saja.", "en": "it is recorded once."}


def wib_text(moment: datetime) -> str:
    return moment.astimezone(WIB).strftime("%d/%m/%Y %H:%M") + " WIB"


def page_text(response) -> str:
    return " ".join(html.unescape(response.get_data(as_text=True)).split())


def visit_row(app, visit_id: int) -> dict:
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        return {k: v for k, v in vars(visit).items() if not k.startswith("_") and k not in ("visitor", "notes")}


def twice(app, first: str, second: str, path: str, data: dict | None = None, *, token_page: str = "/admin/"):
    """`first` takes the step, then `second`, each in a browser of their own: the second's answer."""
    a, b = logged_in_client(app, first), logged_in_client(app, second)
    b.get(token_page)  # both screens were open before either pressed
    assert post_form(a, path, data or {}, token_page=token_page).status_code in (200, 302)
    return post_form(b, path, data or {}, token_page=token_page)


def _inside(name: str, **fields) -> int:
    moment = utcnow()
    return factories.visit("approved", visitor=factories.visitor(full_name=name), submitted_at=moment - timedelta(minutes=40),
                           decided_at=moment - timedelta(minutes=30), decided_by_label="Bambang Wijaya",
                           approved_until=moment + timedelta(minutes=30), decision_told_at=moment - timedelta(minutes=29),
                           signature_key="sig/2026/12/" + "s" * 20, **fields).id


@pytest.fixture
def desks(make_user):
    return {"rina": make_user("rina", "helpdesk", name="Rina Helpdesk"),
            "dewi": make_user("dewi", "helpdesk", name="Dewi Helpdesk")}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_second_desk_checking_the_ktp_hears_who_checked_it_and_when(app, desks, lang):
    with app.app_context():
        visit_id = factories.visit("pending", submitted_at=utcnow()).id
    again = twice(app, "rina", "dewi", f"/admin/visits/{visit_id}/ktp-check?lang={lang}", token_page="/admin/board")
    assert again.status_code == 409
    row = visit_row(app, visit_id)
    said = {"id": "Rina Helpdesk sudah mencatat bahwa KTP asli pengunjung ini telah diperiksa, {when}: ",
            "en": "Rina Helpdesk already recorded that this visitor's original KTP was checked, {when}: "}
    assert said[lang].format(when=wib_text(row["ktp_checked_at"])) + ONCE[lang] in page_text(again)
    assert row["ktp_checked_by_id"] == desks["rina"]
    assert "petugas lain" not in page_text(again)


def test_the_second_desk_checking_out_hears_who_checked_the_visitor_out(app, desks):
    with app.app_context():
        visit_id = _inside("SUMARNI HADI", ktp_checked_at=utcnow() - timedelta(minutes=31))
    again = twice(app, "rina", "dewi", f"/admin/visits/{visit_id}/checkout", {"next": "/admin/board"},
                  token_page="/admin/board")
    assert again.status_code == 409
    row = visit_row(app, visit_id)
    assert (row["status"], row["checked_out_by_id"]) == ("checked_out", desks["rina"])
    assert (f"Rina Helpdesk sudah mencatat keluar pengunjung ini, "
            f"{wib_text(row['checked_out_at'])}: dicatat sekali saja.") in page_text(again)


def test_the_second_desk_reporting_hears_who_reported_the_visit_and_when(app, desks):
    with app.app_context():
        visit_id = _inside("SUMARNI HADI", ktp_checked_at=utcnow() - timedelta(minutes=31))
    assert post_form(logged_in_client(app, "rina"), f"/admin/visits/{visit_id}/checkout", {},
                     token_page="/admin/board").status_code == 302
    again = twice(app, "rina", "dewi", f"/admin/visits/{visit_id}/report", token_page="/admin/board")
    assert again.status_code == 409
    row = visit_row(app, visit_id)
    assert (row["status"], row["reported_by_id"]) == ("reported", desks["rina"])
    assert (f"Rina Helpdesk sudah mencatat bahwa kunjungan ini telah dilaporkan kepada Kasubag, "
            f"{wib_text(row['reported_at'])}: dicatat sekali saja.") in page_text(again)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_second_kasubag_acknowledging_a_report_hears_who_acknowledged_it(app, make_user, lang):
    first = make_user("bambang", "kasubag", name="Bambang Wijaya")
    make_user("budi", "kasubag", name="Budi Santoso")
    moment = utcnow()
    with app.app_context():
        visit_id = factories.visit("reported", submitted_at=moment - timedelta(hours=2),
                                   reported_at=moment - timedelta(minutes=5), checked_out_at=moment - timedelta(minutes=10),
                                   ktp_checked_at=moment - timedelta(hours=2)).id
    again = twice(app, "bambang", "budi", f"/admin/visits/{visit_id}/acknowledge?lang={lang}", token_page="/admin/queue")
    assert again.status_code == 409
    row = visit_row(app, visit_id)
    assert row["acknowledged_by_id"] == first
    said = {"id": "Bambang Wijaya sudah mencatat bahwa laporan ini telah diterima, {when}: ",
            "en": "Bambang Wijaya already recorded that this report was acknowledged, {when}: "}
    assert said[lang].format(when=wib_text(row["acknowledged_at"])) + ONCE[lang] in page_text(again)


@pytest.mark.parametrize("background", [False, True])
def test_the_second_kasubag_deciding_a_visit_hears_who_decided_it_and_when(app, make_user, background):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    make_user("budi", "kasubag", name="Budi Santoso")
    with app.app_context():
        visit_id = factories.visit("pending", submitted_at=utcnow()).id
    a, b = logged_in_client(app, "bambang"), logged_in_client(app, "budi")
    b.get("/admin/queue")
    assert post_form(a, f"/admin/visits/{visit_id}/decision", decision="approve",
                     token_page="/admin/queue").status_code == 302
    # the queue's card sends it in the background (queue.js), as well as the plain form
    headers = {"X-Background": "1"} if background else {}
    again = post_form(b, f"/admin/visits/{visit_id}/decision", {"decision": "deny", "reason": "Ruang penuh"},
                      token_page="/admin/queue", headers=headers)
    assert again.status_code == 409
    row = visit_row(app, visit_id)
    assert row["status"] == "approved" and not row["decision_reason"]
    assert (f"Bambang Wijaya sudah mencatat bahwa permintaan kunjungan ini disetujui, {wib_text(row['decided_at'])}: "
            "dicatat sekali saja.") in page_text(again)


def remote_row(app, rid: int) -> RemoteAccessRequest:
    with app.app_context():
        row = db.session.get(RemoteAccessRequest, rid)
        db.session.expunge(row)
        return row


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_second_kasubag_deciding_a_letter_hears_who_decided_it(app, people, make_user, lang):
    make_user("budi", "kasubag", name="Budi Santoso")
    with app.app_context():
        rid = factories.remote_request(recorded_by_id=people["admin"], period_start=now(),
                                       period_end=now() + timedelta(days=3)).id
    version = str(remote_row(app, rid).version)
    again = twice(app, "bambang", "budi", f"/admin/remote/{rid}/decision?lang={lang}",
                  {"decision": "deny", "reason": "Tidak perlu", "version": version}, token_page=f"/admin/remote/{rid}")
    assert again.status_code == 409
    row = remote_row(app, rid)
    assert (row.status, row.decided_by_id) == ("denied", people["boss"])
    said = {"id": "Bambang Kasubag sudah mencatat bahwa permohonan remote akses ini ditolak, {when}: ",
            "en": "Bambang Kasubag already recorded that this remote-access request was refused, {when}: "}
    assert said[lang].format(when=wib_text(row.decided_at)) + ONCE[lang] in page_text(again)


def test_the_second_admin_giving_or_closing_the_account_hears_who_did_it(app, people, make_user):
    make_user("agus", "admin", name="Agus Admin")
    with app.app_context():
        rid = factories.remote_request("approved", recorded_by_id=people["admin"], decided_at=now() - timedelta(hours=1),
                                       approved_until=now() + timedelta(days=1)).id
    give = {"username": "vendor01", "rights": ["Hanya baca"], "granted_at": local(now() - timedelta(minutes=2)),
            "version": str(remote_row(app, rid).version)}
    again = twice(app, "ani", "agus", f"/admin/remote/{rid}/account", give, token_page=f"/admin/remote/{rid}")
    assert again.status_code == 409
    row = remote_row(app, rid)
    assert (row.status, row.username, row.granted_by_id) == ("active", "vendor01", people["admin"])
    assert (f"Ani Admin sudah mencatat bahwa akun telah diberikan, {wib_text(row.granted_at)}: "
            "dicatat sekali saja.") in page_text(again)

    close = {"closed_at": local(now()), "note": "Pekerjaan selesai", "version": str(row.version)}
    again = twice(app, "ani", "agus", f"/admin/remote/{rid}/close", close, token_page=f"/admin/remote/{rid}")
    assert again.status_code == 409
    row = remote_row(app, rid)
    assert (row.status, row.closed_by_id) == ("closed", people["admin"])
    assert (f"Ani Admin sudah mencatat bahwa akun telah ditutup, {wib_text(row.closed_at)}: "
            "dicatat sekali saja.") in page_text(again)


def test_a_ktp_check_with_no_name_on_it_says_when_without_an_empty_oleh(app, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    moment = utcnow()
    with app.app_context():
        unnamed = factories.visit("pending", submitted_at=moment, ktp_checked_at=moment).id
    page = page_text(logged_in_client(app, "rina").get(f"/admin/visits/{unnamed}"))
    assert "KTP asli diperiksa pukul " in page
    assert "diperiksa oleh pukul" not in page and "diperiksa oleh  pukul" not in page


def test_a_ktp_check_at_the_desk_always_names_who_checked(app, desks):
    with app.app_context():
        visit_id = factories.visit("pending", submitted_at=utcnow()).id
    desk = logged_in_client(app, "rina")
    assert post_form(desk, f"/admin/visits/{visit_id}/ktp-check", token_page="/admin/board").status_code == 302
    assert visit_row(app, visit_id)["ktp_checked_by_id"] == desks["rina"]
    assert "KTP asli diperiksa oleh Rina Helpdesk pukul " in page_text(desk.get(f"/admin/visits/{visit_id}"))
