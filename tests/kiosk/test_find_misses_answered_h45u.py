"""h45u: "Lihat jawaban dan tiket saya" by NIK and the last 4 phone digits (/visits/find) and "Pilih nama
saya" confirmed with the 4 digits (/inside/<id>/confirm) that match nothing are the visitor's ordinary
mistakes, which the kiosk says beside the boxes: 200 `found: false`, not a 404 the kiosk's browser logs
as a failed load (as the recall and the card, h44u). Each miss still counts: five wrong guesses at one
visitor, or at one picked name, and even the right digits wait (429)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests import factories

from .conftest import NIK
from .test_openapi import check

PHONE = "081234560001"
MISSES_PER_TARGET = 5  # the bound the kiosk promises: 5 wrong guesses at one visitor in 10 minutes


@pytest.fixture
def spec(client):
    return client.get("/api/v1/openapi.json").json


def _visit_today(app, status: str, **visitor) -> int:
    with app.app_context():
        return factories.visit(status, submitted_at=datetime.now(timezone.utc),
                               visitor=factories.visitor(**{"nik": NIK, "phone": PHONE, **visitor})).id


def test_find_with_wrong_digits_is_answered_found_false_with_the_digits_box_to_check(app, kiosk, spec):
    _visit_today(app, "pending")
    miss = kiosk.post_json("/visits/find", {"nik": NIK, "phone_last4": "9999"})
    assert miss.status_code == 200
    assert miss.json["found"] is False and "ticket" not in miss.json and "proof" not in miss.json
    # h46g: said once, beside the digits (the NIK is on the card in hand; the words name it too)
    assert set(miss.json["fields"]) == {"phone_last4"} and "NIK" in miss.json["fields"]["phone_last4"]
    assert miss.json["message"]
    check(spec, "/kiosk/api/v1/visits/find", "post", miss)
    hit = kiosk.post_json("/visits/find", {"nik": NIK, "phone_last4": "0001"})
    assert hit.status_code == 200 and hit.json["found"] is True and hit.json["ticket"]
    check(spec, "/kiosk/api/v1/visits/find", "post", hit)


def test_a_nik_with_no_visit_today_gets_the_same_answer_as_wrong_digits(app, kiosk):
    _visit_today(app, "approved")
    wrong_digits = kiosk.post_json("/visits/find", {"nik": NIK, "phone_last4": "9999"})
    unknown = kiosk.post_json("/visits/find", {"nik": "3373024107900009", "phone_last4": "0001"})
    assert wrong_digits.status_code == unknown.status_code == 200
    assert wrong_digits.json == unknown.json  # nothing tells a stranger whether the NIK was there


def test_the_miss_is_said_in_indonesian_and_in_english_on_request(app, kiosk):
    _visit_today(app, "pending")
    indonesian = kiosk.post_json("/visits/find", {"nik": NIK, "phone_last4": "9999"}).json
    english = kiosk.client.post("/kiosk/api/v1/visits/find?lang=en", json={"nik": NIK, "phone_last4": "8888"},
                                headers={"X-CSRFToken": kiosk.csrf}).json
    assert english["found"] is False and english["message"] != indonesian["message"]
    assert "check-out" not in " ".join([indonesian["message"], *indonesian["fields"].values()]).lower()


def test_five_wrong_guesses_at_one_visitor_still_stop_even_the_right_digits(app, kiosk):
    _visit_today(app, "approved")
    answers = [kiosk.post_json("/visits/find", {"nik": NIK, "phone_last4": f"{d}{d}{d}{d}"})
               for d in range(1, MISSES_PER_TARGET + 1)]
    assert [a.status_code for a in answers] == [200] * MISSES_PER_TARGET
    assert all(a.json["found"] is False for a in answers)
    blocked = kiosk.post_json("/visits/find", {"nik": NIK, "phone_last4": "0001"})
    assert blocked.status_code == 429 and blocked.headers["Retry-After"]
    assert "ticket" not in blocked.json


def test_a_picked_name_with_wrong_digits_is_answered_found_false_beside_the_digits(app, kiosk, spec):
    visit_id = _visit_today(app, "approved")
    miss = kiosk.post_json(f"/inside/{visit_id}/confirm", {"phone_last4": "9999"})
    assert miss.status_code == 200 and miss.json["found"] is False and "ticket" not in miss.json
    assert set(miss.json["fields"]) == {"phone_last4"} and miss.json["fields"]["phone_last4"]
    check(spec, "/kiosk/api/v1/inside/{visit_id}/confirm", "post", miss)
    hit = kiosk.post_json(f"/inside/{visit_id}/confirm", {"phone_last4": "0001"})
    assert hit.status_code == 200 and hit.json["found"] is True and hit.json["may_check_out"] is True
    check(spec, "/kiosk/api/v1/inside/{visit_id}/confirm", "post", hit)


def test_a_picked_name_no_longer_inside_is_a_miss_even_with_the_right_digits(app, kiosk):
    visit_id = _visit_today(app, "checked_out")
    gone = kiosk.post_json(f"/inside/{visit_id}/confirm", {"phone_last4": "0001"})
    assert gone.status_code == 200 and gone.json["found"] is False and "ticket" not in gone.json


def test_five_wrong_guesses_at_one_picked_name_still_stop_even_the_right_digits(app, kiosk):
    visit_id = _visit_today(app, "approved")
    statuses = [kiosk.post_json(f"/inside/{visit_id}/confirm", {"phone_last4": f"{d}{d}{d}{d}"}).status_code
                for d in range(1, MISSES_PER_TARGET + 1)]
    assert statuses == [200] * MISSES_PER_TARGET
    blocked = kiosk.post_json(f"/inside/{visit_id}/confirm", {"phone_last4": "0001"})
    assert blocked.status_code == 429 and blocked.headers["Retry-After"]
    assert "ticket" not in blocked.json


def test_malformed_input_is_still_a_400(app, kiosk):
    visit_id = _visit_today(app, "approved")
    assert kiosk.post_json("/visits/find", {"nik": "123", "phone_last4": "0001"}).status_code == 400
    assert kiosk.post_json(f"/inside/{visit_id}/confirm", {"phone_last4": "12"}).status_code == 400
