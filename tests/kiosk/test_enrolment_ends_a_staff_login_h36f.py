"""A browser enrolled as a kiosk keeps no staff login (probe h36f).

The Admin registers a kiosk on Pengaturan -> Kios and opens its one-time link on the kiosk; done on the
kiosk PC itself, the Admin's login was kept in the lobby's browser, and the kiosk's own page, reloaded
after every visitor, renewed it for its 16 hours. Anyone who got past the kiosk's screens there (a
keyboard, the developer tools) was the Admin. Enrolling now ends the staff login of that browser, as
logging out does: a copy of its cookie is refused as well.
"""
from __future__ import annotations

import re

from sqlalchemy import select

from lpsedesk import devices
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from ..conftest import csrf_from


def _enrol(app, client) -> int:
    with app.app_context():
        device, code = devices.create_device(db.session, None, "Kios lobi")
        db.session.commit()
        device_id = device.id
    token = csrf_from(client, f"/kiosk/enrol?code={code}")
    response = client.post("/kiosk/enrol", data={"code": code, "csrf_token": token})
    assert response.status_code == 302
    return device_id


def test_the_admins_login_ends_when_their_browser_is_enrolled_as_a_kiosk(app, client, make_user, login):
    make_user("adi", "admin", name="Adi Admin")
    login("adi")
    assert client.get("/admin/kiosks").status_code == 200
    copied = client.get_cookie("session").value  # what someone could have kept of the login

    _enrol(app, client)

    assert client.get("/kiosk/").status_code == 200  # the kiosk works
    response = client.get("/admin/kiosks")
    assert response.status_code == 302 and "/admin/login" in response.headers["Location"]
    other = app.test_client()
    other.set_cookie("session", copied)
    assert other.get("/admin/kiosks").status_code == 302
    with app.app_context():
        ended = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "user.logout")).all()
    assert len(ended) == 1


def test_a_browser_without_a_staff_login_is_enrolled_as_before(app, client):
    _enrol(app, client)
    page = client.get("/kiosk/").get_data(as_text=True)
    assert re.search(r'data-screen="welcome"', page)


def test_a_staff_login_in_another_browser_is_kept(app, client, make_user, login):
    make_user("adi", "admin", name="Adi Admin")
    login("adi")
    _enrol(app, app.test_client())
    assert client.get("/admin/kiosks").status_code == 200
