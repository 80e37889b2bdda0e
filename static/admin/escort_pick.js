/* h35k: "Approve" on a visit to a restricted facility with no escort chosen. The server refused it with
   a page of its own ("Maaf ...", "Kembali") that left the phone's queue, the request still waiting.
   Say it beside the picker instead (its aria-describedby, in the page's language) before anything is
   sent, and keep it until an escort is chosen. queue.js asks the same when the server answers 400. */
(function () {
  const picker = (form) => form && form.querySelector("select[name=escort_id]");

  function say(form, message) {
    const select = picker(form), line = form && form.querySelector("[data-escort-error]");
    if (!select || !line) return;
    line.textContent = message || line.dataset.message;
    line.classList.add("error");
    select.setAttribute("aria-invalid", "true");
    select.focus();
  }

  const approving = (e) => e.submitter && e.submitter.name === "decision" && e.submitter.value === "approve";

  // Before queue.js sends the form in the background (capture: this runs first).
  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (!form.matches || !form.matches("[data-decide]") || !approving(e)) return;
    const select = picker(form);
    if (select && !select.value) {
      e.preventDefault();
      e.stopImmediatePropagation();
      say(form);
    }
  }, true);
  document.addEventListener("escort-missing", (e) => say(e.target, e.detail));
  document.addEventListener("change", (e) => {
    const select = e.target;
    if (!select.matches || !select.matches("[data-decide] select[name=escort_id]") || !select.value) return;
    const line = select.form.querySelector("[data-escort-error]");
    if (line) { line.textContent = ""; line.classList.remove("error"); }
    select.removeAttribute("aria-invalid");
  });
})();
