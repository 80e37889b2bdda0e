"""The Admin registers kiosks, sees when each was last seen, and revokes them."""
from __future__ import annotations

import re

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, KioskDevice
from tests.conftest import csrf_from


def test_only_the_admin_may_open_the_kiosks_page(client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    assert client.get("/admin/kiosks").status_code == 403


def test_the_admin_registers_a_kiosk_and_sees_its_code_once(app, client, make_user, login):
    make_user("adi", "admin")
    login("adi")
    token = csrf_from(client, "/admin/kiosks")
    response = client.post("/admin/kiosks", data={"csrf_token": token, "name": "Kios lobi"})
    assert response.status_code == 201
    html = response.get_data(as_text=True)
    code = re.search(r'class="kiosk-code-value">([A-Z0-9]{5}-[A-Z0-9]{5})<', html).group(1)
    assert "/kiosk/enrol?code=" in html and "<svg" in html
    assert code not in client.get("/admin/kiosks").get_data(as_text=True), "the code is shown only once"
    with app.app_context():
        device = db.session.query(KioskDevice).one()
        assert device.enrol_code_hash and code.replace("-", "") not in device.enrol_code_hash


def test_the_admin_revokes_a_kiosk_and_it_is_refused(app, client, make_user, login):
    from tests.kiosk.conftest import enrol_client

    kiosk_browser = app.test_client()
    kiosk = enrol_client(app, kiosk_browser)
    make_user("adi", "admin")
    login("adi")
    page = client.get("/admin/kiosks").get_data(as_text=True)
    assert "Kios lobi" in page and "Terakhir aktif" in page
    token = csrf_from(client, "/admin/kiosks")
    response = client.post(f"/admin/kiosks/{kiosk.device_id}/revoke", data={"csrf_token": token})
    assert response.status_code == 302
    assert kiosk_browser.get("/kiosk/").status_code == 403
    with app.app_context():
        event = db.session.query(AuditEvent).filter_by(action="kiosk.revoked").one()
        assert event.actor_type == "user"


def test_the_admin_chooses_the_slip_printer_of_a_kiosk(app, client, make_user, login):
    from tests.kiosk.conftest import enrol_client

    kiosk = enrol_client(app, app.test_client())
    make_user("adi", "admin")
    login("adi")
    token = csrf_from(client, "/admin/kiosks")
    assert client.post(f"/admin/kiosks/{kiosk.device_id}/slip",
                       data={"csrf_token": token, "slip_format": "a6"}).status_code == 302
    assert client.post(f"/admin/kiosks/{kiosk.device_id}/slip",
                       data={"csrf_token": token, "slip_format": "poster"}).status_code == 400
    with app.app_context():
        assert db.session.get(KioskDevice, kiosk.device_id).slip_format == "a6"
