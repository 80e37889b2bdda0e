"""A revoked kiosk stays revoked: the Admin gets no new enrolment code for it.

docs/kiosk.md: revoking ends the kiosk's credential ("it can no longer be used"); a new code is for
a kiosk "whose browser lost its cookie". A revoked kiosk is a lost or stolen tablet, or one retired:
a code shown for it would either bring that row back to life or, refused at the kiosk, be a code
that never works. The Admin is told to register a new kiosk instead, and nothing is stored.
"""
from __future__ import annotations

import re

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, KioskDevice
from tests.conftest import csrf_from

CODE = re.compile(r'class="kiosk-code-value">([A-Z0-9]{5}-[A-Z0-9]{5})<')


def test_the_admin_gets_no_new_code_for_a_revoked_kiosk(app, client, make_user, login):
    make_user("adi", "admin")
    login("adi")
    token = csrf_from(client, "/admin/kiosks")
    client.post("/admin/kiosks", data={"csrf_token": token, "name": "Kios lobi"})
    with app.app_context():
        device_id = db.session.query(KioskDevice).one().id
    assert client.post(f"/admin/kiosks/{device_id}/revoke", data={"csrf_token": token}).status_code == 302

    response = client.post(f"/admin/kiosks/{device_id}/code", data={"csrf_token": token})
    assert response.status_code == 409
    assert not CODE.search(response.get_data(as_text=True))
    with app.app_context():
        device = db.session.get(KioskDevice, device_id)
        assert device.revoked_at is not None
        assert (device.enrol_code_hash, device.enrol_expires_at) == (None, None)
        created = db.session.query(AuditEvent).filter_by(action="kiosk.enrol_code_created").count()
        assert created == 1  # the first code only, when the kiosk was registered
