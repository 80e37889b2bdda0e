"""A frame whose reading never ends does not hold the kiosk's idle timer off for ever (h44r).

The lead's rule (test_kiosk_idle_while_reading_lead44.py): a card held to the camera while its frame
is read is a visitor at work, however long a real reading takes. But the kiosk's requests have no
time limit of their own: a frame whose answer never comes (a hung server, a connection lost without
the browser noticing) held the idle timer off for good, and the visitor's half-filled screen stayed
up for the next person, where the idle reload used to bring the welcome screen back. The hold has a
limit; the kiosk's own is minutes long, so the idle timer is asked here with a short one."""
from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.kiosk.e2e_support import TABLET, enrol_page

pytestmark = pytest.mark.browser

# An idle timer of its own on the page (1 s screen limit, 1 s countdown, reading held 3 s at most),
# told a frame is being read and never that the reading ended.
_NEVER_ENDING_READ = """async () => {
  const { createIdle } = await import("/static/kiosk/js/idle.js");
  const { CAMERA_READING } = await import("/static/kiosk/js/camera.js");
  const box = document.createElement("div"), count = document.createElement("span");
  box.hidden = true;
  document.body.append(box, count);
  window.h44rExpired = null;
  const started = Date.now();
  createIdle({ box, count, said: null, sayText: "", countdownSeconds: 1, secondsFor: () => 1,
               currentScreen: () => "ktp", onExpire: () => { window.h44rExpired ??= Date.now() - started; },
               readingHoldSeconds: 3 });
  document.dispatchEvent(new CustomEvent(CAMERA_READING, { detail: { reading: true } }));
}"""


def test_a_reading_that_never_ends_lets_the_idle_timer_run_after_its_limit(app, live_server, browser):
    page = enrol_page(app, browser, live_server, TABLET)
    page.evaluate(_NEVER_ENDING_READ)
    # Asserts that something does NOT happen, so a time: without the hold the timer expires at 2 s
    # (its 1 s limit, then its 1 s countdown), so 2.5 s tells a held timer from one that is not.
    page.wait_for_timeout(2500)
    assert page.evaluate("window.h44rExpired") is None, "the reading was not held while it was short"
    try:
        page.wait_for_function("() => window.h44rExpired !== null", timeout=15000)
    except PlaywrightTimeout:
        pass  # said by the assertion below
    # held 3 s, then the 1 s limit and the 1 s countdown (the timer ticks once a second)
    expired = page.evaluate("window.h44rExpired")
    assert expired is not None, "a reading that never ended held the idle timer off for good"
    assert 4000 <= expired <= 9000
