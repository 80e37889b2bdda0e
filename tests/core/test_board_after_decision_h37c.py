"""h37c, SOP 1 after the Kasubag's decision: "the helpdesk lets the visitor in within what was permitted
[...]; during the visit the helpdesk makes sure the visitor stays within what was permitted; afterwards
check-out and report". Before the let-in no visit is under way: an approved visitor still at the desk is
not offered the restricted area's entry, an early end or the devices' check on the way out; a visitor
who goes home after all is still checked out (left without coming in). A restricted visitor is let in
with the escort straight into the area in one tap. The board counts the decisions still to act on, and
after closing its follow-up names an approved visitor never let in."""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from types import SimpleNamespace

import pytest

from lpsedesk import board_duties, decision_told, office_hours, restricted, visit_ops
from lpsedesk.clock import wib_at
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit
from lpsedesk.roles import Actor, Role

from .. import factories
from .test_rules_visit_ops import staff_user

DECIDED = datetime(2026, 12, 7, 2, 0, tzinfo=timezone.utc)  # Monday 09:00 WIB
LET_IN = datetime(2026, 12, 7, 2, 5, tzinfo=timezone.utc)


def _staff(role: Role) -> Actor:
    return Actor(kind="user", id=7, label=role.value, roles=frozenset({role}))


def server_room(**fields) -> Visit:
    return Visit(id=3, status="approved", restricted=True, devices_none=False, escort_id=9, decided_at=DECIDED,
                 **fields)


def test_a_restricted_visitor_still_at_the_desk_is_offered_the_let_in_not_the_area_nor_the_devices():
    offered = visit_ops.available_actions(server_room(decision_told_at=None), _staff(Role.HELPDESK), ktp_first=False)
    assert "let_in_to_area" in offered
    assert not offered & {"enter_area", "check_devices"}
    with pytest.raises(decision_told.NotLetIn):  # the step itself agrees with the offer
        restricted.enter_area(None, server_room(decision_told_at=None), _staff(Role.HELPDESK))


def test_once_let_in_the_desk_records_the_area_entry_and_checks_the_devices_as_before():
    offered = visit_ops.available_actions(server_room(decision_told_at=LET_IN), _staff(Role.HELPDESK), ktp_first=False)
    assert {"enter_area", "check_devices"} <= offered and "let_in_to_area" not in offered


def test_only_the_helpdesk_lets_a_visitor_into_the_area():
    for role in (Role.KASUBAG, Role.ADMIN):
        assert "let_in_to_area" not in restricted.actions(server_room(decision_told_at=None), _staff(role))
    plain = Visit(id=4, status="approved", restricted=False, decided_at=DECIDED, decision_told_at=None)
    assert "let_in_to_area" not in visit_ops.available_actions(plain, _staff(Role.HELPDESK), ktp_first=False)


def test_not_let_in_is_an_approval_the_desk_never_acted_on():
    assert decision_told.not_let_in(Visit(status="approved", decision_told_at=None))
    assert decision_told.not_let_in(Visit(status="checked_out", decision_told_at=None))  # left without coming in
    assert not decision_told.not_let_in(Visit(status="approved", decision_told_at=LET_IN))
    for status in ("pending", "denied", "cancelled", "expired"):
        assert not decision_told.not_let_in(Visit(status=status, decision_told_at=None))


@pytest.fixture
def helpdesk(app):
    with app.app_context():
        yield Actor("user", staff_user("rina"), "Rina", frozenset({Role.HELPDESK}))


def test_a_visitor_who_goes_home_before_being_let_in_is_checked_out_as_such_never_ended_early(helpdesk):
    visit = factories.visit("approved", decided_at=DECIDED, decision_told_at=None)
    assert "check_out" in visit_ops.available_actions(visit, helpdesk, ktp_first=False)
    with pytest.raises(decision_told.NotLetIn):
        visit_ops.check_out(db.session, visit, helpdesk, early=True, reason="pulang", now=LET_IN)
    event = visit_ops.check_out(db.session, visit, helpdesk, now=LET_IN)
    assert visit.status == "checked_out" and event.details.get("not_let_in") is True


def test_devices_that_never_passed_the_desk_need_no_check_and_keep_the_guest_book_complete(helpdesk):
    visit = factories.visit("approved", facility="server_room", restricted=True, devices_none=False,
                            decided_at=DECIDED, decision_told_at=None)
    visit_ops.check_out(db.session, visit, helpdesk, now=LET_IN)  # no DevicesNotChecked
    assert "devices_checked" not in visit_ops.missing_fields(visit)


def test_one_tap_lets_the_restricted_visitor_in_and_into_the_area_at_one_moment(helpdesk):
    escort = staff_user("sari")
    visit = factories.visit("approved", facility="server_room", restricted=True, devices_none=True,
                            escort_id=escort, decided_at=DECIDED, decision_told_at=None)
    restricted.let_in_to_area(db.session, visit, helpdesk, now=LET_IN)
    assert visit.decision_told_at == LET_IN and visit.area_entered_at == LET_IN
    actions = {e.action for e in db.session.query(AuditEvent).filter_by(object_id=visit.id)}
    assert {"visit.let_in", "visit.area_entered"} <= actions
    with pytest.raises(decision_told.AlreadyTold):  # a second PC's tap
        restricted.let_in_to_area(db.session, visit, helpdesk, now=LET_IN)


# ---- the board's summary and follow-up -----------------------------------------------------------

HOURS = office_hours.OfficeHours(time(7, 30), time(16, 0))  # Monday to Friday
MONDAY = date(2026, 12, 7)


def decided(status: str, told: bool) -> SimpleNamespace:
    at = wib_at(MONDAY, time(15))
    return SimpleNamespace(status=status, decided_at=at, ktp_checked_at=at, decision_told_at=at if told else None)


def test_the_decisions_to_act_on_are_counted_after_the_visitors_to_find_and_before_the_ktp_checks():
    to_tell = [decided("approved", False), decided("denied", False)]
    found = board_duties.FollowUp(board_duties.AFTER_CLOSING, [decided("approved", True)])
    duties = board_duties.duties(follow_up=found, check_ktp=[], to_report=[], waiting=[], inside=found.visits,
                                 to_tell=to_tell)
    assert [(d.key, d.count) for d in duties][:3] == [("follow-up", 1), ("to-tell", 2), ("check-ktp", 0)]


def test_with_no_decision_to_act_on_the_summary_does_not_name_one():
    duties = board_duties.duties(follow_up=None, check_ktp=[], to_report=[], waiting=[], inside=[], to_tell=[])
    assert "to-tell" not in [d.key for d in duties]


def test_after_closing_the_follow_up_names_an_approved_visitor_never_let_in_not_a_refusal():
    inside, waiting_at_desk, refused = decided("approved", True), decided("approved", False), decided("denied", False)
    found = board_duties.follow_up(board_duties.to_find([inside], [waiting_at_desk, refused]), HOURS,
                                   wib_at(MONDAY, time(16, 30)))
    assert found is not None and found.why == board_duties.AFTER_CLOSING
    assert found.visits == [inside, waiting_at_desk]


def test_in_office_hours_an_approval_of_this_morning_not_yet_acted_on_needs_no_follow_up():
    at_desk = decided("approved", False)
    assert board_duties.follow_up(board_duties.to_find([], [at_desk]), HOURS, wib_at(MONDAY, time(15, 30))) is None
