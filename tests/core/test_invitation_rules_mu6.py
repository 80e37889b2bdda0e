"""invitations/rules: the rules mutation testing (mu6) showed untested; expectations from the documents.

docs/invitations.md: the desk cancels an unused invitation (its code stops working); times are stored
in UTC. A refused step tells the person what the record is and what it cannot become ("This record
is already used and cannot become cancelled", lpsedesk/errors.py reads both from the refusal).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk.extensions import db
from lpsedesk.invitations import rules
from lpsedesk.workflow import InvalidTransition

from .test_rules_invitations import FACILITIES, NIK, NOW, PURPOSES, draft, invite, people  # noqa: F401  (people is a fixture)


def test_a_cancellation_refused_says_what_the_invitation_is_and_what_it_cannot_become(people):  # noqa: F811
    desk, _kasubag, _admin = people
    used = invite(desk)
    used.status = "used"
    with pytest.raises(InvalidTransition) as refused:
        rules.cancel(db.session, used, desk, now=NOW)
    assert refused.value.params == {"current": "used", "target": "cancelled"}
    cancelled = invite(desk, full_name="Budi Santoso")
    rules.cancel(db.session, cancelled, desk, now=NOW)
    with pytest.raises(InvalidTransition) as again:
        rules.cancel(db.session, cancelled, desk, now=NOW)
    assert again.value.params == {"current": "cancelled", "target": "cancelled"}


def test_a_cancellation_without_a_given_moment_is_stamped_now_in_utc(people):  # noqa: F811
    desk, _kasubag, _admin = people
    invitation = invite(desk)
    before = datetime.now(timezone.utc)
    rules.cancel(db.session, invitation, desk)
    stamped = invitation.cancelled_at
    assert stamped.utcoffset() == timedelta(0)
    assert before <= stamped <= datetime.now(timezone.utc)


# --- the draft: what the desk types or a participants' file gives -----------------------------------
# docs/invitations.md: name, phone, institution, category, purpose, facility, a date and time window
# (at most 7 days long), optional NIK, optional training/event name; the form holds a name of 120
# characters, an institution of 160, an event name of 120, a purpose in words of 500
# (admin/invitations/forms.py), as the kiosk's guest book does.

def problems(**overrides) -> dict[str, str]:
    return rules.validate(draft(**overrides), purposes=PURPOSES, facilities=FACILITIES, now=NOW)


@pytest.mark.parametrize("field, limit", [("full_name", 120), ("institution", 160), ("event_name", 120),
                                          ("purpose_detail", 500)])
def test_each_value_may_fill_the_forms_field_and_no_more(field, limit):
    assert problems(**{field: "A" * limit}) == {}
    assert problems(**{field: "A" * (limit + 1)}) == {field: "too_long"}
    # Spacing typed around and inside does not count against the limit.
    if field != "purpose_detail":
        assert problems(**{field: "  " + "A " * (limit // 2) + "  "}) == {}


def test_a_name_needs_two_letters_and_missing_values_are_each_named():
    assert problems(full_name="A") == {"full_name": "required"}
    assert problems(full_name="  A  ") == {"full_name": "required"}
    assert problems(full_name="Al") == {}
    assert problems(phone="", institution="  ") == {"phone": "required", "institution": "required"}
    assert problems(purpose="roof") == {"purpose": "choose"}
    assert problems(purpose="other", purpose_detail="  ") == {"purpose_detail": "required"}
    assert problems(purpose="other", purpose_detail="Wawancara") == {}
    assert problems(starts_at=None) == {"window": "required"}
    assert problems(ends_at=None) == {"window": "required"}


def test_a_window_may_last_seven_days_and_no_longer_and_must_end_after_now_and_after_it_starts():
    start = NOW + timedelta(hours=1)
    assert problems(starts_at=start, ends_at=start + timedelta(days=7)) == {}
    assert problems(starts_at=start, ends_at=start + timedelta(days=7, seconds=1)) == {"window": "window_too_long"}
    assert problems(starts_at=start, ends_at=start) == {"window": "window_order"}
    assert problems(starts_at=NOW - timedelta(hours=2), ends_at=NOW) == {"window": "window_past"}
    assert problems(starts_at=NOW - timedelta(hours=2), ends_at=NOW + timedelta(seconds=1)) == {}


def test_a_window_that_ended_before_now_is_refused_when_no_moment_is_given():
    ended = draft(starts_at=datetime(2020, 1, 1, 1, tzinfo=timezone.utc),
                  ends_at=datetime(2020, 1, 1, 9, tzinfo=timezone.utc))
    assert rules.validate(ended, purposes=PURPOSES, facilities=FACILITIES) == {"window": "window_past"}


def test_an_invitation_keeps_the_values_as_the_kiosk_would_and_is_open(people):  # noqa: F811
    desk, _kasubag, _admin = people
    invitation = invite(desk, full_name="  sari   uji coba ", phone="0812-3456 (0001)", nik=" 3373 0241 0790 0001 ",
                        institution="  CV   Contoh ", purpose="other", purpose_detail="  Wawancara  ",
                        event_name="  Pelatihan   SPSE ")
    assert (invitation.full_name, invitation.phone, invitation.nik, invitation.institution) == (
        "SARI UJI COBA", "081234560001", "3373024107900001", "CV Contoh")
    assert (invitation.purpose_detail, invitation.event_name, invitation.status) == (
        "Wawancara", "Pelatihan SPSE", "open")
    assert (invitation.category, invitation.purpose, invitation.facility) == ("penyedia", "other", "training_room")
    assert (invitation.starts_at, invitation.ends_at, invitation.created_by_id) == (
        NOW - timedelta(minutes=30), NOW + timedelta(hours=8), desk.id)
    bare = invite(desk, nik="", event_name="  ", purpose="training", purpose_detail="")
    assert (bare.nik, bare.event_name, bare.purpose_detail) == (None, None, None)
    assert rules.build(draft(), None).created_by_id is None


def test_a_visit_made_from_the_invitation_uses_it_even_if_its_state_still_says_open(people):  # noqa: F811
    invitation = invite(people[0])
    invitation.visit_id = 12345
    assert rules.use_problem(invitation, NOW) == "used"


def test_the_nik_typed_in_groups_of_four_is_the_invited_one():
    invitation = rules.build(draft(nik=NIK), None)
    assert rules.identity_problem(invitation, nik="3373 0241 0790 0001", full_name="") is None
    assert rules.identity_problem(invitation, nik="", full_name="Sari Uji Coba") == "nik_mismatch"


def test_a_window_ending_exactly_at_an_offered_duration_is_covered_by_that_duration(people):  # noqa: F811
    """docs/invitations.md: the kiosk fills "the duration that covers the rest of the window"; a
    window with exactly 2 hours left is covered by 120 minutes, not 240 (a hand-planted bug, mu6)."""
    from lpsedesk.invitations import use

    for minutes_left, offered in ((30, 30), (60, 60), (120, 120), (240, 240), (480, 480), (61, 120)):
        invitation = invite(people[0], ends_at=NOW + timedelta(minutes=minutes_left))
        assert use.planned_minutes(invitation, NOW) == offered, minutes_left


def test_only_a_new_waiting_request_uses_an_invitation(people):  # noqa: F811
    """docs/invitations.md: an invitation is used once, by the request it becomes at check-in, which is
    new and waiting; a request already withdrawn or decided (ux13: withdrawing frees the invitation)
    cannot take it, and the invitation stays free for the visitor's next try (a hand-planted bug, mu6)."""
    from lpsedesk.invitations import use
    from lpsedesk.roles import kiosk_actor

    from .test_rules_invitations import submit_visit

    for status in ("cancelled", "denied", "approved", "checked_out"):
        invitation = invite(people[0])
        visit = submit_visit()
        visit.status = status
        with pytest.raises(InvalidTransition):
            use.attach(db.session, invitation, visit, kiosk_actor(1, "Kiosk"), now=NOW)
        assert (invitation.status, invitation.visit_id, invitation.used_at) == ("open", None, None), status


# --- deciding in advance ------------------------------------------------------------------------
# SOP 1 step 4 taken before the visit; the queue's and the invitation page's reason box holds 500
# characters (maxlength="500").

def test_a_decision_refused_says_what_the_invitation_is_and_what_it_cannot_become(people):  # noqa: F811
    desk, kasubag, _admin = people
    invitation = invite(desk)
    rules.decide(db.session, invitation, "approve", kasubag, now=NOW)
    with pytest.raises(InvalidTransition) as refused:
        rules.decide(db.session, invitation, "deny", kasubag, reason="Penuh", now=NOW)
    assert refused.value.params == {"current": "approved", "target": "refused"}


def test_a_reason_that_fills_the_box_is_kept(people):  # noqa: F811
    desk, kasubag, _admin = people
    invitation = invite(desk)
    rules.decide(db.session, invitation, "deny", kasubag, reason="A" * 500, now=NOW)
    assert invitation.status == "refused" and invitation.decision_reason == "A" * 500


def test_a_decision_without_a_given_moment_is_taken_now_in_utc(people):  # noqa: F811
    desk, kasubag, _admin = people
    soon = datetime.now(timezone.utc)
    invitation = invite(desk, starts_at=soon, ends_at=soon + timedelta(hours=2))
    before = datetime.now(timezone.utc)
    rules.decide(db.session, invitation, "approve", kasubag)
    assert invitation.decided_at.utcoffset() == timedelta(0)
    assert before <= invitation.decided_at <= datetime.now(timezone.utc)


def test_whether_an_invitation_may_be_used_is_asked_of_the_present_moment_when_none_is_given(people):  # noqa: F811
    soon = datetime.now(timezone.utc)
    current = invite(people[0], starts_at=soon - timedelta(hours=1), ends_at=soon + timedelta(hours=2))
    assert rules.use_problem(current) is None
    later = invite(people[0], starts_at=soon + timedelta(hours=1), ends_at=soon + timedelta(hours=2))
    assert rules.use_problem(later) == "too_early"


def test_an_invitation_with_problems_is_refused_with_every_problem_and_nothing_is_kept(people):  # noqa: F811
    from sqlalchemy import select

    from lpsedesk.models import Invitation

    desk, _kasubag, _admin = people
    with pytest.raises(rules.InvitationError) as refused:
        invite(desk, full_name="", phone="12")
    assert refused.value.fields == {"full_name": "required", "phone": "phone_format"}
    assert db.session.scalars(select(Invitation)).all() == []


def test_an_invitation_made_is_in_the_audit_log_with_who_and_when(people):  # noqa: F811
    """README: every step writes an audit event with the change; the invitation's creation names the
    person who invited and the moment, as its decision and cancellation do (mu5)."""
    from sqlalchemy import select

    from lpsedesk.models import AuditEvent

    desk, _kasubag, _admin = people
    invitation = invite(desk)
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "invitation.created")).all()
    assert (event.object_type, event.object_id, event.actor_id, event.actor_label, event.at) == (
        "invitations", invitation.id, desk.id, "Rina", NOW)
