/* On-screen keyboard: letters for names, a number pad for NIK and phone, so no physical keyboard
   is needed. Fields ask for it with data-osk="text|numeric|email"; inputmode="none" keeps a tablet's
   own keyboard away. Keys never take the focus (pointerdown is cancelled), so the caret stays put. */
(function () {
  "use strict";
  var LAYOUTS = {
    text: [
      "1234567890".split(""),
      "QWERTYUIOP".split(""),
      "ASDFGHJKL'".split(""),
      ["ZXCVBNM".split(""), [".", ",", "-"]].flat(),
      ["{space}", "{back}", "{next}", "{hide}"]
    ],
    email: [
      "1234567890".split(""),
      "qwertyuiop".split(""),
      "asdfghjkl@".split(""),
      ["zxcvbnm".split(""), [".", "-", "_"]].flat(),
      [".com", ".id", ".go.id", "{back}", "{next}", "{hide}"]
    ],
    numeric: [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"], ["{back}", "0", "{next}"], ["{hide}"]]
  };

  var panel, target = null, kind = null;

  function label(key) {
    var names = { "{space}": panel.dataset.labelSpace, "{next}": panel.dataset.labelNext,
                  "{hide}": panel.dataset.labelHide, "{back}": "\u232B" };
    return names[key] || key;
  }

  function build(layout) {
    panel.textContent = "";
    panel.className = "k-osk k-osk-" + layout;
    LAYOUTS[layout].forEach(function (row) {
      var line = document.createElement("div");
      line.className = "k-osk-row";
      row.forEach(function (key) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "k-key" + (key.charAt(0) === "{" ? " k-key-" + key.slice(1, -1) : "");
        b.dataset.key = key;
        b.textContent = label(key);
        line.appendChild(b);
      });
      panel.appendChild(line);
    });
  }

  function insert(text) {
    if (!target) return;
    var max = target.maxLength > 0 ? target.maxLength : 1e6;
    var start = target.selectionStart == null ? target.value.length : target.selectionStart;
    var end = target.selectionEnd == null ? target.value.length : target.selectionEnd;
    if (target.value.length - (end - start) + text.length > max) return;
    target.setRangeText(text, start, end, "end");
    target.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function backspace() {
    if (!target) return;
    var start = target.selectionStart, end = target.selectionEnd;
    if (start === end && start > 0) start -= 1;
    target.setRangeText("", start, end, "end");
    target.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function next() {
    var fields = Array.prototype.slice.call(document.querySelectorAll("[data-osk]")).filter(function (el) {
      return el.offsetParent !== null;
    });
    var i = fields.indexOf(target);
    if (i >= 0 && i + 1 < fields.length) fields[i + 1].focus();
    else hide();
  }

  function show(el) {
    target = el;
    var wanted = el.dataset.osk;
    if (wanted !== kind) { build(wanted); kind = wanted; }
    panel.hidden = false;
    document.body.classList.add("k-osk-open");
    el.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function hide() {
    if (panel) panel.hidden = true;
    document.body.classList.remove("k-osk-open");
    if (target) target.blur();
    target = null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    panel = document.querySelector("[data-osk-panel]");
    if (!panel) return;
    document.addEventListener("focusin", function (e) {
      if (!e.target.matches) return;
      if (e.target.matches("[data-osk]")) show(e.target);
      // A tapped choice (chip, star, tick box) needs no keyboard: make room for the page again.
      else if (e.target.matches("input[type=radio], input[type=checkbox]")) hide();
    });
    panel.addEventListener("pointerdown", function (e) { e.preventDefault(); });
    panel.addEventListener("mousedown", function (e) { e.preventDefault(); });
    panel.addEventListener("click", function (e) {
      var b = e.target.closest("[data-key]");
      if (!b || !target) return;
      var key = b.dataset.key;
      if (key === "{back}") backspace();
      else if (key === "{space}") insert(" ");
      else if (key === "{next}") next();
      else if (key === "{hide}") hide();
      else insert(key);
    });
  });

  window.KioskKeyboard = { hide: hide };
})();
