"""h23v: one request waiting per person and day holds when two kiosks send the same NIK in the same
second. The check ("nothing of this NIK waits") and the new request were two steps: two kiosks (the
visitor giving up on one screen and starting again at the other, or a helper filling the guest book
for them) both read "nothing waits" and both queued. Now the last screen's check takes the NIK's lock
first (SQLite's write lock, PostgreSQL's advisory lock, as the guess limits do): the second waits for
the first, finds it waiting and is answered at the NIK. On SQLite, and on PostgreSQL with
TEST_DATABASE_URL."""
from __future__ import annotations

import time

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from ..core.test_guesses_counted_at_once import _all_at_once as _together
from .conftest import NIK, capture_id, enrol_client, entry


def test_two_kiosks_sending_the_same_nik_at_once_queue_one_request(app, ktp_scene, monkeypatch):
    kiosks = [enrol_client(app, app.test_client(), name=f"Kios {i}") for i in (1, 2)]
    payloads = [entry(capture=capture_id(k, ktp_scene[0], session=f"together-{i}"), scan_session=f"together-{i}",
                      institution=f"CV Kios {i}") for i, k in enumerate(kiosks)]
    # Between the check and the new row the request reads the capture and saves the signature: made
    # slow here, so both requests are surely in flight at once.
    import kiosk.visit_api as visit_api

    real = visit_api.read_capture_token

    def slow_read(*args, **kwargs):
        time.sleep(0.4)
        return real(*args, **kwargs)

    monkeypatch.setattr(visit_api, "read_capture_token", slow_read)
    answers = _together(2, lambda i: kiosks[i].post_json("/visits", payloads[i]))
    statuses = sorted(r.status_code for r in answers)
    assert statuses == [201, 400], [(r.status_code, r.json) for r in answers]
    refused = next(r for r in answers if r.status_code == 400)
    assert set(refused.json["fields"]) == {"nik"}
    assert "sudah menunggu keputusan" in refused.json["fields"]["nik"]
    queued = next(r for r in answers if r.status_code == 201)
    with app.app_context():
        visits = db.session.query(Visit).all()
        assert [(v.ticket_code, v.status, v.visitor.nik) for v in visits] == [(queued.json["ticket"], "pending", NIK)]


def test_different_people_sent_at_once_are_both_queued(app, ktp_scene, monkeypatch):
    """The lock is the NIK's: two visitors at two kiosks in the same second are not held up by it."""
    kiosks = [enrol_client(app, app.test_client(), name=f"Kios {i}") for i in (1, 2)]
    niks = [NIK, "3373021508850002"]  # synthetic: Kota Salatiga, born 15/08/1985
    payloads = [entry(capture=capture_id(k, ktp_scene[0], session=f"second-pair-{i}"), scan_session=f"second-pair-{i}", nik=niks[i],
                      phone=f"08123456000{i + 1}") for i, k in enumerate(kiosks)]
    answers = _together(2, lambda i: kiosks[i].post_json("/visits", payloads[i]))
    assert [r.status_code for r in answers] == [201, 201], [r.json for r in answers]
    with app.app_context():
        assert sorted(v.visitor.nik for v in db.session.query(Visit).all()) == sorted(niks)


