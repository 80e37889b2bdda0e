"""A 405 says which methods the address takes (Allow), for pages and the API alike (issue 12)."""
from __future__ import annotations


def test_a_405_page_carries_allow(client):
    response = client.post("/healthz")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


def test_a_405_from_the_api_carries_allow_and_stays_json(client):
    response = client.get("/kiosk/api/v1/nik/check")
    assert response.status_code == 405 and response.is_json
    assert "POST" in response.headers["Allow"] and "GET" not in response.headers["Allow"]
