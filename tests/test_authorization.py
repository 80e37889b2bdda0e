"""Every route, every kind of caller: who gets what. Never a 500, never an unprotected page by accident.

The expectations are written out below from the two SOPs, route by route, and never read from the
views' decorators: a wrong role on a route must make this test fail. A new route fails here too until
someone decides who may use it and adds it to ROLES, KIOSK_ONLY or PUBLIC.
"""
from __future__ import annotations

import logging
import re
from datetime import timedelta

import pytest
from werkzeug.routing import IntegerConverter

from lpsedesk import users
from lpsedesk.extensions import db
from lpsedesk.i18n import WIB
from lpsedesk.models import utcnow
from lpsedesk.roles import Role

from . import factories
from .conftest import TEST_PASSWORD

# Views anyone may open; each one decided on purpose.
PUBLIC = {
    "static", "core.index", "core.health",
    "admin.login", "admin.logout", "admin.setup",  # logout of nobody is harmless; setup needs its token
    "kiosk.enrol",  # a browser becomes a kiosk here with a one-time code
    "kiosk_openapi",  # the kiosk API's description, no data
    "kiosk.invitation_card",  # issue 15: the invited visitor's own QR page, from the link; the code is the secret
}
H, K, A = "helpdesk", "kasubag", "admin"
STAFF = frozenset({H, K, A})
ADMIN_ONLY = frozenset({A})
KASUBAG_ONLY = frozenset({K})
DESK_ONLY = frozenset({H})
# SOP 2 is the Admin LPSE's and the Kasubag's: the helpdesk has no business with remote accounts.
REMOTE_READERS = frozenset({A, K})

# Which staff roles may use each staff route, from the SOPs.
ROLES: dict[str, frozenset[str]] = {
    # Every staff member lands somewhere, sees who is inside, can search visits and read reports.
    "admin.dashboard": STAFF, "admin.board": STAFF, "admin.board_fragment": STAFF,
    "admin.evacuation": STAFF, "admin.events": STAFF, "admin.visits": STAFF, "admin.visit": STAFF,
    "admin.reports_index": STAFF, "admin.report_guestbook": STAFF, "admin.report_guestbook_export": STAFF,
    "admin.report_signature": STAFF, "admin.report_statistics": STAFF, "admin.report_statistics_csv": STAFF,
    "admin.report_visits": STAFF, "admin.report_visits_export": STAFF,
    # Issue 14: the SKM report (IKM) is read by every staff role; the follow-up plan is decided by the
    # head of the unit (Kasubag) and kept up by the Admin.
    "admin.report_skm": STAFF, "admin.report_skm_export": STAFF, "admin.report_skm_answers_csv": STAFF,
    "admin.report_skm_follow_up": frozenset({K, A}),
    # The helpdesk hands the survey to a visitor whose service ended at the desk (SOP 1 step 6).
    "admin.skm_handover": DESK_ONLY, "admin.skm_handover_answer": DESK_ONLY,
    # SOP 1 step 4: only the Kasubag grants or refuses, and acknowledges the finished visits reported.
    "admin.queue": KASUBAG_ONLY, "admin.queue_fragment": KASUBAG_ONLY, "admin.decide_visit": KASUBAG_ONLY,
    "admin.acknowledge_visit": KASUBAG_ONLY, "admin.acknowledge_all": KASUBAG_ONLY,
    # SOP 1 steps 2, 5-7: the helpdesk checks the KTP, watches the visit, checks out and reports.
    "admin.check_ktp": DESK_ONLY, "admin.add_note": DESK_ONLY, "admin.check_out": DESK_ONLY,
    "admin.withdraw_visit": DESK_ONLY, "admin.visit_told": DESK_ONLY,
    "admin.report_visit": DESK_ONLY, "admin.report_batch": DESK_ONLY,
    # The KTP image is for those who check identity or decide on it, not for the register's Admin.
    "admin.ktp_image": frozenset({H, K}), "admin.full_nik": frozenset({H, K}),
    # SOP 2: the Admin records letters, gives and closes accounts, answers a refused letter (h35r); the
    # Kasubag decides.
    "admin.remote_index": REMOTE_READERS, "admin.remote_detail": REMOTE_READERS,
    "admin.remote_letter": REMOTE_READERS, "admin.remote_print": REMOTE_READERS,
    "admin.remote_record_pdf": REMOTE_READERS, "admin.remote_digest": REMOTE_READERS,
    "admin.remote_form": REMOTE_READERS, "admin.remote_form_file": REMOTE_READERS,
    "admin.remote_new": ADMIN_ONLY, "admin.remote_give": ADMIN_ONLY, "admin.remote_close": ADMIN_ONLY,
    "admin.remote_told": ADMIN_ONLY, "admin.decide_remote": KASUBAG_ONLY,
    # Accounts, delegations, office settings and kiosks are the Admin LPSE's.
    "admin.settings_index": ADMIN_ONLY, "admin.settings_access_rights": ADMIN_ONLY,
    "admin.settings_delegations": ADMIN_ONLY, "admin.settings_delegation_revoke": ADMIN_ONLY,
    "admin.settings_facilities": ADMIN_ONLY, "admin.settings_office": ADMIN_ONLY,
    "admin.settings_purposes": ADMIN_ONLY, "admin.settings_users": ADMIN_ONLY, "admin.settings_user": ADMIN_ONLY,
    "admin.settings_user_deactivate": ADMIN_ONLY, "admin.settings_user_password": ADMIN_ONLY,
    "admin.settings_user_profile": ADMIN_ONLY, "admin.settings_user_reactivate": ADMIN_ONLY,
    "admin.settings_user_roles": ADMIN_ONLY, "admin.settings_user_new": ADMIN_ONLY,
    "admin.settings_skm": ADMIN_ONLY,  # the SKM questions' wording
    "admin.kiosks": ADMIN_ONLY, "admin.kiosk_create": ADMIN_ONLY, "admin.kiosk_new_code": ADMIN_ONLY,
    "admin.kiosk_revoke": ADMIN_ONLY, "admin.kiosk_slip": ADMIN_ONLY,
    # Issue 15 invitations: the helpdesk and the Admin invite (one, or a training's file) and cancel;
    # SOP 1 step 4 in advance is the Kasubag's; every staff member may look and print.
    "admin.invitations": STAFF, "admin.invitation": STAFF, "admin.invitation_print": STAFF,
    "admin.invitation_training": STAFF,
    "admin.invitation_new": frozenset({H, A}), "admin.invitation_import": frozenset({H, A}),
    "admin.invitation_template": frozenset({H, A}), "admin.invitation_cancel": frozenset({H, A}),
    "admin.invitation_decide": KASUBAG_ONLY, "admin.invitation_approve_all": KASUBAG_ONLY,
    # Issue 15: the Admin keeps the watch list; only the Kasubag and the Admin may read it.
    "admin.watchlist_index": frozenset({K, A}), "admin.watchlist_add": ADMIN_ONLY,
    "admin.watchlist_change": ADMIN_ONLY, "admin.watchlist_remove": ADMIN_ONLY,
    # Issue 15: the helpdesk records the restricted area's entry and exit and checks the devices at
    # check-out (the escort is named by the Kasubag with the decision, admin.decide_visit).
    "admin.area_entry": DESK_ONLY, "admin.area_exit": DESK_ONLY, "admin.devices_check": DESK_ONLY,
    # The server room access log is a report like the guest book: every staff role reads it.
    "admin.report_server_room": STAFF, "admin.report_server_room_export": STAFF,
}
# The kiosk's screens and API answer only an enrolled kiosk browser.
KIOSK_ONLY = {
    "kiosk.welcome", "kiosk.check_nik", "kiosk.scan", "kiosk.discard_scan", "kiosk.recall_visitor",
    "kiosk.submit_visit", "kiosk.get_visit", "kiosk.check_out", "kiosk.visit_events", "kiosk.visit_qr",
    "kiosk.withdraw",  # ux12: a request still waiting for the decision, withdrawn at Keluar
    "kiosk.find_by_ticket",  # h39b: Keluar's typed ticket code, an unknown one answered without an HTTP error
    # a visitor without the ticket finds the answer or checks out (NIK + phone digits, or own name)
    "kiosk.find_visit", "kiosk.find_visit_by_card", "kiosk.inside", "kiosk.confirm_inside",
    "kiosk.invitation_lookup",  # issue 15: a scanned invitation fills the guest book
    # the satisfaction survey (SKM) answered at the kiosk just after check-out
    "kiosk.answer_survey",
    # issue 16: the camera loop opens its scan session, then sends frames with that session's capability
    "kiosk.open_scan", "kiosk.frame",
}

# GET pages an allowed role may see answered with 4xx for the dummy records we fill in.
GET_MAY_REFUSE_DUMMY = {
    "admin.remote_letter",  # the dummy request has no scanned letter: 404
    "admin.report_signature",  # the dummy visit has no signature: 404
    "admin.ktp_image",  # the dummy visit has no KTP image: 404
}
CALLERS = ("anonymous", "helpdesk", "kasubag", "admin", "kiosk", "deactivated")
STREAMS = {"text/event-stream"}
CSRF = re.compile(r'(?:name="csrf_token"[^>]*value|name="csrf-token"[^>]*content)="([^"]+)"')


class _Logs(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _records(app) -> dict:
    """One of each record a URL can name; a kiosk and a user that are targets, not the callers."""
    with app.app_context():
        target = users.create(db.session, None, username="target", full_name="Target", password=TEST_PASSWORD,
                              roles={Role.HELPDESK})
        boss = users.create(db.session, None, username="boss", full_name="Boss", password=TEST_PASSWORD,
                            roles={Role.KASUBAG})
        db.session.commit()
        visit = factories.visit()
        remote = factories.remote_request()
        today = utcnow().astimezone(WIB).date()
        delegation = users.create_delegation(db.session, None, delegate=target, principal=boss, title="Plh.",
                                             starts_on=today, ends_on=today + timedelta(days=1), today=today)
        values = {"visit": visit.id, "ticket": visit.ticket_code, "remote": remote.id, "user": target.id,
                  "delegation": delegation.id, "kiosk": 1}
        try:
            from lpsedesk import devices
        except ImportError:
            devices = None
        if devices is not None:
            device, _code = devices.create_device(db.session, None, "Target kiosk")
            values["kiosk"] = device.id
        values["invitation"] = _invitation()
        db.session.commit()
        return values


def _invitation() -> int:
    from lpsedesk.invitations import rules

    draft = rules.InvitationDraft(full_name="Target", phone="081234560001", institution="CV", category="penyedia",
                                  purpose="training", facility="training_room", starts_at=utcnow(),
                                  ends_at=utcnow() + timedelta(hours=2), event_name="x")
    invitation = rules.build(draft, None)
    db.session.add(invitation)
    db.session.flush()
    return invitation.id


def _fill(rule, records: dict) -> dict:
    """URL values for a rule, by parameter name; unknown names get a harmless dummy."""
    values = {}
    for name in rule.arguments:
        converter = rule._converters[name]
        lowered = name.lower()
        if "visit" in lowered:
            value = records["visit"]
        elif "request" in lowered or "remote" in lowered:
            value = records["remote"]
        elif "user" in lowered:
            value = records["user"]
        elif "kiosk" in lowered or "device" in lowered:
            value = records["kiosk"]
        elif "delegation" in lowered:
            value = records["delegation"]
        elif "invitation" in lowered:
            value = records["invitation"]
        elif "ticket" in lowered or lowered == "code":
            value = records["ticket"]
        elif lowered == "filename":
            value = "css/app.css"
        elif lowered == "fmt":
            value = "csv"
        else:
            value = 1 if isinstance(converter, IntegerConverter) else "x"
        values[name] = value
    return values


def _session_cookies(app, make_user, caller: str) -> dict[str, str]:
    """The cookies a caller's browser holds; each request starts a fresh client from them."""
    client = app.test_client()
    if caller in ("helpdesk", "kasubag", "admin", "deactivated"):
        make_user(f"caller-{caller}", caller if caller != "deactivated" else "admin")
        page = client.get("/admin/login").get_data(as_text=True)
        response = client.post("/admin/login", data={"csrf_token": CSRF.search(page).group(1),
                                                     "username": f"caller-{caller}", "password": TEST_PASSWORD})
        assert response.status_code == 302, f"{caller} could not log in"
    if caller == "kiosk":
        from lpsedesk import devices

        with app.app_context():
            device, code = devices.create_device(db.session, None, "Caller kiosk")
            devices.enrol(db.session, code)
            db.session.commit()
            client.set_cookie(devices.COOKIE_NAME, devices.credential_for(device, app.config["SECRET_KEY"]))
    for page in ("/admin/login", "/kiosk/", "/admin/"):  # a page this caller sees carries its CSRF token
        if CSRF.search(client.get(page).get_data(as_text=True)):
            break
    if caller == "deactivated":
        with app.app_context():
            user = users.find(db.session, "caller-deactivated")
            users.set_active(db.session, None, user, False)
            db.session.commit()
    return {cookie.key: cookie.value for cookie in client._cookies.values()}


def _csrf(app, cookies: dict) -> str:
    client = _client(app, cookies)
    for page in ("/admin/login", "/kiosk/", "/admin/"):
        match = CSRF.search(client.get(page).get_data(as_text=True))
        if match:
            return match.group(1)
    raise AssertionError("no page shows this caller a CSRF token")


def _client(app, cookies: dict):
    client = app.test_client()
    for key, value in cookies.items():
        client.set_cookie(key, value)
    return client


def _expected(caller: str, endpoint: str) -> str:
    """"allowed", "login" (must log in: redirect or 401), "forbidden" (403) or "device" (401/403)."""
    if endpoint in KIOSK_ONLY:
        return "allowed" if caller == "kiosk" else "device"
    if endpoint in PUBLIC:
        return "public"
    assert endpoint in ROLES, f"{endpoint}: decide who may use it (ROLES, KIOSK_ONLY or PUBLIC)"
    if caller in ("anonymous", "kiosk", "deactivated"):
        return "login"
    return "allowed" if caller in ROLES[endpoint] else "forbidden"


def _check(expect: str, method: str, response, endpoint: str) -> str | None:
    status = response.status_code
    location = response.headers.get("Location", "")
    if status >= 500:
        return f"{status}"
    if expect == "login" and not (status == 401 or (status in (302, 303) and "/admin/login" in location)):
        return f"{status} {location} (expected a redirect to the login page or 401)"
    if expect == "forbidden" and status != 403:
        return f"{status} {location} (expected 403)"
    if expect == "device" and status not in (401, 403):
        return f"{status} {location} (expected 401/403: not a registered kiosk)"
    if expect == "allowed":
        if status in (302, 303) and "/admin/login" in location:
            return f"{status} -> login (allowed caller was sent to log in)"
        if method == "GET" and status >= 400 and endpoint not in GET_MAY_REFUSE_DUMMY:
            return f"{status} (allowed caller should see this page)"
    return None


@pytest.mark.parametrize("caller", CALLERS)
def test_every_route_answers_each_caller_as_its_guard_says_and_never_with_a_500(app, make_user, caller):
    records = _records(app)
    cookies = _session_cookies(app, make_user, caller)
    token = _csrf(app, cookies)
    logs = _Logs()
    app.logger.addHandler(logs)
    failures, visited = [], 0
    try:
        # Logout last: it ends this caller's session on the server, for every copy of the cookie.
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint == "admin.logout", r.rule)):
            expect = _expected(caller, rule.endpoint)
            path = rule.build(_fill(rule, records), append_unknown=False)[1]
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                logs.records.clear()
                client = _client(app, cookies)
                kwargs = {"headers": {"X-CSRFToken": token}}
                if method != "GET":
                    kwargs["data"] = {"csrf_token": token}
                response = client.open(path, method=method, **kwargs)
                visited += 1
                problem = _check(expect, method, response, rule.endpoint)
                if response.mimetype not in STREAMS:
                    response.get_data()
                response.close()
                if problem:
                    trace = "\n".join(logging.Formatter().format(r) for r in logs.records)
                    failures.append(f"{method} {path} [{rule.endpoint}] as {caller}: {problem}\n{trace}".rstrip())
    finally:
        app.logger.removeHandler(logs)
    assert visited > 50
    assert not failures, "\n\n".join(failures)


def test_every_route_has_a_decided_audience_and_every_decision_names_a_route(app):
    decided = set(ROLES) | KIOSK_ONLY | PUBLIC
    assert not set(app.view_functions) - decided, "routes nobody decided the audience of"
    assert not decided - set(app.view_functions), "the tables name a route that no longer exists"
    assert not (set(ROLES) & KIOSK_ONLY) and not (set(ROLES) & PUBLIC) and not (KIOSK_ONLY & PUBLIC)
