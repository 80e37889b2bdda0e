/* On a phone the staff menu is one row that scrolls sideways (staff.css): bring the current screen's
   tab into view, or the Admin on /admin/remote/ sees "Papan helpdesk, Kunjungan, Undangan" and never
   the highlighted "Remote akses" that says where they are. */
(function () {
  const current = document.querySelector(".staffnav a.current");
  if (!current) return;
  const nav = current.parentElement, box = nav.getBoundingClientRect(), tab = current.getBoundingClientRect();
  if (tab.left >= box.left && tab.right <= box.right) return;
  nav.scrollLeft += (tab.left - box.left) - (box.width - tab.width) / 2;
})();
