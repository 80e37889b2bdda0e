/* The Kasubag's queue. On a phone: one request at a time (newest or oldest first, by choice), its
   decision buttons in a bar at the bottom of the screen, and after a decision the next request slides
   in without a reload. Everywhere: a decision is sent in the background (a refusal reason can be one
   tap on a chip: reason_chips.js), an invitation's taken early too (h46h). live.js keeps swapping in the
   server's fresh list; this arranges it again. */
const live = document.getElementById("live");
const phone = window.matchMedia("(max-width: 640px)");
const ORDER_KEY = "lpsedesk.queue-order";
// A refusal sent back for its reason (ux13) is the request to show first; else one whose reason or escort
// reason_keep.js (run before this module) restored, after a reload or a session that ended (h39d).
const sentBack = document.querySelector("#live .req:has(textarea[aria-invalid=true])")
  || document.querySelector("#live .req[data-kept]");
let currentKey = sentBack ? sentBack.dataset.key : null, shownKey = null;

/* On a phone the current request's buttons sit in a bar at the bottom of the screen (staff.css). It is
   sticky inside its request, so scrolled down to the reports or the invitations it has gone up with its
   request: an "Approve" there never decides a request no longer in sight. */

function order() {
  try { return localStorage.getItem(ORDER_KEY) || "oldest"; } catch (e) { return "oldest"; }
}

function items(queue) { return Array.from(queue.querySelectorAll(":scope > .req")); }

function arrange() {
  const queue = live && live.querySelector("[data-queue]");
  if (!queue) return;
  const newest = order() === "newest";
  const list = items(queue).filter((el) => !el.classList.contains("leaving"));
  // Visitors standing at the desk before remote-access letters, each in the chosen order: a letter
  // recorded days ago sat on top, and every visitor of the day waited behind it for a tap on "›" (str10).
  const letter = (el) => (el.classList.contains("remote") ? 1 : 0);
  list.sort((a, b) => letter(a) - letter(b)
    || (a.dataset.submitted < b.dataset.submitted ? -1 : 1) * (newest ? -1 : 1));
  const anchor = queue.querySelector("[data-queue-tools]");
  let after = anchor || queue.querySelector("h2");
  // Only a card out of its place is moved: a moved node loses the focus, and the Kasubag typing a
  // refusal reason when the live list came in lost the rest of the sentence (h22: the CI run's
  // half-typed reason test). Should a move be needed all the same, the focus goes back where it was.
  const focused = document.activeElement;
  for (const el of list) { if (after.nextElementSibling !== el) after.after(el); after = el; }
  if (focused && focused !== document.activeElement && document.contains(focused)) focused.focus({ preventScroll: true });
  queue.querySelectorAll("[data-order]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.order === order())));
  queue.classList.toggle("one-at-a-time", phone.matches && list.length > 0);
  document.body.classList.toggle("queue-bar", phone.matches && list.length > 0);
  // A decided card stays the current one while it slides out, and the next becomes current when it
  // has gone (decide() arranges again then): a live update during the slide-out once marked the next
  // one as well, two requests were "current" and a tap meant for the next could find the decided one.
  if (queue.querySelector(":scope > .req.leaving")) return;
  let current = list.find((el) => el.dataset.key === currentKey) || list[0] || null;
  list.forEach((el) => el.classList.toggle("current", el === current));
  // Slide in only a request that has just become the current one: live.js re-inserts unchanged
  // cards on every refresh, and a re-inserted element would replay its animation.
  if (current && current.dataset.key !== shownKey) {
    current.classList.add("entering");
    current.addEventListener("animationend", () => current.classList.remove("entering"), { once: true });
  }
  currentKey = shownKey = current ? current.dataset.key : null;
  const position = queue.querySelector("[data-position]");
  if (position && current) position.textContent = `${list.indexOf(current) + 1} / ${list.length}`;
}

function stepBy(delta) {
  const queue = live.querySelector("[data-queue]");
  const list = items(queue).filter((el) => !el.classList.contains("leaving"));
  const at = list.findIndex((el) => el.dataset.key === currentKey);
  const next = list[(at + delta + list.length) % list.length];
  if (next) { currentKey = next.dataset.key; arrange(); }
}

/* The decision's confirmation ("Decision saved for ..."), shown above the queue where the next request
   slides in, so the tap is seen to have worked. */
function said(message) {
  if (!message) return;
  let line = document.querySelector("[data-queue-said]");
  if (!line) {
    line = document.createElement("p");
    line.className = "flash flash-info";
    line.dataset.queueSaid = "";
    line.setAttribute("role", "status");
    live.before(line);
  }
  line.textContent = message;
}

/* ux15: the decided request takes the focus with it (back to the page's start), and so may the live
   update that redraws the queue just after: for a few seconds after a decision made from inside the
   card, a focus fallen to the page goes to the next request's name, or to the confirmation when none
   is left. The seconds count from the server's answer, not from the tap: on a phone with a weak
   signal (or a busy server) the answer alone can take longer than the window, which had closed before
   the card left. */
let refocusUntil = 0;
function refocus() {
  if (Date.now() > refocusUntil || (document.activeElement && document.activeElement !== document.body)) return;
  const next = live.querySelector("[data-queue] > .req.current a[href]");
  const line = document.querySelector("[data-queue-said]");
  if (next) next.focus();
  else if (line) { line.tabIndex = -1; line.focus(); }
}

/* h46h: an invitation decided early (one, or a training's all at once). A posted form came back at the
   page's top, some 940 px above the invitations on a 360 px phone. Now its card goes where it stood and the
   page stays where it was: the next card moves up into its place, the line just above the cards says what
   was done (role=status), and a focus that was in the card goes to the next invitation's name (as a
   visit's goes to the next request's, ux15: a "Setujui" there, pressed again by habit, would approve
   someone unread), else to the section's heading, else to that line once none is left. The live list
   that follows takes the card out too, and changes nothing else. */
function decidedEarly(card, message, fromCard, nextKey) {
  const line = live.querySelector("[data-invitations-said]");
  // Held as it was: the browser's scroll anchoring moved it by the line's height, or not, depending on
  // which element it held on to (the line filled, or a message one line longer than the last one)
  const y = window.scrollY;
  if (line && message) line.textContent = message;
  // The blank before the card goes with it, so the page's nodes are the server's list's next time: one
  // blank too many made live.js move the cards after it, and the focus and the view with them
  const blank = card.previousSibling;
  if (card.isConnected && blank && blank.nodeType === Node.TEXT_NODE && !blank.textContent.trim()) blank.remove();
  card.remove();  // the live list may have taken it out already
  window.scrollTo({ top: y, behavior: "instant" });
  if (line && message) newsOver(line, nextKey && live.querySelector(`.inv-req[data-key="${CSS.escape(nextKey)}"]`));
  const lost = !document.activeElement || document.activeElement === document.body;
  if (!fromCard || !lost) return;  // a focus she has since moved elsewhere stays there
  const section = live.querySelector("[data-part=invitations]");
  const next = nextKey && live.querySelector(`.inv-req[data-key="${CSS.escape(nextKey)}"]`);
  const heading = section && section.querySelector(".inv-req") && section.querySelector("h2");
  const target = (next && next.querySelector("a[href]")) || heading || line;
  if (target) target.focus({ preventScroll: true });  // where she was looking, or above it: the page stays
}

/* h48e: the line rides at the screen's top (sticky) only while it is news. Stuck there it covered the top of
   the card that had moved up under it (its name, at 320x568), and every card she then scrolled past. So the
   view gives way by what the line covers of that card, and once she scrolls on by herself the line lets go
   and stays in its place above the cards (staff.css, .let-go); the next decision makes it news again. */
let letGo = null;
function newsOver(line, next) {
  if (letGo) letGo();
  line.classList.remove("let-go");
  for (let i = 0; next && i < 2; i++) {  // a second pass: the first may have let the line go from the top
    const over = line.getBoundingClientRect().bottom - next.getBoundingClientRect().top;
    if (over <= 0) break;
    window.scrollBy({ top: -Math.ceil(over), behavior: "instant" });
  }
  const from = window.scrollY;
  const go = () => { line.classList.add("let-go"); letGo(); };
  // a finger or a wheel is hers; a scroll alone may be the page's (a live list, scroll anchoring): past a line
  const moved = () => { if (Math.abs(window.scrollY - from) > 32) go(); };
  const events = [["touchmove", go], ["wheel", go], ["scroll", moved]];
  events.forEach(([name, fn]) => window.addEventListener(name, fn, { passive: true }));
  letGo = () => { events.forEach(([name, fn]) => window.removeEventListener(name, fn)); letGo = null; };
}

/* Send the decision in the background; the decided request leaves and the next one slides in. */
function decide(form, submitter) {
  const card = form.closest(".req");
  const fromCard = card.contains(document.activeElement);
  const following = card.nextElementSibling;  // an invitation's: the one that moves up into its place
  const nextKey = following && following.matches(".inv-req") ? following.dataset.key : null;
  const body = new FormData(form, submitter);
  return fetch(form.action, { method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json", "X-Background": "1" } })
    .then(async (r) => {
      // A field the server found missing, a refusal's reason (ux13) or a restricted visit's escort
      // (h35k): said beside the field (field_needed.js).
      const answer = r.status === 400 ? await r.json().catch(() => null) : null;
      if (answer && (answer.field === "reason" || answer.field === "escort_id")) {
        form.dispatchEvent(new CustomEvent("field-missing", { detail: answer, bubbles: true }));
        return;
      }
      if (!r.ok) throw new Error(String(r.status));
      form.dispatchEvent(new CustomEvent("decision-sent", { bubbles: true }));  // reason_keep.js forgets it
      if (form.matches("[data-decide-early]")) {
        decidedEarly(card, (await r.json().catch(() => ({}))).message, fromCard, nextKey);
        return;
      }
      if (fromCard) refocusUntil = Date.now() + 5000;
      r.json().then((answer) => said(answer.message), () => {});
      const list = items(form.closest("[data-queue]")).filter((el) => el !== card && !el.classList.contains("leaving"));
      const i = items(form.closest("[data-queue]")).indexOf(card);
      currentKey = list.length ? (list[Math.min(i, list.length - 1)] || list[0]).dataset.key : null;
      card.classList.add("leaving");
      const gone = () => { card.remove(); arrange(); refocus(); };
      card.addEventListener("animationend", gone, { once: true });
      setTimeout(() => { if (card.isConnected) gone(); }, 600);  // no animation (reduced motion)
    })
    .catch(() => {
      // Let the browser post it the ordinary way: the server's page says what went wrong.
      delete form.dataset.sent;
      form.dataset.plain = "1";
      form.requestSubmit(submitter);
    });
}

if (live) {
  live.addEventListener("submit", (e) => {
    const form = e.target.closest("[data-decide], [data-decide-early]");
    if (!form || form.dataset.plain) return;
    e.preventDefault();
    if (form.dataset.busy) return;
    form.dataset.busy = "1";
    decide(form, e.submitter).finally(() => { delete form.dataset.busy; });
  });
  live.addEventListener("click", (e) => {
    const chip = e.target.closest("[data-reason]");
    if (chip) {
      // reason_chips.js fills the box (and gives it the focus unless a finger tapped)
      return;
    }
    const cancel = e.target.closest("[data-refuse-cancel]");
    if (cancel) { cancel.closest("details").open = false; return; }
    const sorter = e.target.closest("[data-order]");
    if (sorter) {
      try { localStorage.setItem(ORDER_KEY, sorter.dataset.order); } catch (err) { /* private mode */ }
      currentKey = null;
      arrange();
      return;
    }
    const step = e.target.closest("[data-step-by]");
    if (step) stepBy(Number(step.dataset.stepBy));
  });
  live.addEventListener("live:swapped", () => { arrange(); refocus(); });
  phone.addEventListener("change", arrange);
  arrange();
}
