"""An invitation's decision in advance and its cancellation are recorded: on the invitation (when,
by whom, why) and in the audit log (who, when, on which invitation, the reason), as every decision
of SOP 1 is. Written from issue 15's words and the SOP; deliberate bugs in
lpsedesk/invitations/rules.py that dropped these records passed the suite (mu5)."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.invitations import rules
from lpsedesk.models import AuditEvent
from lpsedesk.workflow import InvalidTransition, WorkflowError

from .test_rules_invitations import NOW, invite, people  # noqa: F401  (people is a fixture)

LATER = NOW + timedelta(minutes=5)


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_refusal_in_advance_records_who_when_and_why(people):  # noqa: F811
    desk, kasubag, _admin = people
    invitation = invite(desk)
    rules.decide(db.session, invitation, "deny", kasubag, reason="  Ruang dipakai rapat  ", now=LATER)
    assert invitation.status == "refused"
    assert invitation.decided_at == LATER and invitation.decided_by_id == kasubag.id
    assert invitation.decision_reason == "Ruang dipakai rapat"
    [event] = events("invitation.refused")
    assert (event.object_type, event.object_id) == ("invitations", invitation.id)
    assert (event.actor_id, event.actor_label, event.at) == (kasubag.id, "Bambang", LATER)
    assert event.details == {"to": "refused", "reason": "Ruang dipakai rapat"}


def test_an_approval_in_advance_is_recorded_without_a_reason(people):  # noqa: F811
    desk, kasubag, _admin = people
    invitation = invite(desk)
    rules.decide(db.session, invitation, "approve", kasubag, now=LATER)
    assert invitation.decided_at == LATER and invitation.decision_reason is None
    [event] = events("invitation.approved")
    assert (event.object_id, event.actor_id, event.at) == (invitation.id, kasubag.id, LATER)
    assert event.details == {"to": "approved"}


def test_a_decision_that_is_neither_approve_nor_deny_changes_nothing(people):  # noqa: F811
    desk, kasubag, _admin = people
    invitation = invite(desk)
    with pytest.raises(InvalidTransition):
        rules.decide(db.session, invitation, "maybe", kasubag, now=LATER)
    assert invitation.status == "open" and invitation.decided_at is None
    assert events("invitation.approved") == events("invitation.refused") == []


def test_no_decision_once_the_window_has_ended(people):  # noqa: F811
    desk, kasubag, _admin = people
    invitation = invite(desk)
    with pytest.raises(InvalidTransition):
        rules.decide(db.session, invitation, "approve", kasubag, now=invitation.ends_at)
    rules.decide(db.session, invitation, "approve", kasubag, now=invitation.ends_at - timedelta(seconds=1))
    assert invitation.status == "approved"


def test_a_reason_far_too_long_is_refused_and_nothing_is_decided(people):  # noqa: F811
    desk, kasubag, _admin = people
    invitation = invite(desk)
    with pytest.raises(WorkflowError) as refused:
        rules.decide(db.session, invitation, "deny", kasubag, reason="alasan " * 1000, now=LATER)
    assert refused.value.code == "too_long"
    assert invitation.status == "open" and invitation.decision_reason is None and events("invitation.refused") == []


def test_a_cancellation_is_recorded_once_and_cannot_be_repeated(people):  # noqa: F811
    desk, _kasubag, _admin = people
    invitation = invite(desk)
    rules.cancel(db.session, invitation, desk, now=LATER)
    assert (invitation.status, invitation.cancelled_at) == ("cancelled", LATER)
    [event] = events("invitation.cancelled")
    assert (event.object_id, event.actor_id, event.actor_label, event.at) == (invitation.id, desk.id, "Rina", LATER)
    with pytest.raises(InvalidTransition):
        rules.cancel(db.session, invitation, desk, now=LATER)
    assert len(events("invitation.cancelled")) == 1
