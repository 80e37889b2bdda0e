"""Finding one's own visit without the ticket (issue 13), the rules a deliberate bug in
lpsedesk/kiosk_recovery.py left untested (mu5). From docs/kiosk.md's words: the NIK plus the last 4
digits of the phone given that day; "today" is the WIB calendar day; the latest visit of the day is
the one answered; the "choose your name" list shows today's visitors still inside, masked, in name
order."""
from __future__ import annotations

from datetime import date, time, timedelta

from lpsedesk import kiosk_recovery
from lpsedesk.clock import wib_at
from lpsedesk.extensions import db
from tests import factories

DAY = date(2026, 12, 2)
NOON = wib_at(DAY, time(12))
NIK = "3373024107900001"


def visitor(name: str = "Sari Uji Coba", phone: str = "081234560001", nik: str = NIK):
    return factories.visitor(full_name=name, phone=phone, nik=nik)


def test_the_last_four_digits_are_digits_even_when_a_space_or_dash_falls_among_them():
    assert kiosk_recovery.phone_ends_with("0812 3456 00-01", "0001")
    assert kiosk_recovery.phone_ends_with("(0298) 32-1", "0321") is False  # 0298321: ends in 8321
    assert kiosk_recovery.phone_ends_with("(0298) 32-1", "8321")


def test_a_nik_typed_in_groups_of_four_finds_the_visit(app):
    with app.app_context():
        visit = factories.visit(visitor=visitor(), submitted_at=NOON - timedelta(hours=2))
        found = kiosk_recovery.todays_visit(db.session, "3373 0241 0790 0001", "0001", now=NOON)
        assert found is not None and found.id == visit.id


def test_without_four_phone_digits_nothing_is_found(app):
    with app.app_context():
        factories.visit(visitor=visitor(), submitted_at=NOON - timedelta(hours=2))
        for last4 in ("", None, "001", "00a1", "00001"):
            assert kiosk_recovery.todays_visit(db.session, NIK, last4, now=NOON) is None


def test_today_is_the_wib_day_from_its_first_moment_to_midnight(app):
    with app.app_context():
        yesterday = factories.visit(visitor=visitor(), submitted_at=wib_at(DAY, time(0)) - timedelta(seconds=1))
        assert kiosk_recovery.todays_visit(db.session, NIK, "0001", now=NOON) is None
        assert kiosk_recovery.todays_visit_by_card(db.session, NIK, now=NOON) is None
        first = factories.visit(visitor=visitor(), submitted_at=wib_at(DAY, time(0)))
        assert kiosk_recovery.todays_visit(db.session, NIK, "0001", now=NOON).id == first.id
        assert kiosk_recovery.todays_visit_by_card(db.session, NIK, now=NOON).id == first.id
        assert yesterday.id != first.id
        # A clock set wrong on the kiosk's PC cannot make tomorrow's midnight part of today.
        factories.visit(visitor=visitor(), submitted_at=wib_at(DAY + timedelta(days=1), time(0)))
        assert kiosk_recovery.todays_visit(db.session, NIK, "0001", now=NOON).id == first.id


def test_the_latest_visit_of_the_day_is_answered_whatever_order_the_rows_were_written_in(app):
    with app.app_context():
        later = factories.visit("pending", visitor=visitor(), submitted_at=NOON - timedelta(hours=1))
        earlier = factories.visit("denied", visitor=visitor(), submitted_at=NOON - timedelta(hours=3))
        assert earlier.id > later.id
        assert kiosk_recovery.todays_visit(db.session, NIK, "0001", now=NOON).id == later.id
        assert kiosk_recovery.todays_visit_by_card(db.session, NIK, now=NOON).id == later.id


def test_the_list_of_those_inside_is_todays_approved_visits_masked_in_name_order(app):
    with app.app_context():
        decided = NOON - timedelta(hours=1)
        zaenal = factories.visit("approved", visitor=visitor("Zaenal Arifin", nik="3373024107900002"),
                                 submitted_at=NOON - timedelta(hours=2), decided_at=decided)
        budi = factories.visit("approved", visitor=visitor("Budi Santoso", nik="3373024107900003"),
                               submitted_at=wib_at(DAY, time(0)), decided_at=decided)
        factories.visit("approved", visitor=visitor("Ahmad Kemarin", nik="3373024107900004"),
                        submitted_at=wib_at(DAY, time(0)) - timedelta(minutes=1), decided_at=decided)
        factories.visit("pending", visitor=visitor("Anton Menunggu", nik="3373024107900005"),
                        submitted_at=NOON - timedelta(hours=1))
        factories.visit("approved", visitor=visitor("Agus Besok", nik="3373024107900006"),
                        submitted_at=wib_at(DAY + timedelta(days=1), time(0)), decided_at=decided)
        entries = kiosk_recovery.inside_today(db.session, now=NOON)
        assert [(e.visit_id, e.masked_name) for e in entries] == [(budi.id, "Bu** San****"), (zaenal.id, "Zae*** Ari***")]
        assert all(e.since == decided for e in entries)


def test_a_visit_picked_from_the_list_is_confirmed_only_on_its_own_day(app):
    with app.app_context():
        first_moment = factories.visit("approved", visitor=visitor(), submitted_at=wib_at(DAY, time(0)))
        assert kiosk_recovery.confirm_inside(db.session, first_moment.id, "0001", now=NOON).id == first_moment.id
        assert kiosk_recovery.confirm_inside(db.session, first_moment.id, "0001",
                                             now=wib_at(DAY + timedelta(days=1), time(0))) is None
