"""h48f: the guest book refuses what it will refuse before it parses the body.

Security's words (docs/security.md, h47e): "The kiosk's guest book reads a 3 MB signature data URL and
200,000 duplicate keys before the office-hours rule refuses the visit (0.1-0.2 s)". The brief: refuse what
will be refused before the body is parsed, and bound a route's fields and body by what it can take. A
signature is a PNG of at most the 900x360 signing box (README, Security), so a larger body can hold no
guest book; a guest book has a few dozen fields. What a kiosk really sends is still read.
"""
from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image

from lpsedesk import json_input
from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .conftest import entry
from .test_office_hours_ux7 import at_wib

API = "/kiosk/api/v1"


def _parses(monkeypatch) -> list[int]:
    """The sizes of the JSON texts past 10 kB parsed from now on (the session cookie is JSON too)."""
    seen: list[int] = []
    real = json_input.loads_strict

    def spy(text, *args, **kwargs):
        if len(text) > 10_000:
            seen.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(json_input, "loads_strict", spy)
    return seen


def _raw(kiosk, body: bytes, content_type: str = "application/json"):
    return kiosk.client.post(API + "/visits", data=body, content_type=content_type,
                             headers={"X-CSRFToken": kiosk.csrf})


def _huge_signature() -> str:
    return "data:image/png;base64," + "A" * 3_000_000


def test_after_closing_a_guest_book_is_refused_without_its_body_parsed(app, kiosk, monkeypatch):
    at_wib(app, 17)
    parsed = _parses(monkeypatch)
    # a scribbled signature of 500 kB, within what the signing box can give
    response = kiosk.post_json("/visits", entry(signature="data:image/png;base64," + "A" * 500_000))
    assert response.status_code == 409 and response.json["error"] == "office_closed"
    assert parsed == []


def test_a_signature_larger_than_the_signing_box_can_give_is_a_413_unread(app, kiosk, monkeypatch):
    at_wib(app, 10)
    parsed = _parses(monkeypatch)
    response = kiosk.post_json("/visits", entry(signature=_huge_signature()))
    assert response.status_code == 413
    assert "jauh lebih panjang" in response.json["message"], response.json
    assert parsed == []
    with app.app_context():
        assert db.session.query(Visit).count() == 0
    assert kiosk.post_json("/visits", {**entry(), "validate_only": True}).status_code == 200, "still serving"


def test_a_stranger_without_a_kiosk_is_refused_a_huge_body_unread_too(client, monkeypatch):
    parsed = _parses(monkeypatch)
    response = client.post(API + "/visits", data=b'{"signature": "' + b"A" * 3_000_000 + b'"}',
                           content_type="application/json")
    assert response.status_code == 413
    assert parsed == []


def test_two_hundred_thousand_duplicate_keys_are_a_413_unparsed(app, kiosk, monkeypatch):
    at_wib(app, 10)
    parsed = _parses(monkeypatch)
    body = b"{" + b",".join([b'"a":1'] * 200_000) + b"}"
    response = _raw(kiosk, body)
    assert response.status_code == 413
    assert "isian" in response.json["message"], response.json
    assert parsed == []


def test_thousands_of_form_fields_to_the_guest_book_are_a_413(app, kiosk):
    at_wib(app, 10)
    response = _raw(kiosk, b"&".join([b"a=1"] * 5_000), "application/x-www-form-urlencoded")
    assert response.status_code == 413


def test_the_largest_signature_the_box_can_hold_is_still_read(app, kiosk):
    at_wib(app, 10)
    noise = np.random.default_rng(48).integers(0, 256, (360, 900, 4), dtype=np.uint8)
    out = io.BytesIO()
    Image.fromarray(noise, "RGBA").save(out, "PNG", compress_level=0)
    signature = "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()
    response = kiosk.post_json("/visits", entry(signature=signature))
    assert response.status_code != 413, response.json
    assert response.status_code < 500


def test_a_visitor_bringing_eleven_devices_still_hears_too_many(app, kiosk):
    at_wib(app, 10)
    devices = [{"kind": "laptop", "brand": f"Merek {n}", "serial": f"SN{n:04d}"} for n in range(11)]
    response = kiosk.post_json("/visits", {**entry(), "validate_only": True, "devices": devices})
    assert response.status_code != 413, response.json


def test_an_office_that_lowered_the_largest_body_keeps_its_own_bound_on_the_guest_book(app, kiosk):
    at_wib(app, 10)
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024  # as MAX_UPLOAD_MB = 1 sets it
    response = kiosk.post_json("/visits", entry(signature="data:image/png;base64," + "A" * 1_500_000))
    assert response.status_code == 413


def test_the_kiosks_short_forms_refuse_megabytes_unparsed(app, kiosk, monkeypatch):
    """A ticket lookup, a checkout, a recall take a few short fields (the survey's suggestion at most 1,000
    characters); 7 MB sent to them was read and parsed first."""
    at_wib(app, 10)
    parsed = _parses(monkeypatch)
    for path in ("/visits/find-by-ticket", "/visits/ABCD1234/checkout", "/visitors/recall", "/visits/ABCD1234/survey"):
        response = kiosk.post_json(path, {"ticket": "A" * 7_000_000})
        assert response.status_code == 413, (path, response.status_code)
        assert "jauh lebih panjang" in response.json["message"]
    assert parsed == []
