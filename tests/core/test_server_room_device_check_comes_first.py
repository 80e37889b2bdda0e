"""A server-room visitor's devices are checked before the desk checks them out or reports the visit.

docs/restricted.md: "The desk's check-out of a restricted visit with devices is refused until the
devices are checked (the board shows 'Check the devices before check-out')". The screens draw
exactly the buttons `visit_ops.available_actions` names (README, "Rules"), so the offer must follow
the same rule as the step: a check-out button that is refused when pressed is a wrong offer. And
"The visit cannot be reported to the Kasubag until the device check is done" (same page).
"""
from __future__ import annotations

from datetime import datetime, timezone

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


def server_room_visit(**fields):
    return factories.visit("approved", facility="server_room", restricted=True, **fields)


def test_a_visitor_with_unchecked_devices_is_not_offered_to_the_desk_for_check_out(helpdesk):
    visit = server_room_visit(devices_none=False)
    offered = visit_ops.available_actions(visit, helpdesk, ktp_first=False)
    assert "check_devices" in offered
    assert "check_out" not in offered
    with pytest.raises(restricted.DevicesNotChecked):  # the step itself agrees with the offer
        visit_ops.check_out(db.session, visit, helpdesk, now=NOW)


def test_once_the_devices_are_checked_the_desk_is_offered_check_out(helpdesk):
    visit = server_room_visit(devices_none=False, devices_checked_at=NOW)
    assert "check_out" in visit_ops.available_actions(visit, helpdesk, ktp_first=False)


def test_a_visitor_who_said_they_bring_no_devices_is_offered_for_check_out_at_once(helpdesk):
    visit = server_room_visit(devices_none=True)
    offered = visit_ops.available_actions(visit, helpdesk, ktp_first=False)
    assert "check_out" in offered and "check_devices" not in offered


def test_a_finished_visit_whose_devices_were_never_checked_is_not_reported(helpdesk):
    # Checked out with its devices unchecked (before the rule, or by a fix in the database): the
    # guest book is not complete and the helpdesk cannot hand it to the Kasubag.
    visit = factories.visit("checked_out", facility="server_room", restricted=True, devices_none=False,
                            signature_key=SIGNATURE, checked_out_at=NOW)
    assert "devices_checked" in visit_ops.missing_fields(visit)
    with pytest.raises(visit_ops.GuestBookIncomplete) as refused:
        visit_ops.report(db.session, visit, helpdesk, now=NOW)
    assert "devices_checked" in refused.value.missing
    assert visit.status == "checked_out"

    visit.devices_checked_at = NOW
    assert visit_ops.missing_fields(visit) == []
    visit_ops.report(db.session, visit, helpdesk, now=NOW)
    assert visit.status == "reported"
