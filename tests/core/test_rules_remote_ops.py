"""SOP 2 in plain Python (lpsedesk/remote_ops.py), expectations written from the SOP (docs/remote.md).

The Admin records a third party's letter; the Kasubag (never whoever recorded it) approves with a
planned end or refuses with a reason; the Admin records the account given and closes it. Access is
given for at most one year at a time. An extension is a new request for an account still open; when
its account is given the old one closes at that very moment.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from lpsedesk import remote_ops
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent
from lpsedesk.remote_ops import RemoteInputError, RequestInput
from lpsedesk.roles import Actor, Role
from lpsedesk.workflow import MissingReason, NotAllowed

from .. import factories
from .test_rules_visit_ops import staff_user

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # Monday 10.00 WIB
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


@pytest.fixture
def staff(app):
    """An app context with an Admin, a second Admin and a Kasubag: (admin, admin2, kasubag)."""
    with app.app_context():
        ids = staff_user("ani"), staff_user("agus"), staff_user("bambang")
        yield (Actor("user", ids[0], "Ani", frozenset({Role.ADMIN})),
               Actor("user", ids[1], "Agus", frozenset({Role.ADMIN})),
               Actor("user", ids[2], "Bambang", frozenset({Role.KASUBAG})))


def letter(**overrides) -> RequestInput:
    fields = dict(requester_name="Teknisi Uji", instansi="PT Contoh Teknologi", letter_number="045/UJI/XI/2026",
                  letter_date=date(2026, 11, 20), purpose="Pembaruan aplikasi", rights_requested="Hanya baca",
                  period_start=NOW + DAY, period_end=NOW + 3 * DAY)
    fields.update(overrides)
    return RequestInput(**fields)


def events(req) -> list[tuple[str, dict]]:
    db.session.flush()
    return [(e.action, e.details) for e in remote_ops.timeline(db.session, req.id)]


def code_of(call) -> str:
    with pytest.raises(RemoteInputError) as refused:
        call()
    return refused.value.code


def active(admin, kasubag, *, until=None, username="vendor01", **letter_fields):
    """A request carried through the SOP to an open account."""
    req = remote_ops.record_request(db.session, admin, letter(**letter_fields), now=NOW)
    remote_ops.approve(db.session, req, kasubag, approved_until=until, now=NOW)
    remote_ops.give_account(db.session, req, admin, username=username, rights_granted="Hanya baca",
                            granted_at=NOW, now=NOW)
    return req


# --- step 1: the letter ------------------------------------------------------------------------

def test_the_admin_records_a_letter_and_it_waits_for_the_kasubag(staff):
    admin, _, _ = staff
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    assert (req.status, req.recorded_at, req.recorded_by_id, req.extends_id) == ("received", NOW, admin.id, None)
    assert (req.requester_name, req.instansi, req.letter_number, req.letter_date) == \
        ("Teknisi Uji", "PT Contoh Teknologi", "045/UJI/XI/2026", date(2026, 11, 20))
    assert (req.purpose, req.rights_requested, req.period_start, req.period_end) == \
        ("Pembaruan aplikasi", "Hanya baca", NOW + DAY, NOW + 3 * DAY)
    assert events(req) == [("remote.received", {"letter_number": "045/UJI/XI/2026",
                                                 "period_end": (NOW + 3 * DAY).isoformat()})]
    assert remote_ops.by_status(db.session, "received") == [req]


def test_only_the_admin_records_letters(staff):
    _, _, kasubag = staff
    with pytest.raises(NotAllowed):
        remote_ops.record_request(db.session, kasubag, letter(), now=NOW)


def test_the_period_must_end_after_it_starts(staff):
    admin, _, _ = staff
    assert code_of(lambda: remote_ops.record_request(
        db.session, admin, letter(period_start=NOW + DAY, period_end=NOW + DAY), now=NOW)) == "period_reversed"
    assert code_of(lambda: remote_ops.record_request(
        db.session, admin, letter(period_start=NOW + DAY, period_end=NOW), now=NOW)) == "period_reversed"


def test_a_period_already_over_is_refused_and_a_start_already_past_is_kept(staff):
    """h22r: a period over before it is recorded can never be approved nor served; a letter recorded
    after its period began is kept as written (tests/admin/test_remote_period_refused_by_the_server_h22r.py)."""
    admin, _, _ = staff
    assert code_of(lambda: remote_ops.record_request(
        db.session, admin, letter(period_start=NOW - 3 * DAY, period_end=NOW - DAY), now=NOW)) == "period_over"
    assert code_of(lambda: remote_ops.record_request(
        db.session, admin, letter(period_start=NOW - DAY, period_end=NOW), now=NOW)) == "period_over"
    req = remote_ops.record_request(db.session, admin, letter(period_start=NOW - 2 * DAY, period_end=NOW + HOUR),
                                    now=NOW)
    assert req.period_start == NOW - 2 * DAY


def test_access_is_asked_for_at_most_one_year_at_a_time(staff):
    admin, _, _ = staff
    start = datetime(2027, 12, 1, 1, 0, tzinfo=timezone.utc)
    leap_year = datetime(2028, 12, 1, 1, 0, tzinfo=timezone.utc)  # 366 days: 2028 is a leap year
    remote_ops.record_request(db.session, admin, letter(period_start=start, period_end=leap_year), now=NOW)
    assert code_of(lambda: remote_ops.record_request(
        db.session, admin, letter(period_start=start, period_end=leap_year + HOUR), now=NOW)) == "period_too_long"


def test_a_letter_cannot_be_dated_after_today_in_jakarta(staff):
    admin, _, _ = staff
    # 20.00 UTC on the 22nd is 03.00 WIB on the 23rd: a letter dated the 23rd is dated today.
    evening_utc = datetime(2026, 11, 22, 20, 0, tzinfo=timezone.utc)
    remote_ops.record_request(db.session, admin, letter(letter_date=date(2026, 11, 23)), now=evening_utc)
    remote_ops.record_request(db.session, admin, letter(letter_date=date(2026, 11, 23)), now=NOW)
    assert code_of(lambda: remote_ops.record_request(
        db.session, admin, letter(letter_date=date(2026, 11, 25)), now=NOW)) == "letter_in_future"
    assert code_of(lambda: remote_ops.record_request(
        db.session, admin, letter(letter_date=date(2026, 11, 24)), now=evening_utc)) == "letter_in_future"


# --- step 2: the decision ----------------------------------------------------------------------

def test_approval_is_time_boxed_by_default_to_the_end_the_letter_asked_for(staff):
    admin, _, kasubag = staff
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    event = remote_ops.approve(db.session, req, kasubag, approved_until=None, now=NOW)
    assert (req.status, req.approved_until, req.decided_by_id) == ("approved", NOW + 3 * DAY, kasubag.id)
    assert event.details["approved_until"] == (NOW + 3 * DAY).isoformat()
    assert event.details["from"] == "received" and event.details["to"] == "approved"


def test_the_kasubag_may_approve_a_shorter_or_longer_period_within_a_year(staff):
    admin, _, kasubag = staff
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    remote_ops.approve(db.session, req, kasubag, approved_until=NOW + 366 * DAY, now=NOW)
    assert req.approved_until == NOW + 366 * DAY


@pytest.mark.parametrize("until,code", [
    (NOW, "until_in_past"), (NOW - HOUR, "until_in_past"), (NOW + 366 * DAY + HOUR, "period_too_long"),
])
def test_an_approval_that_ends_now_or_runs_past_a_year_is_refused_and_changes_nothing(staff, until, code):
    admin, _, kasubag = staff
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    assert code_of(lambda: remote_ops.approve(db.session, req, kasubag, approved_until=until, now=NOW)) == code
    assert (req.status, req.approved_until, req.decided_at) == ("received", None, None)


def test_whoever_recorded_the_letter_never_approves_it_and_hears_that_first(staff):
    admin, _, _ = staff
    both = Actor("user", admin.id, "Ani", frozenset({Role.ADMIN, Role.KASUBAG}))
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    with pytest.raises(NotAllowed) as refused:  # even with an end in the past, the role rule speaks first
        remote_ops.approve(db.session, req, both, approved_until=NOW - HOUR, now=NOW)
    assert refused.value.code == "not_the_recorder"
    assert req.status == "received"


def test_a_refusal_needs_a_reason(staff):
    admin, _, kasubag = staff
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    with pytest.raises(MissingReason):
        remote_ops.deny(db.session, req, kasubag, reason=" ", now=NOW)
    event = remote_ops.deny(db.session, req, kasubag, reason="Surat tidak ditandatangani", now=NOW)
    assert (req.status, req.decision_reason, req.decided_at, event.at) == \
        ("denied", "Surat tidak ditandatangani", NOW, NOW)


# --- step 3: the account given -----------------------------------------------------------------

def test_the_admin_records_the_account_given(staff):
    admin, _, kasubag = staff
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    remote_ops.approve(db.session, req, kasubag, approved_until=None, now=NOW)
    given = NOW - timedelta(minutes=5)
    event = remote_ops.give_account(db.session, req, admin, username="vendor01", rights_granted="Hanya baca",
                                    granted_at=given, now=NOW)
    assert (req.status, req.username, req.rights_granted, req.granted_at) == ("active", "vendor01", "Hanya baca", given)
    assert event.details == {"from": "approved", "to": "active", "username": "vendor01", "rights": "Hanya baca",
                             "granted_at": given.isoformat()}


def test_an_account_cannot_be_given_in_the_future(staff):
    admin, _, kasubag = staff
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    remote_ops.approve(db.session, req, kasubag, approved_until=None, now=NOW)
    give = lambda at: remote_ops.give_account(db.session, req, admin, username="v", rights_granted="r",  # noqa: E731
                                              granted_at=at, now=NOW)
    assert code_of(lambda: give(NOW + HOUR)) == "time_in_future"
    assert code_of(lambda: give(NOW + timedelta(minutes=15))) == "time_in_future"
    assert req.status == "approved"
    give(NOW + timedelta(minutes=5))  # a clock a few minutes fast at the desk is tolerated
    assert req.status == "active"


def test_an_account_cannot_be_given_before_the_approval(staff):
    admin, _, kasubag = staff
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW - DAY)
    remote_ops.approve(db.session, req, kasubag, approved_until=None, now=NOW - HOUR)
    give = lambda at: remote_ops.give_account(db.session, req, admin, username="v", rights_granted="r",  # noqa: E731
                                              granted_at=at, now=NOW)
    assert code_of(lambda: give(NOW - 2 * HOUR)) == "given_before_approval"
    assert code_of(lambda: give(NOW - HOUR - timedelta(minutes=15))) == "given_before_approval"
    give(NOW - HOUR - timedelta(minutes=5))  # typed by hand: the same few minutes of tolerance
    assert req.status == "active"


def test_an_account_cannot_be_given_once_the_approved_period_is_over(staff):
    admin, _, kasubag = staff
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW - DAY)
    remote_ops.approve(db.session, req, kasubag, approved_until=NOW - HOUR, now=NOW - DAY)
    give = lambda at: remote_ops.give_account(db.session, req, admin, username="v", rights_granted="r",  # noqa: E731
                                              granted_at=at, now=NOW)
    assert code_of(lambda: give(NOW - HOUR)) == "approval_lapsed"  # the very end is already too late
    give(NOW - HOUR - timedelta(minutes=1))
    assert req.status == "active"


def test_two_open_accounts_never_share_a_user_name(staff):
    admin, _, kasubag = staff
    active(admin, kasubag, username="vendor01")
    other = remote_ops.record_request(db.session, admin, letter(requester_name="Teknisi Lain"), now=NOW)
    remote_ops.approve(db.session, other, kasubag, approved_until=None, now=NOW)
    assert code_of(lambda: remote_ops.give_account(db.session, other, admin, username="vendor01",
                                                   rights_granted="r", granted_at=NOW, now=NOW)) == "username_in_use"
    remote_ops.give_account(db.session, other, admin, username="vendor02", rights_granted="r", granted_at=NOW, now=NOW)
    assert other.status == "active"


def test_a_closed_account_frees_its_user_name(staff):
    admin, _, kasubag = staff
    old = active(admin, kasubag, username="vendor01")
    remote_ops.close_account(db.session, old, admin, closed_at=NOW, note="", now=NOW)
    again = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    remote_ops.approve(db.session, again, kasubag, approved_until=None, now=NOW)
    remote_ops.give_account(db.session, again, admin, username="vendor01", rights_granted="r", granted_at=NOW, now=NOW)
    assert again.status == "active"


def test_only_the_admin_gives_and_closes_accounts(staff):
    admin, _, kasubag = staff
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    remote_ops.approve(db.session, req, kasubag, approved_until=None, now=NOW)
    with pytest.raises(NotAllowed):
        remote_ops.give_account(db.session, req, kasubag, username="v", rights_granted="r", granted_at=NOW, now=NOW)
    remote_ops.give_account(db.session, req, admin, username="v", rights_granted="r", granted_at=NOW, now=NOW)
    with pytest.raises(NotAllowed):
        remote_ops.close_account(db.session, req, kasubag, closed_at=NOW, note="", now=NOW)
    assert req.status == "active"


# --- step 4: closing, overdue accounts -----------------------------------------------------------

def test_closing_before_the_planned_end_means_the_work_is_finished(staff):
    admin, _, kasubag = staff
    req = active(admin, kasubag, until=NOW + 2 * DAY)
    later = NOW + DAY
    event = remote_ops.close_account(db.session, req, admin, closed_at=later, note="Selesai", now=later)
    assert event.at == later
    assert (req.status, req.closed_at, req.close_kind, req.close_note) == ("closed", later, "finished", "Selesai")
    assert event.details == {"from": "active", "to": "closed", "kind": "finished", "closed_at": later.isoformat(),
                             "note": "Selesai"}


def test_closing_at_the_planned_end_is_still_on_time(staff):
    admin, _, kasubag = staff
    req = active(admin, kasubag, until=NOW + 2 * DAY)
    end = NOW + 2 * DAY
    event = remote_ops.close_account(db.session, req, admin, closed_at=end, note="", now=end)
    assert (req.close_kind, req.close_note) == ("finished", None)
    assert "note" not in event.details


def test_closing_after_the_planned_end_is_recorded_as_such(staff):
    admin, _, kasubag = staff
    req = active(admin, kasubag, until=NOW + 2 * DAY)
    late = NOW + 2 * DAY + timedelta(minutes=1)
    remote_ops.close_account(db.session, req, admin, closed_at=late, note="", now=late)
    assert req.close_kind == "expired"


def test_an_account_cannot_close_in_the_future_or_before_it_was_given(staff):
    admin, _, kasubag = staff
    req = active(admin, kasubag)
    assert code_of(lambda: remote_ops.close_account(db.session, req, admin, closed_at=NOW + HOUR, note="",
                                                    now=NOW)) == "time_in_future"
    assert code_of(lambda: remote_ops.close_account(db.session, req, admin, closed_at=NOW - timedelta(seconds=1),
                                                    note="", now=NOW)) == "closed_before_given"
    remote_ops.close_account(db.session, req, admin, closed_at=NOW + timedelta(minutes=5), note="", now=NOW)
    assert req.status == "closed"


def test_an_open_account_past_its_approved_end_is_overdue(staff):
    admin, _, kasubag = staff
    later = active(admin, kasubag, until=NOW + 2 * DAY, username="b")  # recorded first, due last
    soon = active(admin, kasubag, until=NOW + DAY, username="a")
    pending = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    db.session.flush()
    assert not remote_ops.is_overdue(soon, NOW + DAY)  # at the end itself, not yet
    assert remote_ops.is_overdue(soon, NOW + DAY + timedelta(seconds=1))
    assert not remote_ops.is_overdue(pending, NOW + 10 * DAY)
    assert remote_ops.overdue_accounts(db.session, NOW + DAY) == []
    assert remote_ops.overdue_accounts(db.session, NOW + 3 * DAY) == [soon, later]
    remote_ops.close_account(db.session, soon, admin, closed_at=NOW + 3 * DAY, note="", now=NOW + 3 * DAY)
    assert not remote_ops.is_overdue(soon, NOW + 3 * DAY)
    assert remote_ops.overdue_accounts(db.session, NOW + 3 * DAY) == [later]


# --- extensions ----------------------------------------------------------------------------------

def test_an_extension_goes_through_the_whole_sop_and_closes_the_old_account_when_given(staff):
    admin, admin2, kasubag = staff
    old = active(admin, kasubag, until=NOW + DAY, username="vendor01")
    ext = remote_ops.record_request(db.session, admin2, letter(letter_number="046/UJI/XI/2026"),
                                    now=NOW + HOUR, extends=old)
    assert (ext.status, ext.extends_id) == ("received", old.id)
    assert events(ext)[0] == ("remote.received", {"letter_number": "046/UJI/XI/2026",
                                                  "period_end": (NOW + 3 * DAY).isoformat(), "extends": old.id})
    assert events(old)[-1] == ("remote.extension_recorded", {"extension": ext.id})
    assert remote_ops.open_extension(db.session, old) == ext
    assert old.status == "active"  # nothing changes for the old account while the extension waits

    remote_ops.approve(db.session, ext, kasubag, approved_until=NOW + 3 * DAY, now=NOW + HOUR)
    assert old.status == "active" and remote_ops.open_extension(db.session, old) == ext
    given = NOW + 2 * HOUR
    event = remote_ops.give_account(db.session, ext, admin, username="vendor01", rights_granted="Hanya baca",
                                    granted_at=given, now=given)
    assert event.details["supersedes"] == old.id
    # one row ends exactly where the next begins: no gap, no overlap
    assert (old.status, old.closed_at, old.close_kind, old.close_note) == ("closed", given, "superseded", f"#{ext.id}")
    assert remote_ops.timeline(db.session, old.id)[-1].at == given
    closing = events(old)[-1]
    assert closing == ("remote.closed", {"from": "active", "to": "closed", "kind": "superseded",
                                         "superseded_by": ext.id, "closed_at": given.isoformat()})
    assert remote_ops.open_extension(db.session, old) is None


def test_only_an_open_account_can_be_extended_and_only_once_at_a_time(staff):
    admin, admin2, kasubag = staff
    waiting = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    assert code_of(lambda: remote_ops.record_request(db.session, admin2, letter(), now=NOW,
                                                     extends=waiting)) == "extend_not_active"
    old = active(admin, kasubag)
    remote_ops.record_request(db.session, admin2, letter(), now=NOW, extends=old)
    assert code_of(lambda: remote_ops.record_request(db.session, admin2, letter(), now=NOW,
                                                     extends=old)) == "extension_pending"


def test_a_refused_extension_leaves_the_old_account_open_and_allows_another(staff):
    admin, admin2, kasubag = staff
    old = active(admin, kasubag)
    ext = remote_ops.record_request(db.session, admin2, letter(), now=NOW, extends=old)
    remote_ops.deny(db.session, ext, kasubag, reason="Tidak perlu", now=NOW)
    assert old.status == "active" and remote_ops.open_extension(db.session, old) is None
    again = remote_ops.record_request(db.session, admin2, letter(), now=NOW, extends=old)
    assert again.extends_id == old.id


# --- the register ----------------------------------------------------------------------------------

def test_the_register_of_a_month_lists_every_account_open_at_some_moment_of_it(staff):
    admin, _, kasubag = staff
    nov_start, dec_start = datetime(2026, 10, 31, 17, tzinfo=timezone.utc), datetime(2026, 11, 30, 17, tzinfo=timezone.utc)
    rows = {}
    for name, given, closed in [
        ("october_only", datetime(2026, 10, 5, tzinfo=timezone.utc), datetime(2026, 10, 20, tzinfo=timezone.utc)),
        ("closed_at_the_first_moment", datetime(2026, 10, 5, tzinfo=timezone.utc), nov_start),
        ("october_to_november", datetime(2026, 10, 25, tzinfo=timezone.utc), datetime(2026, 11, 3, tzinfo=timezone.utc)),
        ("inside_november", datetime(2026, 11, 10, tzinfo=timezone.utc), datetime(2026, 11, 12, tzinfo=timezone.utc)),
        ("still_open", datetime(2026, 11, 20, tzinfo=timezone.utc), None),
        ("given_at_the_end", dec_start, None),
    ]:
        rows[name] = factories.remote_request("closed" if closed else "active", requester_name=name,
                                              granted_at=given, closed_at=closed)
    factories.remote_request("approved", requester_name="never_given")
    listed = [r.requester_name for r in remote_ops.register_rows(db.session, nov_start, dec_start)]
    assert listed == ["closed_at_the_first_moment", "october_to_november", "inside_november", "still_open"]


def test_requests_waiting_for_the_kasubag_are_listed_oldest_letter_first(staff):
    admin, _, _ = staff
    newer = remote_ops.record_request(db.session, admin, letter(requester_name="Baru"), now=NOW)
    older = remote_ops.record_request(db.session, admin, letter(requester_name="Lama"), now=NOW - DAY)
    assert remote_ops.by_status(db.session, "received") == [older, newer]


def test_a_requests_timeline_is_its_own_events_in_the_order_they_happened(staff):
    from lpsedesk import audit

    admin, _, kasubag = staff
    req = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    audit.record(db.session, admin, "remote.password_generated", req, details={"length": 16}, at=NOW - HOUR)
    # an event of a visit that happens to have the same number: another register
    db.session.add(AuditEvent(at=NOW, actor_type="user", actor_id=admin.id, actor_label="Ani",
                              action="visit.ktp_viewed", object_type="visit", object_id=req.id, details={}))
    assert [action for action, _ in events(req)] == ["remote.password_generated", "remote.received"]
    assert str(RemoteInputError("period_reversed")) == "period_reversed"


def test_the_register_lists_accounts_in_the_order_they_were_given(staff):
    late = factories.remote_request("active", requester_name="late", granted_at=NOW + HOUR)
    early = factories.remote_request("active", requester_name="early", granted_at=NOW - HOUR)
    assert remote_ops.register_rows(db.session, NOW - DAY, NOW + DAY) == [early, late]


def test_the_scanned_letter_and_who_recorded_it_are_kept(staff):
    admin, admin2, kasubag = staff
    req = remote_ops.record_request(db.session, admin, letter(letter_key="letter/2026/11/" + "l" * 20,
                                                              letter_content_type="application/pdf"), now=NOW)
    assert (req.letter_key, req.letter_content_type) == ("letter/2026/11/" + "l" * 20, "application/pdf")
    remote_ops.approve(db.session, req, kasubag, approved_until=None, now=NOW)
    remote_ops.give_account(db.session, req, admin, username="v", rights_granted="r", granted_at=NOW, now=NOW)
    ext = remote_ops.record_request(db.session, admin2, letter(), now=NOW, extends=req)
    db.session.flush()
    received = remote_ops.timeline(db.session, ext.id)[0]
    noted = remote_ops.timeline(db.session, req.id)[-1]
    assert (received.action, received.actor_type, received.actor_id) == ("remote.received", "user", admin2.id)
    assert (noted.action, noted.actor_id) == ("remote.extension_recorded", admin2.id)
