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
    }
  });
})();
