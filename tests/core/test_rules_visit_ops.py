"""SOP 1 at the desk in plain Python (lpsedesk/visit_ops.py), expectations written from the SOP.

Steps: the Kasubag decides (1), the helpdesk checks the original KTP (2), writes notes and incidents
or ends a visit early with a reason (5), checks a visitor out who forgot (6), reports the finished
visit with a complete guest book (7); the Kasubag acknowledges the report. A request nobody decided
expires at the office's closing time (WIB) of the day it was made.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pytest
from sqlalchemy import select

from lpsedesk import office_hours
from lpsedesk import settings as office
from lpsedesk import visit_ops
from lpsedesk.clock import wib_date
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, User, Visit
from lpsedesk.roles import Actor, Role
from lpsedesk.workflow import InvalidInput, InvalidTransition, MissingReason, NotAllowed

from .. import factories

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB
SIGNATURE = "sig/2026/11/" + "s" * 20


@pytest.fixture
def desk(app):
    """An app context with a helpdesk user and a Kasubag; yields (helpdesk actor, Kasubag actor)."""
    with app.app_context():
        rina, bambang = staff_user("rina"), staff_user("bambang")
        yield (Actor("user", rina, "Rina", frozenset({Role.HELPDESK})),
               Actor("user", bambang, "Bambang", frozenset({Role.KASUBAG})))


def staff_user(username: str) -> int:
    # A row for the actor's id to point at; nobody logs in here, so no (slow) password hash.
    user = User(username=username, full_name=username.title(), password_hash="-")
    db.session.add(user)
    db.session.flush()
    return user.id


def actions(visit) -> list[tuple[str, dict]]:
    db.session.flush()
    return [(e.action, e.details) for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.object_type == "visit", AuditEvent.object_id == visit.id)
        .order_by(AuditEvent.id))]


def assert_event_by(visit, action: str, actor: Actor, at: datetime) -> None:
    event = db.session.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "visit", AuditEvent.object_id == visit.id, AuditEvent.action == action)).one()
    assert (event.actor_type, event.actor_id, event.at) == ("user", actor.id, at)


def finished(**fields):
    """A visit that was approved and checked out, with everything the guest book asks for."""
    fields = {"signature_key": SIGNATURE, "checked_out_at": NOW, **fields}
    return factories.visit("checked_out", **fields)


# --- step 1: the decision ---------------------------------------------------------------------

@pytest.mark.parametrize("minutes", [30, 240])
def test_an_approved_visit_may_last_as_long_as_the_visitor_planned(desk, minutes):
    _, kasubag = desk
    visit = factories.visit(planned_minutes=minutes)
    visit_ops.decide(db.session, visit, "approve", kasubag, now=NOW)
    assert visit.status == "approved"
    assert visit.approved_until == NOW + timedelta(minutes=minutes)
    assert (visit.decided_at, visit.decided_by_id) == (NOW, kasubag.id)
    assert actions(visit) == [("visit.approved", {"from": "pending", "to": "approved"})]


def test_a_refusal_needs_a_reason_and_grants_no_time(desk):
    _, kasubag = desk
    visit = factories.visit()
    with pytest.raises(MissingReason):
        visit_ops.decide(db.session, visit, "deny", kasubag, reason="  ", now=NOW)
    assert visit.status == "pending"
    visit_ops.decide(db.session, visit, "deny", kasubag, reason="Ruang verifikasi penuh", now=NOW)
    assert (visit.status, visit.decision_reason, visit.approved_until) == ("denied", "Ruang verifikasi penuh", None)
    assert actions(visit) == [("visit.denied", {"from": "pending", "to": "denied",
                                                "reason": "Ruang verifikasi penuh"})]


def test_only_approve_and_deny_are_decisions(desk):
    _, kasubag = desk
    visit = factories.visit()
    for word in ("approved", "cancel", "", "APPROVE"):
        with pytest.raises(InvalidTransition) as refused:
            visit_ops.decide(db.session, visit, word, kasubag, now=NOW)
        assert refused.value.params == {"state": word}  # the refusal names what was asked for
    assert visit.status == "pending" and actions(visit) == []


def test_when_the_office_wants_the_ktp_checked_first_the_kasubag_waits_for_the_helpdesk(desk):
    helpdesk, kasubag = desk
    visit = factories.visit()
    with pytest.raises(visit_ops.KtpNotChecked):
        visit_ops.decide(db.session, visit, "approve", kasubag, require_ktp_check=True, now=NOW)
    with pytest.raises(visit_ops.KtpNotChecked):  # refusing waits as well
        visit_ops.decide(db.session, visit, "deny", kasubag, reason="x", require_ktp_check=True, now=NOW)
    assert visit.status == "pending"
    visit_ops.check_ktp(db.session, visit, helpdesk, now=NOW)
    visit_ops.decide(db.session, visit, "approve", kasubag, require_ktp_check=True, now=NOW)
    assert visit.status == "approved"


def test_without_that_setting_the_kasubag_may_decide_before_the_ktp_check(desk):
    _, kasubag = desk
    visit = factories.visit()
    visit_ops.decide(db.session, visit, "approve", kasubag, now=NOW)
    assert visit.status == "approved" and visit.ktp_checked_at is None


def test_a_second_decision_is_refused_as_a_decided_visit_even_when_the_ktp_setting_is_on(desk):
    _, kasubag = desk
    visit = factories.visit("approved")
    with pytest.raises(InvalidTransition):  # not KtpNotChecked: the visit is simply decided already
        visit_ops.decide(db.session, visit, "deny", kasubag, reason="x", require_ktp_check=True, now=NOW)


def test_a_remote_request_is_decided_with_no_ktp_and_no_visit_duration(desk):
    _, kasubag = desk
    request = factories.remote_request()
    visit_ops.decide(db.session, request, "approve", kasubag, require_ktp_check=True, now=NOW)
    assert request.status == "approved" and request.decided_at == NOW


def test_the_helpdesk_cannot_decide(desk):
    helpdesk, _ = desk
    visit = factories.visit()
    with pytest.raises(NotAllowed):
        visit_ops.decide(db.session, visit, "approve", helpdesk, now=NOW)


# --- step 2: the original KTP -----------------------------------------------------------------

def test_the_helpdesk_marks_the_original_ktp_checked_once(desk):
    helpdesk, _ = desk
    visit = factories.visit()
    visit_ops.check_ktp(db.session, visit, helpdesk, now=NOW)
    assert (visit.ktp_checked_at, visit.ktp_checked_by_id) == (NOW, helpdesk.id)
    assert [a for a, _ in actions(visit)] == ["visit.ktp_checked"]
    assert_event_by(visit, "visit.ktp_checked", helpdesk, NOW)
    with pytest.raises(visit_ops.AlreadyDone):
        visit_ops.check_ktp(db.session, visit, helpdesk, now=NOW + timedelta(minutes=1))
    assert visit.ktp_checked_at == NOW


def test_the_ktp_can_still_be_checked_after_approval_but_not_after_the_visit(desk):
    helpdesk, _ = desk
    approved = factories.visit("approved")
    visit_ops.check_ktp(db.session, approved, helpdesk, now=NOW)
    assert approved.ktp_checked_at == NOW
    for status in ("denied", "cancelled", "expired", "checked_out", "reported"):
        visit = factories.visit(status)
        with pytest.raises(InvalidTransition) as refused:
            visit_ops.check_ktp(db.session, visit, helpdesk, now=NOW)
        assert visit.ktp_checked_at is None
        assert refused.value.params["current"] == status and refused.value.params["target"]


def test_only_the_helpdesk_checks_the_ktp(desk):
    _, kasubag = desk
    visit = factories.visit()
    with pytest.raises(NotAllowed):
        visit_ops.check_ktp(db.session, visit, kasubag, now=NOW)
    assert visit.ktp_checked_at is None


# --- step 5: notes, incidents, early end ------------------------------------------------------

def test_a_note_is_kept_as_written_without_the_surrounding_blank_space(desk):
    helpdesk, _ = desk
    visit = factories.visit("approved")
    note = visit_ops.add_note(db.session, visit, helpdesk, "  Tamu membawa laptop sendiri.\n", now=NOW)
    assert (note.body, note.kind, note.author_id, note.created_at) == \
        ("Tamu membawa laptop sendiri.", "note", helpdesk.id, NOW)
    assert actions(visit) == [("visit.note_added", {"note_id": note.id})]
    assert_event_by(visit, "visit.note_added", helpdesk, NOW)


def test_an_incident_is_flagged_as_an_incident(desk):
    helpdesk, _ = desk
    visit = factories.visit("approved")
    note = visit_ops.add_note(db.session, visit, helpdesk, "Tamu memotret layar server.", "incident", now=NOW)
    assert note.kind == "incident"
    assert actions(visit)[0][0] == "visit.incident_added"
    other = visit_ops.add_note(db.session, visit, helpdesk, "Catatan biasa.", "rumour", now=NOW)
    assert other.kind == "note"  # an unknown kind is an ordinary note, not a new category
    assert [a for a, _ in actions(visit)] == ["visit.incident_added", "visit.note_added"]


def test_an_empty_note_is_refused(desk):
    helpdesk, _ = desk
    visit = factories.visit("approved")
    for body in ("", "   \n ", None):
        with pytest.raises(MissingReason) as refused:
            visit_ops.add_note(db.session, visit, helpdesk, body, now=NOW)
        assert refused.value.code == "note_empty"


def test_a_note_holds_at_most_2000_characters(desk):
    # The staff screen says so: "Catatan paling banyak 2000 karakter."
    helpdesk, _ = desk
    visit = factories.visit("approved")
    assert len(visit_ops.add_note(db.session, visit, helpdesk, "a" * 2000, now=NOW).body) == 2000
    with pytest.raises(InvalidInput) as refused:
        visit_ops.add_note(db.session, visit, helpdesk, "a" * 2001, now=NOW)
    assert refused.value.code == "note_too_long" and "2000" in str(refused.value)


def test_notes_are_for_visits_still_open_or_just_finished(desk):
    helpdesk, _ = desk
    for status in ("pending", "approved", "checked_out"):
        visit_ops.add_note(db.session, factories.visit(status), helpdesk, "Catatan.", now=NOW)
    for status in ("denied", "cancelled", "expired", "reported"):
        with pytest.raises(InvalidTransition) as refused:
            visit_ops.add_note(db.session, factories.visit(status), helpdesk, "Catatan.", now=NOW)
        assert refused.value.params["current"] == status and refused.value.params["target"]


def test_only_the_helpdesk_writes_notes(desk):
    _, kasubag = desk
    with pytest.raises(NotAllowed):
        visit_ops.add_note(db.session, factories.visit("approved"), kasubag, "Catatan.", now=NOW)


def test_ending_a_visit_early_needs_a_reason_and_says_it_was_early(desk):
    helpdesk, _ = desk
    visit = factories.visit("approved")
    for reason in ("", "   ", None):
        with pytest.raises(MissingReason):
            visit_ops.check_out(db.session, visit, helpdesk, reason=reason, early=True, now=NOW)
    assert visit.status == "approved"
    event = visit_ops.check_out(db.session, visit, helpdesk, reason="Tamu dipanggil kantornya", early=True, now=NOW)
    assert (visit.status, visit.end_reason, visit.checked_out_at) == ("checked_out", "Tamu dipanggil kantornya", NOW)
    assert event.details == {"from": "approved", "to": "checked_out", "reason": "Tamu dipanggil kantornya",
                             "at_desk": True, "early": True}


def test_a_visitor_who_forgot_to_check_out_is_checked_out_at_the_desk_without_a_reason(desk):
    helpdesk, _ = desk
    visit = factories.visit("approved")
    event = visit_ops.check_out(db.session, visit, helpdesk, now=NOW)
    assert visit.status == "checked_out" and visit.checked_out_by_id == helpdesk.id
    assert event.details == {"from": "approved", "to": "checked_out", "at_desk": True}


# --- step 6/7: a complete guest book, the report, the acknowledgement ---------------------------

def test_a_complete_guest_book_lacks_nothing(desk):
    assert visit_ops.missing_fields(finished()) == []


def test_the_guest_book_names_every_empty_field_in_the_order_of_the_form(desk):
    visitor = factories.visitor(full_name="", nik="", phone="", institution="", category="")
    visit = factories.visit("checked_out", visitor=visitor, purpose="", facility="")
    assert visit_ops.missing_fields(visit) == [
        "full_name", "nik", "phone", "institution", "category", "purpose", "facility", "signature",
        "checked_out_at"]


@pytest.mark.parametrize("field,value", [
    ("full_name", ""), ("nik", ""), ("phone", ""), ("institution", ""), ("category", ""),
])
def test_each_visitor_field_is_required_for_the_report(desk, field, value):
    visit = finished(visitor=factories.visitor(**{field: value}))
    assert visit_ops.missing_fields(visit) == [field]


@pytest.mark.parametrize("field,value,key", [
    ("purpose", "", "purpose"), ("facility", "", "facility"), ("signature_key", None, "signature"),
    ("checked_out_at", None, "checked_out_at"),
])
def test_each_visit_field_is_required_for_the_report(desk, field, value, key):
    assert visit_ops.missing_fields(finished(**{field: value})) == [key]


def test_an_incomplete_visit_is_not_reported_and_says_what_it_lacks(desk):
    helpdesk, _ = desk
    visit = finished(signature_key=None)
    with pytest.raises(visit_ops.GuestBookIncomplete) as refused:
        visit_ops.report(db.session, visit, helpdesk, now=NOW)
    assert refused.value.missing == ["signature"] and refused.value.code == "guest_book_incomplete"
    assert visit.status == "checked_out"


def test_a_complete_finished_visit_is_reported_by_the_helpdesk_only(desk):
    helpdesk, kasubag = desk
    visit = finished()
    with pytest.raises(NotAllowed):
        visit_ops.report(db.session, visit, kasubag, now=NOW)
    visit_ops.report(db.session, visit, helpdesk, now=NOW)
    assert (visit.status, visit.reported_at, visit.reported_by_id) == ("reported", NOW, helpdesk.id)


def test_a_visit_still_inside_cannot_be_reported(desk):
    helpdesk, _ = desk
    visit = factories.visit("approved", signature_key=SIGNATURE)
    with pytest.raises(InvalidTransition):
        visit_ops.report(db.session, visit, helpdesk, now=NOW)


def test_the_end_of_day_report_takes_every_complete_finished_visit_and_names_the_rest(desk):
    helpdesk, _ = desk
    done, lacking, inside = finished(), finished(signature_key=None), factories.visit("approved")
    result = visit_ops.report_batch(db.session, [inside, lacking, done], helpdesk, now=NOW)
    assert result.reported == [done]
    assert result.skipped == [(lacking, ["signature"])]
    assert (done.status, lacking.status, inside.status) == ("reported", "checked_out", "approved")
    assert done.reported_at == NOW


def test_the_kasubag_acknowledges_a_report_once(desk):
    helpdesk, kasubag = desk
    visit = factories.visit("reported")
    with pytest.raises(NotAllowed):
        visit_ops.acknowledge(db.session, visit, helpdesk, now=NOW)
    visit_ops.acknowledge(db.session, visit, kasubag, now=NOW)
    assert (visit.acknowledged_at, visit.acknowledged_by_id) == (NOW, kasubag.id)
    assert [a for a, _ in actions(visit)] == ["visit.acknowledged"]
    assert_event_by(visit, "visit.acknowledged", kasubag, NOW)
    with pytest.raises(visit_ops.AlreadyDone):
        visit_ops.acknowledge(db.session, visit, kasubag, now=NOW + timedelta(minutes=5))
    assert visit.acknowledged_at == NOW


def test_only_a_reported_visit_can_be_acknowledged(desk):
    _, kasubag = desk
    for status in ("pending", "approved", "checked_out"):
        visit = factories.visit(status)
        with pytest.raises(InvalidTransition) as refused:
            visit_ops.acknowledge(db.session, visit, kasubag, now=NOW)
        assert visit.acknowledged_at is None
        assert refused.value.params["current"] == status and refused.value.params["target"]


# --- expiry at closing time (WIB) ---------------------------------------------------------------

def wib(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in November 2026 given in WIB (UTC+7), as a UTC datetime."""
    return datetime(2026, 11, day, hour, minute, tzinfo=timezone(timedelta(hours=7))).astimezone(timezone.utc)


def closing_time_on(moment: datetime, close: time) -> datetime:
    """Closing time of the (WIB) day `moment` falls on; the 23rd of November 2026 is a Monday."""
    return office_hours.OfficeHours(time(7, 30), close).closing_time(wib_date(moment))


def test_closing_time_is_a_wib_clock_time_on_the_wib_day():
    close = time(16, 0)
    assert closing_time_on(wib(23, 9), close) == wib(23, 16)
    # 20.00 UTC on the 22nd is already 03.00 WIB on the 23rd: that day's closing time
    assert closing_time_on(datetime(2026, 11, 22, 20, 0, tzinfo=timezone.utc), close) == wib(23, 16)
    hours = office_hours.OfficeHours(time(7, 30), close)
    assert hours.state(wib(23, 15, 59)) == "open"
    assert hours.state(wib(23, 16)) == "after_closing"


@pytest.mark.parametrize("value,expected", [
    ("15:30", time(15, 30)), ("7:05", time(7, 5)), ("", time(16, 0)), (None, time(16, 0)),
    ("25:00", time(16, 0)), ("half past four", time(16, 0)), ("16:00:00", time(16, 0)),
])
def test_a_closing_time_that_cannot_be_read_falls_back_to_the_given_default(value, expected):
    assert visit_ops.parse_hhmm(value, "16:00") == expected
    assert visit_ops.parse_hhmm("bogus", "15:45") == time(15, 45)


def test_a_request_nobody_decided_expires_at_closing_time_of_its_day(desk):
    office.put(db.session, "office_close", "15:30")
    morning = factories.visit(submitted_at=wib(23, 8))
    yesterday = factories.visit(submitted_at=wib(22, 14))
    approved = factories.visit("approved", submitted_at=wib(22, 9))
    assert visit_ops.expire_pending(db.session, now=wib(23, 15, 29)) == [yesterday]
    assert morning.status == "pending" and yesterday.status == "expired"
    assert visit_ops.expire_pending(db.session, now=wib(23, 15, 30)) == [morning]
    assert morning.status == "expired" and approved.status == "approved"
    assert morning.decided_at == wib(23, 15, 30)
    assert actions(morning) == [("visit.expired", {"from": "pending", "to": "expired"})]
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.object_type == "visit",
                                                        AuditEvent.object_id == morning.id)).one()
    assert event.actor_type == "system"


def test_without_a_closing_time_setting_the_office_closes_at_four(desk):
    # SOP 1: the office day ends at 16.00 WIB unless the Admin sets another time.
    visit = factories.visit(submitted_at=wib(23, 8))
    assert visit_ops.expire_pending(db.session, now=wib(23, 15, 59)) == []
    assert visit_ops.expire_pending(db.session, now=wib(23, 16)) == [visit]


def test_an_unreadable_closing_time_setting_means_four_oclock(desk):
    office.put(db.session, "office_close", "jam empat")
    visit = factories.visit(submitted_at=wib(23, 8))
    assert visit_ops.expire_pending(db.session, now=wib(23, 15, 59)) == []
    assert visit_ops.expire_pending(db.session, now=wib(23, 16)) == [visit]


def test_closing_time_does_not_depend_on_the_servers_time_zone(monkeypatch):
    import time as clock

    try:
        for zone in ("Asia/Jakarta", "America/New_York"):
            monkeypatch.setenv("TZ", zone)
            clock.tzset()
            closing = closing_time_on(wib(23, 9), time(16, 0))
            assert closing == wib(23, 16) and closing.utcoffset() == timedelta(0)
    finally:
        monkeypatch.undo()
        clock.tzset()


def test_without_a_given_time_the_desk_steps_are_stamped_now_in_utc(desk):
    helpdesk, _ = desk
    visit = factories.visit()
    before = datetime.now(timezone.utc)
    visit_ops.check_ktp(db.session, visit, helpdesk)
    assert before <= visit.ktp_checked_at <= datetime.now(timezone.utc)


# What each staff role may do with a visit at each point of SOP 1: the buttons the screens show.
# The helpdesk checks the original KTP while the visitor is waiting or inside, keeps notes until the
# visit is reported, checks out and reports, and withdraws a waiting request for a visitor who
# leaves without the answer (ux12); the Kasubag grants or refuses (after the KTP check when
# the office asks for it) and acknowledges reports; the Admin LPSE has no step in SOP 1.

def _staff(role: Role) -> Actor:
    return Actor(kind="user", id=5, label=role.value, roles=frozenset({role}))


def _visit_in(status: str, *, ktp_checked: bool = False, acknowledged: bool = False) -> Visit:
    return Visit(id=1, status=status, ktp_checked_at=NOW if ktp_checked else None,
                 acknowledged_at=NOW if acknowledged else None)


@pytest.mark.parametrize("status,ktp_checked,acknowledged,role,ktp_first,expected", [
    ("pending", False, False, Role.HELPDESK, False, {"check_ktp", "add_note", "withdraw"}),
    ("pending", True, False, Role.HELPDESK, False, {"add_note", "withdraw"}),
    ("pending", False, False, Role.KASUBAG, False, {"decide"}),
    ("pending", False, False, Role.KASUBAG, True, {"await_ktp_check"}),
    ("pending", True, False, Role.KASUBAG, True, {"decide"}),
    ("approved", False, False, Role.HELPDESK, True, {"check_ktp", "check_out", "add_note"}),
    ("approved", True, False, Role.HELPDESK, False, {"check_out", "add_note"}),
    ("approved", True, False, Role.KASUBAG, False, set()),
    ("checked_out", True, False, Role.HELPDESK, False, {"report", "add_note"}),
    ("reported", True, False, Role.KASUBAG, False, {"acknowledge"}),
    ("reported", True, True, Role.KASUBAG, False, set()),
    ("reported", True, False, Role.HELPDESK, False, set()),
    ("denied", False, False, Role.HELPDESK, False, set()),
    ("expired", False, False, Role.KASUBAG, False, set()),
    ("pending", False, False, Role.ADMIN, False, set()),
    ("approved", False, False, Role.ADMIN, False, set()),
    ("reported", True, False, Role.ADMIN, False, set()),
])
def test_each_role_is_offered_exactly_its_sop_steps(status, ktp_checked, acknowledged, role, ktp_first, expected):
    record = _visit_in(status, ktp_checked=ktp_checked, acknowledged=acknowledged)
    assert visit_ops.available_actions(record, _staff(role), ktp_first=ktp_first) == expected


def test_a_refused_desk_step_says_when_it_is_possible_in_the_users_language(app, desk):
    # Bad input gets a clear message in the user's language: the helpdesk reads when the step can be
    # done and the visit's state, never an internal step name such as "ktp_checked".
    from lpsedesk.errors import workflow_message

    helpdesk, kasubag = desk
    reported, inside = factories.visit("reported"), factories.visit("approved")
    attempts = [
        (lambda: visit_ops.check_ktp(db.session, reported, helpdesk),
         "KTP diperiksa selama pengunjung menunggu atau berada di dalam; kunjungan ini dilaporkan."),
        (lambda: visit_ops.add_note(db.session, reported, helpdesk, "Tamu kembali"),
         "Catatan dapat ditulis sampai kunjungan dilaporkan; kunjungan ini dilaporkan."),
        (lambda: visit_ops.acknowledge(db.session, inside, kasubag),
         "Hanya kunjungan yang sudah dilaporkan yang dapat diterima; kunjungan ini disetujui."),
    ]
    for attempt, sentence in attempts:
        with app.test_request_context("/", headers={"Accept-Language": "id"}):
            with pytest.raises(InvalidTransition) as refused:
                attempt()
            assert workflow_message(refused.value) == sentence
    with app.test_request_context("/?lang=en"):
        with pytest.raises(InvalidTransition) as refused:
            visit_ops.check_ktp(db.session, reported, helpdesk)
        assert str(refused.value) == "Cannot go from reported to ktp_checked."  # the log keeps the step's name
        assert "_" not in workflow_message(refused.value)


def test_a_refusal_reads_in_the_log_as_its_rule_and_states():
    assert str(NotAllowed()) == "Your role may not make this change."
    assert str(MissingReason()) == "A reason is required."
    assert str(InvalidTransition(current="reported", target="note")) == "Cannot go from reported to note."
    assert str(InvalidInput("Too long: %(n)d.", code="x", n=3)) == "Too long: 3."


def test_approving_a_server_room_visit_with_the_escort_left_unchosen_asks_for_an_escort(desk):
    # Issue 15: the Kasubag names the escort; an empty choice is "no escort yet", not a wrong one.
    _, kasubag = desk
    visit = factories.visit("pending", restricted=True, devices_none=True)
    for unchosen in (None, ""):
        with pytest.raises(InvalidInput) as refused:
            visit_ops.decide(db.session, visit, "approve", kasubag, escort_id=unchosen, now=NOW)
        assert refused.value.code == "escort_required" and visit.status == "pending"
