/* A decision's field it cannot go without, said beside the field in the page's language (its
   aria-describedby) before anything is sent, and kept until the field is filled:
   - ux13: "Refuse with this reason" with the reason box empty or only spaces (the browser's own bubble
     spoke the browser's language and went away at the next touch; a screen reader heard nothing);
   - h35k: "Approve" on a visit to a restricted facility with no escort chosen (the server's page of its
     own, "Maaf ... Kembali", left the phone's queue, the request still waiting).
   The field names the decision that needs it (data-needed-for="deny", "approve"); its line carries the
   sentence (data-message). queue.js asks the same when the server answers 400 naming the field.
   h36e: one script for both fields; they had one copy each.
   h37e: a decision's button that needs a field carries two labels (data-first-label, "Choose an escort,
   then approve", and data-ready-label): it says the first while the field is empty. On a phone the
   picker lies under the first screen and the button is in the thumb's bar: tapped, it takes the
   Kasubag to the picker (say() above).
   h38b: there the drop-down's list opens too, where the browser allows (openList). */
(function () {
  const blank = (field) => !field.value.trim();
  const needed = (form) => form ? [...form.elements].filter((el) => el.dataset && el.dataset.neededFor) : [];
  // h46d: an invitation's decision in the queue (data-needs) is checked the same way, then posted as usual
  const decides = (form) => form && form.matches && form.matches("[data-decide], [data-needs]");

  // The field's own line: the one its aria-describedby names that holds the sentence.
  function lineOf(field) {
    return (field.getAttribute("aria-describedby") || "").split(/\s+/)
      .map((id) => id && document.getElementById(id)).find((el) => el && "message" in el.dataset);
  }

  function say(field, message) {
    const line = field && lineOf(field);
    if (!line) return;
    line.textContent = message || line.dataset.message;
    line.classList.add("error");
    field.setAttribute("aria-invalid", "true");
    const details = field.closest("details");
    if (details) details.open = true;
    field.focus();
    field.scrollIntoView({ block: "center" });
    openList(field);
  }

  // h38b: a drop-down reached by the bar's tap also opens its list, or the Kasubag has to tap it again.
  // showPicker() needs the user's tap (transient activation): it throws when called without one (the
  // server's answer, field-missing) and is missing in older browsers; focus and scroll above are
  // what those get. Called after the scroll, so the list opens beside the picker where it now stands.
  function openList(field) {
    if (!(field instanceof HTMLSelectElement) || typeof field.showPicker !== "function") return;
    if (navigator.userActivation && !navigator.userActivation.isActive) return;
    try {
      field.showPicker();
    } catch (e) {
      // NotAllowedError (no tap) or NotSupportedError: the focused, scrolled-to picker is the fallback
    }
  }

  function clear(field) {
    const line = lineOf(field);
    if (line) { line.textContent = ""; line.classList.remove("error"); }
    field.removeAttribute("aria-invalid");
  }

  // The label of each of the form's buttons that waits for a field, as the field stands now.
  function relabel(form) {
    if (!decides(form)) return;
    for (const button of form.querySelectorAll("button[data-first-label]")) {
      const waiting = needed(form).some((field) => field.dataset.neededFor === button.value && blank(field));
      const label = waiting ? button.dataset.firstLabel : button.dataset.readyLabel;
      if (button.textContent !== label) button.textContent = label;
      button.classList.toggle("first", waiting);
    }
  }
  const relabelAll = () => document.querySelectorAll("form[data-decide]").forEach(relabel);

  const filled = (field) => field.dataset && field.dataset.neededFor && decides(field.form) && !blank(field);

  // An empty required field: the browser fires "invalid" instead of sending; cancelled, no bubble shows.
  document.addEventListener("invalid", (e) => {
    const field = e.target;
    if (!field.dataset || !field.dataset.neededFor || !decides(field.form)) return;
    e.preventDefault();
    say(field);
  }, true);
  // Only spaces pass "required", and Approve sends without the browser's check (formnovalidate): stop
  // them here, before queue.js sends the form in the background (capture: this runs first).
  document.addEventListener("submit", (e) => {
    const form = e.target, decision = e.submitter && e.submitter.name === "decision" && e.submitter.value;
    if (!decides(form) || !decision) return;
    const missing = needed(form).find((field) => field.dataset.neededFor === decision && blank(field));
    if (missing) {
      e.preventDefault();
      e.stopImmediatePropagation();
      say(missing);
    }
  }, true);
  // The server found it missing (queue.js): detail is its answer, {field, message}.
  document.addEventListener("field-missing", (e) => {
    const field = needed(e.target).find((el) => el.name === e.detail.field);
    say(field, e.detail.message);
  });
  for (const kind of ["input", "change"]) {
    document.addEventListener(kind, (e) => {
      if (filled(e.target)) clear(e.target);
      if (e.target.dataset && e.target.dataset.neededFor) relabel(e.target.form);
    });
  }
  // A choice the browser put back (the back button, a reload) and a queue redrawn by live.js
  // (live:swapped does not bubble: caught on its way down).
  document.addEventListener("live:swapped", relabelAll, true);
  window.addEventListener("pageshow", relabelAll);
  relabelAll();
  // A tapped reason chip fills the box (reason_chips.js) without an input event.
  document.addEventListener("click", (e) => {
    const chip = e.target.closest && e.target.closest("[data-reason]");
    const form = chip && chip.closest("form");
    if (form) setTimeout(() => needed(form).filter(filled).forEach(clear));
  });
})();
