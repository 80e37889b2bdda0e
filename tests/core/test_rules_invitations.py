"""Invitations in plain Python (lpsedesk/invitations), written from issue 15's words.

The helpdesk or the Admin invites a visitor for a date and time window; the code works only inside
that window, once; the Kasubag may approve in advance, and then the visit starts approved when the
visitor checks in, with the audit log saying the approval came from the invitation and whose it was.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from lpsedesk import checkin, restricted, settings, watchlist
from lpsedesk.extensions import db
from lpsedesk.invitations import codes, rules, use
from lpsedesk.models import AuditEvent, Invitation, User
from lpsedesk.roles import Actor, Role, kiosk_actor
from lpsedesk.workflow import InvalidTransition, MissingReason, NotAllowed

PURPOSES = settings.DEFAULTS["purposes"]
FACILITIES = settings.DEFAULTS["facilities"]
NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)  # Monday 08.00 WIB
NIK = "3373024107900001"  # synthetic


def draft(**overrides) -> rules.InvitationDraft:
    fields = dict(full_name="Sari Uji Coba", phone="0812-3456-0001", institution="CV Contoh",
                  category="penyedia", purpose="training", facility="training_room",
                  starts_at=NOW - timedelta(minutes=30), ends_at=NOW + timedelta(hours=8),
                  event_name="Pelatihan SPSE 4.5")
    fields.update(overrides)
    return rules.InvitationDraft(**fields)


@pytest.fixture
def people(app):
    """(helpdesk, Kasubag, Admin) actors with user rows, inside an app context."""
    with app.app_context():
        ids = []
        for name in ("rina", "bambang", "adi"):
            user = User(username=name, full_name=name.title(), password_hash="-")
            db.session.add(user)
            db.session.flush()
            ids.append(user.id)
        yield (Actor("user", ids[0], "Rina", frozenset({Role.HELPDESK})),
               Actor("user", ids[1], "Bambang", frozenset({Role.KASUBAG})),
               Actor("user", ids[2], "Adi", frozenset({Role.ADMIN})))


def invite(actor, **overrides) -> Invitation:
    return rules.create(db.session, actor, draft(**overrides), purposes=PURPOSES, facilities=FACILITIES, now=NOW)


def submit_visit(**overrides):
    data = dict(full_name="SARI UJI COBA", nik=NIK, phone="081234560001", institution="CV Contoh",
                category="penyedia", purpose="training", facility="training_room", planned_minutes=480,
                rules_accepted=True)
    data.update(overrides)
    return checkin.submit(db.session, kiosk_actor(1, "Kiosk"), checkin.GuestEntry.from_mapping(data),
                          purposes=PURPOSES, facilities=FACILITIES, device_id=None, id_capture_key=None,
                          signature_key="sig", now=NOW)


# --- the code ---------------------------------------------------------------------------------

def test_a_code_is_unguessable_and_survives_a_scanner_or_a_link():
    selector, verifier = codes.new_parts()
    code = codes.code_of(selector, verifier)
    assert len(verifier) >= 20 and code.isalnum()
    assert codes.parse(code.lower()) == (selector, verifier)
    assert codes.parse(codes.pretty(code)) == (selector, verifier)
    assert codes.parse(f"http://desk.local/kiosk/i/{code}") == (selector, verifier)
    assert codes.parse("ABCD2345") is None  # a visit ticket is not an invitation
    assert codes.new_parts() != (selector, verifier)


def test_a_wrong_verifier_finds_nothing(people):
    desk = people[0]
    invitation = invite(desk)
    good = rules.code(invitation)
    assert rules.find_by_code(db.session, good) is invitation
    wrong = good[:-1] + ("A" if good[-1] != "A" else "B")
    assert rules.find_by_code(db.session, wrong) is None


# --- creating -------------------------------------------------------------------------------

def test_the_helpdesk_and_the_admin_invite_and_the_kasubag_does_not(people):
    desk, kasubag, admin = people
    assert invite(desk).status == "open"
    assert invite(admin).created_by_id == admin.id
    with pytest.raises(NotAllowed):
        invite(kasubag)


def test_an_invitation_names_every_problem_at_once():
    problems = rules.validate(draft(full_name="", phone="12", category="x", facility="roof",
                                    nik="3373024107900000", ends_at=NOW - timedelta(hours=1)),
                              purposes=PURPOSES, facilities=FACILITIES, now=NOW)
    assert problems == {"full_name": "required", "phone": "phone_format", "category": "choose",
                        "facility": "choose", "nik": "nik_serial", "window": "window_order"}


def test_a_window_that_has_already_ended_is_refused():
    problems = rules.validate(draft(starts_at=NOW - timedelta(hours=3), ends_at=NOW - timedelta(hours=1)),
                              purposes=PURPOSES, facilities=FACILITIES, now=NOW)
    assert problems == {"window": "window_past"}


def test_the_nik_is_optional():
    assert rules.validate(draft(nik=""), purposes=PURPOSES, facilities=FACILITIES, now=NOW) == {}


# --- deciding in advance --------------------------------------------------------------------

def test_the_kasubag_approves_in_advance_and_only_the_kasubag(people):
    desk, kasubag, _admin = people
    invitation = invite(desk)
    with pytest.raises(NotAllowed):
        rules.decide(db.session, invitation, "approve", desk, now=NOW)
    rules.decide(db.session, invitation, "approve", kasubag, now=NOW)
    assert (invitation.status, invitation.decided_by_label) == ("approved", "Bambang")


def test_a_refusal_in_advance_needs_a_reason(people):
    desk, kasubag, _admin = people
    invitation = invite(desk)
    with pytest.raises(MissingReason):
        rules.decide(db.session, invitation, "deny", kasubag, reason=" ", now=NOW)
    rules.decide(db.session, invitation, "deny", kasubag, reason="Ruang dipakai", now=NOW)
    assert invitation.status == "refused"
    with pytest.raises(InvalidTransition):  # decided once
        rules.decide(db.session, invitation, "approve", kasubag, now=NOW)


# --- using it at the kiosk ------------------------------------------------------------------

def test_an_approved_invitation_starts_its_visit_approved_with_the_approver_in_the_audit(people):
    desk, kasubag, _admin = people
    invitation = invite(desk)
    rules.decide(db.session, invitation, "approve", kasubag, now=NOW - timedelta(days=1))
    use.check(invitation, nik=NIK, full_name="Sari Uji Coba", now=NOW)
    visit = submit_visit()
    use.attach(db.session, invitation, visit, kiosk_actor(1, "Kiosk"), now=NOW)
    db.session.flush()
    assert visit.status == "approved"
    assert visit.decided_by_id == kasubag.id and visit.decided_by_label == "Bambang"
    assert visit.approved_until == NOW + timedelta(minutes=480)
    assert (invitation.status, invitation.visit_id) == ("used", visit.id)
    approved = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.approved")).one()
    assert approved.object_id == visit.id and approved.actor_id == kasubag.id
    assert approved.details["via"] == "invitation" and approved.details["invitation"] == invitation.id
    assert approved.details["approver"] == "Bambang"


def test_an_advance_approval_does_not_stand_for_a_visitor_on_the_watch_list(people):
    # Issue 15: a watch-list match never decides by itself; the request reaches the Kasubag flagged.
    desk, kasubag, admin = people
    watchlist.add(db.session, admin, watchlist.EntryInput(nik=NIK, reason="Sanksi daftar hitam",
                                                          expires_on=NOW.date() + timedelta(days=30)),
                  today=NOW.date())
    invitation = invite(desk)
    rules.decide(db.session, invitation, "approve", kasubag, now=NOW - timedelta(days=1))
    visit = submit_visit()
    use.attach(db.session, invitation, visit, kiosk_actor(1, "Kiosk"), now=NOW)
    assert visit.status == "pending" and visit.watch_reason == "Sanksi daftar hitam"
    assert invitation.status == "used"
    used = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "invitation.used")).one()
    assert used.details["held_for_kasubag"] == "watch_list"


def test_an_advance_approval_does_not_stand_for_a_restricted_facility_without_an_escort(people):
    # Issue 15: the server room is approved only with an escort named by the Kasubag.
    desk, kasubag, _admin = people
    invitation = invite(desk)
    rules.decide(db.session, invitation, "approve", kasubag, now=NOW - timedelta(days=1))
    visit = submit_visit()
    restricted.attach(visit, [], True)
    use.attach(db.session, invitation, visit, kiosk_actor(1, "Kiosk"), now=NOW)
    assert visit.status == "pending"


def test_an_invitation_not_approved_in_advance_leaves_the_visit_pending_for_the_kasubag(people):
    desk = people[0]
    invitation = invite(desk)
    visit = submit_visit()
    use.attach(db.session, invitation, visit, kiosk_actor(1, "Kiosk"), now=NOW)
    assert visit.status == "pending" and invitation.status == "used"


def test_an_invitation_is_usable_only_inside_its_window(people):
    invitation = invite(people[0], starts_at=NOW + timedelta(hours=1), ends_at=NOW + timedelta(hours=3))
    assert rules.use_problem(invitation, NOW) == "too_early"
    assert rules.use_problem(invitation, NOW + timedelta(hours=1)) is None
    assert rules.use_problem(invitation, NOW + timedelta(hours=3)) == "too_late"


def test_an_invitation_is_used_once(people):
    invitation = invite(people[0])
    use.attach(db.session, invitation, submit_visit(), kiosk_actor(1, "Kiosk"), now=NOW)
    with pytest.raises(use.InvitationNotUsable) as refused:
        use.check(invitation, nik=NIK, full_name="Sari Uji Coba", now=NOW)
    assert refused.value.code == "used"
    with pytest.raises(InvalidTransition):  # another person's request (one per person waits at a time)
        use.attach(db.session, invitation, submit_visit(nik="3373020101900001"), kiosk_actor(1, "Kiosk"), now=NOW)


def test_a_refused_or_cancelled_invitation_cannot_be_used(people):
    desk, kasubag, _admin = people
    refused, cancelled = invite(desk), invite(desk)
    rules.decide(db.session, refused, "deny", kasubag, reason="Penuh", now=NOW)
    rules.cancel(db.session, cancelled, desk, now=NOW)
    assert rules.use_problem(refused, NOW) == "refused"
    assert rules.use_problem(cancelled, NOW) == "cancelled"


def test_the_ktp_nik_must_be_the_invited_one_when_the_invitation_gives_it(people):
    invitation = invite(people[0], nik=NIK)
    with pytest.raises(use.InvitationNotUsable) as refused:
        use.check(invitation, nik="3373020101900001", full_name="Sari Uji Coba", now=NOW)
    assert refused.value.code == "nik_mismatch"
    use.check(invitation, nik=NIK, full_name="Someone Else", now=NOW)  # the NIK decides


def test_without_a_nik_the_name_must_match_whatever_its_case_and_spacing(people):
    invitation = invite(people[0])
    use.check(invitation, nik=NIK, full_name="  sari  uji-coba ", now=NOW)
    with pytest.raises(use.InvitationNotUsable) as refused:
        use.check(invitation, nik=NIK, full_name="Budi Contoh", now=NOW)
    assert refused.value.code == "name_mismatch"


def test_the_kiosk_offers_a_stay_that_covers_the_rest_of_the_window(people):
    invitation = invite(people[0], ends_at=NOW + timedelta(minutes=100))
    assert use.planned_minutes(invitation, NOW) == 120
    assert use.planned_minutes(invite(people[0], ends_at=NOW + timedelta(hours=12)), NOW) == 480


def test_invitations_go_with_the_personal_data_once_past_the_retention_period(people):
    from lpsedesk import retention

    old = invite(people[0], nik=NIK)
    old.starts_at, old.ends_at = NOW - timedelta(days=400, hours=8), NOW - timedelta(days=400)
    recent = invite(people[0])
    db.session.flush()
    retention.purge(db.session, now=NOW, days=365)
    db.session.flush()
    assert db.session.scalars(select(Invitation.id)).all() == [recent.id]
