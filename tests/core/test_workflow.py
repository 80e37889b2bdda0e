"""Both SOP state machines, as plain Python: every allowed and every forbidden move for every role."""
from __future__ import annotations

import itertools
from datetime import datetime, timezone

import pytest

from lpsedesk.roles import Actor, Role
from lpsedesk.workflow import (
    InvalidTransition, MissingReason, NotAllowed, RemoteStatus, VisitStatus, allowed_targets, transition,
)
from tests.core.workflow_fakes import FakeRemote, FakeVisit

ALL_ROLES = list(Role)
NOW = datetime(2026, 11, 22, 3, 0, tzinfo=timezone.utc)


def actor(role: Role, user_id: int = 1) -> Actor:
    kind = {"kiosk": "kiosk", "system": "system"}.get(role.value, "user")
    return Actor(kind=kind, id=user_id, label=f"{role.value} person", roles=frozenset({role}))


# Written out from the SOPs, not read from lpsedesk.workflow: (from, to) -> (roles that may, audit action).
# SOP 1: the visitor's request (kiosk) waits for the Kasubag, who grants or refuses; a request can be
# withdrawn at the kiosk or the desk, and one left undecided expires at closing time (the system);
# the visitor checks out at the kiosk or the desk; the helpdesk reports the finished visit.
EXPECTED_VISIT = {
    ("pending", "approved"): ({Role.KASUBAG}, "visit.approved"),
    ("pending", "denied"): ({Role.KASUBAG}, "visit.denied"),
    ("pending", "cancelled"): ({Role.KIOSK, Role.HELPDESK}, "visit.cancelled"),
    ("pending", "expired"): ({Role.SYSTEM}, "visit.expired"),
    ("approved", "checked_out"): ({Role.KIOSK, Role.HELPDESK}, "visit.checked_out"),
    ("checked_out", "reported"): ({Role.HELPDESK}, "visit.reported"),
}
# SOP 2: the Admin records the letter, the Kasubag grants or refuses, the Admin gives the account
# and closes it when the third party is done.
EXPECTED_REMOTE = {
    ("received", "approved"): ({Role.KASUBAG}, "remote.approved"),
    ("received", "denied"): ({Role.KASUBAG}, "remote.denied"),
    ("approved", "active"): ({Role.ADMIN}, "remote.account_given"),
    ("active", "closed"): ({Role.ADMIN}, "remote.closed"),
}
CASES = [(FakeVisit, VisitStatus, EXPECTED_VISIT), (FakeRemote, RemoteStatus, EXPECTED_REMOTE)]


@pytest.mark.parametrize("make,states,table", CASES, ids=["visit", "remote"])
def test_every_move_for_every_role_is_allowed_exactly_when_the_sop_says(make, states, table):
    for frm, to, role in itertools.product(states, states, ALL_ROLES):
        record = make(status=frm.value)
        expected = table.get((frm.value, to.value))
        who = actor(role)
        if expected is None:
            with pytest.raises(InvalidTransition):
                transition(record, to.value, who, reason="because", now=NOW)
            assert record.status == frm.value
        elif role not in expected[0]:
            with pytest.raises(NotAllowed):
                transition(record, to.value, who, reason="because", now=NOW)
            assert record.status == frm.value
        else:
            event = transition(record, to.value, who, reason="because", now=NOW)
            assert record.status == to.value
            assert event.action == expected[1]
            assert event.details == {"from": frm.value, "to": to.value, "reason": "because"}
            assert event.actor == who and event.at == NOW and event.object_id == record.id


def test_kasubag_can_approve_a_pending_visit_and_the_decision_is_stamped():
    visit = FakeVisit(status="pending")
    event = transition(visit, "approved", actor(Role.KASUBAG, 5), now=NOW)
    assert (visit.status, visit.decided_at, visit.decided_by_id) == ("approved", NOW, 5)
    assert event.action == "visit.approved" and event.object_type == "visit"


def test_kasubag_can_refuse_a_pending_visit_only_with_a_reason():
    visit = FakeVisit(status="pending")
    with pytest.raises(MissingReason):
        transition(visit, "denied", actor(Role.KASUBAG), reason="   ")
    assert visit.status == "pending"
    transition(visit, "denied", actor(Role.KASUBAG), reason="Ruang penuh")
    assert visit.decision_reason == "Ruang penuh"


def test_the_admin_who_recorded_a_remote_request_cannot_decide_it_even_as_kasubag():
    both = Actor(kind="user", id=100, label="Admin Kasubag", roles=frozenset({Role.ADMIN, Role.KASUBAG}))
    request = FakeRemote(status="received", recorded_by_id=100)
    with pytest.raises(NotAllowed) as refused:
        transition(request, "approved", both)
    assert refused.value.code == "not_the_recorder"  # the web layer says why in the user's language
    assert request.status == "received"
    assert allowed_targets(request, both) == []
    other = actor(Role.KASUBAG, 101)
    assert allowed_targets(request, other) == ["approved", "denied"]


def test_a_delegate_decision_names_the_principal():
    plh = Actor(kind="user", id=3, label="Plh Person", roles=frozenset({Role.KASUBAG}),
                on_behalf_of_id=2, on_behalf_of_label="Kasubag Person")
    visit = FakeVisit(status="pending")
    event = transition(visit, "approved", plh)
    assert visit.decided_on_behalf_of_id == 2
    assert visit.decided_by_label == "Plh Person a.n. Kasubag Person"
    assert event.details["on_behalf_of"] == "Kasubag Person"


def test_unknown_target_state_is_an_invalid_transition():
    with pytest.raises(InvalidTransition):
        transition(FakeVisit(status="pending"), "teleported", actor(Role.KASUBAG))
