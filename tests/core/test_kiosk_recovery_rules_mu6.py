"""kiosk_recovery: the rules mutation testing (mu6) showed untested; expectations from the documents.

docs/kiosk.md: a NIK that has visited before is greeted at once ("Selamat datang kembali") with the
4-digit box and "Sama seperti terakhir"; the recall gives "the last visit's purpose, facility and
duration ('same as last time')". A NIK is 16 digits, typed in groups of four or not.
"""
from __future__ import annotations

from datetime import date, time, timedelta

from lpsedesk import kiosk_recovery
from lpsedesk.clock import wib_at
from lpsedesk.extensions import db
from lpsedesk.models import Visitor
from tests import factories

NOON = wib_at(date(2026, 12, 2), time(12))
NIK = "3373024107900001"


def test_a_nik_that_has_visited_before_is_greeted_as_returning_and_any_other_is_not(app):
    with app.app_context():
        assert kiosk_recovery.is_returning(db.session, NIK) is False
        factories.visit(visitor=factories.visitor(nik=NIK), submitted_at=NOON - timedelta(days=30))
        assert kiosk_recovery.is_returning(db.session, NIK) is True
        assert kiosk_recovery.is_returning(db.session, "3373 0241 0790 0001") is True
        assert kiosk_recovery.is_returning(db.session, "3373024107900002") is False
        for not_a_nik in ("", None, NIK[:15], NIK + "1"):
            assert kiosk_recovery.is_returning(db.session, not_a_nik) is False


def test_same_as_last_time_is_the_visit_the_recalled_visitor_record_belongs_to(app):
    with app.app_context():
        earlier = factories.visit(visitor=factories.visitor(nik=NIK), purpose="consultation",
                                  submitted_at=NOON - timedelta(days=30))
        latest = factories.visit(visitor=factories.visitor(nik=NIK), purpose="verification",
                                 facility="verification_desk", planned_minutes=120, submitted_at=NOON)
        found = kiosk_recovery.last_visit(db.session, latest.visitor)
        assert found is not None and found.id == latest.id
        assert (found.purpose, found.facility, found.planned_minutes) == ("verification", "verification_desk", 120)
        assert kiosk_recovery.last_visit(db.session, earlier.visitor).id == earlier.id
        never = Visitor(full_name="Tanpa Kunjungan", nik="3373024107900009", phone="081234560009",
                        institution="CV Contoh", category="penyedia")
        db.session.add(never)
        db.session.flush()
        assert kiosk_recovery.last_visit(db.session, never) is None


def test_a_nik_read_from_the_card_in_groups_of_four_finds_todays_visit(app):
    """docs/kiosk.md: the KTP held up to the camera again proves the visit, as at check-in; the NIK as
    printed on the card is grouped, and the groups do not make it another NIK."""
    with app.app_context():
        visit = factories.visit(visitor=factories.visitor(nik=NIK), submitted_at=NOON - timedelta(hours=1))
        found = kiosk_recovery.todays_visit_by_card(db.session, "3373 0241 0790 0001", now=NOON)
        assert found is not None and found.id == visit.id
        for not_a_nik in ("", None, NIK[:15]):
            assert kiosk_recovery.todays_visit_by_card(db.session, not_a_nik, now=NOON) is None


def test_the_card_finds_only_its_own_nik_and_only_within_todays_wib_day(app):
    """docs/kiosk.md: the card held up again proves "this is my visit": another visitor's visit of
    the same day is not found with it, nor a visit stamped at the next midnight (a kiosk clock set
    wrong)."""
    with app.app_context():
        factories.visit(visitor=factories.visitor(nik="3373024107900002", full_name="Budi Santoso"),
                        submitted_at=NOON - timedelta(hours=1))
        assert kiosk_recovery.todays_visit_by_card(db.session, NIK, now=NOON) is None
        factories.visit(visitor=factories.visitor(nik=NIK), submitted_at=wib_at(date(2026, 12, 3), time(0)))
        assert kiosk_recovery.todays_visit_by_card(db.session, NIK, now=NOON) is None
        assert kiosk_recovery.todays_visit(db.session, NIK, "0001", now=NOON) is None


def test_a_visit_submitted_at_the_next_midnight_is_not_confirmed_as_todays(app):
    with app.app_context():
        tomorrow = factories.visit("approved", visitor=factories.visitor(nik=NIK),
                                   submitted_at=wib_at(date(2026, 12, 3), time(0)))
        assert kiosk_recovery.confirm_inside(db.session, tomorrow.id, "0001", now=NOON) is None
        assert kiosk_recovery.confirm_inside(db.session, tomorrow.id, "0001",
                                             now=wib_at(date(2026, 12, 3), time(9))).id == tomorrow.id
