/* h21u: the remote-access request's period (Waktu Pemberian / Penutupan) checked as soon as a date is
   changed, the message beside its field (aria-describedby), not only after "Save": an end before the
   start or already past (the server refuses both too, in the same words: lpsedesk/remote_ops.py
   request_dates_problem), and a start already past (said, not refused: a letter may be recorded
   late). What the script cannot read is left to the server. WIB is UTC+7. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-period-check]");
  if (!form) { return; }
  var start = form.querySelector("input[name=period_start]"), end = form.querySelector("input[name=period_end]");
  if (!start || !end) { return; }
  var words = form.dataset;

  // "25/12/2026 14:30" (also 25-12-2026, 25.12.2026, 14.30, or an ISO 2026-12-25T14:30) in WIB, as a
  // time in ms; null when it cannot be read (the server then says how to write it).
  function read(text) {
    var t = String(text || "").trim(), m, y, mo, d;
    if ((m = /^(\d{1,2})\s*[\/.-]\s*(\d{1,2})\s*[\/.-]\s*(\d{4})(?:\s*(?:,|T|\s)\s*(?:(?:pukul|jam|at)\s+)?(\d{1,2})[:.](\d{2}))?$/i.exec(t))) {
      d = +m[1]; mo = +m[2]; y = +m[3];
    } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s*(?:T|\s)\s*(\d{1,2})[:.](\d{2}))?$/i.exec(t))) {
      y = +m[1]; mo = +m[2]; d = +m[3];
    } else { return null; }
    var h = m[4] === undefined ? 0 : +m[4], mi = m[5] === undefined ? 0 : +m[5];
    var ms = Date.UTC(y, mo - 1, d, h - 7, mi);
    var back = new Date(ms + 7 * 3600e3);
    if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59) { return null; }
    return ms;
  }

  function lineFor(input) {
    var id = "live-" + input.name, line = document.getElementById(id);
    if (!line) {
      line = document.createElement("span");
      line.id = id;
      line.setAttribute("aria-live", "polite");
      input.closest("label").appendChild(line);
      var said = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
      said.push(id);
      input.setAttribute("aria-describedby", said.join(" "));
    }
    return line;
  }

  function say(input, message, refused) {
    var line = lineFor(input);
    line.textContent = message || "";
    line.className = message ? (refused ? "error" : "warn") : "";
    if (refused) { input.setAttribute("aria-invalid", "true"); }
    else if (input.dataset.liveInvalid) { input.removeAttribute("aria-invalid"); }
    if (refused) { input.dataset.liveInvalid = "1"; } else { delete input.dataset.liveInvalid; }
  }

  function check() {
    var from = read(start.value), until = read(end.value), now = Date.now();
    var today = new Date(now + 7 * 3600e3); // WIB's date
    var dayStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), -7, 0);
    say(start, from !== null && from < dayStart ? words.startPast : "", false);
    if (from !== null && until !== null && until <= from) { say(end, words.reversed, true); }
    else if (until !== null && until <= now) { say(end, words.endPast, true); }
    else { say(end, "", false); }
  }

  start.addEventListener("change", check);
  end.addEventListener("change", check);
  // while typing, a message already shown follows the text (a new one waits for the field to be left)
  function recheck() {
    var shown = [start, end].some(function (i) { var l = document.getElementById("live-" + i.name); return l && l.textContent; });
    if (shown) { check(); }
  }
  start.addEventListener("input", recheck);
  end.addEventListener("input", recheck);
})();
