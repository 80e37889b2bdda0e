"""Staff lists show NIKs masked; the full NIK only on a visit's page, on request, and audited; a
search by NIK needs all 16 digits, so a prefix cannot confirm a masked NIK (issue 12)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from .. import factories
from ..conftest import TEST_PASSWORD, csrf_from, logged_in_client

NIK = "3373021203850002"  # synthetic
MASKED = "3373********0002"


@pytest.fixture
def visit_id(app, make_user):
    make_user("rina", "helpdesk", name="Rina Meja")
    make_user("bambang", "kasubag", name="Bambang Kasubag")
    make_user("sinta", "admin", name="Sinta Admin")
    with app.app_context():
        return factories.visit(visitor=factories.visitor(full_name="Tamu Rahasia", nik=NIK)).id


@pytest.mark.parametrize("who", ["rina", "bambang", "sinta"])
def test_the_visit_list_shows_niks_masked_to_every_staff_role(app, visit_id, who):
    page = logged_in_client(app, who).get("/admin/visits").get_data(as_text=True)
    assert "Tamu Rahasia" in page and MASKED in page and NIK not in page


def test_the_kasubags_queue_shows_niks_masked(app, visit_id):
    boss = logged_in_client(app, "bambang")
    for path in ("/admin/queue", "/admin/queue/fragment"):
        page = boss.get(path).get_data(as_text=True)
        assert "Tamu Rahasia" in page and MASKED in page and NIK not in page, path


def test_the_full_nik_is_shown_on_the_visit_page_on_request_and_each_viewing_is_audited(app, visit_id):
    desk = logged_in_client(app, "rina")
    page = desk.get(f"/admin/visits/{visit_id}").get_data(as_text=True)
    assert MASKED in page and NIK not in page and f"/admin/visits/{visit_id}/nik" in page
    for _ in range(2):
        response = desk.get(f"/admin/visits/{visit_id}/nik")
        assert response.status_code == 200 and response.json == {"nik": NIK}
        assert response.headers["Cache-Control"] == "no-store"
    with app.app_context():
        views = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.nik_viewed")).all()
        assert [(e.object_id, e.actor_label) for e in views] == [(visit_id, "Rina Meja")] * 2


def test_an_admin_without_a_desk_role_may_not_read_the_full_nik(app, visit_id):
    assert logged_in_client(app, "sinta").get(f"/admin/visits/{visit_id}/nik").status_code == 403


def test_a_search_by_nik_needs_all_sixteen_digits(app, visit_id):
    desk = logged_in_client(app, "rina")
    for prefix in (NIK[:12], NIK[:15], NIK[4:]):
        assert "Tamu Rahasia" not in desk.get("/admin/visits", query_string={"q": prefix}).get_data(as_text=True)
    assert "Tamu Rahasia" in desk.get("/admin/visits", query_string={"q": NIK}).get_data(as_text=True)
