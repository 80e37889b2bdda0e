/* Step 6: the ticket and the Kasubag's answer, followed live (Server-Sent Events, a slow poll behind
   them). The same screen shows a visit found again without the ticket. A refused or lapsed visit
   shows no check-out QR: there is nothing to check out. */
import { dismiss } from "./dialog.js";
import { $, $$, fmt } from "./util.js";

const CLOSED = ["denied", "cancelled", "expired"];

export function createTicket({ api, cfg, T, screens, onDecided }) {
  const screen = $("[data-screen=ticket]");
  let ticket = null, status = null, events = null, poll = null, last = null;
  // ux15: a visit found again here (KTP, or NIK and phone digits) comes with a proof that this kiosk
  // may show its whole answer; each refresh sends it back, so a refusal arriving while the visitor
  // waits still shows its reason. A new ticket on the screen drops it.
  let proof = null;
  const help = $("[data-status-help]", screen), helpText = help.textContent;

  function show(s) {
    ticket = s.ticket;
    proof = s.proof || null;
    status = null;
    drawn = reads;  // a read still on its way for an earlier showing is older than this
    $("[data-ticket-code]", screen).textContent = s.ticket;
    const qr = cfg.api + "/visits/" + encodeURIComponent(s.ticket) + "/qr.svg";
    $("[data-ticket-qr]", screen).src = qr;
    $("[data-slip-qr]").src = qr;
    render(s);
    screens.show("ticket");
    if (s.status === "pending") follow();
  }

  function render(s) {
    const changed = status !== null && status !== s.status;
    // ux14: a question about the waiting request ("Withdraw?", "Finish anyway?") no longer applies
    // once it is decided: close it before the answer is drawn, so the answer is what is seen and heard.
    const withdrawing = changed && dismiss("withdraw");
    const asked = withdrawing || (changed && dismiss("leave-pending"));
    status = s.status;
    last = s;
    // ux13: withdrawing is offered while the server says this kiosk may (may_withdraw).
    $("[data-action=ticket-withdraw]", screen).hidden = !s.may_withdraw;
    const note = $("[data-ticket-error]", screen);
    if (changed) { note.textContent = ""; note.classList.remove("k-why"); }
    const box = $("[data-status]", screen);
    box.dataset.state = s.status;
    $("[data-status-title]", screen).textContent = T["title_" + s.status] || s.status_label;
    $("[data-status-message]", screen).textContent = s.message;
    const typical = s.status === "pending" ? s.typical_wait_text || "" : "";
    $("[data-status-typical]", screen).textContent = typical;
    $("[data-status-typical]", screen).hidden = !typical;
    $("[data-status-name]", screen).textContent = s.visitor_name;
    $("[data-status-facility]", screen).textContent = s.facility_label;
    const until = s.status === "approved" && s.approved_until_text;
    $$("[data-until-row]", screen).forEach((el) => { el.hidden = !until; });
    $("[data-status-until]", screen).textContent = until ? s.approved_until_text : "";
    $("[data-status-reason-box]", screen).hidden = !s.decision_reason;
    $("[data-status-reason]", screen).textContent = s.decision_reason || "";
    const closed = CLOSED.includes(s.status);
    help.hidden = !closed;
    // a refusal without its reason (not allowed on this kiosk) says where to hear it
    // and, h34v, what to do on this screen: an elderly visitor waited before "Petugas helpdesk siap
    // membantu Anda." not knowing the kiosk was done with them
    help.textContent = (s.status === "denied" && !s.decision_reason ? T.reason_at_helpdesk : helpText) + " " + T.finish_hint;
    $("[data-status-later]", screen).hidden = s.status !== "pending";
    $("[data-ticket-qr-box]", screen).hidden = closed;
    $("[data-ticket-noqr]", screen).hidden = !closed;
    $("[data-action=print]", screen).hidden = closed || cfg.slip_format === "none";
    $("[data-slip-ticket]").textContent = s.ticket;
    $("[data-slip-name]").textContent = s.visitor_name;
    $("[data-slip-facility]").textContent = s.facility_label;
    $("[data-slip-time]").textContent = s.submitted_at_text;
    $("[data-slip-status]").textContent = s.status_label + (until ? " \u00b7 " + fmt(T.until_time, { time: s.approved_until_text }) : "");
    if (s.status !== "pending") stop();
    if (asked) {
      // Said calmly (news, not a mistake) in the alert line, and the answer's title takes the focus
      // the closed question had, so a screen reader reads the answer next.
      note.classList.add("k-why");
      note.textContent = withdrawing ? T.answered_not_withdrawn : T.answered_now;
      $("[data-status-title]", screen).focus({ preventScroll: true });
      // at 1024x768 a refusal's reason pushes this line under the button bar (its scroll-margin
      // keeps it above the bar)
      note.scrollIntoView({ block: "nearest" });
    }
    if (changed) onDecided(s.status);
  }

  /* Two reads of the visit can be on their way at once (the stream's "open" and a "change" just after,
     or the slow poll): a busy kiosk PC or a slow server may answer them out of order, and an older
     "pending" drawn over the answer undid it, with the stream already closed, so the visitor waited
     for an answer already given. An answer is drawn only if no later read of this ticket was. */
  let reads = 0, drawn = 0;
  function refresh(after) {
    if (!ticket) return;
    const mine = ++reads, forTicket = ticket;
    api("/visits/" + encodeURIComponent(ticket), proof ? { headers: { "X-Visit-Proof": proof } } : {}).then((res) => {
      if (forTicket !== ticket) return;  // another visitor's ticket is on the screen now
      if (res.ok && mine > drawn) { drawn = mine; render(res.data); }
      if (after) after();
    });
  }

  function follow() {
    stop();
    if (window.EventSource) {
      events = new EventSource(cfg.api + "/visits/" + encodeURIComponent(ticket) + "/events");
      events.addEventListener("change", () => refresh());
      events.addEventListener("reload", () => refresh());  // missed too much to replay: read it afresh
      events.addEventListener("open", () => refresh());  // covers a decision made while reconnecting
    }
    poll = setInterval(() => refresh(), 15000);  // belt and braces behind a proxy that buffers streams
  }

  function stop() {
    if (events) { events.close(); events = null; }
    if (poll) { clearInterval(poll); poll = null; }
  }

  /* The withdrawal was refused (decided meanwhile): say why here and show the visit as it is now. */
  function withdrawRefused(res) {
    // said after the visit is drawn as it is now (drawing a new state clears this line)
    refresh(() => {
      $("[data-ticket-error]", screen).classList.remove("k-why");
      $("[data-ticket-error]", screen).textContent = res.data.message || T.network;
    });
  }

  return {
    show, stop, withdrawRefused,
    status: () => status,
    visit: () => last,
    /* How long this screen may sit untouched: long while the answer is awaited, then long enough
       to read it. */
    idleSeconds: () => (status === "pending" ? cfg.ticket_wait_seconds : cfg.ticket_decided_seconds),
  };
}
