/* h48e: "Keluar akun" stands at the top edge of the phone's screen, beside the language switch: one stray
   touch signed the Kasubag out and lost her place. Where a finger may touch (any coarse pointer: a phone, a
   touch laptop) it asks first, in the dialog the page holds (templates/admin/base.html); a mouse signs out at
   once, as the desktop's apps do. Without this script every screen signs out at once. Runs in the capture
   phase, before logout_forgets.js, which forgets nothing for a sign-out not made. */
(function () {
  var dialog = document.querySelector("dialog.ask-logout");
  if (!dialog || !dialog.showModal) return;
  var touch = window.matchMedia("(any-pointer: coarse)");
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.matches || !form.matches("form[data-logout]")) return;
    if (!touch.matches || (e.submitter && e.submitter.hasAttribute("data-ask-yes"))) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    delete form.dataset.sent;  // a double-submit guard marked it sent; nothing was
    dialog.showModal();
  }, true);
  dialog.querySelector("[data-ask-no]").addEventListener("click", function () { dialog.close(); });
  // a tap beside the box (on the backdrop) is a "no", as on a phone's own dialogs
  dialog.addEventListener("click", function (e) {
    if (e.target !== dialog) return;
    var r = dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) dialog.close();
  });
})();
