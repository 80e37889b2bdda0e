"""The kiosk API matches its OpenAPI document: every documented path exists, responses carry the
documented fields, and the document itself is valid OpenAPI 3."""
from __future__ import annotations

import re

import pytest
from jsonschema import Draft202012Validator

from lpsedesk.extensions import db
from tests import factories

from .conftest import capture_id, entry, jpeg


@pytest.fixture
def spec(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json


def check(spec: dict, path: str, method: str, response) -> None:
    """`response` is documented for this path and method, and its JSON body fits the schema."""
    documented = spec["paths"][path][method]["responses"]
    status = str(response.status_code)
    assert status in documented, f"{method.upper()} {path} answered {status}, not documented"
    content = documented[status].get("content", {})
    if "application/json" not in content:
        return
    schema = {**content["application/json"]["schema"], "components": spec["components"]}
    errors = sorted(Draft202012Validator(schema).iter_errors(response.json), key=str)
    assert not errors, f"{method.upper()} {path} {status}: {errors[0].message}"


def test_the_document_is_valid_openapi(spec):
    from openapi_spec_validator import validate

    validate(spec)


def test_every_documented_path_exists_in_the_app(app, spec):
    rules = {(re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", r.rule), m.lower())
             for r in app.url_map.iter_rules() for m in r.methods}
    for path, operations in spec["paths"].items():
        for method in operations:
            assert (path, method) in rules, f"{method.upper()} {path} is documented but not served"


def test_every_kiosk_api_route_is_documented(app, spec):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/kiosk/api/"):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            assert path in spec["paths"], f"{rule.rule} is not documented"


def test_responses_carry_the_documented_fields(app, spec, kiosk, ktp_scene):
    api = "/kiosk/api/v1"
    frame = ktp_scene[0]
    check(spec, f"{api}/scan", "post", kiosk.post_frame(jpeg(frame)))
    check(spec, f"{api}/scan", "post", kiosk.post_frame(jpeg(frame), capture=True))
    check(spec, f"{api}/scan", "post", kiosk.post_frame(b"not an image"))
    # the camera loop's narrow path (issue 16): open the scan session, then frames with its capability
    opened = kiosk.client.post(f"{api}/scan/open-api-1/capability", headers={"X-CSRFToken": kiosk.csrf})
    check(spec, f"{api}/scan/{{session_id}}/capability", "post", opened)
    for capability, query in ((opened.json["capability"], {}), ("wrong", {}),
                              (opened.json["capability"], {"session": "never-opened"})):
        check(spec, f"{api}/frames", "post", kiosk.client.post(
            f"{api}/frames", query_string={"session": "open-api-1", "mode": "ktp", **query}, data=jpeg(frame),
            headers={"Content-Type": "image/jpeg", "X-Scan-Capability": capability}))
    check(spec, f"{api}/nik/check", "post", kiosk.post_json("/nik/check", {"nik": "3373024107900001"}))
    check(spec, f"{api}/nik/check", "post", kiosk.post_json("/nik/check", {"nik": "123"}))
    check(spec, f"{api}/nik/check", "post", kiosk.post_json("/nik/check", {"nik": "9999024107900001"}))
    check(spec, f"{api}/visits", "post", kiosk.post_json("/visits", dict(entry(), validate_only=True)))
    check(spec, f"{api}/visits", "post", kiosk.post_json("/visits", {}))
    created = kiosk.post_json("/visits", entry(capture=capture_id(kiosk, frame)))
    check(spec, f"{api}/visits", "post", created)
    ticket = created.json["ticket"]
    check(spec, f"{api}/visits/{{ticket}}", "get", kiosk.get(f"/visits/{ticket}"))
    check(spec, f"{api}/visits/{{ticket}}", "get", kiosk.get("/visits/ZZZZZZZZ"))
    check(spec, f"{api}/visits/{{ticket}}/qr.svg", "get", kiosk.get(f"/visits/{ticket}/qr.svg"))
    check(spec, f"{api}/visits/{{ticket}}/checkout", "post", kiosk.post_json(f"/visits/{ticket}/checkout", {}))
    with app.app_context():
        approved = factories.visit("approved").ticket_code
    # ux12: a waiting request withdrawn, then asked again (409), and an unknown ticket (404)
    check(spec, f"{api}/visits/{{ticket}}/withdraw", "post", kiosk.post_json(f"/visits/{ticket}/withdraw", {}))
    check(spec, f"{api}/visits/{{ticket}}/withdraw", "post", kiosk.post_json(f"/visits/{ticket}/withdraw", {}))
    check(spec, f"{api}/visits/{{ticket}}/withdraw", "post", kiosk.post_json("/visits/ZZZZZZZZ/withdraw", {}))
    check(spec, f"{api}/visits/{{ticket}}/checkout", "post",
          kiosk.post_json(f"/visits/{approved}/checkout", {"rating": 4}))
    check(spec, f"{api}/visits/{{ticket}}/checkout", "post", kiosk.post_json("/visits/ZZZZZZZZ/checkout", {}))
    check(spec, f"{api}/visitors/recall", "post",
          kiosk.post_json("/visitors/recall", {"nik": "3373024107900001", "phone_last4": "0001"}))
    check(spec, f"{api}/visitors/recall", "post",
          kiosk.post_json("/visitors/recall", {"nik": "3373024107900001", "phone_last4": "1234"}))
    check(spec, f"{api}/scan/{{session_id}}", "delete",
          kiosk.client.delete(f"{api}/scan/test-session-1", headers={"X-CSRFToken": kiosk.csrf}))
    other = app.test_client()
    check(spec, f"{api}/visits/{{ticket}}", "get", other.get(f"{api}/visits/{ticket}"))
    with app.app_context():
        db.session.remove()


def request_schema(spec: dict, path: str) -> Draft202012Validator:
    schema = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
    return Draft202012Validator({**schema, "components": spec["components"]})


@pytest.mark.parametrize("path,body", [
    ("/nik/check", {"nik": ""}),
    ("/nik/check", {"nik": "12345"}),
    ("/visitors/recall", {"nik": "", "phone_last4": "0001"}),
    ("/visitors/recall", {"nik": "3373024107900001", "phone_last4": "12"}),
    ("/visits", dict(entry(), capture="x", full_name="", validate_only=True)),
    ("/visits", dict(entry(), capture="x", institution="", validate_only=True)),
])
def test_the_document_refuses_what_the_api_refuses(spec, kiosk, path, body):
    """A client generated from the document must not send what the API answers with 400 (issue 12)."""
    assert kiosk.post_json(path, body).status_code == 400
    assert list(request_schema(spec, f"/kiosk/api/v1{path}").iter_errors(body)), f"the schema accepts {body}"


def test_a_complete_visit_input_fits_the_document(spec):
    """The refusals above are about the one bad field: a good entry is valid."""
    assert not list(request_schema(spec, "/kiosk/api/v1/visits").iter_errors(dict(entry(), capture="x")))
