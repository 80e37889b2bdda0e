"""Fixtures for the kiosk: an enrolled kiosk browser (test client with its device cookie and the
page's CSRF token), synthetic KTP frames and a complete guest-book entry."""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import cv2
import numpy as np
import pytest

from lpsedesk import devices
from lpsedesk.extensions import db

META_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
API = "/kiosk/api/v1"
# The scan-session crops' key of a store the tests build themselves (kiosk/sealed_crops.py): one
# for every store of a test, as every app process of one office derives the same.
CROPS_KEY = bytes(range(32))
NIK = "3373024107900001"  # synthetic: Kota Salatiga, Sidorejo, born 01/07/1990, female


@dataclass
class KioskClient:
    client: object
    device_id: int
    csrf: str

    def get(self, path: str, **kw):
        return self.client.get(API + path, **kw)

    def post_json(self, path: str, payload: object = None, **kw):
        return self.client.post(API + path, json=payload, headers={"X-CSRFToken": self.csrf}, **kw)

    def post_frame(self, data: bytes, *, session: str = "test-session-1", mode: str = "ktp",
                   capture: bool = False, filename: str = "frame.jpg"):
        import io

        form = {"frame": (io.BytesIO(data), filename), "session": session, "mode": mode}
        if capture:
            form["capture"] = "1"
        return self.client.post(API + "/scan", data=form, headers={"X-CSRFToken": self.csrf},
                                content_type="multipart/form-data")

    def open_capability(self, session: str) -> str:
        opened = self.client.post(f"{API}/scan/{session}/capability", headers={"X-CSRFToken": self.csrf})
        assert opened.status_code == 200
        return opened.json["capability"]

    def camera_loop(self, session: str, capability: str | None = None):
        """send(frame, t) as camera.js sends a frame: the JPEG as the body of POST /frames, `t` (the
        page's ms when it was grabbed, or None) in the query, the session's capability (opened here
        unless given) in its header."""
        capability = capability or self.open_capability(session)

        def send(data: bytes, t: str | None):
            query = {"session": session, "mode": "ktp", **({"t": t} if t is not None else {})}
            return self.client.post(API + "/frames", query_string=query, data=data,
                                    headers={"Content-Type": "image/jpeg", "X-Scan-Capability": capability})
        return send


def enrol_client(app, client, name: str = "Kiosk lobi") -> KioskClient:
    with app.app_context():
        device, code = devices.create_device(db.session, None, name)
        db.session.commit()
        device_id = device.id
    page = client.get(f"/kiosk/enrol?code={code}")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = client.post("/kiosk/enrol", data={"code": code, "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get("/kiosk/")
    assert page.status_code == 200
    csrf = META_CSRF.search(page.get_data(as_text=True)).group(1)
    return KioskClient(client, device_id, csrf)


@pytest.fixture
def kiosk(app, client) -> KioskClient:
    return enrol_client(app, client)


def jpeg(image: np.ndarray, quality: int = 90) -> bytes:
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


@pytest.fixture
def frame_in_scan(app, kiosk):
    """One of `kiosk`'s frames still being scanned: another thread holds its decoding slot from the
    test's start until the test sets the event this yields (or ends). Waits until the slot is held."""
    slots = app.extensions["kiosk_frame_slots"]
    held, release = threading.Event(), threading.Event()

    def scanning():
        with slots.hold(kiosk=kiosk.device_id):
            held.set()
            release.wait(60)  # a bound only for a test that dies before it ends the scan

    worker = threading.Thread(target=scanning)
    worker.start()
    try:
        assert held.wait(30), "the scan never took its slot"
        yield release
    finally:
        release.set()
        worker.join()


@pytest.fixture(scope="session")
def ktp_scene():
    """A synthetic person's KTP lying flat and sharp in a desk scene: (frame BGR, person)."""
    from tests.synthetic.ktp import render_ktp
    from tests.synthetic.people import make_person
    from tests.synthetic.scenes import place_in_scene

    rng = np.random.default_rng(7)
    person = make_person(rng)
    frame, _quad = place_in_scene(render_ktp(person), rng, width_px=460, angle=0, tilt=3, jpeg=None, noise=1)
    return frame, person



def signature_data_url() -> str:
    import base64

    canvas = np.full((200, 500, 3), 255, np.uint8)
    cv2.line(canvas, (40, 150), (460, 60), (10, 10, 10), 6)
    cv2.line(canvas, (60, 60), (300, 160), (10, 10, 10), 6)
    ok, buf = cv2.imencode(".png", canvas)
    return "data:image/png;base64," + base64.b64encode(buf.tobytes()).decode()


def entry(**overrides) -> dict:
    data = {"full_name": "Sari Uji Coba", "nik": NIK, "phone": "081234560001", "email": "",
            "institution": "CV Contoh Sejahtera", "category": "penyedia", "purpose": "verification",
            "facility": "verification_desk", "planned_minutes": 60, "rules_accepted": True,
            "signature": signature_data_url()}
    data.update(overrides)
    return data


def capture_id(kiosk: KioskClient, frame: np.ndarray, session: str = "test-session-1") -> str:
    response = kiosk.post_frame(jpeg(frame), session=session, capture=True)
    assert response.status_code == 200, response.json
    return response.json["capture"]["id"]


def captured_after_waiting(answers: list[dict]) -> int:
    """The frame (index) that hands over a capture the kiosk waited for (a finger, blur or smear it
    asked the visitor to mend): the picture is taken not in the first 2 s but within 5 s (5 frames a
    second), and a NIK it did not read is looked for on at most 10 more frames (~2 s, docs/idscan.md
    Run 25s) before the form gets it, once."""
    seen = [a["guidance"] for a in answers]
    fired = [i for i, a in enumerate(answers) if a["captured"]]
    taken = next((i for i, a in enumerate(answers) if a["captured"] or a.get("looking")), None)
    assert taken is not None and 10 <= taken < 25, seen
    assert len(fired) == 1 and taken <= fired[0] <= taken + 10, seen
    return fired[0]
