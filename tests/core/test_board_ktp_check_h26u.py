"""h26u: SOP 1 - the visitor fills the guest book and shows a valid KTP; the helpdesk checks the
original and then asks the Kasubag. A request whose KTP the desk has not checked is the desk's next
step: the board counts it under "check the KTP", not under "waiting for the Kasubag's decision",
whatever the office's "KTP first" setting (with it off the Kasubag may decide early, the desk's step
is still to see the KTP)."""
from __future__ import annotations

from datetime import datetime, timezone
from types import SimpleNamespace

from lpsedesk import board_duties

CHECKED_AT = datetime(2026, 12, 4, 2, 0, tzinfo=timezone.utc)


def request(name: str, checked: bool) -> SimpleNamespace:
    return SimpleNamespace(name=name, status="pending", ktp_checked_at=CHECKED_AT if checked else None)


def test_a_request_whose_ktp_is_unchecked_is_the_desks_not_the_kasubags():
    agus, dewi, eka = request("Agus", False), request("Dewi", True), request("Eka", False)
    check_ktp, waiting = board_duties.split_pending([agus, dewi, eka])
    assert check_ktp == [agus, eka] and waiting == [dewi]


def test_the_summary_names_the_ktp_check_with_its_own_count_before_reporting():
    agus, dewi = request("Agus", False), request("Dewi", True)
    check_ktp, waiting = board_duties.split_pending([agus, dewi])
    duties = board_duties.duties(follow_up=None, check_ktp=check_ktp, to_report=[object()], waiting=waiting,
                                 inside=[])
    assert [(d.key, d.count) for d in duties] == [("check-ktp", 1), ("to-report", 1), ("pending", 1), ("inside", 0)]


def test_with_every_ktp_checked_nothing_is_left_to_the_desk_but_the_decision_waits():
    check_ktp, waiting = board_duties.split_pending([request("Dewi", True)])
    assert check_ktp == [] and len(waiting) == 1


def test_a_visitor_inside_with_an_unchecked_ktp_counts_as_a_ktp_to_check():
    """h28k: with "KTP first" off the Kasubag may grant before the desk saw the card; the check is still
    the desk's while the visitor is inside (after the check-out it can no longer be made)."""
    inside = [SimpleNamespace(name="Slamet", status="approved", ktp_checked_at=None),
              SimpleNamespace(name="Wati", status="approved", ktp_checked_at=CHECKED_AT)]
    assert board_duties.unchecked_inside(inside) == [inside[0]]
    duties = board_duties.duties(follow_up=None, check_ktp=[request("Agus", False)], to_report=[], waiting=[],
                                 inside=inside)
    assert [(d.key, d.count) for d in duties] == [("check-ktp", 2), ("to-report", 0), ("pending", 0), ("inside", 2)]
