"""A route marked `@sessionless` (lpsedesk/sessionless.py: the kiosk's frame route) gets an empty
session that is never saved: "nothing it does can change the browser's session cookie". A request
reaching it through Flask (any method but the camera loop's POST, which kiosk/frame_endpoint.py
answers ahead of Flask) may name a language; the kiosk's own session cookie stays as it was."""
from __future__ import annotations

from .conftest import API


def test_a_request_to_the_frame_route_through_flask_never_rewrites_the_kiosks_session_cookie(kiosk):
    before = kiosk.client.get_cookie("session")
    assert before is not None  # the kiosk's page session, holding its CSRF token
    response = kiosk.client.get(API + "/frames", query_string={"lang": "en"})
    assert response.status_code == 405
    assert not [h for h in response.headers.getlist("Set-Cookie") if h.startswith("session=")]
    assert kiosk.client.get_cookie("session").value == before.value
