"""Finding one's own visit without the ticket (issue 13): masked names, the 4 phone digits, today only."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk import kiosk_recovery
from lpsedesk.extensions import db
from tests import factories


def test_a_name_is_masked_so_its_owner_recognises_it_and_a_stranger_does_not_learn_it():
    assert kiosk_recovery.mask_name("Budi Santoso") == "Bu** San****"
    assert kiosk_recovery.mask_name("SARI UJI COBA") == "Sa** U** Co**"
    assert kiosk_recovery.mask_name("A") == "A"
    assert kiosk_recovery.mask_name("") == ""


def test_the_last_four_digits_ignore_how_the_phone_was_written():
    assert kiosk_recovery.phone_ends_with("0812-3456-0001", "0001")
    assert kiosk_recovery.phone_ends_with("+62 812 3456 0001", "0001")
    assert not kiosk_recovery.phone_ends_with("081234560001", "1000")
    assert not kiosk_recovery.phone_ends_with("081234560001", "001")
    assert not kiosk_recovery.phone_ends_with("081234560001", "")


def test_only_an_approved_visit_may_check_out(app):
    with app.app_context():
        for status, allowed in (("approved", True), ("pending", False), ("denied", False), ("checked_out", False)):
            visit = factories.visit(status=status, visitor=factories.visitor(nik=f"33730241079000{10 + len(status)}"))
            assert kiosk_recovery.may_check_out(visit) is allowed


def test_todays_visit_needs_the_nik_and_the_phone_digits_and_is_from_today(app):
    with app.app_context():
        now = datetime.now(timezone.utc)
        factories.visit(status="approved", submitted_at=now - timedelta(days=2))
        today = factories.visit(status="pending", submitted_at=now)
        assert kiosk_recovery.todays_visit(db.session, "3373024107900001", "0001").id == today.id
        assert kiosk_recovery.todays_visit(db.session, "3373024107900001", "0002") is None
        assert kiosk_recovery.todays_visit(db.session, "3373024107900002", "0001") is None
        assert kiosk_recovery.todays_visit(db.session, "3373024107900001", "") is None


def test_the_inside_list_shows_only_todays_approved_visitors_masked_and_confirms_with_the_digits(app):
    with app.app_context():
        now = datetime.now(timezone.utc)
        inside = factories.visit(status="approved", submitted_at=now,
                                 visitor=factories.visitor(full_name="BUDI SANTOSO", phone="081299990123"))
        factories.visit(status="pending", submitted_at=now)
        factories.visit(status="approved", submitted_at=now - timedelta(days=3))
        entries = kiosk_recovery.inside_today(db.session)
        assert [e.masked_name for e in entries] == ["Bu** San****"]
        assert kiosk_recovery.confirm_inside(db.session, inside.id, "0123").id == inside.id
        assert kiosk_recovery.confirm_inside(db.session, inside.id, "9999") is None


def test_a_visit_that_is_not_inside_is_not_confirmed_from_the_list_even_with_the_right_digits(app):
    """The list is of visitors still inside (approved, not checked out): a visit id typed or kept from
    earlier, pending, refused or already checked out, is not confirmed for a check-out by its digits."""
    with app.app_context():
        now = datetime.now(timezone.utc)
        for status in ("pending", "denied", "checked_out"):
            visit = factories.visit(status=status, submitted_at=now,
                                    visitor=factories.visitor(full_name="SITI AMINAH", phone="081299990456"))
            assert kiosk_recovery.confirm_inside(db.session, visit.id, "0456") is None, status
