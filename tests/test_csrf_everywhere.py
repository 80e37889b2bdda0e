"""Every form and API call that changes something needs the page's CSRF token, route by route.

README (security): every state-changing request carries the CSRF token of a page the product served;
a page of another site cannot know it. The one documented exception is the camera's frame
(docs/kiosk.md: the scan session's capability admits it instead). A route exempted by mistake
(`@csrf.exempt` on a staff form, or on a whole blueprint) lets another site's page make a logged-in
Kasubag decide, or a kiosk send a guest book, so each route is tried here by a caller who may use
it, with everything but the token.
"""
from __future__ import annotations

import html

import pytest
from flask_babel import gettext

from .test_authorization import KIOSK_ONLY, PUBLIC, ROLES, _client, _fill, _records, _session_cookies

# Admitted without a CSRF token on purpose, each one written in the docs.
NO_TOKEN = {"kiosk.frame"}  # docs/kiosk.md: the scan session's capability admits a frame
CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
EXPIRED = "The form expired or was sent from elsewhere. Reload the page and try again."


def _caller(endpoint: str) -> str:
    if endpoint in KIOSK_ONLY:
        return "kiosk"
    if endpoint in PUBLIC:
        return "anonymous"
    return next(role for role in ("helpdesk", "kasubag", "admin") if role in ROLES[endpoint])


def test_every_changing_request_without_the_csrf_token_is_refused_before_it_reaches_the_view(app, make_user):
    records = _records(app)
    rules = [rule for rule in app.url_map.iter_rules() if rule.methods & CHANGING and rule.endpoint not in NO_TOKEN]
    callers = {caller: _session_cookies(app, make_user, caller) for caller in {_caller(r.endpoint) for r in rules}}
    with app.test_request_context("/admin/"):
        said = gettext(EXPIRED)  # the page's sentence, in the product's default language
    unrefused = []
    # Logout last: it ends the caller's session on the server.
    for rule in sorted(rules, key=lambda r: (r.endpoint == "admin.logout", r.rule)):
        path = rule.build(_fill(rule, records), append_unknown=False)[1]
        for method in sorted(rule.methods & CHANGING):
            response = _client(app, callers[_caller(rule.endpoint)]).open(path, method=method, data={"note": "x"})
            body = response.get_json(silent=True)
            refused = body.get("error") == "csrf" if isinstance(body, dict) else said in html.unescape(response.text)
            if response.status_code != 400 or not refused:
                unrefused.append(f"{method} {path} [{rule.endpoint}] as {_caller(rule.endpoint)}: "
                                 f"{response.status_code} {response.text[:120]!r}")
    assert len(rules) > 40
    assert not unrefused, "\n".join(unrefused)


@pytest.mark.parametrize("endpoint", sorted(NO_TOKEN))
def test_each_route_admitted_without_a_token_still_exists(app, endpoint):
    assert endpoint in app.view_functions
