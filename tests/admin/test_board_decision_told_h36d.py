"""h36d on the helpdesk board, SOP 1: once the Kasubag decides, the board says so at its top ("Disetujui -
persilakan masuk" with what was permitted, "Ditolak - sampaikan alasannya" with the reason) until a
helpdesk records that the visitor was let in or told, with who and when (WIB), audited, once: a second
helpdesk PC gets a 409 that says who did it and when. The Kasubag does not record the desk's step."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk.extensions import db
from lpsedesk.i18n import format_wib
from lpsedesk.models import AuditEvent, Visit, utcnow

from .. import factories
from ..conftest import logged_in_client, post_form


def decided(app, status: str, name: str, **fields) -> int:
    now = utcnow()
    with app.app_context():
        return factories.visit(status, visitor=factories.visitor(full_name=name), submitted_at=now - timedelta(minutes=10),
                               decided_at=now - timedelta(minutes=1), decided_by_label="Bambang Wijaya",
                               approved_until=now + timedelta(hours=1), decision_told_at=None, **fields).id


def band(page: str) -> str:
    return page.split('data-part="to-tell"')[1].split('class="board-top"')[0]


def test_an_approval_stands_at_the_top_until_the_desk_lets_the_visitor_in(app, make_user):
    rina = make_user("rina", "helpdesk", name="Rina Helpdesk")
    visit_id = decided(app, "approved", "Agus Setuju")
    desk = logged_in_client(app, "rina")
    page = desk.get("/admin/board").get_data(as_text=True)
    top = band(page)
    assert "Disetujui - persilakan masuk" in top and "Agus Setuju" in top and "Bambang Wijaya" in top
    assert f'action="/admin/visits/{visit_id}/told"' in top
    assert f'data-key="in-{visit_id}"' not in page  # not "Sedang di dalam" before being let in
    assert f"told-{visit_id}" in page.split("data-pending=")[1].split(">")[0]  # beeps like a new request
    # the visit's own page (the name in the band leads there) says it and offers the same step
    visit_page = desk.get(f"/admin/visits/{visit_id}").get_data(as_text=True).split('id="next-step"')[1]
    assert "helpdesk belum mempersilakan pengunjung masuk" in visit_page
    assert f'action="/admin/visits/{visit_id}/told"' in visit_page

    response = post_form(desk, f"/admin/visits/{visit_id}/told", {"next": "/admin/board"}, token_page="/admin/board")
    assert response.status_code == 302
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        assert visit.decision_told_by_id == rina and visit.decision_told_at is not None
        told_at = visit.decision_told_at
        event = db.session.query(AuditEvent).filter_by(object_id=visit_id, action="visit.let_in").one()
        assert event.actor_id == rina
    page = desk.get("/admin/board").get_data(as_text=True)
    assert "Agus Setuju" not in band(page) and f'data-key="in-{visit_id}"' in page

    make_user("dewi", "helpdesk", name="Dewi Helpdesk")
    again = post_form(logged_in_client(app, "dewi"), f"/admin/visits/{visit_id}/told", {"next": "/admin/board"},
                      token_page="/admin/board")
    assert again.status_code == 409
    assert f"Rina Helpdesk sudah mencatat bahwa pengunjung ini dipersilakan masuk, {format_wib(told_at)}" in again.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(AuditEvent).filter_by(object_id=visit_id, action="visit.let_in").count() == 1


def test_a_refusal_stands_at_the_top_with_its_reason_in_english_too(app, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    visit_id = decided(app, "denied", "Budi Tolak", decision_reason="Ruangan sedang dipakai rapat")
    desk = logged_in_client(app, "rina")
    top = band(desk.get("/admin/board?lang=en").get_data(as_text=True))
    assert "Refused - tell the visitor why" in top and "Reason: Ruangan sedang dipakai rapat" in top
    assert post_form(desk, f"/admin/visits/{visit_id}/told", {"next": "/admin/board"},
                     token_page="/admin/board").status_code == 302
    with app.app_context():
        assert db.session.query(AuditEvent).filter_by(object_id=visit_id, action="visit.refusal_told").count() == 1
    page = desk.get("/admin/board").get_data(as_text=True)
    assert "Budi Tolak" not in band(page) and "Budi Tolak" in page.split('data-part="done"')[1]


def test_the_kasubag_does_not_record_the_desks_step(app, make_user):
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    visit_id = decided(app, "approved", "Agus Boss")
    boss = logged_in_client(app, "bambang")
    assert post_form(boss, f"/admin/visits/{visit_id}/told", {"next": "/admin/board"}).status_code == 403
