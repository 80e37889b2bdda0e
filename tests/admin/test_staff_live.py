"""The staff screens' live feed: a decision reaches an open stream; KTP viewings do not wake screens."""
from __future__ import annotations

from lpsedesk import audit, visit_ops
from lpsedesk.extensions import db
from lpsedesk.models import Visit
from lpsedesk.roles import SYSTEM_ACTOR, Actor, Role

from .. import factories


def _open_stream(client):
    response = client.get("/admin/events", buffered=False)
    assert response.status_code == 200 and response.mimetype == "text/event-stream"
    chunks = iter(response.response)
    assert next(chunks).decode().startswith("retry:")
    return response, chunks


def test_a_decision_reaches_an_open_staff_stream_and_a_ktp_viewing_does_not(app, client, make_user, login):
    app.config["LIVE_STREAM_SECONDS"] = 5
    boss = make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit().id
    response, chunks = _open_stream(client)
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        audit.record(db.session, SYSTEM_ACTOR, "visit.ktp_viewed", visit)
        audit.record(db.session, SYSTEM_ACTOR, "user.login")
        visit_ops.decide(db.session, visit, "approve", Actor("user", boss, "Bambang", frozenset({Role.KASUBAG})))
        db.session.commit()
    message = next(chunks).decode()
    assert '"action": "visit.approved"' in message and f'"object_id": {visit_id}' in message
    response.close()


def test_the_staff_stream_needs_a_login(client):
    response = client.get("/admin/events")
    assert response.status_code == 302 and "/admin/login" in response.headers["Location"]


def test_fragments_for_live_refresh_render_without_the_page_around_them(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        factories.visit()
    fragment = client.get("/admin/board/fragment").get_data(as_text=True)
    assert "<html" not in fragment and "data-pending" in fragment and "Sari Uji Coba" in fragment
