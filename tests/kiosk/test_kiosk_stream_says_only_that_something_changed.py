"""A kiosk stands in a public hall: its live stream says only that its visit changed (and the
event's id), never a visitor's name, NIK or phone, nor who decided; the screen reads the status,
which says what a kiosk may show."""
from __future__ import annotations

import json

from lpsedesk import visit_ops
from lpsedesk.extensions import db
from lpsedesk.live import latest_event_id
from lpsedesk.models import Visit
from lpsedesk.roles import Actor, Role

from .. import factories


def test_the_kiosk_stream_carries_a_bare_change_and_nothing_of_the_visitor(app, kiosk, make_user):
    boss = make_user("bambang", "kasubag", name="Bambang Kasubag")
    with app.app_context():
        visit = factories.visit(submitted_via_kiosk_id=kiosk.device_id)
        db.session.commit()
        ticket, visit_id, before = visit.ticket_code, visit.id, latest_event_id(db.session)
        visitor = visit.visitor
        secrets = [visitor.full_name, visitor.nik, visitor.phone, visitor.institution, "Bambang"]
        visit_ops.decide(db.session, db.session.get(Visit, visit_id), "approve",
                         Actor("user", boss, "Bambang Kasubag", frozenset({Role.KASUBAG})))
        db.session.commit()
    app.config["LIVE_STREAMS_PER_KIOSK"] = 2
    response = kiosk.get(f"/visits/{ticket}/events", headers={"Last-Event-ID": str(before)}, buffered=False)
    assert response.status_code == 200
    chunks = iter(response.response)
    text = next(chunks).decode()
    while "event: change" not in text:
        text += next(chunks).decode()
    response.close()
    data = [line[len("data: "):] for line in text.splitlines() if line.startswith("data: ")]
    assert data and all(set(json.loads(d)) <= {"changed", "id"} for d in data)
    for secret in secrets:
        assert secret not in text
    assert "approved" not in text


def test_a_revoked_kiosks_open_stream_ends_within_seconds(app, kiosk):
    import time

    from lpsedesk import devices
    from lpsedesk.models import KioskDevice

    with app.app_context():
        ticket = factories.visit(submitted_via_kiosk_id=kiosk.device_id).ticket_code
        db.session.commit()
    response = kiosk.get(f"/visits/{ticket}/events", buffered=False)
    assert response.status_code == 200
    chunks = iter(response.response)
    assert next(chunks).decode().startswith("retry:")
    with app.app_context():
        devices.revoke(db.session, None, db.session.get(KioskDevice, kiosk.device_id))
        db.session.commit()
    started = time.monotonic()
    assert "event: ended" in next(chunks).decode()
    assert time.monotonic() - started < 6
    response.close()
