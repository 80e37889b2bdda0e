/* h48e: on a small phone (320x568) the open refusal scrolls inside its panel, its Cancel and Refuse buttons
   riding at the panel's bottom edge (staff.css). The reason box, focused or typed in, stood with its last
   lines under them: the browser brings a focused box into its scroller's view, and under a sticky bar it
   counts as in view. So the panel scrolls on until the box's bottom edge is above the buttons, as each
   line is typed and when the screen gets shorter (the on-screen keyboard). */
(function () {
  function inSight(box) {
    var actions = box.closest(".refuse-panel") && box.closest(".refuse-panel").querySelector(".refuse-actions");
    var panel = box.closest(".decide");
    if (!actions || !panel || getComputedStyle(actions).position !== "sticky") return;
    var over = box.getBoundingClientRect().bottom + 4 - actions.getBoundingClientRect().top;
    if (over > 0) panel.scrollTop += Math.ceil(over);
  }
  function focusedBox() {
    var el = document.activeElement;
    return el && el.matches && el.matches(".refuse-panel textarea") ? el : null;
  }
  // after the browser's own scrolling into view, which comes after the event
  function soon() { requestAnimationFrame(function () { var box = focusedBox(); if (box) inSight(box); }); }
  document.addEventListener("focusin", soon);
  document.addEventListener("input", soon);
  window.addEventListener("resize", soon);
  if (window.visualViewport) window.visualViewport.addEventListener("resize", soon);
})();
