"""A visitor holding the KTP to the camera is not idle while the kiosk reads it, however long the
reading takes: on a busy kiosk PC the capture's reading (the OCR) can outlast the screen's idle
limit, and a kiosk that cleared the screen then threw away the visitor's card in mid-read (seen by
h44f on a loaded machine). Here the server's answer to a frame that follows a card is held back for
longer than the idle limit and its countdown together."""
from __future__ import annotations

import json

from lpsedesk import settings
from lpsedesk.extensions import db
from tests.kiosk.e2e_support import LANDSCAPE, enrol_page, ktp_video

IDLE_SECONDS = 5


def test_the_kiosk_waits_for_a_card_being_read_past_its_idle_limit(app, live_server, launch_browser, tmp_path):
    with app.app_context():
        settings.put(db.session, "kiosk_idle_seconds", IDLE_SECONDS)
        db.session.commit()
    video, _person = ktp_video(tmp_path / "ktp.y4m")
    page = enrol_page(app, launch_browser(fake_video=video), live_server, LANDSCAPE)
    seen, held = [], []

    def hold_after_a_card(route):
        if route.request.method != "POST" or held:
            route.continue_()
            return
        if seen:  # the frame after one that showed the card: its reading takes "long"
            held.append(route)
            return
        answer = route.fetch()
        guidance = (json.loads(answer.text() or "{}").get("guidance") or "no_card")
        if guidance != "no_card":
            seen.append(guidance)
        route.fulfill(response=answer)

    page.route("**/kiosk/api/v1/frames?*", hold_after_a_card)
    page.click("[data-action=checkin]")
    for _ in range(1200):  # the route runs while the page is asked something
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the camera never showed the card"
    # longer than the idle limit and its countdown (at most the limit again) together
    for _ in range(IDLE_SECONDS * 3 * 10):
        assert page.is_hidden("[data-idle]"), "the kiosk counted down while the card was being read"
        page.wait_for_timeout(100)
    assert page.get_attribute("body", "data-screen") == "ktp"
    held[0].continue_()
    page.unroute("**/kiosk/api/v1/frames?*")
