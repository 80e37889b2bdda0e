"""h36e: small things a stranger trips on at the staff screens, walked on a phone (360x640, 390x844).

- A server-room request on the Kasubag's queue: its decision bar, sticky at the screen's bottom, carried
  the escort picker above Refuse and Approve (some 180 px of a 640 px screen) and covered the card's
  purpose and facility: the Kasubag could not read what they were approving. Opened on the phone, the
  card's name, purpose and area stand whole above the bar.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk import settings
from lpsedesk.extensions import db
from tests import factories

from .axe import axe_source, violations
from .settle import settled
from .test_helpdesk_kasubag_stranger_h35k import IN_SIGHT, PHONES, SIDEWAYS, _open_queue, _show, _waiting
from .test_staff_flow import close_pages
from .test_staff_phone_stranger import _phone

# docs/restricted.md: the server room is a facility the Admin marks restricted in the office settings
SERVER_ROOM = {"key": "server_room", "id": "Ruang server", "en": "Server room", "restricted": True}
PURPOSE = {"id": "Pemeriksaan/audit", "en": "Inspection/audit"}

# Where the element stands against the top edge of the card's decision bar (sticky at the bottom)
AGAINST_THE_BAR = """(el) => { const bar = el.closest('.req').querySelector('[data-decide]').getBoundingClientRect();
  return {bottom: el.getBoundingClientRect().bottom, bar: bar.top}; }"""


def _server_room_request(app, make_user) -> int:
    """The Kasubag Bambang, the helpdesk's Rina (an escort to pick), a visitor waiting and, after them, a
    request for the server room: its id."""
    make_user("bambang", "kasubag", name="Bambang Wijaya")
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    now = datetime.now(timezone.utc)
    with app.app_context():
        facilities = list(settings.get(db.session, "facilities"))
        settings.put(db.session, "facilities", facilities + [SERVER_ROOM])
        db.session.commit()
        _waiting(full_name="Dewi Sintetis", nik="3373024107900011")
        return factories.visit("pending", facility="server_room", purpose="audit", restricted=True, devices_none=True,
                               submitted_at=now - timedelta(minutes=3), ktp_checked_at=now,
                               signature_key="sig/2026/12/" + "v" * 20,
                               visitor=factories.visitor(full_name="Wahyu Teknisi Server", nik="3373024107900088")).id


def _kasubag_reads(browser, live_server, viewport, lang: str, key: str):
    """The Kasubag's phone on the queue, the request `key` on screen."""
    page = _phone(browser, live_server, "bambang", viewport)
    _open_queue(page, live_server, lang)
    _show(page, key)
    settled(page)
    return page


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_server_room_request_on_the_phone_shows_who_why_and_where_above_its_decision_bar(
        app, live_server, browser, make_user, shot, lang):
    visit_id = _server_room_request(app, make_user)
    for viewport in PHONES:
        boss = _kasubag_reads(browser, live_server, viewport, lang, f"visit-{visit_id}")
        where = f"{viewport['width']}x{viewport['height']} ({lang})"
        shot(boss, f"h36e-server-room-card-{viewport['width']}-{lang}", full_page=False)
        card = boss.locator(f'[data-key="visit-{visit_id}"]')
        decisive = {"name": card.locator(".reqhead .name"),
                    "purpose": card.locator(".facts dd", has_text=PURPOSE[lang]),
                    "area": card.locator(".facts dd", has_text=SERVER_ROOM[lang])}
        for what, element in decisive.items():
            assert element.count() == 1, f"{where}: no {what} on the card"
            seen = element.evaluate(IN_SIGHT)
            assert seen["whole"] and seen["touched"], f"{where}: the {what} is out of sight or covered: {seen}"
            edge = element.evaluate(AGAINST_THE_BAR)
            assert edge["bottom"] <= edge["bar"] + 0.5, f"{where}: the {what} runs under the decision bar: {edge}"
        assert boss.evaluate(SIDEWAYS) <= 0, where
        assert violations(boss, axe_source()) == [], where
        close_pages(boss)
