"""The captured KTP: shown to the Kasubag and the helpdesk only, never cached, each viewing audited."""
from __future__ import annotations

import io

from PIL import Image
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from .. import factories


def synthetic_capture(app) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (86, 54), (40, 110, 190)).save(buffer, format="JPEG")  # a blank card, nobody's
    return app.extensions["storage"].save(buffer.getvalue(), kind="ktp")


def viewings(app) -> list[tuple[int, int]]:
    with app.app_context():
        return [(e.actor_id, e.object_id) for e in db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "visit.ktp_viewed"))]


def test_the_kasubag_views_the_ktp_image_uncached_and_the_viewing_is_audited(app, client, make_user, login):
    boss = make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit(id_capture_key=synthetic_capture(app)).id
    response = client.get(f"/admin/visits/{visit_id}/ktp")
    assert response.status_code == 200 and response.mimetype == "image/jpeg"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.data.startswith(b"\xff\xd8")
    client.get(f"/admin/visits/{visit_id}/ktp")
    assert viewings(app) == [(boss, visit_id), (boss, visit_id)]
    page = client.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert "Foto KTP dilihat" in page  # the viewing is on the visit's timeline


def test_the_helpdesk_may_view_the_ktp_image_to_compare_it_with_the_original(app, client, make_user, login):
    desk = make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        visit_id = factories.visit(id_capture_key=synthetic_capture(app)).id
    assert client.get(f"/admin/visits/{visit_id}/ktp").status_code == 200
    assert viewings(app) == [(desk, visit_id)]


def test_an_admin_without_a_desk_role_may_not_view_the_ktp_image(app, client, make_user, login):
    make_user("sinta", "admin")
    login("sinta")
    with app.app_context():
        visit_id = factories.visit(id_capture_key=synthetic_capture(app)).id
    assert client.get(f"/admin/visits/{visit_id}/ktp").status_code == 403
    assert f"/admin/visits/{visit_id}/ktp" not in client.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert viewings(app) == []


def test_nobody_logged_out_gets_the_ktp_image(app, client):
    with app.app_context():
        visit_id = factories.visit(id_capture_key=synthetic_capture(app)).id
    response = client.get(f"/admin/visits/{visit_id}/ktp")
    assert response.status_code == 302 and "/admin/login" in response.headers["Location"]


def test_a_visit_without_a_capture_or_with_a_lost_file_is_a_404_not_a_500(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        none = factories.visit().id
        lost = factories.visit(id_capture_key="ktp/2026/11/" + "x" * 24).id
    assert client.get(f"/admin/visits/{none}/ktp").status_code == 404
    assert client.get(f"/admin/visits/{lost}/ktp").status_code == 404
    assert viewings(app) == []


def test_the_ktp_image_is_offered_only_on_the_queue_and_the_visit_page(app, client, make_user, login):
    make_user("bambang", "kasubag", "helpdesk")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit(id_capture_key=synthetic_capture(app)).id
    link = f"\"/admin/visits/{visit_id}/ktp\""  # the image route, not /ktp-check
    assert link in client.get("/admin/queue").get_data(as_text=True)
    assert link in client.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert link not in client.get("/admin/board").get_data(as_text=True)
    assert link not in client.get("/admin/evacuation").get_data(as_text=True)
    assert viewings(app) == []  # offering the button is not viewing
