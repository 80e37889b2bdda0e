/* Idle: after a screen's own timeout without a touch, a countdown, then onExpire (a clean reload).
   secondsFor(screen) says how long each screen may sit untouched; null means forever (the welcome
   screen). While the countdown shows, only its button (or a card or ticket shown to a camera, see
   camera.js) brings the visitor back. */
import { CAMERA_ACTIVITY } from "./camera.js";

export function createIdle({ box, count, countdownSeconds, secondsFor, currentScreen, onExpire }) {
  let lastActive = Date.now(), left = null;

  function touch() {
    lastActive = Date.now();
    if (left !== null) { left = null; box.hidden = true; }
  }

  setInterval(() => {
    const limit = secondsFor(currentScreen());
    if (limit == null) { touch(); return; }
    const idleFor = (Date.now() - lastActive) / 1000;
    if (left === null && idleFor >= limit) {
      left = countdownSeconds;
      box.hidden = false;
    } else if (left !== null) {
      left -= 1;
    }
    if (left !== null) {
      count.textContent = String(Math.max(0, left));
      if (left <= 0) onExpire();
    }
  }, 1000);

  for (const type of ["pointerdown", "keydown", "input"]) {
    document.addEventListener(type, (e) => {
      if (left !== null && !(e.target.closest && e.target.closest("[data-idle]"))) return;
      touch();
    }, true);
  }
  document.addEventListener(CAMERA_ACTIVITY, touch);
  return { touch };
}
