"""sec4 probe: one kiosk (or anything holding its device cookie) opened 70 scan sessions in 0.4 s.
The kiosks' sessions shared one bound of 64, oldest dropped first, so kiosk B's session - with its
visitor's KTP already captured and waiting for the visit - was pushed out: B's next frame was
refused as "scan over" and the stored KTP image was deleted under the visitor's feet.

What must happen: one kiosk opening as many sessions as it likes only ever drops its own oldest
ones; every other kiosk's session and unclaimed capture stay, and its frames are still scanned.
Checked on both scan-session stores (memory: one process; database: several)."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.scan_sessions import MAX_SESSIONS, ScanSessions
from kiosk.shared_scan_sessions import DatabaseScanSessions
from lpsedesk.extensions import db

from .conftest import API, CROPS_KEY, enrol_client
from .test_frame_capability import _device_only, _frame, _open


@pytest.fixture(params=["memory", "database"])
def store(request, app):
    app.extensions["kiosk_scan_sessions"] = (
        ScanSessions() if request.param == "memory" else DatabaseScanSessions(lambda: db.session, key=CROPS_KEY))
    return request.param


def _blank() -> bytes:
    ok, buf = cv2.imencode(".jpg", np.full((480, 640, 3), 200, np.uint8))
    return buf.tobytes()


def _stored(app, kind: str = "ktp") -> int:
    root = app.extensions["storage"].root / kind
    return sum(1 for p in root.rglob("*") if p.is_file()) if root.exists() else 0


def test_a_kiosk_opening_many_sessions_never_pushes_out_another_kiosks_visitor(app, kiosk, store):
    other = enrol_client(app, app.test_client(), "Kios B")
    b_cap = _open(other, "visitor-b-1").json["capability"]
    captured = _frame(_device_only(app, other), _blank(), b_cap, session="visitor-b-1", capture="1")
    assert captured.status_code == 200 and captured.json["captured"] is True
    assert _stored(app) == 1

    for i in range(MAX_SESSIONS + 6):  # the flood, from kiosk A
        assert _open(kiosk, f"flood-{i:05d}").status_code == 200

    again = _frame(_device_only(app, other), _blank(), b_cap, session="visitor-b-1")
    assert again.status_code == 200, again.json  # B's visitor goes on
    assert _stored(app) == 1  # and the KTP captured for them is still there


def test_a_kiosks_own_old_sessions_and_their_captures_are_what_goes(app, kiosk, store):
    client = _device_only(app, kiosk)
    first = _open(kiosk, "abandoned-1").json["capability"]
    assert _frame(client, _blank(), first, session="abandoned-1", capture="1").json["captured"] is True
    for i in range(MAX_SESSIONS + 6):
        _open(kiosk, f"flood-{i:05d}")
    # the kiosk's own oldest session is over, and its unclaimed capture deleted: one kiosk's
    # sessions and captures stay bounded however many it opens
    over = _frame(client, _blank(), first, session="abandoned-1")
    assert over.status_code == 410 and over.json["message"]
    assert _stored(app) == 0
    newest = _open(kiosk, "visitor-now-1").json["capability"]
    assert _frame(client, _blank(), newest, session="visitor-now-1").status_code == 200
