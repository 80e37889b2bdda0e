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

/* h32p: the narrowest column the number pad docks in (three keys of 100 px and their gaps); a
   narrower one keeps it across the bottom of the screen. */
const MIN_DOCK = 340;

export function installKeyboard(panel) {
  let target = null, kind = null, docked = false;

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
    wholeInSight();
  }

  /* h45y: the whole of a long name appears (or takes one more line) under its box as it is typed: brought
     above the keys with the box when the two fit under the label's top (on a 200 % screen they do not:
     the box and its label stay in sight, h45x, and the line shows as the keys close) */
  function wholeInSight() {
    const el = target;
    const label = el && el.closest("label");
    const whole = label && label.querySelector("[data-whole-for]");
    if (!whole) return;
    requestAnimationFrame(() => {
      if (panel.hidden || target !== el || whole.hidden) return;
      const bar = el.closest("[data-screen]").querySelector(".k-actions");
      const bottom = window.innerHeight - (docked ? 0 : panel.offsetHeight) - (bar ? bar.offsetHeight : 0) - 8;
      if (whole.getBoundingClientRect().bottom > bottom) reveal(el);
    });
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
     button. h32p: so does the last field with a button beside it in its row (the returning visitor's
     last 4 digits and "Same as last time" on the KTP screen); that field keeps the focus, so a
     message about the digits is read out with it and a tap on it brings the keys back. A longer
     form's last field only closes the keyboard: its button is in the bar, to be pressed once the
     visitor has looked the screen over. */
  function next() {
    const after = following(target);
    if (after) { after.focus(); return; }
    const go = ownButton(target);
    if (go && go.type === "submit") { const form = target.form; hide(); form.requestSubmit(go); return; }
    hide(!!go);
    if (go) go.click();
  }

  /* The field the Next key goes to from `el` (the next one shown), or null on the last. */
  function following(el) {
    const fields = Array.from(document.querySelectorAll("[data-osk]")).filter((f) => f.offsetParent !== null);
    const i = fields.indexOf(el);
    return i >= 0 && i + 1 < fields.length ? fields[i + 1] : null;
  }

  /* The field's own button: a short form's submit button shown beside its fields (check-out's "Find
     my visit"), or the button in the field's row (h32p); null for a field whose form's button is in
     the screen's bar at the bottom. */
  function ownButton(el) {
    const row = el && el.closest(".k-inline");
    const beside = row && row.querySelector("button");
    if (beside && beside.offsetParent !== null) return beside;
    const go = el && el.form && el.form.querySelector("[type=submit]");
    return go && !go.closest(".k-actions") && go.offsetParent !== null ? go : null;
  }

  function show(el) {
    target = el;
    const wanted = el.dataset.osk;
    if (wanted !== kind) { build(wanted); kind = wanted; }
    panel.hidden = false;
    document.body.classList.add("k-osk-open");
    place(el);
    requestAnimationFrame(() => reveal(el, [], true));
  }

  /* h32p: on a landscape screen whose field stands in a column beside another (the returning visitor's
     KTP screen: the photo on the left, the welcome back and its buttons on the right) the number pad
     docks under the other column, over the photo, which needs no checking while the digits are typed:
     the field's column, its message and its buttons ("Same as last time", "Continue", "Take again")
     stay where they were, in sight, nothing moved under a finger. Elsewhere, and when that column is
     too narrow, the pad spans the bottom of the screen and --k-osk-h holds its height (the bar above
     it, room to scroll under the content). */
  function place(el) {
    const screen = el.closest("[data-screen]");
    const other = screen && screen.dataset.oskBeside ? screen.querySelector(screen.dataset.oskBeside) : null;
    let width = 0;
    if (other && kind === "numeric" && window.innerWidth > window.innerHeight && other.getClientRects().length) {
      const column = other.getBoundingClientRect(), field = el.getBoundingClientRect();
      if (column.right <= field.left) width = Math.round((column.right + field.left) / 2);
    }
    docked = width >= MIN_DOCK;
    panel.classList.toggle("k-osk-beside", docked);
    document.body.classList.toggle("k-osk-beside", docked);
    panel.style.width = docked ? width + "px" : "";
    document.documentElement.style.setProperty("--k-osk-h", docked ? "0px" : panel.offsetHeight + "px");
  }

  /* h32p: the buttons that take the visitor on from the screen's fields when they stand in the
     screen's flow, not in its bar (marked data-next-step: the KTP screen's "Same as last time",
     "Continue" and "Take again"); the bar is always shown above the keys. */
  function nextSteps(screen) {
    return screen ? Array.from(screen.querySelectorAll("[data-next-step]")).filter((b) => b.offsetParent !== null) : [];
  }

  /* The field being typed shows between the screen's heading and the keyboard (with the button bar),
     scrolled as little as that needs: the visitor keeps seeing what the screen asks. While the
     keyboard is open the heading is sticky (kiosk.css), so a field further down scrolls up to just
     under it, never behind it. */
  function reveal(el, also = [], withNext = false) {
    const screen = el.closest("[data-screen]");
    const bar = screen && screen.querySelector(".k-actions");
    // h45x: on a very short screen (a kiosk's text at 200 %) the heading does not stick (kiosk.css)
    const heading = screen && Array.from(screen.querySelectorAll("h1"))
      .find((h) => h.offsetParent !== null && getComputedStyle(h).position === "sticky");
    const bottom = window.innerHeight - (docked ? 0 : panel.offsetHeight) - (bar ? bar.offsetHeight : 0) - 8;
    const ceiling = heading ? heading.offsetHeight + 8 : 2;  // no heading above: the label at the top
    // h47c: where a line sticks under the heading (the find screen's camera lead, kiosk.css)
    document.documentElement.style.setProperty("--k-heading-h", (heading ? heading.offsetHeight : 0) + "px");
    const r = el.getBoundingClientRect();
    const label = el.closest("label") || el;
    const top = Math.min(r.top, label.getBoundingClientRect().top);
    // A short form's own button just under the field (the check-out screen's "Find my visit") is
    // shown too when it fits, so the visitor sees how to go on (a button in the bar is always shown).
    const go = ownButton(el);
    const goBox = go ? go.getBoundingClientRect() : null;
    // ux13: the field's own message under it is part of what must show, and so are the messages of
    // the other fields marked with it (`also`), when they fit with this field's name under the heading.
    // h32p: a field whose message stands under its row, not in its label (the returning visitor's digits)
    // h45u: and a line under a group of its own ("Pernah berkunjung?": the recall's answer, under the
    // digits and "Isi otomatis"), which a pad opened on the digits again left under the button bar
    const group = el.closest(".k-recall");
    const own = (label.querySelector && label.querySelector("[data-error-for]"))
      || (screen && el.name && screen.querySelector(`[data-error-for="${el.name}"]`))
      || (group && group.querySelector("[data-error-for]"));
    const said = (els) => els.filter((e) => e && e.textContent.trim()).map((e) => e.getBoundingClientRect().bottom);
    const goal = Math.max(goBox && goBox.top - r.bottom < 120 ? goBox.bottom : r.bottom, ...said([own]));
    // h45y: and the whole of a long name under its box (form.js showWhole), when it fits with the label
    // under the heading: typed on the keys it stood under them until they closed
    const whole = label.querySelector && label.querySelector("[data-whole-for]:not([hidden])");
    const wanted = Math.max(goal, ...said(also), ...said([whole]));
    // h23v: and, as the keyboard opens on a field, the field after it (where Next goes), when it
    // fits with this one under the heading: a visitor who typed the name did not see "Mobile phone"
    // under the keys and stopped there. Not when messages are shown (k-reveal below): they come first.
    const after = withNext ? following(el) : null;
    const further = after ? (after.closest("label") || after).getBoundingClientRect().bottom : 0;
    // h32p: and the screen's next steps under the field (a returning visitor typed the digits and did
    // not see "Lanjut" and "Ambil ulang" under the pad), when they fit with the field under the heading
    const steps = nextSteps(screen).map((b) => b.getBoundingClientRect().bottom);
    const onward = steps.length ? Math.max(...steps) : 0;
    let by = 0;
    if (goal > bottom) by = goal - bottom;
    if (wanted > bottom && wanted - bottom <= top - ceiling) by = Math.max(by, wanted - bottom);
    if (further > bottom && further - bottom <= top - ceiling) by = Math.max(by, further - bottom);
    if (onward > bottom && onward - bottom <= top - ceiling) by = Math.max(by, onward - bottom);
    if (top - by < ceiling) by = top - ceiling;
    const summary = screen && screen.querySelector(".k-summary-error");
    // scrolled less to spare a cut line, the field after this one and the next steps still show when
    // they were shown (h23v, h32p): the least scroll keeps each that was brought above the keys
    const kept = [goal, ...said([summary]), ...[wanted, further, onward].filter((y) => y > bottom && y - bottom <= by)];
    by = clearOfTheKeys(screen, el, by, top - ceiling, goal - bottom);
    by = clearOfTheHeading(screen, heading, el, by, top - ceiling, Math.max(...kept) - bottom);
    // the page's foot grows by what it lacks to scroll that far (--k-osk-room, until the keys close)
    const room = document.scrollingElement.scrollHeight - window.innerHeight - window.scrollY;
    if (by > room) document.documentElement.style.setProperty("--k-osk-room", Math.ceil(by - room) + "px");
    if (by) window.scrollBy({ top: by });
    return wanted - by <= bottom;
  }

  /* h34v: the scroll `by` left a button, a box or a line cut in two by the sticky heading's lower edge
     (the chosen name on "Pilih nama Anda" at 1024x768; the NIK box at 1920x1080 once a message was
     brought above the bar): half a button looks like no button, half a line like a fault. Scroll a
     little less so it stands whole when the field, its message and the screen's summary line still
     show above the keys (`least`), or else a little more so it goes whole under the heading while the
     field stays under it (`most`). */
  function clearOfTheHeading(screen, heading, el, by, most, least) {
    if (!heading) return by;
    const edge = heading.offsetHeight;
    const h = heading.getBoundingClientRect();
    // only what the heading's column holds: on a split screen the other column goes on beside it
    const parts = Array.from(screen.querySelectorAll("input, button, p, li, legend, h2, .k-field > span"))
      .filter((p) => !heading.contains(p) && !p.contains(el) && p.offsetParent !== null)
      .map((p) => p.getBoundingClientRect()).filter((r) => r.height && r.left < h.right && r.right > h.left);
    for (let round = 0; round < 4; round++) {
      const cut = parts.find((r) => r.top - by < edge - 1 && r.bottom - by > edge + 1);
      if (!cut) break;
      const less = cut.top - edge, more = cut.bottom - edge;
      if (less >= least && less >= -window.scrollY) by = less;
      else if (more <= most) by = more;
      else break;
    }
    return by;
  }

  /* h39b: the same at the keys' top edge (with the button bar over them): at 1920x1080 the letter keys
     opened on the name left the "Pernah berkunjung?" box half under the bar, its digits box hidden and
     its line cut, a box that looks like it cannot be reached (axe's target-size rule flagged it).
     Scroll a little more so what is cut stands whole above the bar while the field stays under the
     heading (`most`), or else a little less so it goes whole under the keys while the field still
     shows above them (`least`: the least scroll that keeps it there). */
  function clearOfTheKeys(screen, el, by, most, least) {
    if (docked || !screen) return by;
    const bar = screen.querySelector(".k-actions");
    const edge = bar && bar.offsetParent !== null ? bar.getBoundingClientRect().top : panel.getBoundingClientRect().top;
    const parts = Array.from(screen.querySelectorAll("input, button, p, li, legend, h2, .k-field > span, .k-recall"))
      .filter((p) => p !== el && !(bar && bar.contains(p)) && p.offsetParent !== null)
      .map((p) => p.getBoundingClientRect()).filter((r) => r.height);
    for (let round = 0; round < 4; round++) {
      const cut = parts.find((r) => r.top - by < edge - 1 && r.bottom - by > edge + 1);
      if (!cut) break;
      const more = cut.bottom - edge + 8, less = cut.top - edge;
      if (more <= most) by = Math.max(by, more);
      else if (less >= -window.scrollY && less >= least) by = less;
      else break;
    }
    return by;
  }

  function hide(keepFocus = false) {
    panel.hidden = true;
    document.body.classList.remove("k-osk-open", "k-osk-beside");
    panel.classList.remove("k-osk-beside");
    panel.style.width = "";
    docked = false;
    document.documentElement.style.setProperty("--k-osk-h", "0px");
    document.documentElement.style.setProperty("--k-osk-room", "0px");
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
    if (!panel.hidden && !docked) document.documentElement.style.setProperty("--k-osk-h", panel.offsetHeight + "px");
  }).observe(panel);
  // h23v: and the field being typed (with the one after it) back in sight on the turned screen.
  window.addEventListener("resize", () => {
    if (!panel.hidden && target) requestAnimationFrame(() => { if (target) { place(target); reveal(target, [], true); } });
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
