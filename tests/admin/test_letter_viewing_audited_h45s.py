"""h45s: a third party's scanned request letter is personal data kept under the retention period, as a
visitor's KTP image is (README "Data retention and privacy"). Each viewing of the KTP image is audited;
opening a letter left no trace. Now each opening is in the audit log and on the request's history, and a
link on another site cannot open it in a staff member's name (probe h18s's rule for such reads)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent

from .. import factories
from ..conftest import logged_in_client

PNG_LETTER = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
              b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND"
              b"\xaeB`\x82")


@pytest.fixture
def letter(app, make_user):
    make_user("siti", "kasubag", name="Siti Kasubag")
    with app.app_context():
        key = app.extensions["storage"].save(PNG_LETTER, kind="letter")
        return factories.remote_request(letter_key=key, letter_content_type="image/png").id


def _viewings(app, request_id: int) -> list[AuditEvent]:
    with app.app_context():
        rows = list(db.session.scalars(select(AuditEvent).where(
            AuditEvent.action == "remote.letter_viewed", AuditEvent.object_id == request_id)))
        db.session.expunge_all()
        return rows


def test_the_kasubag_opening_a_letter_is_audited_and_on_its_history(app, letter):
    kasubag = logged_in_client(app, "siti")
    opened = kasubag.get(f"/admin/remote/{letter}/letter", headers={"Sec-Fetch-Site": "same-origin"})
    assert opened.status_code == 200 and opened.data == PNG_LETTER
    assert opened.headers["Cache-Control"] == "no-store"
    [viewing] = _viewings(app, letter)
    assert viewing.actor_id is not None and "Siti" in viewing.actor_label
    page = kasubag.get(f"/admin/remote/{letter}").get_data(as_text=True)
    assert "Pindaian surat dibuka" in page


def test_a_letter_opened_from_another_site_is_refused_and_writes_nothing(app, letter):
    kasubag = logged_in_client(app, "siti")
    refused = kasubag.get(f"/admin/remote/{letter}/letter",
                          headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"})
    assert refused.status_code == 403
    assert _viewings(app, letter) == []
