"""h36d: two helpdesk PCs record at the same instant that one approved visitor was let in, on the served
desk (real waitress, both requests held at their write until both have read the decision untold): one
is recorded, the other hears a 409 naming who let the visitor in and when; the audit log holds one."""
from __future__ import annotations

from datetime import timedelta

from lpsedesk.extensions import db
from lpsedesk.models import Visit
from lpsedesk.models.base import utcnow

from .. import factories
from .served_race import at_once, held_at_write, staff
from .test_two_staff_at_once_served import _events, _one_won, desk  # noqa: F401 (fixture)


def test_two_helpdesk_pcs_let_one_visitor_in_at_once(app, make_user, desk):
    names = {make_user("rina", "helpdesk", name="Rina Helpdesk"): "Rina Helpdesk",
             make_user("dewi", "helpdesk", name="Dewi Helpdesk"): "Dewi Helpdesk"}
    now = utcnow()
    with app.app_context():
        visit_id = factories.visit("approved", decided_at=now - timedelta(minutes=1), decision_told_at=None,
                                   approved_until=now + timedelta(hours=1)).id
    one, two = staff(desk, "rina"), staff(desk, "dewi")
    let_in = lambda b: lambda: b.post(f"/admin/visits/{visit_id}/told", {"next": "/admin/board"})  # noqa: E731
    with held_at_write(Visit):
        results = at_once(let_in(one), let_in(two))
    _status, page = _one_won(results, 302, 409)
    with app.app_context():
        winner = names[db.session.get(Visit, visit_id).decision_told_by_id]
    assert f"{winner} sudah mencatat bahwa pengunjung ini dipersilakan masuk" in page, page[:2000]
    assert [e for e in _events(app, Visit, visit_id, "visit") if e == "visit.let_in"] == ["visit.let_in"]

