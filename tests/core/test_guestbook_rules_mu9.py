"""SOP 1 step 6/7 for a server-room visit: the guest book is complete only once the area's exit is
recorded, when its entry was (hand-planted mutants, mu9; docs/mutation.md).

docs/restricted.md: "The visit cannot be reported to the Kasubag until the device check is done
(and the area's exit recorded, if the entry was)." A visitor recorded as gone into the server room
and never recorded as out of it is not a finished visit the helpdesk can report.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from lpsedesk import restricted, visit_ops
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, UserRole
from lpsedesk.roles import Actor, Role
from lpsedesk.workflow import InvalidTransition

from .. import factories
from .test_rules_visit_ops import SIGNATURE, staff_user

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB


@pytest.fixture
def helpdesk(app):
    with app.app_context():
        yield Actor("user", staff_user("rina"), "Rina", frozenset({Role.HELPDESK}))


def left_the_building(**fields):
    """A server-room visit, nothing brought in, checked out with a signed guest book."""
    return factories.visit("checked_out", facility="server_room", restricted=True, devices_none=True,
                           signature_key=SIGNATURE, checked_out_at=NOW, **fields)


def test_a_visitor_who_entered_the_server_room_and_was_never_recorded_out_is_not_reported(helpdesk):
    visit = left_the_building(area_entered_at=NOW - timedelta(hours=1))
    assert visit_ops.missing_fields(visit) != []
    with pytest.raises(visit_ops.GuestBookIncomplete):
        visit_ops.report(db.session, visit, helpdesk, now=NOW)
    assert visit.status == "checked_out" and visit.reported_at is None
    # Once the helpdesk records the exit, the same visit is complete and is reported.
    restricted.leave_area(db.session, visit, helpdesk, now=NOW)
    assert visit_ops.missing_fields(visit) == []
    visit_ops.report(db.session, visit, helpdesk, now=NOW)
    assert visit.status == "reported"


def test_the_end_of_day_report_leaves_a_visit_still_in_the_server_room_and_names_it(helpdesk):
    inside_area = left_the_building(area_entered_at=NOW - timedelta(hours=1))
    result = visit_ops.report_batch(db.session, [inside_area], helpdesk, now=NOW)
    assert result.reported == [] and [v for v, _ in result.skipped] == [inside_area]
    assert inside_area.status == "checked_out"


def test_a_server_room_visit_that_never_entered_the_area_needs_no_exit(helpdesk):
    # "if the entry was": a visit approved but never taken into the area is complete without one.
    visit = left_the_building()
    assert visit_ops.missing_fields(visit) == []


# --- a second decision changes nothing, not even the escort ------------------------------------
# docs/staff.md, "Two staff at once": "The workflow refuses a second decision"; docs/restricted.md:
# the Kasubag names the escort when approving. A second approval of a visit already approved (two
# Kasubag screens open, or a Plh. and the Kasubag) is refused, and the escort named with the first
# approval stays the visit's escort.

def test_a_second_approval_naming_another_escort_is_refused_and_keeps_the_first_escort(app):
    with app.app_context():
        kasubag = Actor("user", staff_user("bambang"), "Bambang", frozenset({Role.KASUBAG}))
        first, second = staff_user("eko"), staff_user("dewi")
        for escort_id in (first, second):
            db.session.add(UserRole(user_id=escort_id, role=Role.HELPDESK.value))
        db.session.flush()
        visit = factories.visit("pending", facility="server_room", restricted=True, devices_none=True)
        visit_ops.decide(db.session, visit, "approve", kasubag, escort_id=first, now=NOW)
        assert (visit.status, visit.escort_id) == ("approved", first)
        with pytest.raises(InvalidTransition):
            visit_ops.decide(db.session, visit, "approve", kasubag, escort_id=second, now=NOW + timedelta(minutes=1))
        assert (visit.status, visit.escort_id, visit.decided_at) == ("approved", first, NOW)
        db.session.flush()
        named = db.session.scalars(select(AuditEvent).where(
            AuditEvent.object_id == visit.id, AuditEvent.action == "visit.escort_named")).all()
        assert len(named) == 1
