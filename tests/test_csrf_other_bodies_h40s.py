"""What tests/test_csrf_everywhere.py does not send (h40s's probe): it tries every changing route with a
form body. A page of another site can also send a JSON body (`fetch` with `mode: "no-cors"` sends
`text/plain`; a JSON type needs a preflight the desk never answers), or a form carrying a token it got
from a session of its own, or ask for the method to be overridden (`X-HTTP-Method-Override`,
`_method=`), which some frameworks honour. README (security): every state-changing request carries the
CSRF token of a page the product served, in the caller's own session. Each route is tried here by a
caller who may use it."""
from __future__ import annotations

import json

import pytest

from .conftest import csrf_from
from .test_authorization import _client, _fill, _records, _session_cookies
from .test_csrf_everywhere import CHANGING, NO_TOKEN, _caller

BODIES = {
    "json": lambda token: {"data": json.dumps({"note": "x", "csrf_token": ""}), "content_type": "application/json"},
    "text/plain": lambda token: {"data": "note=x", "content_type": "text/plain"},
    "another session's token": lambda token: {"data": {"note": "x", "csrf_token": token}},
    "another session's token in the header": lambda token: {"data": {"note": "x"}, "headers": {"X-CSRFToken": token}},
    "a method override to GET": lambda token: {"data": {"note": "x", "_method": "GET"},
                                               "headers": {"X-HTTP-Method-Override": "GET"}},
}


@pytest.mark.parametrize("body", sorted(BODIES))
def test_every_changing_request_without_its_own_sessions_token_is_refused_whatever_the_body(app, make_user, body):
    records = _records(app)
    rules = [rule for rule in app.url_map.iter_rules() if rule.methods & CHANGING and rule.endpoint not in NO_TOKEN]
    callers = {caller: _session_cookies(app, make_user, caller) for caller in {_caller(r.endpoint) for r in rules}}
    token = csrf_from(app.test_client(), "/admin/login")  # the other site's own session's: valid, for it
    unrefused = []
    for rule in sorted(rules, key=lambda r: (r.endpoint == "admin.logout", r.rule)):
        path = rule.build(_fill(rule, records), append_unknown=False)[1]
        for method in sorted(rule.methods & CHANGING):
            response = _client(app, callers[_caller(rule.endpoint)]).open(path, method=method, **BODIES[body](token))
            said = response.get_json(silent=True)
            refused = said.get("error") == "csrf" if isinstance(said, dict) else "Formulir kedaluwarsa" in response.text
            if response.status_code != 400 or not refused:
                unrefused.append(f"{method} {path} [{rule.endpoint}]: {response.status_code} {response.text[:120]!r}")
    assert len(rules) > 40
    assert not unrefused, "\n".join(unrefused)


def test_a_method_override_header_does_not_turn_a_get_into_a_change(app, make_user):
    admin = _client(app, _session_cookies(app, make_user, "admin"))
    for path in ("/admin/logout", "/admin/kiosks"):
        for header in ("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"):
            response = admin.get(path, headers={header: "POST"})
            assert response.status_code in (200, 405), (path, header, response.status_code)
    assert admin.get("/admin/").status_code == 200  # still logged in: the GET with "POST" logged nobody out
