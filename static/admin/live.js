/* Staff screens: live refresh over Server-Sent Events, new-request alerts, KTP reveal, print.
   No framework: the server renders HTML fragments; this swaps them in, keeping what the user is
   working on (an open refusal form, a revealed KTP image) when that item has not changed. */
(function () {
  "use strict";
  var live = document.getElementById("live");
  var stateEl = document.querySelector("[data-live-state]");
  var alertBtn = document.querySelector("[data-enable-alerts]");
  var STORE = "lpsedesk.alerts";
  var known = null;        // pending keys seen so far (null until the first look)
  var audio = null;

  function alertsOn() { try { return localStorage.getItem(STORE) === "on"; } catch (e) { return false; } }

  function setState(on) {
    if (!stateEl) return;
    stateEl.classList.toggle("on", on);
    stateEl.classList.toggle("off", !on);
    stateEl.textContent = on ? stateEl.dataset.textLive : stateEl.dataset.textOffline;
  }

  function pendingKeys() {
    var holder = live && live.querySelector("[data-pending]");
    var words = holder ? holder.getAttribute("data-pending").split(/\s+/) : [];
    return words.filter(function (w) { return w; });
  }

  function announce(fresh) {
    if (!alertsOn() || !fresh.length) return;
    if (audio) { audio.currentTime = 0; audio.play().catch(function () {}); }
    if (window.Notification && Notification.permission === "granted") {
      fresh.forEach(function (key) {
        // the board's tiles have keys of their own; they name the pending key they announce (ux14)
        var item = live.querySelector('[data-key="' + key + '"]') || live.querySelector('[data-notify-key="' + key + '"]');
        try {
          // ux14: the item names its kind (visit request or remote-access letter) where it can
          new Notification((item && item.dataset.notifyTitle) || live.dataset.notifyTitle || "", { body: item ? item.dataset.summary : "", tag: key });
        } catch (e) { /* some mobile browsers only notify from a service worker */ }
      });
    }
  }

  function notice() {
    var now = pendingKeys();
    if (known !== null) {
      announce(now.filter(function (k) { return known.indexOf(k) < 0; }));
    }
    known = now;
  }

  function swap(html) {
    var fresh = document.createElement("div");
    fresh.innerHTML = html;
    var focused = document.activeElement;
    var keep = focused && live.contains(focused) ? focused : null;
    fresh.querySelectorAll("[data-key]").forEach(function (node) {
      var old = live.querySelector('[data-key="' + node.getAttribute("data-key") + '"]');
      if (old && old.getAttribute("data-stamp") === node.getAttribute("data-stamp")) node.replaceWith(old);
    });
    live.replaceChildren.apply(live, Array.prototype.slice.call(fresh.childNodes));
    if (keep && document.contains(keep)) keep.focus({ preventScroll: true });
    notice();
    live.dispatchEvent(new CustomEvent("live:swapped"));  // queue.js arranges the new list
  }

  var busy = false, again = false, timer = null;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(live.dataset.liveSrc, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (r) {
        if (r.redirected || r.status === 401 || r.status === 403) { window.location.reload(); return null; }
        return r.ok ? r.text() : null;
      })
      .then(function (html) { if (html !== null && html !== undefined) swap(html); })
      .catch(function () { setState(false); })
      .finally(function () { busy = false; if (again) { again = false; refresh(); } });
  }
  function soon() { clearTimeout(timer); timer = setTimeout(refresh, 80); }

  var source = null, backoff = 2000;
  function connect() {
    source = new EventSource(live.dataset.events);
    source.addEventListener("open", function () { setState(true); backoff = 2000; soon(); });
    source.addEventListener("change", soon);
    source.addEventListener("error", function () {
      setState(false);
      // EventSource retries network errors itself; an HTTP error closes it for good: retry here.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, backoff);
        backoff = Math.min(backoff * 2, 30000);
      }
    });
  }

  if (alertBtn) {
    audio = new Audio(alertBtn.dataset.beep);
    audio.preload = "auto";
    var mark = function () { alertBtn.textContent = alertBtn.dataset.textOn; alertBtn.classList.add("on"); };
    if (alertsOn()) mark();
    alertBtn.addEventListener("click", function () {
      try { localStorage.setItem(STORE, "on"); } catch (e) { /* private mode: on for this page only */ }
      audio.play().catch(function () {});   // a tap unlocks audio for this page
      if (window.Notification && Notification.permission === "default") Notification.requestPermission();
      mark();
    });
  }

  if (live && live.dataset.events && window.EventSource) {
    notice();
    connect();
    setInterval(refresh, 60000);  // waiting times and overdue marks move on even when nothing happens
  }

  document.addEventListener("click", function (ev) {
    var reveal = ev.target.closest("[data-ktp-src]");
    if (reveal) {
      var img = document.createElement("img");
      img.src = reveal.dataset.ktpSrc;   // each viewing is audited by the server
      img.alt = reveal.dataset.ktpAlt || "";
      reveal.replaceWith(img);
      return;
    }
    var nik = ev.target.closest("[data-nik-src]");
    if (nik) {
      // The full NIK is fetched on demand, and each viewing is audited by the server.
      fetch(nik.dataset.nikSrc, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) { if (d && d.nik) { nik.previousElementSibling.textContent = d.nik; nik.remove(); } });
      return;
    }
    if (ev.target.closest("[data-print]")) window.print();
  });

  // A second tap while the first is on its way must not send the form twice.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (form.dataset.sent) { ev.preventDefault(); return; }
    form.dataset.sent = "1";
  });
})();
