"""A visitor's signature is personal data kept to the retention period, as the KTP image and a request letter
are (README "Data retention and privacy"); opening those is audited and refused when another site started it.
Signatures are shown on the printable guest book, a screen of up to 100 visits: looking at a page of it is
one audit event (who, which period and page, how many signatures it showed), not one per picture - the audit
log is never purged, and an event per picture wrote a hundred a page and filled every visit's timeline each
time the helpdesk looked. A link on another site cannot open a signature in a staff member's name (h45v)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from .. import factories
from ..conftest import audit_events, logged_in_client
from .test_reports_guestbook import _signature_png

DAY = datetime(2026, 11, 18, 2, 0, tzinfo=timezone.utc)  # 09.00 WIB
PERIOD = {"from": "2026-11-18", "to": "2026-11-18"}


@pytest.fixture
def signed_visit(app, make_user):
    make_user("rina", "helpdesk", name="Rina Meja")
    make_user("siti", "kasubag", name="Siti Kasubag")
    with app.app_context():
        key = app.extensions["storage"].save(_signature_png(), kind="signature")
        signed = factories.visit(signature_key=key, submitted_at=DAY).id
        factories.visit(visitor=factories.visitor(full_name="Tanpa Tanda", nik="3373021203850002"),
                        submitted_at=DAY + timedelta(minutes=5))
        return signed



def test_looking_at_a_guest_book_page_is_one_event_naming_who_the_period_and_the_signatures_shown(app, signed_visit):
    helpdesk = logged_in_client(app, "rina")
    page = helpdesk.get("/admin/reports/guestbook", query_string=PERIOD)
    assert page.status_code == 200
    thumb = f"/admin/reports/signatures/{signed_visit}.png"
    assert thumb in page.get_data(as_text=True)
    opened = helpdesk.get(thumb, headers={"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Dest": "image"})
    assert opened.status_code == 200 and opened.mimetype == "image/png"
    assert "no-store" in opened.headers["Cache-Control"]
    [viewed] = audit_events(app, "report.guestbook_viewed")
    assert "Rina" in viewed.actor_label
    assert viewed.details["from"].startswith("2026-11-18") and viewed.details["page"] == 1
    assert viewed.details["rows"] == 2 and viewed.details["signatures"] == 1


def test_the_pictures_a_page_loads_add_no_event_of_their_own_nor_a_line_on_each_visits_timeline(app, signed_visit):
    helpdesk = logged_in_client(app, "rina")
    helpdesk.get("/admin/reports/guestbook", query_string=PERIOD)
    for _ in range(3):
        assert helpdesk.get(f"/admin/reports/signatures/{signed_visit}.png").status_code == 200
    with app.app_context():
        count = len(list(db.session.scalars(select(AuditEvent))))
    helpdesk.get(f"/admin/reports/signatures/{signed_visit}.png")
    with app.app_context():
        assert len(list(db.session.scalars(select(AuditEvent)))) == count
    timeline = logged_in_client(app, "siti").get(f"/admin/visits/{signed_visit}").get_data(as_text=True)
    assert "Tanda tangan dilihat" not in timeline


def test_each_look_at_the_guest_book_is_an_event_of_its_own(app, signed_visit):
    helpdesk = logged_in_client(app, "rina")
    for _ in range(2):
        assert helpdesk.get("/admin/reports/guestbook", query_string=PERIOD).status_code == 200
    assert len(audit_events(app, "report.guestbook_viewed")) == 2


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_signature_opened_from_another_site_is_refused(app, signed_visit, site):
    helpdesk = logged_in_client(app, "rina")
    refused = helpdesk.get(f"/admin/reports/signatures/{signed_visit}.png",
                           headers={"Sec-Fetch-Site": site, "Sec-Fetch-Dest": "image"})
    assert refused.status_code == 403
    assert refused.mimetype != "image/png"


def test_a_visit_without_a_signature_has_no_picture(app, make_user):
    make_user("rina", "helpdesk", name="Rina Meja")
    with app.app_context():
        unsigned = factories.visit().id
    assert logged_in_client(app, "rina").get(f"/admin/reports/signatures/{unsigned}.png").status_code == 404
