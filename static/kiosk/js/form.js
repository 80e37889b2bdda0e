/* Steps 2-4: the guest book as three short screens (who you are, where you come from, what you come
   for). Each screen asks the server to check the whole entry (validate_only) and shows the problems
   of its own fields, all at once, beside them; the next screen opens when they are all fine. */
import { showErrors, clearField, sayScreenProblem, keepTypedInSight } from "./errors.js";
import { nikUnread } from "./nik_unread.js";
import { $, $$, digits, withDigitsTyped } from "./util.js";

export const FORM_SCREENS = {
  who: ["nik", "full_name", "phone", "email"],
  from: ["institution", "category"],
  what: ["purpose", "purpose_detail", "facility", "planned_minutes"],
};

/* `steps` may add screens after "what" (issue 15: the devices step): afterWhat() names the next
   screen, extra() what those screens add to the request, and steps[screen]() moves on from one. */
export function createForm({ api, T, screens, steps = {}, keyboard = null }) {
  const form = $("[data-form]");

  function val(name) {
    const el = form.elements[name];
    return el ? String(el.value || "").trim() : "";
  }

  function data() {
    return {
      nik: digits(val("nik")), full_name: val("full_name"), phone: val("phone"),
      email: val("email"), institution: val("institution"), category: val("category"),
      purpose: val("purpose"), purpose_detail: val("purpose_detail"), facility: val("facility"),
      planned_minutes: parseInt(val("planned_minutes"), 10) || null,
      invitation: val("invitation"),
      ...(steps.extra ? steps.extra() : {}),
    };
  }

  function screenOf(field) {
    return Object.keys(FORM_SCREENS).find((s) => FORM_SCREENS[s].includes(field));
  }

  /* Server field errors after a submit: open the first screen that has any and mark them all. */
  function showServerErrors(fields, message, codes) {
    const first = Object.keys(FORM_SCREENS).find((s) => FORM_SCREENS[s].some((f) => fields[f]));
    if (!first) return false;
    screens.show(first);
    showErrors($(`[data-screen=${first}]`), pick(fields, first), message);
    showWayToTheWaitingOne(codes);
    return true;
  }

  /* h23v: "a request with this NIK already waits: touch Start over, then Show my answer and ticket"
     is no typing mistake: the keyboard closes (the NIK box keeps the focus, a screen reader says the
     message) and the screen goes back to its top, where Start over is, with the message under it. */
  function showWayToTheWaitingOne(codes) {
    if (!codes || codes.nik !== "nik_waiting") return;
    if (keyboard) keyboard.hide(true);
    requestAnimationFrame(() => window.scrollTo({ top: 0 }));
  }

  function pick(fields, screen) {
    const out = {};
    for (const f of FORM_SCREENS[screen]) if (fields[f]) out[f] = fields[f];
    return out;
  }

  function next(screen, target) {
    const scope = $(`[data-screen=${screen}]`);
    const payload = data();
    payload.validate_only = true;
    payload.check_fields = FORM_SCREENS[screen];  // h23v: 200 with this step's problems, no 400 for later ones
    return api("/visits", { method: "POST", json: payload }).then((res) => {
      const mine = pick(res.data.fields || {}, screen);
      if (!res.ok && !res.data.fields) {  // no connection, or something unexpected: say it here
        showErrors(scope, {}, "");
        // ux7 (e.g. "the office has closed"): the line sat under the on-screen keyboard, unread.
        sayScreenProblem($("[data-form-error]", scope), res.data, T.network);
        return;
      }
      if (mine.nik) mine.nik = withDigitsTyped(mine.nik, T, digits(form.nik.value).length);
      if (showErrors(scope, mine, T.fix_marked)) { if (mine.nik) showWayToTheWaitingOne(res.data.codes); return; }
      screens.show(target);
    });
  }

  function setChoice(name, value) {
    $$(`input[name=${name}]`, form).forEach((r) => { r.checked = String(r.value) === String(value); });
  }

  // A field the camera filled says "read from the KTP: please check" until the visitor (or a
  // recalled visit) changes it (issue 10): the visitor must look at what the engine read.
  function markFromCard(name, on = true) {
    const mark = $(`[data-from-card=${name}]`, form);
    if (!mark) return;
    mark.hidden = !on;
    form.elements[name].closest(".k-field").classList.toggle("k-field-from-card", on);
  }

  function sayNikUnread(on) {
    $("[data-nik-unread]", form).hidden = !on;
  }

  function fill(details) {
    for (const k of ["full_name", "phone", "email", "institution"]) {
      if (details[k] != null) { form.elements[k].value = details[k]; markFromCard(k, false); }
    }
    showWhole();
    if (details.category) setChoice("category", details.category);
    if (details.purpose) setChoice("purpose", details.purpose);
    if (details.purpose_detail != null) form.elements.purpose_detail.value = details.purpose_detail;
    if (details.facility) setChoice("facility", details.facility);
    if (details.planned_minutes) setChoice("planned_minutes", details.planned_minutes);
    $("[data-purpose-detail]").hidden = val("purpose") !== "other";
  }

  /* h45x: a long name ("Maria Margaretha D'Silva-Kusumawardhani Setyaningrum Wulandari") or company
     showed only its start, cut at the box's edge (at 1024x768 after "D'Silva-Kusuma"), so an elderly
     visitor could not check what was typed or read from the KTP. Whenever the box cannot show it all,
     the whole of it stands under the box, wrapped. */
  function showWhole() {
    for (const line of $$("[data-whole-for]", form)) {
      const box = form.elements[line.dataset.wholeFor];
      const cut = box.value !== "" && box.offsetParent !== null && box.scrollWidth > box.clientWidth;
      line.textContent = cut ? box.value : "";
      line.hidden = !cut;
    }
  }

  let nikAsked = "";
  function checkNik() {
    const nik = digits(form.nik.value);
    const info = $("[data-nik-info]");
    const scope = $("[data-screen=who]");
    info.textContent = "";
    // Any change of the NIK drops what was said about the previous one (its region error too).
    clearField(scope, "nik");
    nikAsked = nik;
    if (nik.length !== 16) return;
    api("/nik/check", { method: "POST", json: { nik } }).then((res) => {
      if (digits(form.nik.value) !== nik || nikAsked !== nik) return;  // typed on meanwhile
      if (res.ok && res.data.valid) {
        info.textContent = `${T.nik_birth} ${res.data.birth_date_text} \u00b7 ${res.data.sex_label} \u00b7 ${res.data.regency}`;
      } else if (res.data.fields) {  // h44k: a typing mistake comes as 200, valid false; a malformed NIK as 400
        showErrors(scope, { nik: res.data.fields.nik }, "");
      }
    });
  }

  /* Recall by NIK + the last 4 phone digits; resolves to the details or rejects with a message. */
  function recall(nik, last4) {
    // h44u: no match comes as 200 found: false (said in words, not logged as a failed load)
    return api("/visitors/recall", { method: "POST", json: { nik, phone_last4: last4 } }).then((res) => {
      if (!res.ok || res.data.found === false) throw new Error(res.data.message || T.network);
      fill(res.data);
      return res.data;
    });
  }

  function recallHere() {
    const status = $("[data-error-for=recall]");
    // h45u: the line under the digits came half under the button bar with the number pad open (1280x800):
    // the pad shows it with the digits, or closes when it cannot; with the pad closed, it scrolls above the bar
    // h45q: the line says a miss in the error red and "welcome back" as the success it is (kiosk.css)
    const say = (text, ok) => {
      status.classList.toggle("k-error", !ok);
      status.classList.toggle("k-said-ok", ok);
      status.textContent = text;
      if (document.body.classList.contains("k-osk-open")) keepTypedInSight([status]);
      else status.scrollIntoView({ block: "nearest" });
    };
    recall(digits(val("nik")), digits(form.phone_last4.value)).then(() => {
      form.phone_last4.value = "";
      say(T.recall_ok, true);
    }, (err) => { say(err.message, false); });
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const at = screens.current();
    if (at === "who") next("who", "from");
    else if (at === "from") next("from", "what");
    else if (at === "what") next("what", steps.afterWhat ? steps.afterWhat() : "rules");
    else if (steps[at]) steps[at]();
  });
  form.nik.addEventListener("input", checkNik);
  // h21u: the note beside an empty NIK box the card did not fill goes once the visitor types in it
  form.nik.addEventListener("input", () => { if (form.nik.value) sayNikUnread(false); });
  $$("input[name=purpose]", form).forEach((r) => r.addEventListener("change", () => {
    $("[data-purpose-detail]").hidden = val("purpose") !== "other";
  }));
  // An error goes as soon as the visitor touches its field; the summary with the last one.
  form.addEventListener("input", (e) => {
    if (e.target.name === "nik" || e.target.name === "full_name") markFromCard(e.target.name, false);
    if (!e.target.name || e.target.name === "nik") return;
    clearField(e.target.closest("[data-screen]"), e.target.name);
  });
  form.addEventListener("change", (e) => {
    if (e.target.type === "radio") clearField(e.target.closest("[data-screen]"), e.target.name);
  });
  form.addEventListener("input", showWhole);
  // a box is measured only once its screen shows (a name read from the KTP is filled in before)
  screens.onChange(showWhole);
  window.addEventListener("resize", showWhole);

  return {
    data, fill, recall, showServerErrors, screenOf,
    prefillFromCard(capture) {
      if (capture.nik && !form.nik.value) { form.nik.value = capture.nik; checkNik(); markFromCard("nik"); }
      sayNikUnread(nikUnread(capture) && !form.nik.value);
      if (capture.name && !form.full_name.value) { form.full_name.value = capture.name; markFromCard("full_name"); }
      showWhole();
    },
    nik: () => digits(val("nik")),
    setInvitation(code) { form.elements.invitation.value = code; },
    recallHere,
  };
}
