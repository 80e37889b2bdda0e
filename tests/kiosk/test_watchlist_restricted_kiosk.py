"""Issue 15 at the kiosk: a watch-list match flags the request (never refuses it); a restricted
facility asks for the devices brought in, "none" being a valid explicit answer."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from lpsedesk import settings
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, Visit, WatchEntry

from .conftest import NIK, capture_id, entry

TODAY = date.today()


def _submit(kiosk, frame, **overrides):
    return kiosk.post_json("/visits", entry(capture=capture_id(kiosk, frame), scan_session="test-session-1",
                                            **overrides))


def _watch(app, **fields) -> int:
    with app.app_context():
        row = WatchEntry(reason=fields.pop("reason", "Sanksi daftar hitam"),
                         expires_on=fields.pop("expires_on", TODAY + timedelta(days=30)), **fields)
        db.session.add(row)
        db.session.commit()
        return row.id


def _server_room(app) -> None:
    with app.app_context():
        facilities = list(settings.get(db.session, "facilities"))
        facilities.append({"key": "server_room", "id": "Ruang server", "en": "Server room", "restricted": True})
        settings.put(db.session, "facilities", facilities)
        db.session.commit()


def test_a_nik_on_the_watch_list_reaches_the_kasubag_flagged_with_the_reason_and_the_match_is_audited(
        app, kiosk, ktp_scene):
    entry_id = _watch(app, nik=NIK, reason="Penyedia dalam sanksi daftar hitam")
    response = _submit(kiosk, ktp_scene[0])
    # Never refused by the list itself: the request is pending for the Kasubag like any other.
    assert response.status_code == 201 and response.json["status"] == "pending"
    assert "sanksi" not in response.get_data(as_text=True).lower()  # the visitor is not told
    with app.app_context():
        visit = db.session.scalars(select(Visit)).one()
        assert visit.watch_entry_id == entry_id and visit.watch_reason == "Penyedia dalam sanksi daftar hitam"
        match = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "watchlist.matched")).one()
        assert match.object_id == entry_id and match.details["visit_id"] == visit.id
        assert match.details["by"] == "nik" and match.actor_type == "kiosk"


def test_a_name_with_institution_matches_whatever_the_case_punctuation_or_legal_form(app, kiosk, ktp_scene):
    _watch(app, full_name="Sari Uji-Coba", name_key="SARI UJI COBA", institution="CV. Contoh Sejahtera",
           institution_key="CONTOH SEJAHTERA")
    response = _submit(kiosk, ktp_scene[0], full_name="sari  uji coba", institution="Contoh Sejahtera, CV")
    assert response.status_code == 201
    with app.app_context():
        assert db.session.scalars(select(Visit)).one().watch_reason == "Sanksi daftar hitam"


def test_an_expired_entry_does_not_match(app, kiosk, ktp_scene):
    _watch(app, nik=NIK, expires_on=TODAY - timedelta(days=2))
    assert _submit(kiosk, ktp_scene[0]).status_code == 201
    with app.app_context():
        visit = db.session.scalars(select(Visit)).one()
        assert visit.watch_reason is None and visit.watch_entry_id is None
        assert not db.session.scalars(select(AuditEvent).where(AuditEvent.action == "watchlist.matched")).all()


def test_a_request_for_a_restricted_facility_needs_the_devices_or_an_explicit_none(app, kiosk, ktp_scene):
    _server_room(app)
    page = kiosk.client.get("/kiosk/").get_data(as_text=True)
    assert "server_room" in page  # the kiosk knows which facility asks for devices
    missing = kiosk.post_json("/visits", entry(facility="server_room", validate_only=True, devices=[],
                                               devices_none=False))
    assert missing.status_code == 400 and "devices" in missing.json["fields"]
    half = kiosk.post_json("/visits", entry(facility="server_room", validate_only=True, devices_none=False,
                                            devices=[{"kind": "Laptop", "brand": "", "serial": "SN1"}]))
    assert half.status_code == 400 and half.json["codes"]["devices"] == "devices_incomplete"
    # The screens before the devices step are not held up by it.
    assert kiosk.post_json("/visits", entry(facility="server_room", validate_only=True)).status_code == 200
    none = _submit(kiosk, ktp_scene[0], facility="server_room", devices=[], devices_none=True)
    assert none.status_code == 201, none.json
    with app.app_context():
        visit = db.session.scalars(select(Visit)).one()
        assert visit.restricted and visit.devices_none is True and visit.devices == []


def test_the_devices_declared_are_kept_with_their_serial_numbers(app, kiosk, ktp_scene):
    _server_room(app)
    devices = [{"kind": "Laptop", "brand": "Lenovo", "serial": "PF-12345"},
               {"kind": "Flashdisk", "brand": "Sandisk", "serial": "SD-998"}]
    response = _submit(kiosk, ktp_scene[0], facility="server_room", devices=devices, devices_none=False)
    assert response.status_code == 201, response.json
    with app.app_context():
        visit = db.session.scalars(select(Visit)).one()
        assert visit.restricted and visit.devices_none is False
        assert [(d.kind, d.brand, d.serial) for d in visit.devices] == [
            ("Laptop", "Lenovo", "PF-12345"), ("Flashdisk", "Sandisk", "SD-998")]


def test_a_request_for_a_restricted_facility_without_devices_answer_is_refused_with_nothing_saved(
        app, kiosk, ktp_scene):
    _server_room(app)
    response = _submit(kiosk, ktp_scene[0], facility="server_room")
    assert response.status_code == 400 and response.json["codes"]["devices"] == "devices_required"
    with app.app_context():
        assert db.session.scalars(select(Visit)).all() == []


def test_a_visitor_who_brought_devices_into_the_server_room_checks_out_at_the_desk(app, kiosk):
    # Issue 15: at check-out the helpdesk confirms each device left with the visitor, so the kiosk
    # sends such a visitor to the desk; one who brought nothing may check out at the kiosk.
    from lpsedesk.models import VisitDevice, utcnow
    from tests import factories

    with app.app_context():
        with_laptop = factories.visit("approved", restricted=True, devices_none=False,
                                      devices=[VisitDevice(position=0, kind="Laptop", brand="Lenovo", serial="PF-1")])
        nothing = factories.visit("approved", restricted=True, devices_none=True,
                                  visitor=factories.visitor(nik="3373024107900002"))
        tickets = with_laptop.ticket_code, nothing.ticket_code
    refused = kiosk.post_json(f"/visits/{tickets[0]}/checkout", {})
    assert refused.status_code == 409 and refused.json["error"] == "devices_at_desk"
    assert "helpdesk" in refused.json["message"]
    assert kiosk.post_json(f"/visits/{tickets[1]}/checkout", {}).status_code == 200
    with app.app_context():
        visit = db.session.scalars(select(Visit).where(Visit.ticket_code == tickets[0])).one()
        assert visit.status == "approved"  # nothing changed
        visit.devices_checked_at = utcnow()
        db.session.commit()
    assert kiosk.post_json(f"/visits/{tickets[0]}/checkout", {}).status_code == 200
