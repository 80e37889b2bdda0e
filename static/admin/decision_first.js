/* ux7: a remote-access request waiting for this person's decision, opened directly on a phone (a
   link passed on in a chat, the register, the history) opens at the decision card, as the queue's
   link (#next-step) opens it: "Setujui" lay under the fold (its top at 877 px of a 740 px screen).
   The card names who asks and what for. A page that came back with a problem or names a place of
   its own is left to first_error.js / the browser.
   ux8: a visit's page too (Setujui's top at 969 px, under the guest book).
   h30p: a letter's decision bar rides at the screen's bottom edge (remote.css) and, opened so on a
   360x640 phone, covered the second line of the end date's hint. What the bar would cover is scrolled
   up above it, as far as keeps who asks (the first fact) in sight; a field of the decision reached
   with Tab or a tap comes to rest above the bar with its hints. */
(() => {
  const phone = () => window.matchMedia("(max-width: 760px)").matches;

  // how far the decision's part just before its bar runs under the bar (<= 0: nothing covered)
  const underTheBar = (bar, part) => part.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;

  function clearOfTheBar(card) {
    const bar = card.querySelector(".approve-bar");
    const part = bar && bar.previousElementSibling;
    const first = card.querySelector(".decide-context dt");
    if (!part || !first) return;
    const over = underTheBar(bar, part);
    if (over <= 0) return;
    const firstTop = first.getBoundingClientRect().top - 8;
    let lift = Math.min(over, firstTop);
    // a card heading cut in half at the screen's top reads worse than none: then the first fact leads
    const heading = card.querySelector("h2");
    if (heading && heading.getBoundingClientRect().top < lift) lift = firstTop;
    window.scrollBy(0, lift);
    if (underTheBar(bar, part) > 0) restOnWholeLines(card, bar, part);
  }

  /* h32s: a decision taller than the screen (a purpose of 300+ characters, a URL, an instansi's long
     name) cannot rest whole above the bar, and the bar's top edge fell where it fell: across a line of
     the purpose, or across the end date's hint (390x844, a 260-character purpose: the hint's first
     line cut in half). The page moves the least it must, up to a few lines, so that the bar's top
     edge and the screen's top edge each fall between two lines, and the end date's label, boxes and
     hints are shown together or not yet at all.
     h43m: "not yet at all" had come to mean the end date's label hidden behind the bar (320 px, English:
     a decision 2 px taller than the room left under the first fact went back 270 px). No field's label
     is left behind the bar: the group rests wholly above it, or starts below the screen. The page may
     also go on, as far as keeps who asks (the first fact) on the screen, when that is the nearer. */
  function restOnWholeLines(card, bar, part) {
    const y = window.scrollY;
    const box = bar.getBoundingClientRect();
    const edge = box.top;
    const group = part.getBoundingClientRect();
    const units = [[group.top + y, group.bottom + y]];
    const range = document.createRange();
    const texts = document.createTreeWalker(document.querySelector("main") || document.body, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      if (!node.data.trim() || part.contains(node) || bar.contains(node)
          || !(node.compareDocumentPosition(bar) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) units.push([line.top + y, line.bottom + y]);
    }
    // the tops of the decision's field labels before the bar (the end date's legend, its boxes' labels)
    const labels = [...(bar.closest("form") || card).querySelectorAll("legend, label")]
      .filter((label) => label.getClientRects().length && !bar.contains(label)
              && (label.compareDocumentPosition(bar) & Node.DOCUMENT_POSITION_FOLLOWING))
      .map((label) => label.getBoundingClientRect().top + y);
    const cuts = (at) => units.some(([top, bottom]) => top < at - 0.5 && bottom > at + 0.5);
    const behind = (s) => labels.some((top) => top >= s + edge - 0.5 && top < s + box.bottom);
    const fits = (s) => !cuts(s) && !cuts(s + edge) && !behind(s);
    const back = Math.min(y, group.height + edge / 3);
    const first = card.querySelector(".decide-context dt");
    const room = document.scrollingElement.scrollHeight - window.innerHeight - y;
    const on = first ? Math.max(0, Math.min(room, first.getBoundingClientRect().top)) : 0;
    for (let d = 0; d <= Math.max(back, on); d += 1) {
      if (d <= back && fits(y - d)) { window.scrollTo(0, y - d); return; }
      if (d > 0 && d <= on && fits(y + d)) { window.scrollTo(0, y + d); return; }
    }
  }

  function fieldsRestAboveTheBar(card) {
    const bar = card.querySelector(".approve-bar");
    if (!bar) return;
    card.addEventListener("focusin", (event) => {
      // the whole field with its hints: a two-part date's fieldset, else the field's label
      const group = event.target.closest("fieldset") || event.target.closest("label");
      // only the decision's fields before the bar: the reason below it is never under it
      if (!phone() || !group || !(group.compareDocumentPosition(bar) & Node.DOCUMENT_POSITION_FOLLOWING)) return;
      requestAnimationFrame(() => {
        const over = underTheBar(bar, group);
        if (over > 0) window.scrollBy(0, over);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const card = document.querySelector("#next-step.deciding");
    if (!card) return;
    fieldsRestAboveTheBar(card);
    if (window.location.hash || document.querySelector("main .error, main .flash-error")) return;
    if (phone()) {
      card.scrollIntoView({ block: "start" });
      clearOfTheBar(card);
      // a visit's bar (staff.css, h32s): the card's top stays, the lines at the bar are whole
      const bar = card.querySelector(":scope > .decide");
      const part = bar && bar.previousElementSibling;
      if (part && getComputedStyle(bar).position === "sticky" && underTheBar(bar, part) > 0) restOnWholeLines(card, bar, part);
    }
  });
})();
