"""h45u, asked: may the restricted area's device check be done again after it was done? No. SOP 1
and docs/restricted.md: at check-out the helpdesk ticks each device that leaves with the visitor, and
a device not ticked is an incident on the visit. The check is what was seen as the visitor left, once;
a second check would rewrite which devices left and when, under the incident it raised. The core
refuses it (409, saying the check is made once, as the visitor leaves) and the desk's screens, the
visit page and the board, no longer offer it once it is done."""
from __future__ import annotations

from sqlalchemy import func, select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit, VisitNote

from ..conftest import logged_in_client, post_form
from .test_restricted import _server_room_visit

FORM = "/devices-check"


def _record(visit_id: int) -> tuple:
    visit = db.session.get(Visit, visit_id)
    notes = db.session.scalar(select(func.count()).select_from(VisitNote).where(VisitNote.visit_id == visit_id))
    checks = db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.object_id == visit_id, AuditEvent.action == "visit.devices_checked"))
    return (visit.devices_checked_at, visit.devices_checked_by_id,
            {d.serial: d.left_with_visitor for d in visit.devices}, notes, checks)


def test_the_device_check_is_offered_until_done_then_neither_offered_nor_taken_again(app, make_user):
    make_user("hana", "helpdesk")
    desk = logged_in_client(app, "hana")
    with app.app_context():
        visit_id = _server_room_visit(status="approved")
        laptop, flashdisk = (d.id for d in db.session.get(Visit, visit_id).devices)
    check = f"/admin/visits/{visit_id}{FORM}"
    assert f'action="{check}"' in desk.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert f"/admin/visits/{visit_id}#devices" in desk.get("/admin/board").get_data(as_text=True)

    assert post_form(desk, check, left=[str(laptop)]).status_code == 302  # the flash disk did not leave
    with app.app_context():
        first = _record(visit_id)
    assert first[2] == {"PF-1": True, "SD-2": False} and first[3:] == (1, 1)

    # the screens no longer offer it
    assert f'action="{check}"' not in desk.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert f"/admin/visits/{visit_id}#devices" not in desk.get("/admin/board").get_data(as_text=True)

    # and the core refuses it, saying when it is made, leaving the first check as it was
    again = post_form(desk, check, left=[str(laptop), str(flashdisk)])
    assert again.status_code == 409 and "Perangkat diperiksa sekali" in again.get_data(as_text=True)
    with app.app_context():
        assert _record(visit_id) == first

    # nor after the visitor checked out (the flash disk "found" later is no second check)
    assert post_form(desk, f"/admin/visits/{visit_id}/checkout").status_code == 302
    assert "devices-check" not in desk.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert post_form(desk, check, left=[str(laptop), str(flashdisk)]).status_code == 409
    with app.app_context():
        assert _record(visit_id) == first

