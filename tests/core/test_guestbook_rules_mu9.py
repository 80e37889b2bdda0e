"""SOP 1 step 6/7 for a server-room visit: the guest book is complete only once the area's exit is
recorded, when its entry was (hand-planted mutants, mu9; docs/mutation.md).

docs/restricted.md: "The visit cannot be reported to the Kasubag until the device check is done
(and the area's exit recorded, if the entry was)." A visitor recorded as gone into the server room
and never recorded as out of it is not a finished visit the helpdesk can report.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk import restricted, visit_ops
from lpsedesk.extensions import db
from lpsedesk.roles import Actor, Role

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
