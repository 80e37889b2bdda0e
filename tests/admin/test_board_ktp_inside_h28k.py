"""h28k: SOP 1 - the visitor shows a valid KTP and the helpdesk checks the original. With the office's
"KTP first" setting off the Kasubag may grant a request before the desk has seen the card; the visitor is
then inside with the check still to make, and after the check-out it can no longer be made. The board's
summary must count that check as the desk's duty ("KTP perlu diperiksa"), and its section must hold the
visitor with the check at hand - the summary read "0 KTP perlu diperiksa" above a visitor inside whose KTP
nobody had seen."""
from __future__ import annotations

import re
from datetime import timedelta

from lpsedesk.extensions import db
from lpsedesk.models import Visit, utcnow

from .. import factories
from ..conftest import post_form

SECTION = re.compile(r'<section class="card" data-part="check-ktp">(.*?)</section>', re.S)


def _duty(page: str, key: str) -> int:
    found = re.search(rf'data-duty="{key}"><b>(\d+)</b>', page)
    assert found, key
    return int(found.group(1))


def _inside(name: str, *, checked: bool, desk_id: int) -> int:
    now = utcnow()
    visitor = factories.visitor(full_name=name, institution="CV Maju Jaya")
    extra = dict(ktp_checked_at=now - timedelta(minutes=40), ktp_checked_by_id=desk_id) if checked else {}
    return factories.visit("approved", visitor=visitor, submitted_at=now - timedelta(minutes=45),
                           decided_at=now - timedelta(minutes=30), approved_until=now + timedelta(hours=1),
                           decided_by_label="Bambang Wijaya", **extra).id


def test_a_visitor_inside_whose_ktp_was_never_checked_is_the_desks_ktp_to_check(app, client, make_user, login):
    desk_id = make_user("rina", "helpdesk")
    with app.app_context():
        unchecked = _inside("Slamet Riyadi", checked=False, desk_id=desk_id)
        _inside("Wati Susanti", checked=True, desk_id=desk_id)
    login("rina")
    page = client.get("/admin/board").get_data(as_text=True)
    assert _duty(page, "check-ktp") == 1, "one KTP left to check: the visitor inside whose card nobody saw"
    assert _duty(page, "inside") == 2
    section = SECTION.search(page).group(1)
    assert "Slamet Riyadi" in section and "Wati Susanti" not in section
    assert f"/admin/visits/{unchecked}/ktp-check" in section, "the check is at hand in the section"
    assert "Tidak ada KTP yang perlu diperiksa" not in section

    # the desk checks the original while the visitor is still inside: nothing is left to check
    assert post_form(client, f"/admin/visits/{unchecked}/ktp-check", {"next": "/admin/board"}).status_code == 302
    with app.app_context():
        assert db.session.get(Visit, unchecked).ktp_checked_at is not None
    page = client.get("/admin/board").get_data(as_text=True)
    assert _duty(page, "check-ktp") == 0
    assert "Tidak ada KTP yang perlu diperiksa" in SECTION.search(page).group(1)


def test_in_english_the_section_names_the_visitor_inside_too(app, client, make_user, login):
    desk_id = make_user("rina", "helpdesk")
    with app.app_context():
        _inside("Slamet Riyadi", checked=False, desk_id=desk_id)
    login("rina")
    page = client.get("/admin/board?lang=en").get_data(as_text=True)
    section = SECTION.search(page).group(1)
    assert "Slamet Riyadi" in section and "Inside now" in section
    assert "Check the original KTP before the visitor leaves" in section
    assert _duty(page, "check-ktp") == 1
