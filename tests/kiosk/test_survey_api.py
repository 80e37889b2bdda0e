"""The satisfaction survey at the kiosk, right after check-out: stored without the name, once."""
from __future__ import annotations

import re

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import SkmAnsweredVisit, SkmResponse
from tests import factories

NINE = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana")


def _checked_out(app, kiosk) -> tuple[str, int]:
    with app.app_context():
        visit = factories.visit("approved")
        ticket, visit_id = visit.ticket_code, visit.id
    assert kiosk.post_json(f"/visits/{ticket}/checkout", {}).status_code == 200
    return ticket, visit_id


def test_a_visitor_answers_the_survey_after_checking_out(app, kiosk):
    ticket, visit_id = _checked_out(app, kiosk)
    body = {"answers": {k: 4 for k in NINE} | {"biaya": None}, "education": "sma", "suggestion": "Parkir sempit"}
    response = kiosk.post_json(f"/visits/{ticket}/survey", body)
    assert response.status_code == 201
    with app.app_context():
        row = db.session.scalars(select(SkmResponse)).one()
        assert (row.u1, row.u4, row.education, row.suggestion, row.channel) == (4, None, "sma", "Parkir sempit", "kiosk")
        assert db.session.get(SkmAnsweredVisit, visit_id) is not None


def test_the_same_visit_cannot_answer_twice(app, kiosk):
    ticket, _ = _checked_out(app, kiosk)
    assert kiosk.post_json(f"/visits/{ticket}/survey", {"answers": {"waktu": 3}}).status_code == 201
    again = kiosk.post_json(f"/visits/{ticket}/survey", {"answers": {"waktu": 1}})
    assert again.status_code == 409 and again.json["error"] == "survey_already_answered"
    assert again.json["message"]


def test_a_visit_not_yet_checked_out_cannot_answer(app, kiosk):
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    response = kiosk.post_json(f"/visits/{ticket}/survey", {"answers": {"waktu": 3}})
    assert response.status_code == 409 and response.json["error"] == "survey_not_checked_out"


def test_a_score_of_five_is_refused_in_words_and_nothing_is_stored(app, kiosk):
    ticket, _ = _checked_out(app, kiosk)
    response = kiosk.post_json(f"/visits/{ticket}/survey", {"answers": {"waktu": 5}})
    assert response.status_code == 400 and "waktu" in response.json["fields"]
    with app.app_context():
        assert db.session.scalars(select(SkmResponse)).first() is None


def test_an_unknown_ticket_is_404(kiosk):
    assert kiosk.post_json("/visits/ZZZZZZZZ/survey", {"answers": {"waktu": 3}}).status_code == 404


def test_the_kiosk_page_shows_nine_questions_with_four_faces_each_and_no_stars(kiosk):
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert page.count("data-survey-step data-key=") == 9 and page.count("data-score=") == 36
    # a star widget by its class (an action named "back-start" holds the letters "k-star" and is no star)
    assert not re.search(r'class="[^"]*\bk-stars?\b', page) and 'name="rating"' not in page
