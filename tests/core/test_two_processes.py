"""Two app processes on one PostgreSQL behind a proxy: a check-in on one, the Kasubag's decision on
the other, and the staff screen streaming from the first sees the decision (issue 16).

Each process is a real waitress server in its own Python process, sharing only the database,
the secrets and the storage folder (STORAGE_DIR), as two hosts behind a proxy would.
"""
from __future__ import annotations

import http.client
import io
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from lpsedesk import devices
from lpsedesk.extensions import db
from lpsedesk.storage import EncryptedFileStorage

from ..kiosk.conftest import META_CSRF, entry, jpeg, ktp_scene  # noqa: F401  (a fixture)

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
PORTS = (int(os.environ.get("TEST_PORT_A", 5118)), int(os.environ.get("TEST_PORT_B", 5119)))
SERVE = ("import sys; from waitress import serve; from lpsedesk import create_app; "
         "from lpsedesk.serving import waitress_options; app = create_app(instance_path=sys.argv[1]); "
         "serve(app, host='127.0.0.1', port=int(sys.argv[2]), **waitress_options(app, 16))")


@pytest.fixture
def two_processes(app, tmp_path):
    if not app.config["DATABASE_URL"].startswith("postgresql"):
        pytest.skip("needs TEST_DATABASE_URL on PostgreSQL")
    env = {**os.environ, "DATABASE_URL": app.config["DATABASE_URL"], "SECRET_KEY": app.config["SECRET_KEY"],
           "STORAGE_KEY": app.config["STORAGE_KEY"], "STORAGE_DIR": str(tmp_path / "shared-files")}
    servers = []
    try:
        for i, port in enumerate(PORTS):
            instance = tmp_path / f"instance-{i}"
            instance.mkdir()
            # The kiosk takes new visits in office hours only: each process asks a clock fixed at
            # 10:00 WIB today, whatever the real hour (as the in-process app fixture does).
            (instance / "config.py").write_text("from tests.conftest import office_day_clock as KIOSK_CLOCK\n")
            with open(tmp_path / f"server-{i}.log", "wb") as log:  # the child keeps its own copy
                servers.append(subprocess.Popen([sys.executable, "-c", SERVE, str(instance), str(port)],
                                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
        for port in PORTS:
            _wait_up(port)
        yield PORTS
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()


def _wait_up(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if _request(port, "GET", "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"the app on port {port} did not start")


def _request(port: int, method: str, path: str, *, cookies: dict | None = None, body: bytes | None = None,
             headers: dict | None = None) -> tuple[int, bytes, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {**(headers or {}), "Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())}
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    set_cookies = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        set_cookies[name.strip()] = rest.split(";", 1)[0]
    if cookies is not None:
        cookies.update(set_cookies)
    conn.close()
    return response.status, data, set_cookies


def _multipart(fields: dict, frame: bytes) -> tuple[bytes, str]:
    boundary = "twoprocessesboundary"
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode())
    out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"frame\"; filename=\"f.jpg\"\r\n"
              f"Content-Type: image/jpeg\r\n\r\n".encode() + frame + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


class StaffStream(threading.Thread):
    """The staff screen's live stream (/admin/events), noting when each event arrived."""

    def __init__(self, port: int, cookies: dict) -> None:
        super().__init__(daemon=True)
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.conn.request("GET", "/admin/events", headers={
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "Accept": "text/event-stream"})
        self.response = self.conn.getresponse()
        assert self.response.status == 200
        self.events: list[tuple[float, dict]] = []

    def run(self) -> None:
        try:
            for raw in self.response:
                line = raw.decode().strip()
                if line.startswith("data: "):
                    self.events.append((time.monotonic(), json.loads(line[6:])))
        except (OSError, ValueError):
            return

    def wait_for(self, test, timeout: float) -> tuple[float, dict] | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for when, event in list(self.events):
                if test(event):
                    return when, event
            time.sleep(0.02)
        return None


def _enrolled_kiosk(app) -> dict[str, str]:
    """The cookie of a kiosk enrolled in the shared database, as either process will accept it."""
    with app.app_context():
        device, code = devices.create_device(db.session, None, "Kios lobi")
        devices.enrol(db.session, code)
        db.session.flush()
        cookie = {devices.COOKIE_NAME: devices.credential_for(device, app.config["SECRET_KEY"])}
        db.session.commit()
    return cookie


def test_a_check_in_on_one_process_and_the_decision_on_the_other_reach_the_first_ones_staff_screen(
        app, client, make_user, login, two_processes, ktp_scene):
    first, second = two_processes
    make_user("dewi", "kasubag", "helpdesk", name="Dewi Kasubag")
    login("dewi")
    staff = {"session": client.get_cookie("session").value}  # a server-side staff session: any process knows it
    kiosk = _enrolled_kiosk(app)

    stream = StaffStream(first, staff)
    stream.start()

    # the visitor checks in at a kiosk served by the first process
    status, page, _ = _request(first, "GET", "/kiosk/", cookies=kiosk)
    assert status == 200
    csrf = META_CSRF.search(page.decode()).group(1)
    body, content_type = _multipart({"session": "two-process-scan", "mode": "ktp", "capture": "1"}, jpeg(ktp_scene[0]))
    status, data, _ = _request(first, "POST", "/kiosk/api/v1/scan", cookies=kiosk, body=body,
                               headers={"Content-Type": content_type, "X-CSRFToken": csrf})
    assert status == 200, data
    capture = json.loads(data)["capture"]["id"]
    status, data, _ = _request(first, "POST", "/kiosk/api/v1/visits", cookies=kiosk,
                               body=json.dumps({**entry(), "capture": capture, "scan_session": "two-process-scan"}).encode(),
                               headers={"Content-Type": "application/json", "X-CSRFToken": csrf})
    assert status in (200, 201), data
    ticket = json.loads(data)["ticket"]
    assert stream.wait_for(lambda e: e["object_type"] == "visit", timeout=10), "the check-in reached the screen"
    with app.app_context():
        from sqlalchemy import select

        from lpsedesk.models import Visit

        visit_id = db.session.scalar(select(Visit.id).where(Visit.ticket_code == ticket))

    # the Kasubag decides on the second process (the same staff session, as behind a proxy)
    status, page, _ = _request(second, "GET", "/admin/queue", cookies=staff)
    assert status == 200
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.decode()).group(1)
    decided_at = time.monotonic()
    status, data, _ = _request(second, "POST", f"/admin/visits/{visit_id}/decision", cookies=staff,
                               body=f"csrf_token={token}&decision=approve".encode(),
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 302, data[:500]

    seen = stream.wait_for(lambda e: e["object_id"] == visit_id and "approv" in e["action"], timeout=10)
    assert seen, f"the decision never reached the first process's staff stream: {stream.events}"
    print(f"decision on the second process seen by the first's stream after {1000 * (seen[0] - decided_at):.0f} ms")
    stream.conn.close()

    # the capture stored by the first process opens on the second (one shared storage folder)
    status, _data, _ = _request(second, "GET", f"/admin/visits/{visit_id}", cookies=staff)
    assert status == 200


def test_frames_of_one_scan_session_go_to_both_processes_and_the_capture_is_claimed_on_either(
        app, two_processes, ktp_scene, tmp_path):
    """Behind a proxy without kiosk affinity: the steady run is counted across both processes,
    the capture fires on the frame that completes it, and the visit claims it on the other one."""
    first, second = two_processes
    frame, person = ktp_scene
    kiosk = _enrolled_kiosk(app)
    status, page, _ = _request(first, "GET", "/kiosk/", cookies=kiosk)
    assert status == 200
    csrf = META_CSRF.search(page.decode()).group(1)

    answers = []
    for port in (first, second, first):
        body, content_type = _multipart({"session": "two-process-steady", "mode": "ktp"}, jpeg(frame))
        status, data, _ = _request(port, "POST", "/kiosk/api/v1/scan", cookies=dict(kiosk), body=body,
                                   headers={"Content-Type": content_type, "X-CSRFToken": csrf})
        assert status == 200, data
        answers.append(json.loads(data))
    assert [a["steady_frames"] for a in answers] == [1, 2, 3]
    assert [a["captured"] for a in answers] == [False, False, True]
    capture = answers[2]["capture"]
    assert capture["nik"] == person.nik

    status, data, _ = _request(second, "POST", "/kiosk/api/v1/visits", cookies=dict(kiosk),
                               body=json.dumps({**entry(), "capture": capture["id"],
                                                "scan_session": "two-process-steady"}).encode(),
                               headers={"Content-Type": "application/json", "X-CSRFToken": csrf})
    assert status in (200, 201), data
    with app.app_context():
        from sqlalchemy import func, select

        from lpsedesk.models import ScanSessionRecord, Visit

        assert db.session.scalar(select(func.count()).select_from(ScanSessionRecord)) == 0  # over everywhere
        key = db.session.scalars(select(Visit.id_capture_key)).one()
    assert EncryptedFileStorage(tmp_path / "shared-files", app.config["STORAGE_KEY"]).exists(key)  # claimed, kept


def test_a_scan_sessions_capability_admits_its_frames_on_either_process_until_it_is_reopened(
        app, two_processes, ktp_scene):
    """The camera loop's narrow path behind a proxy (issue 16): the capability given by one process
    admits frames on the other (its hash is on the shared row), and reopening the session on either
    voids the old capability on both."""
    first, second = two_processes
    kiosk = _enrolled_kiosk(app)
    status, page, _ = _request(first, "GET", "/kiosk/", cookies=kiosk)
    assert status == 200
    csrf = META_CSRF.search(page.decode()).group(1)

    def open_on(port: int) -> str:
        status, data, _ = _request(port, "POST", "/kiosk/api/v1/scan/two-process-cap/capability",
                                   cookies=dict(kiosk), body=b"", headers={"X-CSRFToken": csrf})
        assert status == 200, data
        return json.loads(data)["capability"]

    def frame_on(port: int, capability: str) -> tuple[int, dict]:
        device_only = {devices.COOKIE_NAME: kiosk[devices.COOKIE_NAME]}  # no session cookie, no CSRF token
        status, data, set_cookies = _request(
            port, "POST", "/kiosk/api/v1/frames?session=two-process-cap&mode=ktp", cookies=device_only,
            body=jpeg(ktp_scene[0]), headers={"Content-Type": "image/jpeg", "X-Scan-Capability": capability})
        assert "session" not in set_cookies
        return status, json.loads(data)

    old = open_on(first)
    assert [frame_on(port, old)[0] for port in (second, first)] == [200, 200]
    assert frame_on(second, old)[1]["steady_frames"] == 3  # one steady run across both processes
    new = open_on(second)
    assert [frame_on(port, old)[0] for port in (first, second)] == [403, 403]
    assert frame_on(first, new)[0] == 200
