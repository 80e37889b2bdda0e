/* Field errors beside their fields, all of a screen's at once, and the screen's summary line that
   lives only as long as some field is still marked. */
import { $, $$ } from "./util.js";

function fieldOf(el) { return el.closest(".k-field, .k-recall, .k-two > div"); }

export function showErrors(scope, fields, summary) {
  clearErrors(scope);
  let first = null;
  const said = [];
  for (const [name, message] of Object.entries(fields || {})) {
    const el = $(`[data-error-for="${name}"]`, scope);
    if (!el) continue;
    el.textContent = message;
    said.push(el);
    const field = fieldOf(el);
    if (field) field.classList.add("k-invalid");
    const input = field && field.querySelector("input, textarea, canvas");
    if (input) input.setAttribute("aria-invalid", "true");
    const here = field || el;
    // the first on the screen, whatever order the server listed them in
    if (!first || (here.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)) first = here;
  }
  const box = $("[data-form-error], [data-submit-error], [data-find-error]", scope);
  if (box) box.textContent = first ? (summary || "") : "";
  if (first) {
    // The action bar (and the on-screen keyboard) stick to the bottom of the screen and covered what
    // sits just above them: on the rules screen the summary line and the error under the tick box
    // were both hidden. Bring the summary above the bar (its scroll-margin in kiosk.css), then the
    // first marked field, if that scrolled away.
    if (box && box.textContent) box.scrollIntoView({ block: "nearest" });
    // ux11: with the on-screen keyboard open its keys went on typing into the field last tapped
    // while the screen showed another field's error, its label under the screen's sticky heading.
    // The keyboard now moves to the first marked field, which keyboard.js shows under the heading.
    // ux13: the other marked fields' messages are shown with it (keyboard.js), not left under the bar.
    const typed = document.body.classList.contains("k-osk-open") && first.querySelector("[data-osk]");
    const others = said.filter((el) => !first.contains(el));
    if (typed === document.activeElement) keepTypedInSight(others);
    else if (typed) { typed.focus({ preventScroll: true }); keepTypedInSight(others); }
    else first.scrollIntoView({ block: "nearest" });
  }
  return !!first;
}

/* The field being typed on the on-screen keyboard, with its message and its form's own button, back
   between the screen's heading and the keyboard (keyboard.js listens). */
export function keepTypedInSight(also = []) {
  document.dispatchEvent(new CustomEvent("k-reveal", { detail: { also } }));
}

export function clearErrors(scope) {
  $$("[data-error-for]", scope).forEach((el) => { el.textContent = ""; });
  $$(".k-invalid", scope).forEach((el) => el.classList.remove("k-invalid"));
  $$("[aria-invalid]", scope).forEach((el) => el.removeAttribute("aria-invalid"));
  const box = $("[data-form-error], [data-submit-error], [data-find-error]", scope);
  if (box) box.textContent = "";
  $$("[data-closed-home]", scope).forEach((el) => { el.hidden = true; });
}

/* A problem of the whole screen, not of a field (no connection; the office has closed): said on the
   screen's line and brought into view above the action bar and the keyboard (ux7). ux8: when the
   office has closed, the "Back to the start" button beside the line shows: there is no going on. */
export function sayScreenProblem(box, data, fallback) {
  box.textContent = data.message || fallback;
  const home = $("[data-closed-home]", box.parentElement);
  if (home) home.hidden = data.error !== "office_closed";
  box.parentElement.scrollIntoView({ block: "nearest" });
}

/* The visitor fixed one field: its error goes, and the summary goes with the last one. */
export function clearField(scope, errorName) {
  const el = $(`[data-error-for="${errorName}"]`, scope);
  if (!el) return;
  el.textContent = "";
  const field = fieldOf(el);
  if (field) {
    field.classList.remove("k-invalid");
    const input = field.querySelector("[aria-invalid]");
    if (input) input.removeAttribute("aria-invalid");
  }
  if (!$(".k-invalid", scope)) {
    const box = $("[data-form-error], [data-submit-error], [data-find-error]", scope);
    if (box) box.textContent = "";
  }
}
