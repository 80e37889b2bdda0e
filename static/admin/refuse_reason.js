/* ux13: "Refuse with this reason" with the reason box empty (or only spaces). The browser's own bubble
   said it, in the browser's language, and went away at the next touch; a screen reader heard nothing
   near the box. Say it in the page's language beside the box (the box's aria-describedby), and keep
   it until a reason is written. queue.js asks the same when the server answers 400 without one. */
(function () {
  function box(form) { return form && form.querySelector("textarea[name=reason]"); }

  function say(form, message) {
    const reason = box(form), line = form.querySelector("[data-reason-error]");
    if (!reason || !line) return;
    line.textContent = message || line.dataset.message;
    line.classList.add("error");
    reason.setAttribute("aria-invalid", "true");
    const details = reason.closest("details");
    if (details) details.open = true;
    reason.focus();
    reason.scrollIntoView({ block: "center" });
  }

  function clear(reason) {
    const line = reason.form && reason.form.querySelector("[data-reason-error]");
    if (line) { line.textContent = ""; line.classList.remove("error"); }
    reason.removeAttribute("aria-invalid");
  }

  const refusing = (e) => e.submitter && e.submitter.name === "decision" && e.submitter.value === "deny";

  // An empty required box: the browser fires "invalid" instead of sending; cancelled, no bubble shows.
  document.addEventListener("invalid", (e) => {
    const reason = e.target;
    if (!reason.matches || !reason.matches("textarea[name=reason]") || !reason.closest("[data-decide]")) return;
    e.preventDefault();
    say(reason.form);
  }, true);
  // Only spaces pass "required": stop them here, before queue.js sends the form in the background.
  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (!form.matches || !form.matches("[data-decide]") || !refusing(e)) return;
    const reason = box(form);
    if (reason && !reason.value.trim()) {
      e.preventDefault();
      e.stopImmediatePropagation();
      say(form);
    }
  }, true);
  document.addEventListener("reason-missing", (e) => say(e.target, e.detail));
  document.addEventListener("input", (e) => {
    if (e.target.matches && e.target.matches("[data-decide] textarea[name=reason]") && e.target.value.trim()) clear(e.target);
  });
  // A tapped reason chip fills the box (reason_chips.js) without an input event.
  document.addEventListener("click", (e) => {
    const chip = e.target.closest && e.target.closest("[data-reason]");
    const reason = chip && box(chip.closest("form"));
    if (reason) setTimeout(() => { if (reason.value.trim()) clear(reason); });
  });
})();
