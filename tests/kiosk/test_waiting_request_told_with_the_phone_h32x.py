"""Probe h32x: the kiosk's first step tells a request already waiting only to whoever types its NIK
and its mobile number; any NIK typed alone, or with another number, learns nothing of it."""
from __future__ import annotations

from .conftest import capture_id, entry
from .test_step_check_answers_200_h23v import LATER_EMPTY, WHO


def test_a_nik_typed_with_another_number_is_not_told_a_request_waits(kiosk, ktp_scene):
    sent = kiosk.post_json("/visits", entry(capture=capture_id(kiosk, ktp_scene[0]), scan_session="test-session-1"))
    assert sent.status_code == 201
    stranger = kiosk.post_json("/visits", dict(entry(phone="081299990000", **LATER_EMPTY), validate_only=True,
                                               check_fields=WHO))
    assert stranger.status_code == 200 and stranger.json == {"valid": True, "fields": {}, "codes": {}}
    owner = kiosk.post_json("/visits", dict(entry(**LATER_EMPTY), validate_only=True, check_fields=WHO))
    assert owner.status_code == 200 and owner.json["codes"] == {"nik": "nik_waiting"}
