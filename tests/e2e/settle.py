"""Waiting in browser tests for a state the page is in, never for a time (h45w).

A fixed `wait_for_timeout(300)` before a measurement or a screenshot assumed a fast machine: on CI's
two loaded cores a frame can take longer than that, and the test measured a page still moving. What
those waits meant is named here: the page is still.
"""
from __future__ import annotations

import itertools

# Still: the document and its fonts and pictures loaded, a shown camera's picture playing, no CSS animation or transition running (a
# spinner's endless turn aside), and nothing that moves the page (a scroll, in the page or in a box
# inside it; the window's or visual viewport's size; the page's height; where the focused element
# stands) changed over `frames` animation frames in a row. The kiosk's own moves (keyboard.js,
# errors.js, form.js) happen at once or one or two frames after what caused them, however slow the
# machine, so counting frames, not milliseconds, waits as long as a slow machine needs.
_STILL = """([token, frames]) => {
  const finite = (a) => a.playState === "running" && a.effect && a.effect.getComputedTiming().iterations !== Infinity;
  const busy = document.readyState !== "complete" || document.fonts.status !== "loaded"
    || [...document.images].some((img) => !img.complete) || document.getAnimations().some(finite)
    || [...document.querySelectorAll("video")].some((v) => v.srcObject && v.offsetParent !== null && v.readyState < 2);
  const focused = document.activeElement ? document.activeElement.getBoundingClientRect() : {top: 0, left: 0};
  const vv = window.visualViewport || {offsetTop: 0, height: 0};
  const boxes = [...document.querySelectorAll("*")].filter((e) => e.scrollTop || e.scrollLeft)
    .map((e) => e.scrollTop + "," + e.scrollLeft);
  const now = [scrollX, scrollY, innerWidth, innerHeight, vv.offsetTop, vv.height,
               document.scrollingElement.scrollHeight, focused.top, focused.left, ...boxes].join(" ");
  const was = window.__still;
  if (busy || !was || was.token !== token || was.now !== now) {
    window.__still = {token, now, count: 0};
    return false;
  }
  was.count += 1;
  return was.count >= frames;
}"""

_tokens = itertools.count()


def settled(page, frames: int = 3, timeout: float = 30000) -> None:
    """Wait until `page` is still (see _STILL): what a test measures or photographs has stopped moving."""
    page.wait_for_function(_STILL, arg=[next(_tokens), frames], polling="raf", timeout=timeout)
