"""h40p: the Kasubag taps "Setujui" / "Tolak" after the login session ended (idle, or ended elsewhere). The
login page says plainly that the decision was not sent (id/en), nothing is decided without a fresh login,
and the login brings the Kasubag back to that request, its buttons at hand, so one tap finishes it: on the
queue it was tapped on (its card shown first, as h39d shows one whose reason was kept), or on its own page. The
reason typed for a refusal is kept in the tab (sessionStorage, reason_keep.js), never in an address or on
the server before the login: it travels in no URL."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, RemoteAccessRequest, Visit, utcnow
from lpsedesk.models.sessions import StaffSession

from .. import factories
from ..conftest import TEST_PASSWORD, csrf_from

NOT_SENT = {"id": "Keputusan Anda belum terkirim: sesi Anda sudah berakhir. Belum ada yang diputuskan.",
            "en": "Your decision was not sent: your session had ended. Nothing was decided."}
NOT_SENT_HERE = "Keputusan Anda belum terkirim: sesi Anda berakhir sebelum itu."


def _query(location: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def _end_every_session(app) -> None:
    with app.app_context():
        for row in db.session.query(StaffSession):
            row.ended_at = utcnow()
        db.session.commit()


def _waiting_visit(app) -> int:
    with app.app_context():
        return factories.visit(visitor=factories.visitor(full_name="Sari Menunggu"),
                               ktp_checked_at=utcnow()).id


def _decisions(app) -> list[str]:
    with app.app_context():
        return [a for a in db.session.scalars(select(AuditEvent.action))
                if a.endswith((".approved", ".denied"))]


def _sign_in_again(client, location: str):
    token = csrf_from(client, location)
    return client.post(location, data={"csrf_token": token, "username": "bambang", "password": TEST_PASSWORD})


def test_an_approval_tapped_after_the_session_ended_is_not_sent_and_the_login_says_so(app, client, make_user, login):
    make_user("bambang", "kasubag")
    visit_id = _waiting_visit(app)
    login("bambang")
    token = csrf_from(client, "/admin/queue")
    _end_every_session(app)
    answer = client.post(f"/admin/visits/{visit_id}/decision",
                         data={"csrf_token": token, "decision": "approve", "next": "/admin/queue"})
    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert _query(location) == {"next": f"/admin/queue?unsent=visit-{visit_id}", "ended": "1", "unsent": "1"}
    page = client.get(location).get_data(as_text=True)
    assert NOT_SENT["id"] in page and "Sesi Anda berakhir, silakan masuk lagi." not in page
    assert NOT_SENT["en"] in client.get(location + "&lang=en").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "pending"  # nothing decided without a fresh login
    assert _decisions(app) == []


def test_after_the_login_the_queue_shows_that_request_first_and_one_tap_finishes_it(app, client, make_user, login):
    make_user("bambang", "kasubag")
    with app.app_context():
        factories.visit(visitor=factories.visitor(full_name="Andi Lain"), ktp_checked_at=utcnow())
    visit_id = _waiting_visit(app)
    login("bambang")
    token = csrf_from(client, "/admin/queue")
    _end_every_session(app)
    location = client.post(f"/admin/visits/{visit_id}/decision", data={
        "csrf_token": token, "decision": "approve", "next": "/admin/queue"}).headers["Location"]
    back = _sign_in_again(client, location)
    assert back.status_code == 302 and back.headers["Location"] == f"/admin/queue?unsent=visit-{visit_id}"
    assert _decisions(app) == [], "the login alone decides nothing"
    page = client.get(back.headers["Location"]).get_data(as_text=True)
    card = page.split(f'data-key="visit-{visit_id}"')[1].split("</article>")[0]
    other = page.split("Andi Lain")[0].rsplit("<article", 1)[1]
    assert card.startswith(' data-stamp="pending-') and 'data-kept="1"' in card.split(">")[0]  # shown first
    assert NOT_SENT_HERE in card and NOT_SENT_HERE not in other and 'data-kept' not in other
    done = client.post(f"/admin/visits/{visit_id}/decision", data={
        "csrf_token": csrf_from(client, "/admin/queue"), "decision": "approve", "next": "/admin/queue"})
    assert done.status_code == 302
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "approved"


def test_a_decision_from_the_visit_page_comes_back_to_that_page(app, client, make_user, login):
    make_user("bambang", "kasubag")
    visit_id = _waiting_visit(app)
    login("bambang")
    token = csrf_from(client, f"/admin/visits/{visit_id}")
    _end_every_session(app)
    location = client.post(f"/admin/visits/{visit_id}/decision", data={
        "csrf_token": token, "decision": "approve", "next": f"/admin/visits/{visit_id}#next-step"}).headers["Location"]
    back = _sign_in_again(client, location)
    assert back.headers["Location"] == f"/admin/visits/{visit_id}?unsent=1#next-step"
    page = client.get(back.headers["Location"]).get_data(as_text=True)
    assert NOT_SENT_HERE in page and 'name="decision" value="approve"' in page
    done = client.post(f"/admin/visits/{visit_id}/decision", data={
        "csrf_token": csrf_from(client, f"/admin/visits/{visit_id}"), "decision": "approve",
        "next": f"/admin/visits/{visit_id}#next-step"})
    assert done.status_code == 302
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "approved"
    assert NOT_SENT_HERE not in client.get(f"/admin/visits/{visit_id}").get_data(as_text=True)


def test_a_refusal_whose_session_cookie_the_browser_dropped_keeps_its_reason_out_of_every_address(
        app, client, make_user, login):
    make_user("bambang", "kasubag")
    visit_id = _waiting_visit(app)
    login("bambang")
    token = csrf_from(client, "/admin/queue")
    client.delete_cookie("session")  # idle: the browser forgot the session (its CSRF token with it)
    answer = client.post(f"/admin/visits/{visit_id}/decision", data={
        "csrf_token": token, "decision": "deny", "reason": "Ruang server sedang dipakai rapat",
        "next": "/admin/queue"})
    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert _query(location)["unsent"] == "1" and "Ruang" not in location and "rapat" not in location
    assert NOT_SENT["id"] in client.get(location).get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Visit, visit_id).status == "pending"


def test_a_remote_access_decision_comes_back_to_its_request(app, client, make_user, login):
    make_user("bambang", "kasubag")
    with app.app_context():
        request_id = factories.remote_request().id
    login("bambang")
    token = csrf_from(client, "/admin/queue")
    _end_every_session(app)
    location = client.post(f"/admin/remote/{request_id}/decision", data={
        "csrf_token": token, "decision": "approve", "next": f"/admin/remote/{request_id}"}).headers["Location"]
    assert _query(location)["next"] == f"/admin/remote/{request_id}?unsent=1#next-step"
    back = _sign_in_again(client, location)
    page = client.get(back.headers["Location"]).get_data(as_text=True)
    assert NOT_SENT_HERE in page
    assert 'data-keep-key="remote-%d"' % request_id in page  # its reason box keeps what was typed on the queue
    with app.app_context():
        assert db.session.get(RemoteAccessRequest, request_id).status == "received"


def test_a_form_that_is_no_decision_still_comes_back_to_the_page_it_was_sent_from(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    token = csrf_from(client, "/admin/queue")
    _end_every_session(app)
    answer = client.post("/admin/reports/acknowledge", data={"csrf_token": token, "next": "/admin/queue"})
    assert _query(answer.headers["Location"]) == {"next": "/admin/queue", "ended": "1"}
