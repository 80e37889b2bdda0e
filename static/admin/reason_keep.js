/* h21u: a refusal reason half typed by the Kasubag survives a reload, and a session that ended and came
   back after the login page (same tab): it is kept in sessionStorage by its request ("visit-12") until
   the decision is made. Kept only in this tab, and forgotten when the tab closes.
   Forgotten: when queue.js reports the decision sent ("decision-sent"); on the queue, for a request no
   longer waiting (its data-reasons-waiting lists those that are); on a visit's page once it is decided. */
(function () {
  const PREFIX = "lpsedesk.refusal-reason.";
  const get = (key) => { try { return sessionStorage.getItem(PREFIX + key); } catch (e) { return null; } };
  const put = (key, text) => { try { sessionStorage.setItem(PREFIX + key, text); } catch (e) { /* full or off */ } };
  const drop = (key) => { try { sessionStorage.removeItem(PREFIX + key); } catch (e) { /* off */ } };
  const BOX = "textarea[name=reason][data-keep-key]";

  function keep(box) { if (box.value.trim()) put(box.dataset.keepKey, box.value); else drop(box.dataset.keepKey); }

  function restore() {
    document.querySelectorAll(BOX).forEach((box) => {
      const kept = get(box.dataset.keepKey);
      if (!kept || box.value) return;
      box.value = kept;
      const refuse = box.closest("details");
      if (refuse) refuse.open = true;  // the panel shows what was being written
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
        if (name && name.startsWith(PREFIX) && !still.has(name.slice(PREFIX.length))) sessionStorage.removeItem(name);
      }
    } catch (e) { /* storage off */ }
  }

  document.addEventListener("input", (e) => { if (e.target.matches && e.target.matches(BOX)) keep(e.target); });
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
  forgetDecided();
  restore();
})();
