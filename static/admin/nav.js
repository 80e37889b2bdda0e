/* ux6: on a phone (the width where staff.css folds the menu) the staff menu shows the current
   screen's tab and a "Menu" button that opens every tab, wrapped: nothing scrolls sideways and the
   highlighted tab always says where one is. A real button: Enter/Space open it, Escape closes it. */
(function () {
  const nav = document.querySelector(".staffnav");
  const toggle = nav && nav.querySelector(".navtoggle");
  if (!toggle) return;
  nav.classList.add("collapsible");
  toggle.hidden = false;
  function set(open) {
    nav.classList.toggle("open", open);
    toggle.setAttribute("aria-expanded", String(open));
  }
  toggle.addEventListener("click", () => set(!nav.classList.contains("open")));
  nav.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && nav.classList.contains("open")) { set(false); toggle.focus(); }
  });
})();
