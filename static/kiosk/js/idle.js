/* Idle: after a screen's own timeout without a touch, a countdown, then onExpire (a clean reload).
   secondsFor(screen) says how long each screen may sit untouched; null means forever (the welcome
   screen). While the countdown shows, only its button (or a card or ticket shown to a camera, see
   camera.js) brings the visitor back, with everything entered still in place.
   ux6: a screen reader hears the warning politely when it starts and once more 10 s before the end
   (`said`, a live region outside the box), never every second; the focus moves to the button and
   comes back to the field the visitor was in. onWarn() is called as the warning starts. */
import { CAMERA_ACTIVITY, CAMERA_READING } from "./camera.js";

const SAY_AGAIN_AT = 10;
/* A frame's reading holds the idle timer off for this long at most. The kiosk's fetch has no time
   limit of its own, so a frame whose answer never comes (a hung server, a lost connection the
   browser has not noticed) would otherwise hold it off for ever: the kiosk would keep the visitor's
   screen until someone touched it, where the idle reload used to bring the welcome back. Longer
   than a capture's reading on a loaded machine (the browser tests allow it 120 s). */
export const READING_HOLD_SECONDS = 180;

export function createIdle({ box, count, said, sayText, countdownSeconds, secondsFor, currentScreen, onExpire,
                             onWarn = () => {}, readingHoldSeconds = READING_HOLD_SECONDS }) {
  let lastActive = Date.now(), left = null, before = null, readingSince = null;
  const button = box.querySelector("[data-action=idle-continue]");

  function say(n) { if (said) said.textContent = sayText.replace("{n}", String(n)); }

  function touch() {
    lastActive = Date.now();
    if (left === null) return;
    left = null; box.hidden = true;
    if (said) said.textContent = "";
  }

  /* "I am still here": back to the field the visitor was in (after the button's own click, which
     would take the focus again). */
  function resume() {
    touch();
    if (before && before.isConnected && before !== document.body) before.focus({ preventScroll: true });
    before = null;
  }

  setInterval(() => {
    const limit = secondsFor(currentScreen());
    // a card held to the camera while its frame is read is a visitor at work (camera.js), for a while
    const reading = readingSince !== null && Date.now() - readingSince < readingHoldSeconds * 1000;
    if (limit == null || reading) { touch(); return; }
    const idleFor = (Date.now() - lastActive) / 1000;
    if (left === null && idleFor >= limit) {
      left = countdownSeconds;
      // h46e: before the warning shows, what would hide it goes (an open question, main.js), so the
      // focus to come back to is where that question leaves it
      onWarn();
      before = document.activeElement;
      box.hidden = false;
      if (button) button.focus({ preventScroll: true });
      say(left);
    } else if (left !== null) {
      left -= 1;
      if (left === SAY_AGAIN_AT && countdownSeconds > SAY_AGAIN_AT) say(left);
    }
    if (left !== null) {
      count.textContent = String(Math.max(0, left));
      if (left <= 0) onExpire();
    }
  }, 1000);

  for (const type of ["pointerdown", "keydown", "input"]) {
    document.addEventListener(type, (e) => {
      // While the warning shows, only its button's click ends it (resume): hiding the box on the
      // press would drop the click under the finger and leave the focus nowhere.
      if (left !== null) return;
      touch();
    }, true);
  }
  document.addEventListener(CAMERA_ACTIVITY, touch);
  document.addEventListener(CAMERA_READING, (e) => {
    if (!(e.detail && e.detail.reading)) readingSince = null;
    else if (readingSince === null) readingSince = Date.now();
  });
  return { touch, resume };
}
