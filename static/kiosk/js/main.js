/* The visitor kiosk: every screen on one page, as ES modules (no build step, no global state).
   This module builds the parts, hands each what it needs, and owns the one click handler that maps
   a button's data-action to what it does (so there is one print handler, one "start over").
   Leaving the visitor's path (Finish, Start over, idle) reloads the page, so nothing of one visitor
   is left in the DOM, a canvas or a variable for the next. */
import { createApi } from "./api.js";
import { createCapture } from "./capture.js";
import { createCheckout } from "./checkout.js";
import { createDevices } from "./devices.js";
import { createFrames } from "./frames.js";
import { ask, dismiss } from "./dialog.js";
import { keepTypedInSight } from "./errors.js";
import { createForm } from "./form.js";
import { createIdle } from "./idle.js";
import { createInvitation, isInvitation } from "./invitation.js";
import { installKeyboard } from "./keyboard.js";
import { createRules } from "./rules.js";
import { installScanner } from "./scanner.js";
import { createScreens, LANG_KEEPS } from "./screens.js";
import { createSurvey } from "./survey.js";
import { createTicket } from "./ticket.js";
import { $, digits, newId, root } from "./util.js";

const cfg = JSON.parse(root.dataset.config);
const T = cfg.messages;
// a photo is the one thing the kiosk sends that can be too large (signatures and frames are small)
const api = createApi(cfg.api, document.querySelector('meta[name="csrf-token"]').content, T.network,
                      T.photo_too_large);
const frames = createFrames(api, document.documentElement.lang);
const screens = createScreens();
const keyboard = installKeyboard($("[data-osk-panel]"));

/* What this visitor has given so far; owned here, lent to the check-in parts, gone with the reload. */
const visitor = { scanSession: newId(), capture: null, pendingPhoto: null, noPhoto: false, codes: [] };

function leaveFor(url) {
  // A full reload is the surest way to forget everything on the page (fields, images, canvas).
  if (visitor.scanSession) api("/scan/" + visitor.scanSession, { method: "DELETE", keepalive: true });
  ticket.stop();
  window.location.replace(url);
}
function goHome() { leaveFor(cfg.home); }
// h28u: "Back" from the ways out (check-out, finding a visit, choosing a name) is the same visitor
// changing their mind: the start screen again in the language they chose. Finish, start over and the
// idle timeout are for the next visitor, in the kiosk's own language (goHome).
function backToStart() { leaveFor(cfg.start); }

// The devices step (issue 15) joins the form after "what" for a restricted facility only.
const steps = {};
const form = createForm({ api, T, screens, steps, keyboard });
const devices = createDevices({ api, T, screens, form, restricted: cfg.restricted_facilities || [] });
Object.assign(steps, {
  afterWhat: () => (devices.needed() ? "devices" : "rules"),
  extra: () => devices.answer(),
  devices: () => devices.next(),
});
const invitation = createInvitation({ api, form, T });
const capture = createCapture({
  api, frames, T, visitor, maxUploadBytes: cfg.upload_max_bytes, onCaptured: (c) => form.prefillFromCard(c),
  onCode: (text) => isInvitation(text) && (invitation.use(text), true),
});
const ticket = createTicket({ api, cfg, T, screens, onDecided: () => idle.touch() });
const rules = createRules({ api, T, visitor, form, capture, screens, onSubmitted: (s) => ticket.show(s) });
/* The SKM survey after check-out: offered on the "done" screen, answered on its own screen. */
const survey = (() => {
  let surveyTicket = null;
  const box = createSurvey({
    root: $("[data-survey]"), networkMessage: T.network, onDone: () => goHome(),
    onThanks: () => setTimeout(() => { if (screens.current() === "survey") goHome(); }, 10000),
    submit: (payload) => api("/visits/" + encodeURIComponent(surveyTicket) + "/survey", { method: "POST", json: payload }),
  });
  return {
    offer(code) { surveyTicket = code; $("[data-survey-offer]").hidden = !code; },
    start() { box.start(); screens.show("survey"); },
  };
})();
const checkout = createCheckout({ api, cfg, T, screens, ticket, goHome, sendFrame: scanFrame, survey });
const idle = createIdle({
  box: $("[data-idle]"), count: $("[data-idle-count]"), countdownSeconds: cfg.countdown_seconds,
  said: $("[data-idle-said]"), sayText: T.idle_said,
  currentScreen: screens.current, onExpire: goHome,
  // h46e: an open question ("Ulang dari awal?", "Ganti ke English?") is a modal <dialog> in the browser's
  // top layer, over the warning: the visitor who hesitated over it saw no countdown and could not reach
  // "Saya masih di sini", and the screen was cleared unannounced. It is answered "no", as Escape would
  // (nothing is lost), and the warning shows.
  onWarn: () => document.querySelectorAll("dialog[data-dialog][open]").forEach((d) => dismiss(d.dataset.dialog)),
  secondsFor: (screen) => (screen === "welcome" ? null : screen === "ticket" ? ticket.idleSeconds() : cfg.idle_seconds),
});

/* A camera frame for the check-out and find screens, in their own scan session. */
function scanFrame(blob, mode, session, taken) {
  return frames(blob, mode, session || visitor.scanSession || newId(), false, null, taken);
}

screens.onEnter("ktp", () => capture.start());
screens.onLeave("ktp", () => capture.stop());
screens.onChange(() => { keyboard.hide(); idle.touch(); });

function sameAsLastTime() {
  const scope = $("[data-returning]");
  const input = $("input[name=returning_last4]", scope);
  const err = $("[data-error-for=returning_last4]", scope);
  // h31k: the message stands under the field's row, where the number pad still open covered it (the
  // visitor saw nothing happen): the keyboard shows it, or closes when it cannot (errors.js keepTypedInSight)
  const say = (text) => {
    err.textContent = text;
    keepTypedInSight([err]);
  };
  const last4 = digits(input.value);
  if (last4.length !== 4) { say(T.last4); return; }
  err.textContent = "";
  form.recall(form.nik() || (visitor.capture && visitor.capture.nik) || "", last4)
    .then(() => screens.show("what"), (e) => { say(e.message); });
}

/* ux7: outside office hours there is no check-in to start (the server refuses one too); "Leave"
   stays. The page reloads on the welcome screen when the office opens or closes. */
const mayCheckIn = cfg.office_open !== false;
function startCheckin() { if (mayCheckIn) screens.show("ktp"); }
setTimeout(function officeChanged() {
  if (screens.current() === "welcome") goHome(); else setTimeout(officeChanged, 30000);
}, cfg.office_changes_in * 1000);

/* h46g: what "Ulang dari awal" would throw away: "entered" (anything typed, chosen or signed by the
   visitor, or read from an ID's code), "photo" (a KTP photo, nothing more: what it filled in came with
   it) or "" (nothing: the start screen touched by mistake). The boxes the visitor changed by hand are
   those an input or change event came from (the on-screen keyboard sends them too; what the card and an
   invitation fill in does not); one typed and emptied again holds nothing. */
const CHECKIN_SCREENS = ["ktp", "who", "from", "what", "devices", "rules"];
const touchedBoxes = new Set();
for (const name of CHECKIN_SCREENS) {
  const section = $(`section[data-screen="${name}"]`);
  if (!section) continue;
  for (const type of ["input", "change"]) {
    section.addEventListener(type, (e) => {
      if (e.target.matches("input:not([type=file]), textarea, select")) touchedBoxes.add(e.target);
    });
  }
}
function holds(box) { return ["radio", "checkbox"].includes(box.type) ? box.checked : !!box.value.trim(); }
function given() {
  if ([...touchedBoxes].some(holds) || rules.signed() || visitor.codes.length) return "entered";
  return visitor.capture || visitor.pendingPhoto ? "photo" : "";
}
/* Throwing away what the visitor gave takes a second tap, in words that name what there is; nothing
   given, nothing to ask. `empty` is where to go then (the start in the visitor's language for Kembali). */
function startOver(empty) {
  const what = given();
  if (!what) { empty(); return; }
  $("[data-start-over-entered]").hidden = what !== "entered";
  $("[data-start-over-photo]").hidden = what !== "photo";
  ask("start-over").then((yes) => { if (yes) goHome(); });
}

const actions = {
  checkin: startCheckin,
  checkout: () => screens.show("checkout"),
  "find-answer": () => checkout.openFind("answer"),
  "find-checkout": () => checkout.openFind("checkout"),
  inside: () => checkout.openInside(),
  "inside-confirm": () => checkout.confirmInside(),
  "confirm-checkout": () => checkout.confirmCheckout(),
  "withdraw-ask": () => checkout.askWithdraw(),
  "ticket-withdraw": () => checkout.askWithdraw(ticket.visit(), ticket.withdrawRefused),
  "survey-start": () => survey.start(),
  capture: () => capture.takeNow(),
  retake: () => capture.retake(),
  "keep-photo": () => capture.keepPhoto(),
  "no-photo": () => { if (capture.withoutPhoto()) screens.show("who"); },
  "same-as-last": sameAsLastTime,
  "to-who": () => screens.show("who"),
  "back-ktp": () => screens.show("ktp"),
  "back-who": () => screens.show("who"),
  "back-from": () => screens.show("from"),
  "back-what": () => screens.show(screens.current() === "rules" && devices.needed() ? "devices" : "what"),
  recall: () => form.recallHere(),
  "clear-signature": () => rules.clearSignature(),
  submit: () => rules.submit(),
  print: () => window.print(),
  "idle-continue": () => idle.resume(),
  "home-now": goHome,
  "to-start": backToStart,
  home: () => startOver(goHome),
  // h46g: the KTP screen's Kembali: a touch on the start screen by mistake, undone without a question
  "ktp-back": () => startOver(backToStart),
  // ux16: the other language half-way through: the kiosk starts again in it, asked first in both
  "lang-switch": () => (LANG_KEEPS.includes(screens.current()) ? switchKeeping() : ask("lang-switch").then((yes) => {
    if (yes) leaveFor(document.querySelector(".k-top [data-action=lang-switch]").href);
  })),
  // ux8: the office closed while this visitor filled the guest book; nothing can be sent, so no
  // "are you sure": the start screen says the office is closed and still offers Leave.
  "closed-home": goHome,
  // Leaving before the answer: say where the answer can be found again.
  finish: () => (ticket.status() === "pending" ? ask("leave-pending") : Promise.resolve(true))
    .then((yes) => { if (yes) goHome(); }),
};

document.addEventListener("click", (e) => {
  const b = e.target.closest("[data-action]");
  if (!b || !actions[b.dataset.action] || b.type === "submit") return;
  e.preventDefault();
  actions[b.dataset.action]();
});

/* h46e: the browser's own Back (a sideways swipe on a touchscreen, a mouse's back button) left the kiosk's
   page for the one before it: after enrolment the enrolment form with its code, a staff page, and the
   visitor's screen gone unasked. Now it is the screen's own "Kembali" where the screen has one, and
   nothing where it has none (the start, the ticket; h46g: the KTP screen has one now). Chromium's Back skips a history entry that
   a page added without a touch (its guard against pages that trap Back), so the entry is added at a
   tap, one at a time. */
const BACK_ACTIONS = ["back-ktp", "back-who", "back-from", "back-what", "to-start", "ktp-back"];
// h48d: two swipes in the same moment (or a second one while the first's screen loads) passed the one
// entry the page held and reached the page before the kiosk. The page keeps HELD entries of its own
// ahead of where it was loaded, and tops them up after each Back.
const HELD = 3;
function holdBack(from) { for (let depth = from + 1; depth <= HELD; depth++) history.pushState({ kioskBack: depth }, ""); }
let backHeld = false;
document.addEventListener("click", () => {
  if (!backHeld) { holdBack(0); backHeld = true; }
}, true);
window.addEventListener("popstate", (e) => {
  // h47c: the entries are put back at once, so a second swipe with no tap between meets one of the
  // kiosk's own again. After the first tap the page has the touch Chromium asks for, so these entries
  // are not skipped.
  holdBack(Number.isInteger(e.state?.kioskBack) ? e.state.kioskBack : 0);
  const section = $(`section[data-screen="${screens.current()}"]`);
  const back = section && [...section.querySelectorAll("[data-action]")]
    .find((b) => BACK_ACTIONS.includes(b.dataset.action) && b.offsetParent !== null);
  if (back) actions[back.dataset.action]();
});

// A kiosk page reached by Back goes forward again at once: hold_back.js, in the page's head.

// "Touch the screen to begin": a touch anywhere on the welcome screen but its other buttons and
// links starts the check-in.
$("[data-screen=welcome]").addEventListener("click", (e) => {
  if (e.target.closest("a, button, [data-action], .k-privacy")) return;
  startCheckin();
});

installScanner((text) => {
  idle.touch();
  const at = screens.current();
  if (isInvitation(text) && mayCheckIn && ["welcome", "ktp", "who", "from", "what", "checkout"].includes(at)) {
    if (at === "welcome" || at === "checkout") screens.show("ktp");
    invitation.use(text);
    return;
  }
  if (at === "ktp" || at === "who" || at === "from" || at === "what") { capture.noteCodes([text]); return; }
  if (["welcome", "checkout", "checkout-confirm", "checkout-done", "withdraw-done"].includes(at)) {
    if (at === "welcome") screens.show("checkout");
    checkout.lookupTicket(text);
  }
});

/* h47g: on the ways out (Keluar, Keluar tanpa tiket, Pilih nama Anda) the other language is the same screen
   in it, with what was typed: nothing there is sent before the visitor asks, so nothing needs asking.
   The page is reloaded in the other language (its words come from the server); what was typed crosses
   in the tab's sessionStorage and is deleted as the next page reads it. */
const CARRIED = "kiosk-lang-carry";
function switchKeeping() {
  sessionStorage.setItem(CARRIED, JSON.stringify(checkout.typed()));
  leaveFor(document.querySelector(".k-top [data-action=lang-switch]").href);
}
function carried() {
  const text = sessionStorage.getItem(CARRIED);
  sessionStorage.removeItem(CARRIED);
  try { return text && JSON.parse(text); } catch { return null; }
}

if (cfg.slip_format === "none") $("[data-action=print]").hidden = true;
screens.show("welcome");
const kept = carried();
if (kept && LANG_KEEPS.includes(kept.screen)) {
  checkout.restore(kept);
  // h48d: the visitor chose this language on a way out, never shown the start screen's note that the kiosk
  // goes back to its own language: said once, on this screen (the done screens say it again as it happens)
  // ("Show my answer and ticket" is no way out: its ticket screen says it beside "Selesai")
  const note = $(`section[data-screen="${kept.screen}"] [data-lang-note-once]`);
  if (note && (kept.screen !== "find" || kept.findMode === "checkout")) note.hidden = false;
}
document.body.dataset.ready = "1";
