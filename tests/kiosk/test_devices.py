"""A kiosk is a registered device: enrolled once with a code, refused when unknown or revoked."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk import devices
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, KioskDevice

from .conftest import enrol_client


def test_an_unenrolled_browser_sees_a_plain_refusal_and_the_api_refuses_it(client):
    page = client.get("/kiosk/")
    assert page.status_code == 401
    assert "bukan kios yang terdaftar" in page.get_data(as_text=True)
    for method, path in (("get", "/kiosk/api/v1/visits/ABCDEFGH"), ("post", "/kiosk/api/v1/visits"),
                         ("post", "/kiosk/api/v1/scan"), ("post", "/kiosk/api/v1/visitors/recall")):
        response = getattr(client, method)(path)
        assert response.status_code in (400, 401), (path, response.status_code)
        if response.status_code == 401:
            assert response.json["error"] == "kiosk_not_registered"


def test_the_api_refuses_an_unenrolled_browser_even_with_a_valid_csrf_token(client):
    page = client.get("/kiosk/enrol")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = client.post("/kiosk/api/v1/visits", json={}, headers={"X-CSRFToken": token})
    assert response.status_code == 401 and response.json["error"] == "kiosk_not_registered"


def test_an_enrolment_code_works_once(app, client):
    kiosk = enrol_client(app, client)
    with app.app_context():
        device = db.session.get(KioskDevice, kiosk.device_id)
        assert device.enrolled_at is not None and device.enrol_code_hash is None
        assert db.session.query(AuditEvent).filter_by(action="kiosk.enrolled").count() == 1


def test_a_wrong_or_expired_code_is_refused(app, client):
    with app.app_context():
        device, code = devices.create_device(db.session, None, "Kios uji")
        db.session.commit()
        with pytest.raises(devices.DeviceError) as exc:
            devices.enrol(db.session, code, now=datetime.now(timezone.utc) + timedelta(days=2))
        assert exc.value.code == "expired_code"
        with pytest.raises(devices.DeviceError):
            devices.enrol(db.session, "AAAAABBBBB")
    page = client.get("/kiosk/enrol")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = client.post("/kiosk/enrol", data={"code": "AAAAA-BBBBB", "csrf_token": token})
    assert response.status_code == 400 and "tidak berlaku" in response.get_data(as_text=True)
    assert devices.COOKIE_NAME not in response.headers.get("Set-Cookie", "")


def test_the_device_credential_is_an_httponly_signed_cookie(app, client):
    with app.app_context():
        _device, code = devices.create_device(db.session, None, "Kios uji")
        db.session.commit()
    page = client.get(f"/kiosk/enrol?code={code}")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = client.post("/kiosk/enrol", data={"code": code.lower(), "csrf_token": token})
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(devices.COOKIE_NAME + "=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_a_tampered_credential_is_refused(app, client):
    enrol_client(app, client)
    value = client.get_cookie(devices.COOKIE_NAME).value
    client.set_cookie(devices.COOKIE_NAME, value[:-2] + ("AA" if not value.endswith("AA") else "BB"))
    assert client.get("/kiosk/").status_code == 401


def test_a_revoked_kiosk_is_refused_at_once(app, client):
    kiosk = enrol_client(app, client)
    with app.app_context():
        devices.revoke(db.session, None, db.session.get(KioskDevice, kiosk.device_id))
        db.session.commit()
    assert client.get("/kiosk/").status_code == 403
    response = kiosk.get("/visits/ABCDEFGH")
    assert response.status_code == 403 and response.json["error"] == "kiosk_not_registered"


def test_re_enrolling_a_kiosk_ends_its_old_credential(app, client, make_app):
    kiosk = enrol_client(app, client)
    old = client.get_cookie(devices.COOKIE_NAME).value
    with app.app_context():
        device = db.session.get(KioskDevice, kiosk.device_id)
        code = devices.new_enrol_code(db.session, None, device)
        devices.enrol(db.session, code)
        db.session.commit()
    other = app.test_client()
    other.set_cookie(devices.COOKIE_NAME, old)
    assert other.get("/kiosk/").status_code == 401


def test_the_kiosk_is_seen_when_it_calls(app, kiosk):
    with app.app_context():
        device = db.session.get(KioskDevice, kiosk.device_id)
        device.last_seen_at = datetime.now(timezone.utc) - timedelta(hours=3)
        db.session.commit()
    kiosk.get("/visits/ABCDEFGH")
    with app.app_context():
        seen = db.session.get(KioskDevice, kiosk.device_id).last_seen_at
        assert datetime.now(timezone.utc) - seen < timedelta(minutes=1)


def test_kiosk_enroll_command_prints_a_one_time_code(app, runner, client):
    result = runner.invoke(args=["kiosk-enroll", "Kios lobi"])
    assert result.exit_code == 0, result.output
    code = re.search(r"code: ([A-Z0-9]{5}-[A-Z0-9]{5})", result.output).group(1)
    assert re.search(r"open: http://[^/\s]+:\d+/kiosk/enrol\?code=", result.output), "a full link, not a path"
    result = runner.invoke(args=["kiosk-enroll", "Kios dua", "--base-url", "http://10.0.0.5:8080/"])
    assert "open: http://10.0.0.5:8080/kiosk/enrol?code=" in result.output
    with app.app_context():
        device = devices.enrol(db.session, code)
        assert device.name == "Kios lobi"
        db.session.rollback()


def test_every_kiosk_view_is_marked_kiosk_only(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/kiosk/api/") or rule.rule == "/kiosk/":
            view = app.view_functions[rule.endpoint]
            assert getattr(view, "kiosk_only", False), rule.rule
