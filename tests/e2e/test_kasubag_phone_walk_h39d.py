"""h39d: the Kasubag and the helpdesk on a 360 px phone, walked as strangers (docs/staff.md, "Phone walk,
6 December (h39d)").

- A request whose original KTP the helpdesk has not checked (SOP 1 checks it before the Kasubag is asked;
  with "KTP first" off it reaches the queue anyway): at 360x640 the only word of it stood under the
  facts, below the sticky decision bar, while "Setujui" sat on the first screen. The card says it under
  the name, above the bar, where the thumb decides.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests import factories

from .axe import axe_source, violations
from .test_helpdesk_kasubag_stranger_h35k import IN_SIGHT, PHONES, SIDEWAYS, _show
from .test_staff_flow import close_pages
from .test_staff_screens_stranger_h36e import AGAINST_THE_BAR, _kasubag_reads, _server_room_request

# The task's words: what the Kasubag must read before approving someone the desk has not identified
UNCHECKED = {"id": "KTP asli belum diperiksa helpdesk", "en": "Original KTP not yet checked by the helpdesk"}


def _unchecked_among_three(app, make_user) -> int:
    """Three waiting (one for the server room, one checked), the third's KTP unchecked: its id."""
    _server_room_request(app, make_user)
    with app.app_context():
        return factories.visit("pending", submitted_at=datetime.now(timezone.utc), ktp_checked_at=None,
                               signature_key="sig/2026/12/" + "u" * 20,
                               visitor=factories.visitor(full_name="Joko Belum Diperiksa", nik="3373024107900033")).id


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_unchecked_ktp_is_said_on_the_first_screen_above_approve(app, live_server, browser, make_user, shot, lang):
    visit_id = _unchecked_among_three(app, make_user)
    for viewport in PHONES:
        where = f"{viewport['width']}x{viewport['height']} ({lang})"
        boss = _kasubag_reads(browser, live_server, viewport, lang, f"visit-{visit_id}")
        shot(boss, f"h39d-ktp-unchecked-{viewport['width']}-{lang}", full_page=False)
        card = boss.locator(f'[data-key="visit-{visit_id}"]')
        said = card.locator("[data-ktp-unchecked]")
        assert said.inner_text().strip() == UNCHECKED[lang], where
        seen = said.evaluate(IN_SIGHT)
        assert seen["whole"] and seen["touched"], f"{where}: the unchecked KTP is not on the first screen: {seen}"
        edge = said.evaluate(AGAINST_THE_BAR)
        assert edge["bottom"] <= edge["bar"] + 0.5, f"{where}: it runs under the decision bar: {edge}"
        assert said.evaluate("(el) => parseFloat(getComputedStyle(el).fontSize)") >= 16, where
        # said once on the card, not again further down
        assert card.get_by_text(UNCHECKED[lang], exact=True).count() == 1, where
        # a request the desk has checked says nothing of the kind
        _show(boss, f"visit-{visit_id - 1}")
        assert boss.locator(".req.current [data-ktp-unchecked]").count() == 0, where
        assert boss.evaluate(SIDEWAYS) <= 0, where
        assert violations(boss, axe_source()) == [], where
        close_pages(boss)
