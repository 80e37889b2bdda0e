"""h47e: every answer under /static/ says how it may be kept, and a missing file is not kept.

A file is answered "no-cache" (the browser asks again and is told 304 while it is unchanged); a 404
there had no Cache-Control at all, which a browser or a proxy may keep by its own guess (RFC 9111
lets a 404 be cached heuristically): a file missing for a moment would stay missing for that browser.
"""
from __future__ import annotations

import pytest


def test_a_file_is_asked_again_before_it_is_used(client):
    with client.get("/static/css/app.css") as response:
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-cache"
    with client.get("/static/css/app.css", headers={"If-None-Match": response.headers["ETag"]}) as again:
        assert again.status_code == 304 and again.headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("path", ["/static/css/not-there.css", "/static/../wsgi.py", "/static/%2e%2e/wsgi.py",
                                  "/static/img/"])
def test_a_missing_file_is_never_kept(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers.get("Cache-Control") == "no-store"


def test_a_wrong_method_on_a_file_is_never_kept(client):
    response = client.post("/static/css/app.css")
    assert response.status_code in (400, 405)
    assert response.headers.get("Cache-Control") == "no-store"
