"""h39b: the check-out screen's code. A well-formed code that is no visit's is an ordinary answer (no HTTP
error that a stranger's browser console logs as a failure); a malformed one is still a 400; the misses
count against the same per-kiosk limits as GET /visits/<ticket>, which keeps its 404 for other clients."""
from __future__ import annotations

from tests import factories

from .test_openapi import check, spec  # noqa: F401 (spec: the fixture)


def test_a_well_formed_code_that_is_no_visits_is_answered_without_an_error_status(kiosk):
    response = kiosk.post_json("/visits/find-by-ticket", {"ticket": "ZZZZ-9999"})
    assert response.status_code == 200
    assert response.json["found"] is False and response.json["error"] == "bad_ticket"
    assert "kode tiket" in response.json["message"]
    english = kiosk.client.post("/kiosk/api/v1/visits/find-by-ticket?lang=en", json={"ticket": "ZZZZ9999"},
                                headers={"X-CSRFToken": kiosk.csrf})
    assert english.status_code == 200 and "ticket code" in english.json["message"]
    assert kiosk.get("/visits/ZZZZ9999").status_code == 404  # the waiting screen's route is unchanged


def test_a_known_code_as_typed_gives_the_visit(app, kiosk):
    with app.app_context():
        ticket = factories.visit("approved").ticket_code
    typed = f" {ticket[:4].lower()}-{ticket[4:]} "
    response = kiosk.post_json("/visits/find-by-ticket", {"ticket": typed})
    assert response.status_code == 200 and response.json["found"] is True
    assert response.json["ticket"] == ticket and response.json["status"] == "approved"


def test_what_is_no_ticket_code_at_all_is_still_a_client_error(kiosk):
    for body in ({"ticket": "ABC12"}, {"ticket": "A" * 13}, {"ticket": ""}, {}, ["ZZZZ9999"]):
        response = kiosk.post_json("/visits/find-by-ticket", body)
        assert response.status_code == 400 and response.json["error"] == "bad_ticket", body


def test_guessing_codes_here_meets_the_same_limit_as_the_ticket_route(kiosk):
    answers = [kiosk.post_json("/visits/find-by-ticket", {"ticket": f"ZZZZZ{i:03d}"}).status_code
               for i in range(20)]
    assert answers == [200] * 20
    blocked = kiosk.get("/visits/ZZZZZ999")
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    assert kiosk.post_json("/visits/find-by-ticket", {"ticket": "ZZZZZ998"}).status_code == 429


def test_the_answers_fit_the_document(app, spec, kiosk):
    with app.app_context():
        ticket = factories.visit("pending").ticket_code
    path = "/kiosk/api/v1/visits/find-by-ticket"
    check(spec, path, "post", kiosk.post_json("/visits/find-by-ticket", {"ticket": ticket}))
    check(spec, path, "post", kiosk.post_json("/visits/find-by-ticket", {"ticket": "ZZZZ9999"}))
    check(spec, path, "post", kiosk.post_json("/visits/find-by-ticket", {"ticket": "ZZ"}))
