/* One screen shown at a time (every <section data-screen>), the progress steps in the header and the
   "Start over" button. Modules say what happens when their screen opens or closes through
   onEnter/onLeave; nobody else toggles sections. */
import { $, $$ } from "./util.js";

const STEPS = ["ktp", "who", "from", "what", "rules", "ticket"];
// Screens with nothing to throw away, or with their own Back or Cancel: no "Start over" there.
const NO_START_OVER = ["welcome", "ticket", "checkout", "find", "inside", "checkout-confirm", "checkout-done",
                       "withdraw-done", "survey"];
// h47g: the ways out, where a visitor who reads only the other language had to go back to the start
// screen for it: the switch is there too, and keeps what was typed (main.js `switchKeeping`).
export const LANG_KEEPS = ["checkout", "find", "inside"];

export function createScreens() {
  let current = null;
  const enter = {}, leave = {}, changed = [];
  const top = document.querySelector(".k-top");

  function show(name) {
    const previous = current;
    if (previous && previous !== name && leave[previous]) leave[previous]();
    current = name;
    $$("[data-screen]").forEach((s) => { s.hidden = s.dataset.screen !== name; });
    const steps = top.querySelector("[data-steps]");
    const at = STEPS.indexOf(name);
    steps.hidden = at < 0;
    $$("[data-step]", steps).forEach((li, i) => {
      li.classList.toggle("done", i < at);
      li.classList.toggle("current", i === at);
      if (i === at) li.setAttribute("aria-current", "step"); else li.removeAttribute("aria-current");
    });
    top.querySelector("[data-action=home]").hidden = NO_START_OVER.includes(name);
    // the other language, where starting over is offered (switching starts over in it)
    top.querySelector("[data-action=lang-switch]").hidden = NO_START_OVER.includes(name) && !LANG_KEEPS.includes(name);
    document.body.dataset.screen = name;
    window.scrollTo(0, 0);
    if (enter[name]) enter[name](previous);
    changed.forEach((fn) => fn(name));
    // The new screen's title takes the focus, so a screen reader says where the visitor now is. It is
    // looked up inside the screen's own section: `[data-screen=x] h1` also matches through <body
    // data-screen=x> (ux16: it found the hidden welcome title, and the focus fell to the page). A
    // screen with two titles (find: answer or leave) or with steps (the survey) has one shown.
    const section = $(`section[data-screen="${name}"]`);
    const heading = section && $$("h1", section).find((h) => h.offsetParent !== null);
    if (heading && previous) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
  }

  return {
    show,
    current: () => current,
    onEnter(name, fn) { enter[name] = fn; },
    onLeave(name, fn) { leave[name] = fn; },
    onChange(fn) { changed.push(fn); },
  };
}
