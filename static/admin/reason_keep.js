/* h21u: a refusal reason half typed by the Kasubag survives a reload, and a session that ended and came
   back after the login page (same tab): it is kept in sessionStorage by its request ("visit-12") until
   the decision is made. Kept only in this tab, and forgotten when the tab closes.
   Forgotten: when queue.js reports the decision sent ("decision-sent"); on the queue, for a request no
   longer waiting (its data-reasons-waiting lists those that are); on a visit's page once it is decided.
   h37e: the escort chosen for a server-room request too (its picker's data-keep-key), kept and forgotten
   alike: chosen, then Approve after the session had ended, the login page came and the queue came back
   with the picker at "–" and its bar asking for an escort again.
   h39d: the request something was restored into is marked (data-kept), for queue.js to show it first.
   h45s: kept for the person who typed it (OWNER names them): on a phone the staff share, a session that
   ended and a login by someone else forgets it, so nobody finds another's sentence in the refusal box;
   "Keluar akun" forgets it at once (logout_forgets.js). */
(function () {
  const PREFIX = "lpsedesk.refusal-reason.", ESCORT = "lpsedesk.escort.", OWNER = "lpsedesk.kept-for";
  const get = (key, prefix = PREFIX) => { try { return sessionStorage.getItem(prefix + key); } catch (e) { return null; } };
  const put = (key, text, prefix = PREFIX) => { try { sessionStorage.setItem(prefix + key, text); } catch (e) { /* full or off */ } };
  const forget = (key, prefix) => { try { sessionStorage.removeItem(prefix + key); } catch (e) { /* off */ } };
  // a request decided: its reason and its escort
  const drop = (key) => { forget(key, PREFIX); forget(key, ESCORT); };
  const BOX = "textarea[name=reason][data-keep-key]";
  const PICKER = "select[name=escort_id][data-keep-key]";

  function keep(box) { if (box.value.trim()) put(box.dataset.keepKey, box.value); else forget(box.dataset.keepKey, PREFIX); }
  function keepEscort(picker) {
    if (picker.value) put(picker.dataset.keepKey, picker.value, ESCORT); else forget(picker.dataset.keepKey, ESCORT);
  }

  // h39d: the request whose decision was under way when the session ended: the phone's queue (one request at
  // a time, queue.js) came back at 1 / 4 on another, the kept reason three taps away and nothing saying the
  // refusal had not been sent. queue.js shows this one first.
  function markKept(field) { const card = field.closest(".req"); if (card) card.dataset.kept = "1"; }

  function restore() {
    document.querySelectorAll(BOX).forEach((box) => {
      const kept = get(box.dataset.keepKey);
      if (!kept || box.value) return;
      box.value = kept;
      const refuse = box.closest("details");
      if (refuse) refuse.open = true;  // the panel shows what was being written
      markKept(box);
    });
    // Only a person still offered (the staff may have changed meanwhile); the change event lets
    // field_needed.js clear the picker's sentence and the bar say "Approve" again.
    document.querySelectorAll(PICKER).forEach((picker) => {
      const kept = get(picker.dataset.keepKey, ESCORT);
      if (!kept || picker.value || ![...picker.options].some((o) => o.value === kept)) return;
      picker.value = kept;
      picker.dispatchEvent(new Event("change", { bubbles: true }));
      markKept(picker);
    });
  }

  function forgetDecided() {
    document.querySelectorAll("[data-reason-decided]").forEach((el) => drop(el.dataset.reasonDecided));
    const waiting = document.querySelector("[data-reasons-waiting]");
    if (!waiting) return;
    const still = new Set(waiting.dataset.reasonsWaiting.split(/\s+/).filter(Boolean));
    try {
      for (let i = sessionStorage.length - 1; i >= 0; i--) {
        const name = sessionStorage.key(i);
        const prefix = [PREFIX, ESCORT].find((p) => name && name.startsWith(p));
        if (prefix && !still.has(name.slice(prefix.length))) sessionStorage.removeItem(name);
      }
    } catch (e) { /* storage off */ }
  }

  // h45s: what this tab kept belongs to whoever was logged in when it was typed.
  function forgetAnotherPersons() {
    const me = (document.querySelector('meta[name="staff-user"]') || {}).content || "";
    try {
      if (sessionStorage.getItem(OWNER) === me) return;
      for (let i = sessionStorage.length - 1; i >= 0; i--) {
        const name = sessionStorage.key(i);
        if (name && (name.startsWith(PREFIX) || name.startsWith(ESCORT))) sessionStorage.removeItem(name);
      }
      sessionStorage.setItem(OWNER, me);
    } catch (e) { /* storage off: nothing was kept */ }
  }

  document.addEventListener("input", (e) => { if (e.target.matches && e.target.matches(BOX)) keep(e.target); });
  document.addEventListener("change", (e) => { if (e.target.matches && e.target.matches(PICKER)) keepEscort(e.target); });
  // A tapped chip fills the box (reason_chips.js) without an input event.
  document.addEventListener("click", (e) => {
    const chip = e.target.closest && e.target.closest("[data-reason]");
    const box = chip && chip.closest("form") && chip.closest("form").querySelector(BOX);
    if (box) setTimeout(() => keep(box));
  });
  document.addEventListener("decision-sent", (e) => {
    const box = e.target.querySelector && e.target.querySelector(BOX);
    if (box) drop(box.dataset.keepKey);
  });
  // live.js redraws the queue: a redrawn card's box is empty again, and a decided request has gone.
  document.addEventListener("live:swapped", () => { forgetDecided(); restore(); }, true);  // it does not bubble
  forgetAnotherPersons();
  forgetDecided();
  restore();
})();
