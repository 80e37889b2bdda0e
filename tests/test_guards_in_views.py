"""What each role's pages offer, from the SOPs' words: the guards written inside views and templates.

tests/test_authorization.py holds every route to its roles. These guards sit inside the pages: a
button or a form shown only to the role whose step it is (docs/staff.md: the Kasubag decides, the
helpdesk does the desk work; docs/remote.md: the Admin LPSE records letters and gives and closes
accounts; README: the KTP image and the full NIK are for those who check identity or decide on it).
A page that offers a step to the wrong role sends them to a 403, or shows them what they may not
read (the watch list's reason). scripts/guard_mutations.py found each of these unnoticed before.
"""
from __future__ import annotations

from datetime import timedelta

import pytest
from werkzeug.routing import IntegerConverter

from lpsedesk.extensions import db
from lpsedesk.models import utcnow

from . import factories
from .conftest import logged_in_client
from .test_authorization import ROLES as AUDIENCE, _client, _csrf, _fill, _invitation, _session_cookies

ROLES = ("helpdesk", "kasubag", "admin")
REASON = "Pernah merusak perangkat ruang server (uji)"


@pytest.fixture
def browsers(app, make_user):
    """A logged-in browser for each staff role."""
    for role in ROLES:
        make_user(f"the-{role}", role)
    return {role: logged_in_client(app, f"the-{role}") for role in ROLES}


def _page(browser, path: str) -> str:
    response = browser.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.get_data(as_text=True)


def test_the_full_nik_and_the_ktp_image_are_offered_to_the_helpdesk_and_the_kasubag_not_the_admin(app, browsers):
    with app.app_context():
        visit = factories.visit(id_capture_key="2026/12/ktp-synthetic.enc")
        path, nik, image = f"/admin/visits/{visit.id}", f"/admin/visits/{visit.id}/nik", f"/admin/visits/{visit.id}/ktp"
    for role in ("helpdesk", "kasubag"):
        page = _page(browsers[role], path)
        assert nik in page and image in page, role
    page = _page(browsers["admin"], path)
    assert nik not in page and image not in page


def test_the_watch_list_reason_is_read_by_the_kasubag_and_the_admin_and_the_helpdesk_sees_only_the_flag(app, browsers):
    with app.app_context():
        visit = factories.visit(watch_reason=REASON)
        path = f"/admin/visits/{visit.id}"
    for role in ("kasubag", "admin"):
        assert REASON in _page(browsers[role], path), role
    assert REASON not in _page(browsers["helpdesk"], path)


def test_only_the_admin_is_offered_to_record_a_remote_request_letter(browsers):
    for role, offered in (("admin", True), ("kasubag", False)):
        assert ('href="/admin/remote/new"' in _page(browsers[role], "/admin/remote/")) is offered, role


@pytest.mark.parametrize("status, step", [("approved", "account"), ("active", "close")])
def test_only_the_admin_is_offered_to_give_and_to_close_a_remote_account(app, browsers, status, step):
    with app.app_context():
        req = factories.remote_request(status=status, granted_at=utcnow() if status == "active" else None,
                                       username="teknisi.uji" if status == "active" else None)
        path = f"/admin/remote/{req.id}"
    action = f'action="/admin/remote/{req.id}/{step}"'
    assert action in _page(browsers["admin"], path)
    assert action not in _page(browsers["kasubag"], path)


def test_an_invitation_is_approved_in_advance_only_by_the_kasubag_and_cancelled_only_by_those_who_invite(app, browsers):
    with app.app_context():
        invitation = _invitation()
        db.session.commit()
    path = f"/admin/invitations/{invitation}"
    decide, cancel = f'action="/admin/invitations/{invitation}/decision"', f'action="/admin/invitations/{invitation}/cancel"'
    pages = {role: _page(browsers[role], path) for role in ROLES}
    assert decide in pages["kasubag"]
    assert decide not in pages["helpdesk"] and decide not in pages["admin"]
    assert cancel in pages["helpdesk"] and cancel in pages["admin"]
    assert cancel not in pages["kasubag"]


def test_the_skm_follow_up_plan_is_written_by_the_kasubag_and_the_admin_and_only_read_by_the_helpdesk(browsers):
    form = 'action="/admin/reports/skm/follow-up'
    for role, offered in (("kasubag", True), ("admin", True), ("helpdesk", False)):
        assert (form in _page(browsers[role], "/admin/reports/skm")) is offered, role


def test_an_invitation_window_long_past_offers_no_decision_even_to_the_kasubag(app, browsers):
    """The decision form follows the SOP's time too: an invitation whose window is over is not decided."""
    from lpsedesk.models import Invitation

    with app.app_context():
        invitation = db.session.get(Invitation, _invitation())
        invitation.starts_at, invitation.ends_at = utcnow() - timedelta(days=2), utcnow() - timedelta(days=1)
        db.session.commit()
        path, decide = f"/admin/invitations/{invitation.id}", f'action="/admin/invitations/{invitation.id}/decision"'
    assert decide not in _page(browsers["kasubag"], path)


def test_only_the_admin_exports_the_guest_book_with_full_niks(app, browsers):
    """docs/reports.md: only an Admin may export the guest book with full NIKs (`full_nik=1`)."""
    with app.app_context():
        factories.visit(status="approved")
    for role in ("helpdesk", "kasubag"):
        assert browsers[role].get("/admin/reports/guestbook.csv?full_nik=1").status_code == 403, role
        assert browsers[role].get("/admin/reports/guestbook.csv").status_code == 200, role
    assert browsers["admin"].get("/admin/reports/guestbook.csv?full_nik=1").status_code == 200


# No record has these: a route's own lookup would answer 404 (or an empty page) for them.
NO_SUCH = {"visit": 987654, "remote": 987654, "user": 987654, "kiosk": 987654, "delegation": 987654,
           "invitation": 987654, "ticket": "NOSUCH99"}


@pytest.mark.parametrize("caller", ROLES)
def test_a_role_refused_a_route_is_refused_before_the_record_is_looked_up(app, make_user, caller):
    """A route for other roles answers this role 403 whatever record it names, not 404 for an id
    that does not exist: the role check comes first (docs/staff.md gives each step to one role), and
    the refusal tells a wrong role nothing about which visits, requests or users exist. The core's
    own checks (restricted.py, visit_ops.py) refuse the same roles, but only after the lookup."""
    cookies = _session_cookies(app, make_user, caller)
    token = _csrf(app, cookies)
    wrong = []
    for rule in app.url_map.iter_rules():
        audience = AUDIENCE.get(rule.endpoint)
        if audience is None or caller in audience:
            continue
        if not any(isinstance(c, IntegerConverter) for c in rule._converters.values()):
            continue
        path = rule.build(_fill(rule, NO_SUCH), append_unknown=False)[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = _client(app, cookies).open(path, method=method, headers={"X-CSRFToken": token},
                                                  data={"csrf_token": token} if method != "GET" else None)
            if response.status_code != 403:
                wrong.append(f"{method} {path} [{rule.endpoint}]: {response.status_code}")
            response.close()
    assert not wrong, "\n".join(wrong)
