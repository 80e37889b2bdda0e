/* The visitor's screens on one page, the shared part: configuration, server calls, switching screens,
   the idle countdown and the buttons' wiring. checkin.js and checkout.js add their screens' code
   through window.Kiosk. Every screen is a <section data-screen>; only one is shown. Leaving the
   visitor's path (Finish, Start over, idle) reloads the page, so nothing of one visitor is left in
   the DOM, a canvas or a variable for the next. */
(function () {
  "use strict";
  var root = document.getElementById("kiosk");
  if (!root) return;
  var cfg = JSON.parse(root.dataset.config);
  var T = cfg.messages;
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var STEPS = ["ktp", "form", "rules", "ticket"];

  var state = {
    screen: "welcome", scanSession: newId(), capture: null, codes: [], ticket: null,
    events: null, poll: null, camera: null, pendingCapture: false, checkoutTicket: null
  };

  function $(sel, scope) { return (scope || root).querySelector(sel); }
  function $$(sel, scope) { return Array.prototype.slice.call((scope || root).querySelectorAll(sel)); }
  function fmt(text, params) {
    return text.replace(/%\((\w+)\)s/g, function (_m, k) { return params[k] == null ? "" : params[k]; });
  }
  function newId() {
    var a = new Uint8Array(16);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  /* ---- server calls ---- */
  function api(path, options) {
    options = options || {};
    var headers = { "Accept": "application/json", "X-CSRFToken": csrf };
    var body = options.body;
    if (options.json !== undefined) { headers["Content-Type"] = "application/json"; body = JSON.stringify(options.json); }
    return fetch(cfg.api + path, { method: options.method || "GET", headers: headers, body: body,
                                   credentials: "same-origin", keepalive: !!options.keepalive })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (data) {
          return { ok: r.ok, status: r.status, data: data };
        });
      }, function () { return { ok: false, status: 0, data: { message: T.network } }; });
  }

  /* ---- screens ---- */
  function show(name) {
    if (state.camera && name !== state.screen) { state.camera.stop(); state.camera = null; }
    if (window.KioskKeyboard) window.KioskKeyboard.hide();
    state.screen = name;
    $$("[data-screen]").forEach(function (s) { s.hidden = s.dataset.screen !== name; });
    var top = document.querySelector(".k-top");
    var steps = top.querySelector("[data-steps]");
    steps.hidden = STEPS.indexOf(name) < 0;
    var at = STEPS.indexOf(name);
    $$("[data-step]", steps).forEach(function (li, i) {
      li.classList.toggle("done", i < at);
      li.classList.toggle("current", i === at);
    });
    top.querySelector("[data-action=home]").hidden = name === "welcome";
    document.body.dataset.screen = name;
    window.scrollTo(0, 0);
    if (onShow[name]) onShow[name]();
    touch();
  }

  function goHome() {
    // A full reload is the surest way to forget everything on the page (fields, images, canvas).
    if (state.scanSession) {
      api("/scan/" + state.scanSession, { method: "DELETE", keepalive: true });
    }
    if (state.events) state.events.close();
    window.location.replace(cfg.home);
  }


  /* ---- idle: countdown, then a clean page ---- */
  var lastActive = Date.now(), countdownLeft = null;

  function touch() {
    lastActive = Date.now();
    if (countdownLeft !== null) { countdownLeft = null; $("[data-idle]").hidden = true; }
  }

  setInterval(function () {
    if (state.screen === "welcome") return;
    var idleFor = (Date.now() - lastActive) / 1000;
    if (countdownLeft === null && idleFor >= cfg.idle_seconds) {
      countdownLeft = cfg.countdown_seconds;
      $("[data-idle]").hidden = false;
    } else if (countdownLeft !== null) {
      countdownLeft -= 1;
    }
    if (countdownLeft !== null) {
      $("[data-idle-count]").textContent = String(Math.max(0, countdownLeft));
      if (countdownLeft <= 0) goHome();
    }
  }, 1000);

  ["pointerdown", "keydown", "input"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      if (countdownLeft !== null && !e.target.closest("[data-idle]")) return;  // only the button dismisses
      touch();
    }, true);
  });

  /* ---- wiring: buttons name their action; checkin.js and checkout.js add theirs ---- */
  var actions = {
    home: goHome, finish: goHome,
    checkin: function () { show("ktp"); },
    checkout: function () { show("checkout"); },
    print: function () { window.print(); },
    "idle-continue": touch
  };
  var onShow = {};
  var ready = [];

  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-action]");
    if (!b || !actions[b.dataset.action] || b.type === "submit") return;
    e.preventDefault();
    actions[b.dataset.action]();
  });

  document.addEventListener("DOMContentLoaded", function () {
    ready.forEach(function (fn) { fn(); });
    if (cfg.slip_format === "none") $("[data-action=print]").hidden = true;
    show("welcome");
  });

  window.Kiosk = {
    cfg: cfg, T: T, state: state, $: $, $$: $$, fmt: fmt, api: api, show: show, goHome: goHome,
    touch: touch, actions: actions, onShow: onShow, ready: ready
  };
})();
