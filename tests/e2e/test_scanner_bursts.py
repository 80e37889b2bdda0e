"""A USB barcode scanner (keyboard wedge) at the kiosk: it types a code as one fast burst of keys and
Enter. CI once lost a scan on a loaded 2-core machine: the browser was held back for a moment in the
middle of the burst and the kiosk took the rest for a person typing. One late key must not lose a
scan, and a person typing - however quick their fingers now and then - must never be taken for one."""
from __future__ import annotations

import pytest

from tests.kiosk.e2e_support import TABLET, enrol_page

from .test_invitations import training

pytestmark = pytest.mark.browser

# The kiosk's own rule, asked in the browser with key times in ms (the last figure is Enter's).
_JUDGE = """async ([times, at]) => {
  const scanner = await import("/static/kiosk/js/scanner.js");
  return scanner.burstStart(times, at);
}"""

# A wedge that waits `pause_ms` after the `pause_after`-th key, as a busy PC's stall would.
_STALLED_WEDGE = """async ([text, pauseAfter, pauseMs]) => {
  const keys = [...text, "Enter"];
  for (let i = 0; i < keys.length; i++) {
    if (i === pauseAfter) await new Promise((r) => setTimeout(r, pauseMs));
    const key = keys[i];
    const target = document.activeElement || document.body;
    target.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true, composed: true}));
    target.dispatchEvent(new KeyboardEvent("keyup", {key, bubbles: true, composed: true}));
  }
}"""


def keys_at(*gaps: float, start: float = 1000.0) -> list[float]:
    """Key times from the gaps between them."""
    times = [start]
    for gap in gaps:
        times.append(times[-1] + gap)
    return times


@pytest.fixture
def kiosk_page(app, live_server, browser):
    return enrol_page(app, browser, live_server, TABLET)


def judge(page, times: list[float], enter_gap: float) -> int:
    return page.evaluate(_JUDGE, [times, times[-1] + enter_gap])


def test_a_scanner_burst_is_a_scan_even_with_one_key_held_back_by_a_busy_pc(kiosk_page):
    steady = keys_at(*[5] * 11)  # 12 keys 5 ms apart
    assert judge(kiosk_page, steady, 5) == 0
    stalled = keys_at(*[5] * 5, 250, *[5] * 5)  # the PC stalls for a quarter second in the middle
    assert judge(kiosk_page, stalled, 5) == 0
    late_enter = keys_at(*[5] * 11)
    assert judge(kiosk_page, late_enter, 200) == 0


def test_a_person_typing_is_never_a_scan(kiosk_page):
    assert judge(kiosk_page, keys_at(*[150] * 11), 150) == -1  # steady typing
    assert judge(kiosk_page, keys_at(30, 200, 30, 200, 30, 200, 30), 200) == -1  # fast pairs of keys
    assert judge(kiosk_page, keys_at(*[5] * 4), 5) == -1  # too short for any code the kiosk knows
    assert judge(kiosk_page, keys_at(*[5] * 11), 600) == -1  # Enter long after: a person pressed it


def test_only_the_burst_counts_when_a_person_typed_just_before(kiosk_page):
    typed_then_scanned = keys_at(150, 150, 150, 1000, *[5] * 9)  # 4 typed keys, a pause, a 10-key scan
    assert judge(kiosk_page, typed_then_scanned, 5) == 4


def test_an_invitation_scanned_while_the_pc_stalls_mid_burst_still_opens_the_guest_book(app, live_server, browser):
    _inv_id, code = training(app, nik="3373024107900001", name="Sari Uji Coba")
    page = enrol_page(app, browser, live_server, TABLET)
    page.evaluate(_STALLED_WEDGE, [code, len(code) // 2, 150])
    page.wait_for_selector("[data-screen=ktp]:not([hidden])")
    page.wait_for_selector("[data-invitation]:not([hidden])")
    assert page.input_value("input[name=invitation]") == code
