"""Guesses at a few digits on the kiosk (a visitor's NIK plus the last 4 phone digits, a name picked
from those inside confirmed with them, a returning visitor's recall) are counted in the database,
per target and per kiosk: another kiosk, a new kiosk cookie, a second server process or a restart
meets the same count. Counted in each process's memory (SQLite), a second process, or a restart,
started again from zero."""
from __future__ import annotations

from lpsedesk.extensions import db

from .. import factories
from .conftest import enrol_client

NIK = "3373024107900042"
MISSES_PER_TARGET = 5  # the SOP's bound: 5 wrong guesses for one visitor in 10 minutes


def _second_process(app, make_app):
    """The same desk served by another app process: same database, same secrets."""
    return make_app(dict(app.config), instance_path=app.instance_path)


def _find(kiosk, last4: str, nik: str = NIK):
    return kiosk.post_json("/visits/find", {"nik": nik, "phone_last4": last4})


def test_guesses_at_one_visitors_digits_are_counted_across_kiosks_processes_and_restarts(app, client, make_app):
    with app.app_context():
        factories.visit(status="approved", visitor=factories.visitor(nik=NIK, phone="081299990042"))
        db.session.commit()
    lobby = enrol_client(app, client, "Kiosk lobi")
    other = _second_process(app, make_app)
    upstairs = enrol_client(other, other.test_client(), "Kiosk lantai 2")
    statuses = [_find(lobby, "1111").status_code, _find(lobby, "2222").status_code,
                _find(upstairs, "3333").status_code, _find(upstairs, "4444").status_code,
                _find(lobby, "5555").status_code]
    assert statuses == [200] * MISSES_PER_TARGET  # a miss: 200 found false (h45u)
    assert _find(upstairs, "6666").status_code == 429  # another process, another kiosk: the same count
    restarted = _second_process(app, make_app)
    new_cookie = enrol_client(restarted, restarted.test_client(), "Kiosk baru")
    refused = _find(new_cookie, "0042")  # even the right digits wait now
    assert refused.status_code == 429 and refused.headers["Retry-After"]
    assert refused.json["message"]


def test_one_kiosks_misses_are_counted_in_every_process(app, client, make_app):
    lobby = enrol_client(app, client, "Kiosk lobi")
    for i in range(20):  # 20 unknown NIKs: under each target's bound, at the kiosk's
        assert _find(lobby, "1111", nik=f"33730241079{i:05d}").json["found"] is False
    other = _second_process(app, make_app)
    same_kiosk = other.test_client()  # the same browser (kiosk and session cookies) reaching the other process
    for cookie in client._cookies.values():
        same_kiosk.set_cookie(cookie.key, cookie.value)
    answer = same_kiosk.post("/kiosk/api/v1/visits/find", json={"nik": NIK, "phone_last4": "1111"},
                             headers={"X-CSRFToken": lobby.csrf})
    assert answer.status_code == 429


def test_a_returning_visitors_recall_guesses_are_counted_across_processes(app, client, make_app):
    lobby = enrol_client(app, client, "Kiosk lobi")
    other = _second_process(app, make_app)
    upstairs = enrol_client(other, other.test_client(), "Kiosk lantai 2")
    recall = lambda kiosk, last4: kiosk.post_json("/visitors/recall", {"nik": NIK, "phone_last4": last4})  # noqa: E731
    statuses = [recall(k, d).status_code for k, d in  # a miss: 200 found false (h44u)
                ((lobby, "1111"), (upstairs, "2222"), (lobby, "3333"), (upstairs, "4444"), (lobby, "5555"))]
    assert statuses == [200] * MISSES_PER_TARGET
    assert recall(upstairs, "6666").status_code == 429


def test_wrong_enrolment_codes_from_one_address_are_counted_in_every_process(app, client, make_app):
    import re

    def try_code(c, code: str):
        page = c.get("/kiosk/enrol")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
        return c.post("/kiosk/enrol", data={"code": code, "csrf_token": token})

    for i in range(10):  # the bound: 10 wrong codes per address in 10 minutes
        assert try_code(client, f"AAAAA-BBB{i:02d}"[:11]).status_code == 400
    other = _second_process(app, make_app)
    refused = try_code(other.test_client(), "CCCCC-DDDDD")  # a fresh cookie, another process
    assert refused.status_code == 400
    assert "Terlalu banyak" in refused.get_data(as_text=True)
