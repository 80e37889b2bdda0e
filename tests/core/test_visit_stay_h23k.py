"""h23k: SOP 1, the visit happens after the Kasubag's permission; the report says the visit is finished.
A visit's stay runs from when the visitor was let in (the approval) to the check-out, not from the
kiosk's submission (the arrival, before the wait), and is the difference of the two times as shown,
each to its minute: a report read "21:29-21:36, 6 menit" while the board said "sejak 21:34"."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk import visit_stay
from lpsedesk.models import Visit

# 21:29:50 WIB at the kiosk, let in at 21:34:10 WIB, out at 21:36:05 WIB (14:xx UTC)
ARRIVED = datetime(2026, 11, 10, 14, 29, 50, tzinfo=timezone.utc)
LET_IN = datetime(2026, 11, 10, 14, 34, 10, tzinfo=timezone.utc)
OUT = datetime(2026, 11, 10, 14, 36, 5, tzinfo=timezone.utc)


def _visit(status: str, **times) -> Visit:
    # let in by the helpdesk at the permission, unless a test says otherwise (h40p: one never let in has no stay)
    return Visit(status=status, **{"submitted_at": ARRIVED, "decision_told_at": times.get("decided_at"), **times})


@pytest.mark.parametrize("status", ["approved", "checked_out", "reported"])
def test_a_visit_begins_when_the_kasubag_lets_the_visitor_in_not_at_the_kiosk(status):
    assert visit_stay.began(_visit(status, decided_at=LET_IN)) == LET_IN


@pytest.mark.parametrize("status", ["pending", "denied", "cancelled", "expired"])
def test_a_visit_never_let_in_never_began(status):
    # a refusal or an expiry is a decision too, but nobody went in
    visit = _visit(status, decided_at=LET_IN)
    assert visit_stay.began(visit) is None and visit_stay.stay(visit) is None


def test_the_stay_runs_from_the_permission_to_the_check_out():
    visit = _visit("reported", decided_at=LET_IN, checked_out_at=OUT)
    assert visit_stay.stay(visit) == timedelta(minutes=2)  # 21:34-21:36, not 21:29-21:36


def test_the_stay_is_the_difference_of_the_two_times_as_shown():
    # let in at 21:34:59, out at 21:36:00: shown 21:34-21:36, so 2 minutes (61 seconds cut down gave 1)
    visit = _visit("checked_out", decided_at=LET_IN.replace(second=59), checked_out_at=OUT.replace(second=0))
    assert visit_stay.stay(visit) == timedelta(minutes=2)
    # and 21:34:00 to 21:35:59 is 21:34-21:35: 1 minute, not rounded up to 2
    visit = _visit("checked_out", decided_at=LET_IN.replace(second=0), checked_out_at=OUT.replace(minute=35, second=59))
    assert visit_stay.stay(visit) == timedelta(minutes=1)


def test_no_stay_before_the_check_out():
    assert visit_stay.stay(_visit("approved", decided_at=LET_IN)) is None


def test_a_visitor_approved_who_left_without_being_let_in_has_no_stay():
    # h40p: "Pergi tanpa masuk" (or the kiosk's check-out of one still at the desk): no visit took place
    for status in ("checked_out", "reported"):
        visit = _visit(status, decided_at=LET_IN, decision_told_at=None, checked_out_at=OUT)
        assert visit_stay.began(visit) is None and visit_stay.stay(visit) is None


def test_a_visitor_approved_still_at_the_desk_is_waited_for_since_the_approval():
    # not gone: the follow-up's "since" for one never let in is still the approval (board_duties.came)
    assert visit_stay.began(_visit("approved", decided_at=LET_IN, decision_told_at=None)) == LET_IN
