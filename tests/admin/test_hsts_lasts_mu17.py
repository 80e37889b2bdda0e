"""Over HTTPS through a trusted proxy the desk sends Strict-Transport-Security for 180 days, for its own name
only (README, SESSION_COOKIE_SECURE; probe h36f): the browser then keeps to HTTPS for the desk. A header with
max-age=0 tells the browser to forget exactly that. mu17: a max-age of 0 survived the suite, which only
asked that the header begin with "max-age="."""
from __future__ import annotations

from .test_cookies_secure_over_https_h36f import HTTPS, PROXY, _app

DAYS_180 = 180 * 24 * 60 * 60


def test_over_https_the_browser_is_told_to_keep_to_https_for_180_days_for_this_name_only(app, make_app, make_user):
    make_user("rina", "helpdesk")  # with no account yet the login page sends to the first-run setup
    page = _app(make_app, app).test_client().get("/admin/login", headers=HTTPS, environ_base={"REMOTE_ADDR": PROXY})
    directives = [d.strip().lower() for d in page.headers["Strict-Transport-Security"].split(";")]
    assert f"max-age={DAYS_180}" in directives
    assert "includesubdomains" not in directives
