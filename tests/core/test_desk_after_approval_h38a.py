"""h38a, SOP 1 (LPSE Kota Salatiga 2022): "the visitor fills the guest book and shows a valid KTP; the
helpdesk asks the Kasubag, who grants or refuses; the helpdesk lets the visitor in within what was
permitted [...]". Since h36d a visitor is inside from the desk's let-in. So: an approved visitor still at
the desk whose KTP was never checked is a KTP to check; "since" of a visitor inside is the let-in, not
the approval; a follow-up that names visitors never let in says so; a visitor never let in who checks
out at the kiosk left without coming in, as at the desk."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from types import SimpleNamespace

import pytest

from lpsedesk import board_duties, checkin, decision_told, office_hours, settings, visit_ops, visit_stay
from lpsedesk.clock import wib_at
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent
from lpsedesk.roles import Actor, Role

from .. import factories
from .test_rules_visit_ops import staff_user

HOURS = office_hours.OfficeHours(time(7, 30), time(16, 0))  # Monday to Friday
FRIDAY, MONDAY = date(2026, 12, 4), date(2026, 12, 7)
APPROVED = wib_at(MONDAY, time(9))
LET_IN = wib_at(MONDAY, time(9, 12))


def visitor(status: str, *, told: datetime | None, ktp: bool, decided: datetime = APPROVED) -> SimpleNamespace:
    return SimpleNamespace(status=status, decided_at=decided, decision_told_at=told,
                           ktp_checked_at=decided if ktp else None)


# ---- 2. "KTP to check" counts an approved visitor still at the desk --------------------------------

def test_an_approved_visitor_at_the_desk_whose_ktp_is_unchecked_is_a_ktp_to_check():
    at_desk = visitor("approved", told=None, ktp=False)
    at_desk_seen = visitor("approved", told=None, ktp=True)
    refused = visitor("denied", told=None, ktp=False)  # a refusal is told, no KTP is checked for it
    inside = visitor("approved", told=LET_IN, ktp=False)
    request = SimpleNamespace(status="pending", ktp_checked_at=None)
    assert board_duties.unchecked_at_desk([at_desk, at_desk_seen, refused]) == [at_desk]
    duties = board_duties.duties(follow_up=None, check_ktp=[request], to_report=[], waiting=[], inside=[inside],
                                 to_tell=[at_desk, at_desk_seen, refused])
    assert dict((d.key, d.count) for d in duties)["check-ktp"] == 3  # the request, the one at the desk, the one inside


def test_each_visitor_is_counted_once_and_the_one_at_the_desk_first():
    at_desk, inside = visitor("approved", told=None, ktp=False), visitor("approved", told=LET_IN, ktp=False)
    assert board_duties.unchecked_granted([inside], [at_desk]) == [at_desk, inside]
    # once let in, the same visitor is inside and no longer at the desk: still one
    at_desk.decision_told_at = LET_IN
    assert board_duties.unchecked_granted([at_desk], []) == [at_desk]


# ---- 5. "since" is the let-in -------------------------------------------------------------------------

def test_a_visitor_is_here_since_the_desk_let_them_in_not_since_the_approval():
    assert decision_told.let_in_at(visitor("approved", told=LET_IN, ktp=True)) == LET_IN
    assert decision_told.let_in_at(visitor("checked_out", told=LET_IN, ktp=True)) == LET_IN
    assert decision_told.let_in_at(visitor("approved", told=None, ktp=True)) is None
    assert decision_told.let_in_at(visitor("denied", told=LET_IN, ktp=True)) is None  # told of a refusal


def test_the_stay_still_runs_from_the_approval_as_docs_reports_says():
    inside = visitor("checked_out", told=LET_IN, ktp=True)
    inside.checked_out_at = APPROVED + timedelta(hours=1)
    assert visit_stay.began(inside) == APPROVED and visit_stay.stay(inside) == timedelta(hours=1)


def test_a_visitor_approved_on_friday_and_let_in_this_morning_came_today():
    came_today = visitor("approved", told=wib_at(MONDAY, time(7, 40)), ktp=True, decided=wib_at(FRIDAY, time(15, 50)))
    since_friday = visitor("approved", told=wib_at(FRIDAY, time(15)), ktp=True, decided=wib_at(FRIDAY, time(14, 55)))
    never_in = visitor("approved", told=None, ktp=True, decided=wib_at(FRIDAY, time(15, 55)))
    found = board_duties.follow_up([came_today, since_friday, never_in], HOURS, wib_at(MONDAY, time(9)))
    assert found.why == board_duties.EARLIER_DAY and found.visits == [since_friday, never_in]


# ---- 3. the follow-up's heading is true of what it lists ------------------------------------------

def test_the_follow_up_knows_when_it_names_someone_never_let_in():
    inside, never_in = visitor("approved", told=LET_IN, ktp=True), visitor("approved", told=None, ktp=True)
    assert not board_duties.FollowUp(board_duties.AFTER_CLOSING, [inside]).never_let_in
    assert board_duties.FollowUp(board_duties.AFTER_CLOSING, [inside, never_in]).never_let_in


# ---- 4. the kiosk's check-out of a visitor never let in --------------------------------------------

@pytest.fixture
def helpdesk(app):
    with app.app_context():
        yield Actor("user", staff_user("rina"), "Rina", frozenset({Role.HELPDESK}))


def checked_out_event(visit_id: int) -> AuditEvent:
    return db.session.query(AuditEvent).filter_by(object_id=visit_id, action="visit.checked_out").one()


KIOSK = Actor(kind="kiosk", id=1, label="Kiosk 1", roles=frozenset({Role.KIOSK}))
DECIDED = datetime(2026, 12, 7, 2, 0, tzinfo=timezone.utc)
OUT = DECIDED + timedelta(minutes=20)


def test_a_visitor_never_let_in_who_checks_out_at_the_kiosk_left_without_coming_in_as_at_the_desk(helpdesk):
    at_kiosk = factories.visit("approved", decided_at=DECIDED, decision_told_at=None)
    at_desk = factories.visit("approved", decided_at=DECIDED, decision_told_at=None)
    checkin.check_out(db.session, KIOSK, at_kiosk, now=OUT)
    by_desk = visit_ops.check_out(db.session, at_desk, helpdesk, now=OUT)
    kiosk_event = checked_out_event(at_kiosk.id)
    assert kiosk_event.details.get("not_let_in") is True and by_desk.details.get("not_let_in") is True
    # the same visit afterwards, whichever way it left: its stay, its report's time in
    assert visit_stay.stay(at_kiosk) == visit_stay.stay(at_desk)
    assert visit_stay.began(at_kiosk) == visit_stay.began(at_desk)


def test_a_visitor_let_in_who_checks_out_at_the_kiosk_is_an_ordinary_check_out(app):
    with app.app_context():
        visit = factories.visit("approved", decided_at=DECIDED, decision_told_at=DECIDED + timedelta(minutes=2))
        checkin.check_out(db.session, KIOSK, visit, now=OUT)
        assert "not_let_in" not in checked_out_event(visit.id).details


# ---- 6. a facility no longer in the settings ---------------------------------------------------------

def test_a_facility_key_no_longer_in_the_settings_reads_as_words():
    assert settings.readable_key("server_room") == "Server room"
    assert settings.readable_key("ruang-server") == "Ruang server"
    assert settings.readable_key("") == "-"
