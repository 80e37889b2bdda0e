/* Leaving: the ticket's QR to the camera, a USB scanner or the typed code; or, without the ticket,
   the NIK + the last 4 phone digits, or one's own (masked) name from today's visitors inside confirmed
   with those digits. The same NIK + digits also bring back the answer for a visitor who walked away
   from the waiting screen. Then confirm, done, and the offer of the satisfaction survey. A visitor
   still waiting for the answer may withdraw the request instead (ux12), asked once more first. */
import { Camera, cameraRefused } from "./camera.js";
import { ask } from "./dialog.js";
import { showErrors, clearErrors, clearField, keepTypedInSight } from "./errors.js";
import { $, $$, digits, fmt, newId, withDigitsTyped } from "./util.js";

export function createCheckout({ api, cfg, T, screens, ticket, sendFrame, goHome, survey = null }) {
  let camera = null, current = null, findMode = "answer", picked = null, cardSession = null;

  /* ---- by ticket ---- */
  function startCamera() {
    const scope = $("[data-screen=checkout]");
    camera = new Camera($("[data-video=checkout]", scope), $("[data-overlay=checkout]", scope));
    let busy = false;
    camera.start().then(() => {
      camera.loop((blob) => sendFrame(blob, "ticket", false), (res) => {
        if (!res.ok || busy) return;
        const codes = res.data.result.barcodes || [];
        if (codes.length) { busy = true; lookupTicket(codes[0].text).then(() => { busy = false; }); }
      });
    }).catch((e) => {
      const off = $("[data-camera-off]", scope);
      off.textContent = cameraRefused(e) ? T.camera_blocked_ticket : T.camera_unavailable_ticket;
      off.hidden = false;
      // h46e: the line above the code box asked for the QR "to the camera" there is not
      $(".k-lead", scope).textContent = T.checkout_lead_no_camera;
    });
  }

  function stopCamera() { if (camera) { camera.stop(); camera = null; } }

  function lookupTicket(text) {
    const code = String(text || "").replace(/[^A-Za-z0-9]/g, "").toUpperCase();
    const err = $("[data-screen=checkout] [data-error-for=ticket]");
    // No ticket is shorter than 6 or longer than 12: said here, without asking the server.
    if (code.length < 6 || code.length > 12) {
      err.textContent = code ? T.ticket_not_found : T.ticket_empty;
      return Promise.resolve();
    }
    // find-by-ticket answers a code that is no visit's with found: false, not a 404 that the
    // browser's console would log as a failure (h39b).
    return api("/visits/find-by-ticket", { method: "POST", json: { ticket: code } }).then((res) => {
      if (!res.ok || !res.data.found) {
        if (screens.current() !== "checkout") screens.show("checkout");
        err.textContent = res.data.message || T.network;
        keepTypedInSight();
        return;
      }
      confirm(res.data);
    });
  }

  function confirm(visit) {
    current = visit;
    $("[data-out-name]").textContent = visit.visitor_name;
    $("[data-out-institution]").textContent = visit.institution || "";
    $("[data-out-facility]").textContent = visit.facility_label;
    $("[data-out-ticket]").textContent = visit.ticket;
    // Only an approved visit can be checked out; otherwise say why and offer no button.
    // h47c: still waiting, said for one who is leaving (the status's own words are the ticket screen's:
    // "the answer appears on this screen")
    $("[data-checkout-error]").textContent = visit.status === "approved" ? ""
      : visit.status === "pending" ? T.checkout_waiting : visit.message;
    // Why a waiting (or refused, or finished) visit has nothing to check out is news, not the
    // visitor's mistake: said calmly, not in the alarm red of an error (kiosk.css .k-why).
    $("[data-checkout-error]").classList.toggle("k-why", visit.status !== "approved");
    $("[data-action=confirm-checkout]").hidden = visit.status !== "approved";
    // No question without the button that answers it, and nothing to "cancel" then: just go back.
    const title = $("[data-checkout-title]"), leave = $("[data-checkout-leave]");
    title.textContent = visit.status === "approved" ? title.dataset.titleOk : title.dataset.titleNo;
    leave.textContent = visit.status === "approved" ? leave.dataset.labelOk : leave.dataset.labelNo;
    // Still waiting for the Kasubag: the server says whether this kiosk may withdraw it.
    $("[data-withdraw-hint]").hidden = !visit.may_withdraw;
    $("[data-action=withdraw-ask]").hidden = !visit.may_withdraw;
    screens.show("checkout-confirm");
  }

  /* Asked at Keluar (the visit found there) or on the waiting ticket screen (ux13: its own visit, its
     own place to say a refusal). */
  function askWithdraw(visit = current, refused = refusedAtKeluar) {
    document.querySelector("[data-withdraw-question]").textContent = fmt(T.withdraw_question, { name: visit.visitor_name });
    ask("withdraw").then((yes) => { if (yes) withdraw(visit.ticket, refused); });
  }

  function refusedAtKeluar(res) {
    // Decided meanwhile (or already withdrawn): say so; the button no longer applies.
    const error = $("[data-checkout-error]");
    error.classList.remove("k-why");
    error.textContent = res.data.message || T.network;
    if (res.status === 409) $("[data-action=withdraw-ask]").hidden = $("[data-withdraw-hint]").hidden = true;
  }

  function withdraw(ticketCode, refused) {
    api("/visits/" + encodeURIComponent(ticketCode) + "/withdraw", { method: "POST", json: {} }).then((res) => {
      if (!res.ok) { refused(res); return; }
      ticket.stop();
      screens.show("withdraw-done");
      setTimeout(() => { if (screens.current() === "withdraw-done") goHome(); }, 10000);
    });
  }

  function confirmCheckout() {
    // The 1-5 stars are gone: the satisfaction survey (SKM) is offered once the departure is recorded.
    const ticketCode = current.ticket;
    api("/visits/" + encodeURIComponent(ticketCode) + "/checkout", { method: "POST", json: {} })
      .then((res) => {
        if (!res.ok) {
          $("[data-checkout-error]").classList.remove("k-why");
          $("[data-checkout-error]").textContent = res.data.message || T.network;
          return;
        }
        // "06:15 WIB": the clock without the date, still naming the zone as every other time does
        const time = (res.data.checked_out_at_text || "").split(" ").slice(1).join(" ");
        $("[data-done-message]").textContent = fmt(T.checked_out_at, { time });
        if (survey) survey.offer(ticketCode);
        screens.show("checkout-done");
        // Long enough to read the offer; one tap on Finish skips it.
        setTimeout(() => { if (screens.current() === "checkout-done") goHome(); }, survey ? 30000 : 8000);
      });
  }

  /* ---- by NIK + the last 4 phone digits ---- */
  function openFind(mode) {
    findMode = mode;
    const scope = $("[data-screen=find]");
    $("[data-find-title-answer]", scope).hidden = mode !== "answer";
    $("[data-find-title-checkout]", scope).hidden = mode !== "checkout";
    clearErrors(scope);
    screens.show("find");
  }

  function find() {
    const scope = $("[data-screen=find]");
    const form = $("[data-find-form]", scope);
    const nik = digits(form.find_nik.value), last4 = digits(form.find_last4.value);
    const local = {};
    if (nik.length !== 16) local.nik = withDigitsTyped(T.nik_16, T, nik.length);
    if (last4.length !== 4) local.phone_last4 = T.last4;
    if (showErrors(scope, local, T.fix_marked)) { focusFirstMarked(scope); return; }
    // h45u: no match comes as 200 found: false, with the box's words (not a failed load logged). h46g: said
    // there alone: the same miss also in the line under the boxes made it three times with h21u's two boxes
    api("/visits/find", { method: "POST", json: { nik, phone_last4: last4 } }).then((res) => {
      if (!res.ok || res.data.found === false) {
        if (res.data.fields) { showErrors(scope, res.data.fields); focusFirstMarked(scope); return; }
        clearErrors(scope);
        $("[data-find-error]", scope).textContent = res.data.message || T.network;
        return;
      }
      found(res.data);
    });
  }

  /* ---- by the KTP held up to the camera again ---- */
  function startCardCamera() {
    const scope = $("[data-screen=find]");
    cardSession = newId();
    const session = cardSession;
    camera = new Camera($("[data-video=find]", scope), $("[data-overlay=find]", scope));
    let busy = false;
    camera.start().then(() => {
      camera.loop((blob, taken) => sendFrame(blob, "ktp", session, taken), (res) => {
        if (!res.ok || busy) return;
        const d = res.data;
        if (camera) camera.draw(d.result.corners, d.guidance === "ready" || d.guidance === "hold_still");
        $("[data-find-guidance]", scope).textContent = d.message;
        if (d.captured && d.capture) { busy = true; findByCard(d.capture.id).then(() => { busy = false; }); }
      });
    }).catch((e) => {
      const off = $("[data-camera-off]", scope);
      off.textContent = cameraRefused(e) ? T.camera_blocked_find : T.camera_unavailable_find;
      off.hidden = false;
      $("[data-find-guidance]", scope).hidden = true;
    });
  }

  function stopCardCamera() {
    stopCamera();
    // Forget the frames' session and any picture it kept (the card was only read, never stored).
    if (cardSession) api("/scan/" + cardSession, { method: "DELETE", keepalive: true });
    cardSession = null;
  }

  function findByCard(captureId) {
    const scope = $("[data-screen=find]");
    // h44u: an unread card or no visit today comes as 200 found: false, with the NIK box's words
    return api("/visits/find-by-card", { method: "POST", json: { capture: captureId } }).then((res) => {
      if (!res.ok || res.data.found === false) {
        if (res.data.fields) { showErrors(scope, res.data.fields, res.data.message); focusFirstMarked(scope); return; }
        clearErrors(scope);
        $("[data-find-error]", scope).textContent = res.data.message || T.network;
        return;
      }
      found(res.data);
    });
  }

  /* h21u: nothing found, or a field wrong: the visitor's next touch is the first marked box (its message
     is its aria-describedby), so it takes the focus, and with it the on-screen keyboard. h29u: the
     keyboard opening there shows the other messages too (the other box's, the summary line) or closes,
     as when it was already open (ux13): at 1280x800 they stood under the button bar and the keys. */
  function focusFirstMarked(scope) {
    const box = $("input[aria-invalid=true]", scope);
    if (!box || document.activeElement === box) return;
    box.focus();
    const own = box.closest("label") || box;
    keepTypedInSight($$(".k-error", scope).filter((el) => el.textContent.trim() && !own.contains(el)));
  }

  function found(visit) {
    // Leaving: an approved visit is checked out, a waiting one may be withdrawn (ux12).
    if (findMode === "checkout" && (visit.may_check_out || visit.may_withdraw)) confirm(visit);
    else ticket.show(visit);  // the answer and the ticket, followed live if still pending
  }

  /* ---- by choosing one's name ---- */
  function openInside() {
    const scope = $("[data-screen=inside]");
    const list = $("[data-inside-list]", scope);
    list.textContent = "";
    picked = null;
    $("[data-inside-confirm]", scope).hidden = true;
    $("[data-action=inside-confirm]", scope).disabled = true;
    clearErrors(scope);
    screens.show("inside");
    return api("/inside").then((res) => {
      const people = res.ok ? res.data.visitors : [];
      $("[data-inside-empty]", scope).hidden = people.length > 0;
      for (const person of people) {
        const li = document.createElement("li");
        const b = document.createElement("button");
        b.type = "button";
        b.className = "k-name";
        b.dataset.visit = person.id;
        b.setAttribute("aria-pressed", "false");
        b.textContent = person.name;
        if (person.since_text) {
          const small = document.createElement("small");
          small.textContent = fmt(T.inside_since, { time: person.since_text });
          b.appendChild(small);
        }
        li.appendChild(b);
        list.appendChild(li);
      }
    });
  }

  function pick(button) {
    const scope = $("[data-screen=inside]");
    picked = Number(button.dataset.visit);
    $$(".k-name", scope).forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    $("[data-inside-name]", scope).textContent = button.firstChild.textContent;
    $("[data-inside-confirm]", scope).hidden = false;
    $("[data-action=inside-confirm]", scope).disabled = false;
    const input = $("input[name=inside_last4]", scope);
    input.value = "";
    clearErrors(scope);
    input.focus();
  }

  function confirmInside() {
    const scope = $("[data-screen=inside]");
    const last4 = digits($("input[name=inside_last4]", scope).value);
    if (last4.length !== 4) { showErrors(scope, { inside_last4: T.last4 }); return; }
    // h45u: wrong digits come as 200 found: false, with the digits box's words
    api(`/inside/${picked}/confirm`, { method: "POST", json: { phone_last4: last4 } }).then((res) => {
      if (!res.ok || res.data.found === false) {
        const f = res.data.fields || {};
        showErrors(scope, { inside_last4: f.phone_last4 || res.data.message || T.network });
        return;
      }
      confirm(res.data);
    });
  }

  /* h47g: what a way out holds, to carry over a language switch (a reload) and put back after it. */
  function typed() {
    const box = (name) => $(`input[name=${name}]`).value;
    return { screen: screens.current(), findMode, picked, ticket: box("ticket"), find_nik: box("find_nik"),
             find_last4: box("find_last4"), inside_last4: box("inside_last4") };
  }
  function restore(kept) {
    const put = (name) => { $(`input[name=${name}]`).value = kept[name] || ""; };
    if (kept.screen === "checkout") { screens.show("checkout"); put("ticket"); }
    if (kept.screen === "find") { openFind(kept.findMode === "answer" ? "answer" : "checkout"); put("find_nik"); put("find_last4"); }
    if (kept.screen === "inside") {
      openInside().then(() => {
        const b = kept.picked && $(`[data-screen=inside] .k-name[data-visit="${Number(kept.picked)}"]`);
        if (b) { pick(b); put("inside_last4"); }
      });
    }
  }

  $("[data-ticket-form]").addEventListener("submit", (e) => {
    e.preventDefault();
    lookupTicket(e.target.ticket.value);
  });
  $("[data-find-form]").addEventListener("submit", (e) => { e.preventDefault(); find(); });
  $("[data-find-form]").addEventListener("input", (e) => {
    clearField($("[data-screen=find]"), e.target.name === "find_nik" ? "nik" : "phone_last4");
  });
  $("[data-inside-list]").addEventListener("click", (e) => {
    const b = e.target.closest(".k-name");
    if (b) pick(b);
  });
  screens.onEnter("checkout", startCamera);
  screens.onLeave("checkout", stopCamera);
  screens.onEnter("find", startCardCamera);
  screens.onLeave("find", stopCardCamera);

  return {
    lookupTicket, confirmCheckout, confirmInside, find, askWithdraw,
    openFind, openInside, typed, restore,
  };
}
