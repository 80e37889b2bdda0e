"""Reports > SKM: the IKM of the chosen period, its files, the follow-up plan; every staff role reads it."""
from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from lpsedesk.extensions import db
from lpsedesk.models import SkmResponse
from lpsedesk.skm.elements import ELEMENTS
from tests.conftest import csrf_from

SHEETS = [(4, 3, 3, 4, 3, 4, 4, 3, 3), (3, 3, 2, 4, 3, 3, 4, 3, 3), (3, 3, 3, 4, 3, 3, 3, None, 3),
          (4, 3, 3, 4, 4, 4, 4, 3, 3), (3, 3, 2, 4, 3, 3, 3, 2, 3), (3, 3, 3, 4, 3, 3, 4, 3, 3),
          (3, 3, 3, 4, 3, 3, 3, 3, 2), (3, 3, 3, 4, 3, 3, 3, None, 3), (3, 3, 2, 4, 3, 4, 4, 3, 3),
          (3, 3, 3, 4, 3, 3, 3, 2, 3)]  # the hand-worked example: converted IKM 79.03, B


@pytest.fixture
def answers(app):
    with app.app_context():
        for n, sheet in enumerate(SHEETS):
            db.session.add(SkmResponse(answered_on=date(2026, 3, 1 + n), channel="kiosk", sex="L" if n % 2 else "P",
                                       age_band="30-39", occupation="penyedia", education="s1",
                                       suggestion="Parkir diperluas" if n == 0 else None,
                                       **{f"u{e.number}": s for e, s in zip(ELEMENTS, sheet)}))
        db.session.add(SkmResponse(answered_on=date(2026, 7, 1), channel="kiosk", u1=1))  # the next semester
        db.session.commit()


SEMESTER_1 = "/admin/reports/skm?kind=semester&year=2026&half=1"


@pytest.mark.parametrize("role", ["helpdesk", "kasubag", "admin"])
def test_every_staff_role_reads_the_semester_ikm(client, login, make_user, answers, role):
    make_user("pegawai", role)
    login("pegawai")
    page = client.get(SEMESTER_1).get_data(as_text=True)
    assert "79,03" in page and "Baik" in page and "Parkir diperluas" in page
    assert "Semester I 2026" in page


def test_the_pdf_and_xlsx_carry_the_same_figures(client, login, make_user, answers):
    make_user("kasubag1", "kasubag")
    login("kasubag1")
    pdf = client.get(SEMESTER_1.replace("skm?", "skm.pdf?"))
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    xlsx = client.get(SEMESTER_1.replace("skm?", "skm.xlsx?"))
    cells = [str(c) for row in load_workbook(io.BytesIO(xlsx.data)).active.iter_rows(values_only=True)
             for c in row if c is not None]
    assert "79,03" in cells and any("B (Baik)" in c for c in cells)


def test_the_answers_csv_has_no_name_and_one_line_per_questionnaire(client, login, make_user, answers):
    make_user("helpdesk1", "helpdesk")
    login("helpdesk1")
    text = client.get("/admin/reports/skm-answers.csv?kind=semester&year=2026&half=1").data.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 1 + len(SHEETS) and "Nama" not in lines[0] and "NIK" not in lines[0]


def test_the_kasubag_saves_the_follow_up_plan_and_it_is_printed(client, login, make_user, answers):
    make_user("kasubag1", "kasubag")
    login("kasubag1")
    token = csrf_from(client, SEMESTER_1)
    saved = client.post("/admin/reports/skm/follow-up?kind=semester&year=2026&half=1",
                        data={"plan": "Menambah kursi ruang tunggu", "csrf_token": token})
    assert saved.status_code == 302
    assert "Menambah kursi ruang tunggu" in client.get(SEMESTER_1).get_data(as_text=True)


def test_a_bad_period_is_a_clear_400(client, login, make_user):
    make_user("helpdesk1", "helpdesk")
    login("helpdesk1")
    response = client.get("/admin/reports/skm?kind=range&from=2026-05-01&to=2026-01-01")
    assert response.status_code == 400
