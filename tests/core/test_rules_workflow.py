"""What each workflow step writes on the record, and what a refusal tells the web layer (SOP 1 and 2).

Every decision is signed with who made it and when, a delegate's as "<delegate> a.n. <Kasubag>"
in the record's label column (120 characters); the visit's end and a refusal keep their reason.
A refusal names the rule that refused, so the edge can say it in the user's language.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lpsedesk.models import Visit
from lpsedesk.roles import Actor, Role
from lpsedesk.workflow import (
    InvalidInput, InvalidTransition, MissingReason, NotAllowed, WorkflowError, allowed_targets, check_transition,
    transition,
)
from tests.core.workflow_fakes import FakeRemote, FakeVisit

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)
LABEL_COLUMN = Visit.__table__.c.decided_by_label.type.length  # what the record can hold


def person(role: Role, user_id: int = 5, label: str = "Rina Helpdesk") -> Actor:
    return Actor("user", user_id, label, frozenset({role}))


def test_checking_out_writes_when_who_and_the_name_shown_on_screens():
    visit = FakeVisit("approved")
    transition(visit, "checked_out", person(Role.HELPDESK), reason="  Dipanggil kantor ", now=NOW)
    assert (visit.checked_out_at, visit.checked_out_by_id, visit.checked_out_by_label, visit.end_reason) == \
        (NOW, 5, "Rina Helpdesk", "Dipanggil kantor")


def test_a_kiosk_check_out_names_the_kiosk_but_no_user():
    visit = FakeVisit("approved")
    transition(visit, "checked_out", Actor("kiosk", 9, "Kiosk Lobi", frozenset({Role.KIOSK})), now=NOW)
    assert (visit.checked_out_by_id, visit.checked_out_by_label, visit.end_reason) == (None, "Kiosk Lobi", None)


def test_a_step_without_a_reason_column_ignores_the_reason():
    visit = FakeVisit("checked_out")
    event = transition(visit, "reported", person(Role.HELPDESK), reason="Selesai", now=NOW)
    assert (visit.status, visit.reported_at, visit.reported_by_id) == ("reported", NOW, 5)
    assert event.details["reason"] == "Selesai"  # still in the audit log


def test_an_approval_without_a_reason_keeps_the_reason_column_empty():
    visit = FakeVisit("pending")
    event = transition(visit, "approved", person(Role.KASUBAG, 2, "Bambang"), now=NOW)
    assert (visit.decision_reason, visit.decided_by_label, visit.decided_on_behalf_of_id) == (None, "Bambang", None)
    assert event.details == {"from": "pending", "to": "approved"}
    assert event.object_type == "visit" and event.object_id == 3


def test_a_delegates_long_signature_is_cut_to_what_the_record_holds():
    plh = Actor("user", 3, "P" * 100, frozenset({Role.KASUBAG}), on_behalf_of_id=2, on_behalf_of_label="K" * 100)
    visit = FakeVisit("pending")
    transition(visit, "approved", plh, now=NOW)
    assert visit.decided_by_label == ("P" * 100 + " a.n. " + "K" * 100)[:LABEL_COLUMN]
    assert len(visit.decided_by_label) == LABEL_COLUMN


def test_a_delegate_signs_a_remote_decision_once_by_id_and_name():
    request = FakeRemote("received", recorded_by_id=9)
    plh = Actor("user", 3, "Plh", frozenset({Role.KASUBAG}), on_behalf_of_id=2, on_behalf_of_label="Kasubag")
    event = transition(request, "approved", plh, now=NOW)
    assert (request.decided_by_id, request.decided_on_behalf_of_id, request.decided_at) == (3, 2, NOW)
    assert request.decided_by_label == "Plh a.n. Kasubag"
    assert event.object_type == "remote_access" and event.details["on_behalf_of"] == "Kasubag"


def test_a_request_recorded_by_nobody_known_can_be_decided_by_any_kasubag():
    request = FakeRemote("received", recorded_by_id=None)
    assert allowed_targets(request, person(Role.KASUBAG)) == ["approved", "denied"]
    # a kiosk or the system is no user and never "the recorder"
    assert allowed_targets(FakeRemote("received", recorded_by_id=None),
                           Actor("system", None, "system", frozenset({Role.KASUBAG}))) == ["approved", "denied"]


def test_allowed_targets_lists_only_moves_the_actor_may_make_now():
    assert allowed_targets(FakeVisit("pending"), person(Role.HELPDESK)) == ["cancelled"]
    assert allowed_targets(FakeVisit("approved"), person(Role.KASUBAG)) == []
    assert allowed_targets(FakeVisit("approved"), person(Role.HELPDESK)) == ["checked_out"]
    assert allowed_targets(FakeVisit("reported"), person(Role.HELPDESK)) == []


def test_something_without_a_workflow_is_refused():
    with pytest.raises(TypeError):
        allowed_targets(object(), person(Role.ADMIN))


def test_a_refusal_carries_the_states_for_the_message_and_reads_well_in_a_log():
    with pytest.raises(InvalidTransition) as refused:
        transition(FakeVisit("reported"), "approved", person(Role.KASUBAG), now=NOW)
    assert refused.value.code == "invalid_transition"
    assert refused.value.params == {"current": "reported", "target": "approved"}
    assert refused.value.message == "Cannot go from %(current)s to %(target)s."
    assert str(refused.value) == "Cannot go from reported to approved."
    with pytest.raises(InvalidTransition) as unknown:
        check_transition(FakeVisit("pending"), "teleported", person(Role.KASUBAG))
    assert unknown.value.params == {"state": "teleported"} and "teleported" in str(unknown.value)


def test_a_refusal_by_role_or_by_rule_says_which():
    with pytest.raises(NotAllowed) as by_role:
        transition(FakeVisit("pending"), "approved", person(Role.HELPDESK), now=NOW)
    assert (by_role.value.code, by_role.value.params) == ("not_allowed", {})
    assert str(by_role.value) == "Your role may not make this change."
    with pytest.raises(NotAllowed) as by_rule:
        transition(FakeRemote("received", recorded_by_id=5), "approved",
                   Actor("user", 5, "Ani", frozenset({Role.KASUBAG})), now=NOW)
    assert by_rule.value.code == "not_the_recorder" and "not_the_recorder" in str(by_rule.value)
    with pytest.raises(MissingReason) as no_reason:
        transition(FakeVisit("pending"), "denied", person(Role.KASUBAG), reason="", now=NOW)
    assert no_reason.value.code == "missing_reason"


def test_error_codes_can_be_named_per_rule():
    assert WorkflowError("x").code == "workflow"
    assert InvalidInput("x").code == "invalid_input"
    assert InvalidInput("Too long: %(n)d", code="note_too_long", n=5).code == "note_too_long"
    assert str(InvalidInput("Too long: %(n)d", code="note_too_long", n=5)) == "Too long: 5"
    assert str(WorkflowError("100% sure")) == "100% sure"  # no parameters: the message as written


def test_a_move_can_be_checked_before_the_reason_is_known():
    # The web layer checks a refusal before reading its form; the reason is checked when given.
    assert check_transition(FakeVisit("pending"), "denied", person(Role.KASUBAG)).needs_reason
    with pytest.raises(MissingReason):
        check_transition(FakeVisit("pending"), "denied", person(Role.KASUBAG), reason=" ")
    assert not check_transition(FakeVisit("pending"), "approved", person(Role.KASUBAG), reason="").needs_reason


def test_without_a_given_time_the_step_is_stamped_now():
    visit = FakeVisit("pending")
    before = datetime.now(timezone.utc)
    event = transition(visit, "approved", person(Role.KASUBAG))
    assert before <= visit.decided_at <= datetime.now(timezone.utc) and event.at == visit.decided_at


def test_refusals_read_as_sentences_in_the_log():
    with pytest.raises(InvalidTransition) as unknown:
        check_transition(FakeVisit("pending"), "teleported", person(Role.KASUBAG))
    assert str(unknown.value) == "Unknown state teleported."
    with pytest.raises(NotAllowed) as by_rule:
        check_transition(FakeRemote("received", recorded_by_id=5), "denied", Actor("user", 5, "Ani", frozenset({Role.KASUBAG})))
    assert str(by_rule.value) == "Refused by rule not_the_recorder."
    with pytest.raises(MissingReason) as no_reason:
        check_transition(FakeVisit("pending"), "denied", person(Role.KASUBAG), reason="")
    assert str(no_reason.value) == "A reason is required."
    with pytest.raises(TypeError, match="^object has no workflow$"):
        check_transition(object(), "approved", person(Role.KASUBAG))


def test_a_step_that_lacks_something_says_what_in_the_error_and_its_text():
    # Issue 15: a restricted visit is approved only with an escort. The page translates the code;
    # the error's own text (log, CLI) names the same missing thing.
    visit = FakeVisit("pending")
    visit.restricted, visit.escort_id = True, None
    with pytest.raises(InvalidInput) as refused:
        transition(visit, "approved", person(Role.KASUBAG, 2, "Bambang"), now=NOW)
    assert refused.value.code == "escort_required"
    assert "escort_required" in str(refused.value)
    assert visit.status == "pending" and visit.decided_at is None
