/* h47c, h48d: a kiosk page reached by Back is an earlier page of this screen, loaded afresh (the kiosk's
   pages are never cached): an earlier visitor's start screen, or the enrolment form with its code. A
   page nobody touched cannot hold Back (Chromium skips the entry it would add), and Back swiped faster
   than a page loads passes pages before they run anything: so every kiosk page, the enrolment form too,
   goes forward again at once when Back brought it. A classic script in the head, so it runs before
   the page's modules and on the pages that load no other script. */
if (performance.getEntriesByType("navigation")[0]?.type === "back_forward") history.forward();
// a page the browser kept whole (bfcache) is shown again without running its scripts
window.addEventListener("pageshow", (e) => { if (e.persisted) history.forward(); });
