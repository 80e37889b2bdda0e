"""ux12: a visitor who will not wait for the Kasubag's answer tells the desk; the helpdesk withdraws
the waiting request from the board or the visit page. Expectations from the brief and SOP 1: asked
first naming the visitor (no way back), recorded with who did it, gone from the Kasubag's queue,
listed among today's finished visits as cancelled; only a waiting request, and the Kasubag refuses
rather than cancels."""
from __future__ import annotations

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit

from .. import factories
from ..conftest import post_form
from .test_staff_desk import inside


def _waiting(app, name: str = "Budi Siregar") -> int:
    with app.app_context():
        return factories.visit(visitor=factories.visitor(full_name=name)).id


def _status(app, visit_id: int) -> str:
    with app.app_context():
        return db.session.get(Visit, visit_id).status


def test_the_board_and_the_visit_page_offer_the_helpdesk_to_withdraw_a_waiting_request(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    visit_id = _waiting(app)
    action = f'action="/admin/visits/{visit_id}/withdraw"'
    for page in ("/admin/board", f"/admin/visits/{visit_id}"):
        html = client.get(page).get_data(as_text=True)
        assert action in html and "Batalkan permintaan" in html, page
        assert 'data-confirm-out="Batalkan permintaan kunjungan Budi Siregar?"' in html
        assert 'data-yes="Ya, batalkan"' in html and 'data-no="Tidak"' in html


def test_withdrawing_asks_first_then_records_who_did_it(app, client, make_user, login):
    rina = make_user("rina", "helpdesk", name="Rina Helpdesk")
    login("rina")
    visit_id = _waiting(app)
    asked = post_form(client, f"/admin/visits/{visit_id}/withdraw", step="ask", next="/admin/board")
    page = asked.get_data(as_text=True)
    assert asked.status_code == 200 and "Batalkan permintaan kunjungan Budi Siregar?" in page
    assert "Ya, batalkan" in page and 'href="/admin/board"' in page  # "Tidak" goes back to the board
    assert _status(app, visit_id) == "pending", "asking must not withdraw anything"

    done = post_form(client, f"/admin/visits/{visit_id}/withdraw", next="/admin/board")
    assert done.status_code == 302
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert (visit.status, visit.decided_by_id) == ("cancelled", rina)
        event = db.session.scalars(select(AuditEvent).where(
            AuditEvent.object_type == "visit", AuditEvent.object_id == visit_id)).one()
        assert (event.action, event.actor_type, event.actor_id) == ("visit.cancelled", "user", rina)
    board = client.get("/admin/board").get_data(as_text=True)
    assert "Permintaan kunjungan Budi Siregar dibatalkan." in board  # the flash says what happened
    finished = board.split("col-done", 1)[1]
    assert "Budi Siregar" in finished and "dibatalkan" in finished and "Rina Helpdesk" in finished
    waiting = board.split("col-pending", 1)[1].split("col-report", 1)[0]
    assert "Budi Siregar" not in waiting


def test_the_kasubags_queue_no_longer_shows_a_withdrawn_request(app, client, make_user, login):
    make_user("rina", "helpdesk")
    make_user("bambang", "kasubag")
    _waiting(app, "Sari Wulandari")
    gone = _waiting(app)
    login("rina")
    assert post_form(client, f"/admin/visits/{gone}/withdraw").status_code == 302
    login("bambang")
    queue = client.get("/admin/queue/fragment").get_data(as_text=True)
    waiting = queue.split('data-key="decided', 1)[0]
    assert "Sari Wulandari" in waiting and "Budi Siregar" not in waiting


def test_a_visit_already_inside_is_not_withdrawn_but_checked_out(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = inside()
    assert f'/admin/visits/{visit_id}/withdraw' not in client.get("/admin/board").get_data(as_text=True)
    for step in ({"step": "ask"}, {}):
        assert post_form(client, f"/admin/visits/{visit_id}/withdraw", **step).status_code == 409
    assert _status(app, visit_id) == "approved"


def test_the_kasubag_refuses_a_request_rather_than_withdrawing_it(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    visit_id = _waiting(app)
    assert "/withdraw" not in client.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert post_form(client, f"/admin/visits/{visit_id}/withdraw").status_code == 403
    assert _status(app, visit_id) == "pending"
