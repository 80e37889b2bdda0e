/* h45s: "Keluar akun" on a phone the staff share is the person saying they are done: the tab forgets
   what it kept for them (reason_keep.js: a half-typed refusal reason, an escort chosen), which an ended
   session keeps on purpose (h21u). Otherwise whoever logged in next on that phone found the sentence in
   the refusal box, one tap from sending it. */
(function () {
  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (!form.matches || !form.matches("form[data-logout]") || e.defaultPrevented) return;
    try {
      for (let i = sessionStorage.length - 1; i >= 0; i--) {
        const name = sessionStorage.key(i);
        if (name && name.startsWith("lpsedesk.")) sessionStorage.removeItem(name);
      }
    } catch (err) { /* storage off: nothing was kept */ }
  });
})();
