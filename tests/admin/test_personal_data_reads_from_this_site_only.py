"""Reading personal data writes the audit trail (KTP image, full NIK, guest book export): a link, image or
form on another site must not make a staff browser read it and write a viewing its owner never made
(probe h18s). Browsers say who started a request (Sec-Fetch-Site); the desk's own pages, a typed
address or a bookmark, and browsers that send no such header read as before."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from .. import factories
from ..conftest import logged_in_client
from .test_staff_ktp_image import synthetic_capture

ANOTHER_SITE = {"cross-site": "http://evil.example/", "same-site": "another app on the same host"}


@pytest.fixture
def desk(app, make_user):
    make_user("rina", "helpdesk", "admin")
    with app.app_context():
        visit_id = factories.visit(id_capture_key=synthetic_capture(app)).id
    return logged_in_client(app, "rina"), visit_id


def _reads(visit_id: int) -> dict[str, tuple[str, str]]:
    return {"ktp": (f"/admin/visits/{visit_id}/ktp", "visit.ktp_viewed"),
            "nik": (f"/admin/visits/{visit_id}/nik", "visit.nik_viewed"),
            "export": ("/admin/reports/guestbook.csv?full_nik=1", "report.guestbook_exported")}


def _events(app, action: str) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action))


@pytest.mark.parametrize("read", ["ktp", "nik", "export"])
@pytest.mark.parametrize("site", sorted(ANOTHER_SITE))
def test_a_read_started_by_another_site_is_refused_and_writes_no_viewing(app, desk, read, site):
    client, visit_id = desk
    url, action = _reads(visit_id)[read]
    response = client.get(url, headers={"Sec-Fetch-Site": site, "Sec-Fetch-Mode": "navigate"})
    assert response.status_code == 403
    assert "halaman meja" in response.get_data(as_text=True).lower()  # says why, in Indonesian
    assert _events(app, action) == 0


@pytest.mark.parametrize("read", ["ktp", "nik", "export"])
@pytest.mark.parametrize("started", ["same-origin", "none", None])
def test_a_read_from_the_desks_own_pages_a_bookmark_or_an_older_browser_works(app, desk, read, started):
    client, visit_id = desk
    url, action = _reads(visit_id)[read]
    headers = {"Sec-Fetch-Site": started} if started else {}
    assert client.get(url, headers=headers).status_code == 200
    assert _events(app, action) == 1
