// ux10: the board's "Check out" (and, ux11, the visit page's) asks once more, in place, naming the visitor: a click on the wrong
// row must not check the wrong person out for good (the workflow has no way back). Without this
// script the same button (step=ask) gets the server's question page instead.
(function () {
  "use strict";

  function close(form, focusAsk) {
    var box = form.querySelector(".confirm-out");
    var ask = form.querySelector("button[name=step]");
    if (box) box.remove();
    ask.hidden = false;
    if (focusAsk) ask.focus();
  }

  function open(form) {
    var ask = form.querySelector("button[name=step]");
    var box = document.createElement("div");
    box.className = "confirm-out";
    box.setAttribute("role", "group");
    var question = document.createElement("p");
    question.id = "confirm-out-" + form.action.replace(/\D+/g, "-");
    question.textContent = form.dataset.confirmOut;
    box.setAttribute("aria-labelledby", question.id);
    // The question sits where the button was, so the second click of a double click lands on text.
    // Answers as large as the button asked (the board's small one, the visit page's full one).
    var size = ask.classList.contains("small") ? " small" : "";
    var yes = document.createElement("button");
    yes.className = "button danger" + size;
    yes.textContent = form.dataset.yes;
    yes.setAttribute("aria-describedby", question.id);
    var no = document.createElement("button");
    no.type = "button";
    no.className = "button secondary" + size;
    no.textContent = form.dataset.no;
    no.setAttribute("aria-describedby", question.id);
    no.addEventListener("click", function () { close(form, true); });
    box.append(question, yes, no);
    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); close(form, true); }
    });
    ask.hidden = true;
    form.append(box);
    no.focus();  // the safe answer first, as the kiosk's own questions do
  }

  document.addEventListener("submit", function (e) {
    var form = e.target.closest("form[data-confirm-out]");
    if (!form || !e.submitter || e.submitter.name !== "step") return;
    e.preventDefault();
    delete form.dataset.sent;  // live.js marked it sent to stop a double submit; nothing was sent
    open(form);
  });
})();
