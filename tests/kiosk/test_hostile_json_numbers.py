"""JSON a probe sends and a browser never does: numbers past any float (1e400, Infinity, NaN) and
arrays nested a hundred thousand deep. The guide's rule for bad input holds for them too: a clear
4xx in the user's language, nothing stored, and the server keeps serving (sec2's outside probe found
both answered with a 500)."""
from __future__ import annotations

import pytest

from lpsedesk.extensions import db
from lpsedesk.models import Visit

from ..conftest import logged_in_client, csrf_from
from .. import factories
from .conftest import API, entry

NOT_A_NUMBER = [b"1e400", b"-1e400", b"Infinity", b"-Infinity", b"NaN"]


def _post(kiosk, path: str, body: bytes):
    return kiosk.client.post(API + path, data=body, content_type="application/json",
                             headers={"X-CSRFToken": kiosk.csrf})


@pytest.mark.parametrize("number", NOT_A_NUMBER)
def test_a_planned_duration_past_any_number_is_refused_with_a_message_not_a_server_error(app, kiosk, number):
    body = b'{"full_name": "Sari Uji", "planned_minutes": ' + number + b', "validate_only": true}'
    response = _post(kiosk, "/visits", body)
    assert response.status_code == 400
    assert response.get_json()["message"]
    with app.app_context():
        assert db.session.query(Visit).count() == 0


@pytest.mark.parametrize("path", ["/visits", "/visits/find", "/nik/check", "/invitations/lookup"])
def test_arrays_nested_too_deep_are_a_400_in_indonesian_and_the_kiosk_keeps_serving(app, kiosk, path):
    deep = b"[" * 100_000 + b"]" * 100_000
    response = _post(kiosk, path, b'{"nik": ' + deep + b', "code": "x"}')
    assert 400 <= response.status_code < 500
    # a sentence in Indonesian, the default (the short forms refuse the body unread since h48f: "coba lagi")
    message = response.get_json()["message"]
    assert "Silakan" in message or "coba lagi" in message, message
    # the next, ordinary request is served
    assert _post(kiosk, "/visits", b'{"validate_only": true}').status_code == 400
    assert kiosk.get("/inside").status_code == 200


def test_the_desk_survey_hand_over_refuses_a_number_past_any_float_with_a_4xx(app, make_user):
    make_user("dewi", "helpdesk")
    with app.app_context():
        visit_id = factories.visit("checked_out").id
    desk = logged_in_client(app, "dewi")
    token = csrf_from(desk, f"/admin/visits/{visit_id}")
    for body in (b'{"answers": {"1": 1e400}}', b'{"answers": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"):
        response = desk.post(f"/admin/visits/{visit_id}/survey", data=body, content_type="application/json",
                             headers={"X-CSRFToken": token})
        assert 400 <= response.status_code < 500, response.status_code


def test_ordinary_json_numbers_still_read(app, kiosk):
    """The refusal is for numbers no float holds, not for numbers: 60 and 60.0 are a duration."""
    response = _post(kiosk, "/visits", b'{"planned_minutes": 60, "validate_only": true}')
    assert "planned_minutes" not in response.get_json().get("fields", {})
