"""h45v: a visitor's signature is personal data kept to the retention period, as the KTP image and a
request letter are (README "Data retention and privacy"), and opening those is audited and refused
when another site started it. Opening a signature's picture (the printable guest book shows one per
visit) left no trace; now each opening is in the audit log and on the visit's timeline, and a link
on another site cannot open it in a staff member's name."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from .. import factories
from ..conftest import logged_in_client
from .test_reports_guestbook import _signature_png


@pytest.fixture
def signed_visit(app, make_user):
    make_user("rina", "helpdesk", name="Rina Meja")
    make_user("siti", "kasubag", name="Siti Kasubag")
    with app.app_context():
        key = app.extensions["storage"].save(_signature_png(), kind="signature")
        return factories.visit(signature_key=key).id


def _viewings(app, visit_id: int) -> list[AuditEvent]:
    with app.app_context():
        rows = list(db.session.scalars(select(AuditEvent).where(
            AuditEvent.action == "visit.signature_viewed", AuditEvent.object_type == "visit",
            AuditEvent.object_id == visit_id)))
        db.session.expunge_all()
        return rows


def test_the_helpdesk_opening_a_signature_is_audited_and_on_the_visits_timeline(app, signed_visit):
    helpdesk = logged_in_client(app, "rina")
    opened = helpdesk.get(f"/admin/reports/signatures/{signed_visit}.png", headers={"Sec-Fetch-Site": "same-origin"})
    assert opened.status_code == 200 and opened.mimetype == "image/png"
    assert "no-store" in opened.headers["Cache-Control"]
    [viewing] = _viewings(app, signed_visit)
    assert viewing.actor_id is not None and "Rina" in viewing.actor_label
    page = logged_in_client(app, "siti").get(f"/admin/visits/{signed_visit}").get_data(as_text=True)
    assert "Tanda tangan dilihat" in page


def test_each_opening_is_a_viewing_of_its_own(app, signed_visit):
    helpdesk = logged_in_client(app, "rina")
    for _ in range(2):
        assert helpdesk.get(f"/admin/reports/signatures/{signed_visit}.png").status_code == 200
    assert len(_viewings(app, signed_visit)) == 2


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_signature_opened_from_another_site_is_refused_and_writes_nothing(app, signed_visit, site):
    helpdesk = logged_in_client(app, "rina")
    refused = helpdesk.get(f"/admin/reports/signatures/{signed_visit}.png",
                           headers={"Sec-Fetch-Site": site, "Sec-Fetch-Dest": "image"})
    assert refused.status_code == 403
    assert _viewings(app, signed_visit) == []


def test_a_visit_without_a_signature_writes_no_viewing(app, make_user):
    make_user("rina", "helpdesk", name="Rina Meja")
    with app.app_context():
        unsigned = factories.visit().id
    assert logged_in_client(app, "rina").get(f"/admin/reports/signatures/{unsigned}.png").status_code == 404
    assert _viewings(app, unsigned) == []
