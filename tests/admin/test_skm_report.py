"""Reports > SKM: the IKM of the chosen period, its files, the follow-up plan; every staff role reads it."""
from __future__ import annotations

import io
import re
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


def test_the_helpdesk_hands_the_survey_to_a_visitor_at_the_desk_once(app, client, login, make_user):
    from tests import factories
    from lpsedesk.models import SkmAnsweredVisit
    from lpsedesk.clock import utcnow
    with app.app_context():
        visit_id = factories.visit("checked_out", checked_out_at=utcnow()).id
    make_user("helpdesk1", "helpdesk")
    login("helpdesk1")
    visit_page = client.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert f"/admin/visits/{visit_id}/survey" in visit_page
    screen = client.get(f"/admin/visits/{visit_id}/survey").get_data(as_text=True)
    assert screen.count("data-score=") == 36
    token = re.search(r'name="csrf-token" content="([^"]+)"', screen).group(1)
    sent = client.post(f"/admin/visits/{visit_id}/survey", json={"answers": {"waktu": 4}},
                       headers={"X-CSRFToken": token})
    assert sent.status_code == 201
    with app.app_context():
        assert db.session.get(SkmAnsweredVisit, visit_id) is not None
        row = db.session.query(SkmResponse).one()
        assert (row.channel, row.u3) == ("desk", 4)
    assert f"/admin/visits/{visit_id}/survey" not in client.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    again = client.post(f"/admin/visits/{visit_id}/survey", json={"answers": {"waktu": 1}},
                        headers={"X-CSRFToken": token})
    assert again.status_code == 409


def test_the_admin_rewords_a_question_and_the_kiosk_asks_it(app, client, login, make_user):
    make_user("admin1", "admin")
    login("admin1")
    token = csrf_from(client, "/admin/settings/skm")
    saved = client.post("/admin/settings/skm", data={"csrf_token": token, "waktu_id": "Seberapa cepat kami melayani?",
                                                    "waktu_en": "How fast did we serve you?"})
    assert saved.status_code == 302
    assert "Seberapa cepat kami melayani?" in client.get("/admin/settings/skm").get_data(as_text=True)
    too_long = client.post("/admin/settings/skm", data={"csrf_token": token, "waktu_id": "x" * 301})
    assert too_long.status_code == 400


def test_the_statistics_page_shows_this_semesters_ikm_and_the_monthly_trend(app, client, login, make_user):
    from lpsedesk.clock import wib_today
    today = wib_today()
    with app.app_context():
        db.session.add(SkmResponse(answered_on=today, channel="kiosk", **{f"u{n}": 4 for n in range(1, 10)}))
        db.session.commit()
    make_user("helpdesk1", "helpdesk")
    login("helpdesk1")
    page = client.get("/admin/reports/statistics").get_data(as_text=True)
    assert "data-skm-tile-ikm>100,00<" in page and "A (Sangat Baik)" in page


def test_an_answer_given_on_the_last_day_of_june_counts_in_semester_one(app, client, login, make_user):
    """Semester I runs to 30 June inclusive, Semester II from 1 July to 31 December (PermenPANRB 14/2017's
    semester reports): a questionnaire answered on either edge day is in its semester's respondents, once."""
    with app.app_context():
        for day in (date(2026, 1, 1), date(2026, 6, 30), date(2026, 7, 1), date(2026, 12, 31)):
            db.session.add(SkmResponse(answered_on=day, channel="kiosk", **{f"u{e.number}": 3 for e in ELEMENTS}))
        db.session.commit()
    make_user("helpdesk1", "helpdesk")
    login("helpdesk1")
    for half in ("1", "2"):
        page = client.get(f"/admin/reports/skm?kind=semester&year=2026&half={half}").get_data(as_text=True)
        assert re.search(r"data-skm-respondents>\s*2\s*<", page), half
