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

  /* ux17: a refresh changes only what changed. The whole list used to be replaced on every change, so
     a tap (the Kasubag's "Acknowledge all" on a phone) could land on a button that had just been swapped
     for an identical copy, and count for nothing. Now an item with data-key is kept whole while its
     data-stamp is the same (an open refusal form, a revealed KTP stay as they are); every other node is
     kept and brought up to date in place (its text, its attributes), and only a node with no
     counterpart is added or taken away. data-part names a card, so a card that appears or goes does not
     make its neighbours swap places. */
  var OWNED = { "data-sent": 1, "data-busy": 1, "data-plain": 1 };   // a form on its way, set here
  function pageOwns(el, name) { return OWNED[name] || (name === "open" && el.nodeName === "DETAILS"); }

  function keyOf(node) { return node.nodeType === 1 ? node.getAttribute("data-key") : null; }
  function partOf(node) { return node.nodeType === 1 ? (node.getAttribute("data-part") || node.id || "") : ""; }
  function sameKind(a, b) { return a.nodeType === b.nodeType && a.nodeName === b.nodeName && partOf(a) === partOf(b); }

  function keptItem(fresh) {
    var old = live.querySelector('[data-key="' + CSS.escape(keyOf(fresh)) + '"]');
    return old && old.getAttribute("data-stamp") === fresh.getAttribute("data-stamp") ? old : null;
  }

  // Inside a kept item only the clock moves on: "menunggu 12 menit", an expired or overdue mark
  // (data-tick); they used to stay as first drawn until the item itself changed.
  function tick(old, fresh) {
    var was = old.querySelectorAll("[data-tick]"), now = fresh.querySelectorAll("[data-tick]");
    if (was.length === now.length) was.forEach(function (el, i) { update(el, now[i]); });
    return old;
  }

  // A node taken whole from the server: its unchanged items are still the ones on the screen.
  function adopt(node) {
    if (node.nodeType !== 1) return node;
    node.querySelectorAll("[data-key]").forEach(function (item) {
      var old = keptItem(item);
      if (old) item.replaceWith(tick(old, item));
    });
    return node;
  }

  function syncAttributes(old, fresh) {
    Array.prototype.slice.call(old.attributes).forEach(function (a) {
      if (!fresh.hasAttribute(a.name) && !pageOwns(old, a.name)) old.removeAttribute(a.name);
    });
    Array.prototype.forEach.call(fresh.attributes, function (a) {
      if (old.getAttribute(a.name) !== a.value) old.setAttribute(a.name, a.value);
    });
  }

  // `old` brought up to `fresh` in place (its attributes, text and children); returns `old`.
  function update(old, fresh) {
    if (old.nodeType !== 1) {
      if (old.nodeValue !== fresh.nodeValue) old.nodeValue = fresh.nodeValue;
      return old;
    }
    syncAttributes(old, fresh);
    updateChildren(old, fresh);
    return old;
  }

  function updateChildren(parent, freshParent) {
    var before = Array.prototype.slice.call(parent.childNodes);
    var spare = before.filter(function (n) { return !keyOf(n); });
    var next = 0;
    var wanted = Array.prototype.slice.call(freshParent.childNodes).map(function (node) {
      if (keyOf(node)) { var kept = keptItem(node); return kept ? tick(kept, node) : adopt(node); }
      // A named node (data-part, id) is looked for further on; a nameless one (a line break, a plain
      // div) never takes one from past a named node, which is then still there for its own match.
      for (var i = next; i < spare.length; i++) {
        if (sameKind(spare[i], node)) { next = i + 1; return update(spare[i], node); }
        if (!partOf(node) && partOf(spare[i])) break;
      }
      return adopt(node);
    });
    before.forEach(function (n) { if (n.parentNode === parent && wanted.indexOf(n) < 0) n.remove(); });
    // Each wanted node in its place, moving none that already is (a moved node loses the focus).
    wanted.forEach(function (node, i) {
      var at = parent.childNodes[i];
      if (at !== node) parent.insertBefore(node, at || null);
    });
    while (parent.childNodes.length > wanted.length) parent.lastChild.remove();
  }

  function swap(html) {
    var fresh = document.createElement("div");
    fresh.innerHTML = html;
    var focused = document.activeElement;
    var keep = focused && live.contains(focused) ? focused : null;
    updateChildren(live, fresh);   // nodes kept in place: the browser's scroll anchoring holds the view
    if (keep && document.contains(keep) && document.activeElement !== keep) keep.focus({ preventScroll: true });
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
    source.addEventListener("reload", soon);  // missed too much to replay: read the screen afresh
    // The login ended (logout elsewhere, idle, deactivated): the page shows the login form.
    source.addEventListener("ended", function () { source.close(); window.location.reload(); });
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
    var mark = function () {
      alertBtn.textContent = alertBtn.dataset.textOn;
      alertBtn.removeAttribute("aria-label");  // h47g: it named the button's "turn on"; now its words are all
      alertBtn.classList.add("on");
    };
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
