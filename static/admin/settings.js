// Admin settings: ask before destructive actions; copy a freshly generated password.
(function () {
  "use strict";
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
  // On a phone the sub-menu scrolls sideways: show the page one is on (Kios, the last, was off screen).
  var current = document.querySelector(".settings-nav a[aria-current=page]");
  if (current) {
    var nav = current.parentElement;
    nav.scrollLeft = Math.max(0, current.offsetLeft - nav.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2);
  }
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) {
      button.hidden = true;  // plain http on the LAN: no clipboard API; the text is selectable
      return;
    }
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = button.getAttribute("data-copied");
      });
    });
  });
})();
