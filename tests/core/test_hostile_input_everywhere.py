"""Every route, hostile values: the answer is never a server error (guide: "bad input gets a clear
message in the user's language and a 4xx ... and the server keeps serving").

The routes are walked from the app's URL map so a new route is probed without anyone remembering to
add it. Form and query field names are gathered from the pages' own forms, so a field added to a
form is probed too. Values are what a probe sends: ids past the database's integer range, NUL
bytes, 100 KB strings, numbers that are not numbers, wrong JSON types, bytes that are not UTF-8.
"""
from __future__ import annotations

import re

import pytest

from lpsedesk import devices
from lpsedesk.extensions import db

from .. import factories
from ..conftest import TEST_PASSWORD, csrf_from
from ..kiosk.conftest import API, enrol_client

HOSTILE = ["\x00", "x" * 100_000, "-1", "99999999999999999999", "1e999", "NaN", "<script>x</script>",
           "' OR 1=1 --", "2026-02-30", "../../etc/passwd", " ", "\u00b2"]  # "²" passes str.isdigit
IDS = ["0", "2147483648", "9223372036854775808", "99999999999999999999999"]
JSON_BODIES = [None, [], "x", 1, {"x": 1}]
JSON_VALUES = [None, [], {}, True, -1, 10 ** 30, 1.5, "\x00", "x" * 100_000, ["a"], {"a": "b"}]
NAME = re.compile(r'name="([A-Za-z_][\w\-\[\]]*)"')
SKIP_POST = {"admin.logout"}  # ends the probe's own session


@pytest.fixture
def world(app, make_user):
    """An all-roles user, one record of each kind that routes name by id, and an enrolled kiosk.

    User routes are probed on another user: a hostile new password for the probe's own account
    would end its session, and the rest of the probe would only meet the login page."""
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer 500 as in production, so every failure is listed
    uid = make_user("sinta", "admin", "kasubag", "helpdesk", name="Sinta Semua")
    other = make_user("budi", "helpdesk", name="Budi Lain")
    with app.app_context():
        made = [factories.visit(status) for status in ("pending", "approved", "checked_out")]
        visits, ticket = [v.id for v in made], made[0].ticket_code
        requests = [factories.remote_request(status, recorded_by_id=uid).id for status in ("received", "approved")]
        device, _code = devices.create_device(db.session, None, "Kiosk uji")
        db.session.commit()
        delegation = factories.delegation(other, uid).id
        ids = {"visit_id": visits, "request_id": requests, "device_id": [device.id], "user_id": [other],
               "delegation_id": [delegation], "invitation_id": [1], "entry_id": [1]}
    staff = app.test_client()
    token = csrf_from(staff, "/admin/login")
    assert staff.post("/admin/login", data={"csrf_token": token, "username": "sinta",
                                            "password": TEST_PASSWORD}).status_code == 302
    kiosk = enrol_client(app, app.test_client())
    return {"ids": ids, "staff": staff, "kiosk": kiosk, "ticket": ticket}


def _rules(app, method):
    return sorted((r for r in app.url_map.iter_rules()
                   if method in r.methods and r.endpoint != "static"), key=lambda r: r.rule)


def _urls(rule, world):
    """The rule's URL with real ids, and with ids a probe would try."""
    names = list(rule.arguments)
    if not names:
        return [rule.rule]
    values = []
    for name in names:
        if name in world["ids"]:
            values.append([str(v) for v in world["ids"][name]] + IDS)
        elif name == "fmt":
            values.append(["csv", "xlsx", "pdf", "exe", "x" * 300])
        else:  # tickets, codes, session ids
            values.append([world["ticket"], "x" * 300, "..%2F..%2Fetc", "%00", "0"])
    urls = []
    for i in range(max(len(v) for v in values)):
        url = rule.rule
        for name, options in zip(names, values):
            url = re.sub(r"<(?:\w+:)?%s>" % name, options[i % len(options)], url)
        urls.append(url)
    return urls


def _status(response) -> int:
    """The status, with the response closed (a stream's generator is never left running)."""
    response.close()
    return response.status_code


def _client(world, rule):
    return world["kiosk"].client if rule.rule.startswith("/kiosk") else world["staff"]


def _field_names(client, urls):
    names = set()
    for url in urls:
        response = client.get(url)
        if response.status_code == 200 and response.mimetype == "text/html":  # not an event stream
            names |= set(NAME.findall(response.get_data(as_text=True)))
        response.close()
    return sorted(names - {"csrf_token"})


def test_every_get_route_with_hostile_ids_and_queries_is_never_a_server_error(app, world):
    failures = []
    for rule in _rules(app, "GET"):
        client = _client(world, rule)
        urls = _urls(rule, world)
        # the page's own fields, and the query words lists and periods take from their links
        fields = sorted(set(_field_names(client, urls[:1])) | {"page", "q", "from", "to", "kind", "value", "next"})
        for url in urls:
            for value in HOSTILE:
                query = {name: value for name in fields}
                status = _status(client.get(url, query_string=query))
                if status >= 500:
                    failures.append(f"GET {url[:80]} {fields} = {value[:20]!r}: {status}")
            status = _status(client.get(url + "?page=%ff%fe&q=%c3%28"))  # not UTF-8
            if status >= 500:
                failures.append(f"GET {url[:80]} not UTF-8: {status}")
    assert not failures, "\n".join(failures[:40])


def test_every_staff_form_post_with_hostile_values_is_never_a_server_error(app, world):
    staff = world["staff"]
    pool = set()
    for rule in _rules(app, "GET"):
        if rule.rule.startswith("/admin"):
            pool |= set(_field_names(staff, _urls(rule, world)[:1]))
    failures = []
    for rule in _rules(app, "POST"):
        if not rule.rule.startswith("/admin") or rule.endpoint in SKIP_POST:
            continue
        for url in _urls(rule, world):
            for value in HOSTILE:
                form = {name: value for name in pool}
                form["csrf_token"] = csrf_from(staff, "/admin/")
                status = _status(staff.post(url, data=form))
                if status >= 500:
                    failures.append(f"POST {url[:80]} = {value[:20]!r}: {status}")
    assert not failures, "\n".join(failures[:40])


def test_every_kiosk_api_post_with_wrong_json_is_never_a_server_error(app, world):
    kiosk = world["kiosk"]
    keys = ["nik", "full_name", "phone", "institution", "category", "purpose", "facility", "ticket",
            "code", "session", "consent", "signature", "planned_minutes", "answers", "devices", "lang",
            "visitor_id", "invitation_code", "capture_id", "comment", "rating"]
    failures = []
    for rule in _rules(app, "POST"):
        if not rule.rule.startswith(API):
            continue
        for url in _urls(rule, world):
            bodies = JSON_BODIES + [{k: v for k in keys} for v in JSON_VALUES]
            for body in bodies:
                status = _status(kiosk.client.post(url, json=body, headers={"X-CSRFToken": kiosk.csrf}))
                if status >= 500:
                    failures.append(f"POST {url[:80]} {str(body)[:40]}: {status}")
            status = _status(kiosk.client.post(url, data=b"\xff\xfe{", content_type="application/json",
                                               headers={"X-CSRFToken": kiosk.csrf}))
            if status >= 500:
                failures.append(f"POST {url[:80]} not UTF-8 JSON: {status}")
    assert not failures, "\n".join(failures[:40])



def test_a_nul_typed_into_a_search_is_refused_in_the_users_language_and_the_desk_keeps_serving(app, world):
    staff = world["staff"]
    response = staff.get("/admin/visits", query_string={"q": "Sari\x00"})
    assert response.status_code == 400
    assert "tidak dapat disimpan" in response.get_data(as_text=True)  # Indonesian by default
    assert staff.get("/admin/visits", query_string={"q": "Sari"}).status_code == 200


def test_a_nul_in_a_kiosk_guest_book_entry_is_a_400_with_a_message_not_a_saved_visit(app, world):
    kiosk = world["kiosk"]
    response = kiosk.post_json("/visits", {"full_name": "Sari\u0000 Uji", "nik": "3373024107900001"})
    assert response.status_code == 400 and response.get_json()["message"]


def test_an_id_past_the_databases_range_is_a_page_that_does_not_exist(app, world):
    staff = world["staff"]
    for path in ("/admin/visits/2147483648", "/admin/remote/99999999999999999999",
                 "/admin/settings/users/9223372036854775808"):
        assert staff.get(path).status_code == 404, path


def test_a_nik_typed_in_other_scripts_digits_is_not_taken_for_a_nik(app, world):
    """Python's isdigit says yes to Arabic-Indic digits; a NIK is 16 digits 0-9 (SOP: valid KTP)."""
    kiosk = world["kiosk"]
    response = kiosk.post_json("/nik/check", {"nik": "\u0663\u0663\u0667\u0663" + "0" * 12})
    assert response.status_code == 400
    response = kiosk.post_json("/visits/find", {"nik": "\u0663" * 16, "last4": "0001"})
    assert response.status_code in (200, 400) and response.get_json()["message"]
    assert response.get_json().get("found") is not True
