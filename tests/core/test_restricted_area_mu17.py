"""Issue 15 and h37c: the helpdesk records when a visitor of a restricted facility (the server room) entered
and left the restricted area, apart from the visit; a restricted visitor may be let in straight into the area
with the escort in one tap. A visit to an ordinary facility has no restricted area to enter: neither step
records one for it, whatever a stale page or a hand-made form sends; nor is the area entered once the visit
is over, and a refused visitor is told, never let into the area. mu17: `_area_closed` without its "restricted
facility" condition or letting a checked-out visit through, and the one tap offered without `_area_closed` (so
to a refusal still to tell), survived the suite (no test sent the steps or offered them to such visits)."""
from __future__ import annotations

import pytest

from lpsedesk import restricted
from lpsedesk.extensions import db
from lpsedesk.workflow import InvalidTransition

from .. import factories
from .test_board_after_decision_h37c import DECIDED, LET_IN, helpdesk  # noqa: F401 (fixture)


def test_an_ordinary_visit_has_no_restricted_area_to_enter(helpdesk):
    visit = factories.visit("approved", decided_at=DECIDED, decision_told_at=LET_IN)
    with pytest.raises(InvalidTransition):
        restricted.enter_area(db.session, visit, helpdesk, now=LET_IN)
    assert visit.area_entered_at is None


def test_an_ordinary_visitor_is_not_let_in_into_a_restricted_area(helpdesk):
    visit = factories.visit("approved", decided_at=DECIDED, decision_told_at=None)
    with pytest.raises(InvalidTransition):
        restricted.let_in_to_area(db.session, visit, helpdesk, now=LET_IN)
    # refused before anything is written: the caller commits, and a refused step leaves nothing to commit
    assert visit.area_entered_at is None and visit.decision_told_at is None


def test_once_checked_out_the_visitor_no_longer_enters_the_restricted_area(helpdesk):
    # SOP 1: the helpdesk makes sure the visitor stays within what was permitted *during* the visit; a
    # server-room visitor let in who never went into the area and has been checked out enters it no more.
    visit = factories.visit("checked_out", facility="server_room", restricted=True, devices_none=True,
                            decided_at=DECIDED, decision_told_at=LET_IN, checked_out_at=LET_IN)
    assert "enter_area" not in restricted.actions(visit, helpdesk)
    with pytest.raises(InvalidTransition):
        restricted.enter_area(db.session, visit, helpdesk, now=LET_IN)
    assert visit.area_entered_at is None


def test_a_refused_server_room_request_is_told_of_its_refusal_never_let_into_the_area(helpdesk):
    # SOP 1: "the helpdesk lets the visitor in [...], or tells the refusal": a refusal still to tell is the
    # desk's to tell, and the one tap into the area is for an approved visitor only.
    visit = factories.visit("denied", facility="server_room", restricted=True, devices_none=True,
                            decided_at=DECIDED, decision_reason="Ruangan dipakai", decision_told_at=None)
    assert "let_in_to_area" not in restricted.actions(visit, helpdesk)
    with pytest.raises(InvalidTransition):
        restricted.let_in_to_area(db.session, visit, helpdesk, now=LET_IN)
    assert visit.area_entered_at is None
