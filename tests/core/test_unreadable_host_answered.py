"""A request whose Host header cannot be read (a name with more than 63 letters between dots: werkzeug
refuses it as BadHost) gets a 400 in the visitor's language, like any other bad request.

Probe h22r: a stranger sending `Host: aaaa...` (64 letters) to any page got a 500 and a traceback in
the log: the error page's layout builds its links with url_for, which has no URL adapter for a
request whose host could not be read."""
from __future__ import annotations

import pytest

LONG_LABEL = "a" * 64


@pytest.mark.parametrize("path", ["/admin/login", "/healthz", "/no-such-page", "/kiosk/", "/static/admin/period_check.js"])
def test_a_host_that_cannot_be_read_is_a_bad_request_not_a_server_error(app, client, path):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer as in production
    response = client.get(path, headers={"Host": LONG_LABEL})
    assert response.status_code == 400
    assert "Permintaan tidak dapat dipahami" in response.get_data(as_text=True)


def test_the_kiosk_api_answers_json_for_such_a_host(app, client):
    response = client.get("/kiosk/api/v1/inside", headers={"Host": f"kios.{LONG_LABEL}.id"})
    assert response.status_code == 400 and response.is_json and response.json["message"]
