/* h36f: no browser menu on the kiosk's screen. Chromium in --kiosk mode still opens its context menu
   on a right click or a long press, and that menu leads out of the locked browser: "Inspect" (the
   developer tools show the kiosk's device cookie, its credential), "Save image as..." (the system's
   file dialog), "Print..." and "Search for ..." (a window on the internet). Every action a visitor
   needs is a button on the page. A classic script, not a module, so it runs on the pages that load
   no other script too (enrolment, "not a registered kiosk"). */
document.addEventListener("contextmenu", (e) => e.preventDefault(), { capture: true });
