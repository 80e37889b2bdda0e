/* On-screen keyboard: letters for names, a number pad for NIK and phone, so no physical keyboard
   is needed. Fields ask for it with data-osk="text|numeric|email"; inputmode="none" keeps a tablet's
   own keyboard away. Keys never take the focus (pointerdown is cancelled), so the caret stays put.
   While it is open, --k-osk-h holds its height, so the screen's main button bar sits just above it. */
const LAYOUTS = {
  text: [
    "1234567890".split(""),
    "QWERTYUIOP".split(""),
    "ASDFGHJKL'".split(""),
    [..."ZXCVBNM".split(""), ".", ",", "-"],
    ["{space}", "{back}", "{next}", "{hide}"],
  ],
  email: [
    "1234567890".split(""),
    "qwertyuiop".split(""),
    "asdfghjkl@".split(""),
    [..."zxcvbnm".split(""), ".", "-", "_"],
    [".com", ".id", ".go.id", "{back}", "{next}", "{hide}"],
  ],
  numeric: [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"], ["{back}", "0", "{next}"], ["{hide}"]],
};

export function installKeyboard(panel) {
  let target = null, kind = null;

  function label(key) {
    const names = { "{space}": panel.dataset.labelSpace, "{next}": panel.dataset.labelNext,
                    "{hide}": panel.dataset.labelHide, "{back}": "\u232B" };
    return names[key] || key;
  }

  function build(layout) {
    panel.textContent = "";
    panel.className = "k-osk k-osk-" + layout;
    for (const row of LAYOUTS[layout]) {
      const line = document.createElement("div");
      line.className = "k-osk-row";
      for (const key of row) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "k-key" + (key.charAt(0) === "{" ? " k-key-" + key.slice(1, -1) : "");
        b.dataset.key = key;
        b.textContent = label(key);
        if (key === "{back}") b.setAttribute("aria-label", panel.dataset.labelBack);
        line.appendChild(b);
      }
      panel.appendChild(line);
    }
  }

  function insert(text) {
    if (!target) return;
    const max = target.maxLength > 0 ? target.maxLength : 1e6;
    const start = target.selectionStart == null ? target.value.length : target.selectionStart;
    const end = target.selectionEnd == null ? target.value.length : target.selectionEnd;
    if (target.value.length - (end - start) + text.length > max) return;
    target.setRangeText(text, start, end, "end");
    target.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function backspace() {
    if (!target) return;
    let start = target.selectionStart;
    const end = target.selectionEnd;
    if (start === end && start > 0) start -= 1;
    target.setRangeText("", start, end, "end");
    target.dispatchEvent(new Event("input", { bubbles: true }));
  }

  /* Next moves to the following field. On the last field of a short form with its own button (the
     check-out screen's "Find my visit") it goes on, as a phone keyboard's Go key does: a visitor who
     taps Next after the ticket code expects the next step, not a closed keyboard and a hunt for the
     button. A longer form's last field only closes the keyboard: its button is in the bar, to be
     pressed once the visitor has looked the screen over. */
  function next() {
    const after = following(target);
    if (after) { after.focus(); return; }
    const form = target && target.form, go = ownButton(form);
    hide();
    if (go) form.requestSubmit(go);
  }

  /* The field the Next key goes to from `el` (the next one shown), or null on the last. */
  function following(el) {
    const fields = Array.from(document.querySelectorAll("[data-osk]")).filter((f) => f.offsetParent !== null);
    const i = fields.indexOf(el);
    return i >= 0 && i + 1 < fields.length ? fields[i + 1] : null;
  }

  /* A short form's own submit button, shown beside its fields (check-out's "Find my visit"); null for
     a form whose button is in the screen's bar at the bottom. */
  function ownButton(form) {
    const go = form && form.querySelector("[type=submit]");
    return go && !go.closest(".k-actions") && go.offsetParent !== null ? go : null;
  }

  function show(el) {
    target = el;
    const wanted = el.dataset.osk;
    if (wanted !== kind) { build(wanted); kind = wanted; }
    panel.hidden = false;
    document.body.classList.add("k-osk-open");
    document.documentElement.style.setProperty("--k-osk-h", panel.offsetHeight + "px");
    requestAnimationFrame(() => reveal(el, [], true));
  }

  /* The field being typed shows between the screen's heading and the keyboard (with the button bar),
     scrolled as little as that needs: the visitor keeps seeing what the screen asks. While the
     keyboard is open the heading is sticky (kiosk.css), so a field further down scrolls up to just
     under it, never behind it. */
  function reveal(el, also = [], withNext = false) {
    const screen = el.closest("[data-screen]");
    const bar = screen && screen.querySelector(".k-actions");
    const heading = screen && Array.from(screen.querySelectorAll("h1")).find((h) => h.offsetParent !== null);
    const bottom = window.innerHeight - panel.offsetHeight - (bar ? bar.offsetHeight : 0) - 8;
    const ceiling = (heading ? heading.offsetHeight : 0) + 8;
    const r = el.getBoundingClientRect();
    const label = el.closest("label") || el;
    const top = Math.min(r.top, label.getBoundingClientRect().top);
    // A short form's own button just under the field (the check-out screen's "Find my visit") is
    // shown too when it fits, so the visitor sees how to go on (a button in the bar is always shown).
    const go = ownButton(el.form);
    const goBox = go ? go.getBoundingClientRect() : null;
    // ux13: the field's own message under it is part of what must show, and so are the messages of
    // the other fields marked with it (`also`), when they fit with this field's name under the heading.
    const own = label.querySelector && label.querySelector("[data-error-for]");
    const said = (els) => els.filter((e) => e && e.textContent.trim()).map((e) => e.getBoundingClientRect().bottom);
    const goal = Math.max(goBox && goBox.top - r.bottom < 120 ? goBox.bottom : r.bottom, ...said([own]));
    const wanted = Math.max(goal, ...said(also));
    // h23v: and, as the keyboard opens on a field, the field after it (where Next goes), when it
    // fits with this one under the heading: a visitor who typed the name did not see "Mobile phone"
    // under the keys and stopped there. Not when messages are shown (k-reveal below): they come first.
    const after = withNext ? following(el) : null;
    const further = after ? (after.closest("label") || after).getBoundingClientRect().bottom : 0;
    let by = 0;
    if (goal > bottom) by = goal - bottom;
    if (wanted > bottom && wanted - bottom <= top - ceiling) by = Math.max(by, wanted - bottom);
    if (further > bottom && further - bottom <= top - ceiling) by = Math.max(by, further - bottom);
    if (top - by < ceiling) by = top - ceiling;
    if (by) window.scrollBy({ top: by });
    return wanted - by <= bottom;
  }

  function hide(keepFocus = false) {
    panel.hidden = true;
    document.body.classList.remove("k-osk-open");
    document.documentElement.style.setProperty("--k-osk-h", "0px");
    if (target && !keepFocus) target.blur();
    target = null;
  }

  // A message that appeared under the field being typed (a wrong ticket code) pushes what follows it,
  // the form's own button, under the keyboard: errors.js asks to show the field again (ux11).
  // ux13: with other fields marked too, their messages must show as well; where the keyboard leaves
  // no room for them all, it closes, so every message stands above the button bar (a tap on a field
  // brings the keyboard back, to that field).
  document.addEventListener("k-reveal", (e) => {
    const also = (e.detail && e.detail.also) || [];
    if (panel.hidden || !target) return;
    requestAnimationFrame(() => {
      if (!target || reveal(target, also)) return;
      const first = target.closest(".k-field, label") || target;
      // h21u: the box keeps the focus (a screen reader says its message); a tap on it opens the keys
      hide(true);
      requestAnimationFrame(() => first.scrollIntoView({ block: "nearest" }));
    });
  });
  document.addEventListener("focusin", (e) => {
    if (e.target.matches && e.target.matches("[data-osk]")) show(e.target);
  });
  // A tap on the box that kept the focus with the keyboard closed (above) brings the keyboard back.
  document.addEventListener("click", (e) => {
    if (panel.hidden && e.target.matches && e.target.matches("[data-osk]") && e.target === document.activeElement) show(e.target);
  });
  // A tapped choice (chip, star, tick box) needs no keyboard: make room for the page again, once the
  // tap is over (hiding it on focus would move the page under the finger between press and release).
  document.addEventListener("change", (e) => {
    if (e.target.matches && e.target.matches("input[type=radio], input[type=checkbox]") && !panel.hidden) hide();
  });
  // Its height changes with the screen (a kiosk turned, a resized window): keep the bar above it.
  new ResizeObserver(() => {
    if (!panel.hidden) document.documentElement.style.setProperty("--k-osk-h", panel.offsetHeight + "px");
  }).observe(panel);
  // h23v: and the field being typed (with the one after it) back in sight on the turned screen.
  window.addEventListener("resize", () => {
    if (!panel.hidden && target) requestAnimationFrame(() => { if (target) reveal(target, [], true); });
  });
  panel.addEventListener("pointerdown", (e) => e.preventDefault());
  panel.addEventListener("mousedown", (e) => e.preventDefault());
  panel.addEventListener("click", (e) => {
    const b = e.target.closest("[data-key]");
    if (!b || !target) return;
    const key = b.dataset.key;
    if (key === "{back}") backspace();
    else if (key === "{space}") insert(" ");
    else if (key === "{next}") next();
    else if (key === "{hide}") hide();
    else insert(key);
  });
  return { hide };
}
