/* Check-in screens: the KTP in front of the camera, the guest-book form, rules and signature, and
   the ticket that follows the Kasubag's decision live. */
(function () {
  "use strict";
  var K = window.Kiosk;
  if (!K) return;
  var $ = K.$, $$ = K.$$, T = K.T, cfg = K.cfg, fmt = K.fmt, api = K.api, show = K.show, state = K.state;

  /* ---- KTP capture ---- */
  function sendFrame(blob, mode, capture) {
    var fd = new FormData();
    fd.append("frame", blob, "frame.jpg");
    fd.append("session", state.scanSession);
    fd.append("mode", mode);
    if (capture) fd.append("capture", "1");
    return api("/scan", { method: "POST", body: fd });
  }

  function guidance(text, ok) {
    var el = $("[data-guidance]");
    el.textContent = text;
    el.classList.toggle("k-guidance-ok", !!ok);
  }

  function startKtp() {
    if (state.capture) return;
    var video = $("[data-video=ktp]"), overlay = $("[data-overlay=ktp]");
    $("[data-camera-off]", $("[data-screen=ktp]")).hidden = true;
    var cam = new window.KioskCamera(video, overlay);
    state.camera = cam;
    cam.start().then(function () {
      cam.loop(function (blob) {
        var manual = state.pendingCapture;
        state.pendingCapture = false;
        return sendFrame(blob, "ktp", manual);
      }, onKtpAnswer);
    }).catch(function () {
      var off = $("[data-camera-off]", $("[data-screen=ktp]"));
      off.textContent = T.camera_unavailable;
      off.hidden = false;
      guidance(T.camera_unavailable);
    });
  }

  function onKtpAnswer(res) {
    if (!res.ok) { guidance(res.data.message || T.network); return; }
    var d = res.data;
    if (state.camera) state.camera.draw(d.result.corners, d.guidance === "ready" || d.guidance === "hold_still");
    guidance(d.message);
    if (d.result.barcodes && d.result.barcodes.length) noteCodes(d.result.barcodes.map(function (b) { return b.text; }));
    if (d.captured && d.capture) captured(d.capture);
  }

  function noteCodes(texts) {
    texts.forEach(function (t) { if (state.codes.indexOf(t) < 0) state.codes.push(t); });
    var p = $("[data-codes]");
    p.textContent = fmt(T.codes_read, { count: state.codes.length });
    p.hidden = false;
  }

  function captured(capture) {
    state.capture = capture;
    if (state.camera) { state.camera.stop(); state.camera = null; }
    var img = $("[data-preview]");
    img.src = capture.preview;
    img.hidden = false;
    $("[data-video=ktp]").hidden = true;
    $("[data-capture-done]").hidden = false;
    $("[data-capture-tools]").hidden = true;
    guidance(T.captured, true);
    $("[data-capture-read]").textContent = capture.nik ? fmt(T.nik_read, { nik: capture.nik }) : T.nik_not_read;
    var form = $("[data-form]");
    if (capture.nik && !form.nik.value) { form.nik.value = capture.nik; checkNik(); markFromCard("nik"); }
    if (capture.name && !form.full_name.value) { form.full_name.value = capture.name; markFromCard("name"); }
    (capture.barcodes || []).forEach(function (b) { noteCodes([b.text]); });
    $("[data-action=to-form]").focus();
  }

  // A field filled from the card says so until the visitor changes it: they must check it.
  function markFromCard(field) {
    var mark = $("[data-from-card=" + field + "]");
    var input = $("[data-form]")[field === "name" ? "full_name" : field];
    if (!mark || !input) return;
    mark.hidden = false;
    input.closest(".k-field").classList.add("k-read-from-card");
    input.addEventListener("input", function () {
      mark.hidden = true;
      input.closest(".k-field").classList.remove("k-read-from-card");
    }, { once: true });
  }

  function retake() {
    state.capture = null;
    $("[data-preview]").hidden = true;
    $("[data-preview]").removeAttribute("src");
    $("[data-video=ktp]").hidden = false;
    $("[data-capture-done]").hidden = true;
    $("[data-capture-tools]").hidden = false;
    startKtp();
  }

  function upload(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    guidance(T.scanning);
    sendFrame(file, "ktp", true).then(function (res) {
      input.value = "";
      if (!res.ok) { guidance(res.data.message || T.network); return; }
      if (res.data.capture) captured(res.data.capture);
    });
  }

  /* ---- the form ---- */
  function formData() {
    var f = $("[data-form]");
    function val(name) { var el = f.elements[name]; return el ? (el.value || "").trim() : ""; }
    return {
      nik: val("nik").replace(/\s/g, ""), full_name: val("full_name"), phone: val("phone"),
      email: val("email"), institution: val("institution"), category: val("category"),
      purpose: val("purpose"), purpose_detail: val("purpose_detail"), facility: val("facility"),
      planned_minutes: parseInt(val("planned_minutes"), 10) || null
    };
  }

  function showErrors(fields, scope) {
    $$("[data-error-for]", scope).forEach(function (el) { el.textContent = ""; });
    $$(".k-invalid", scope).forEach(function (el) { el.classList.remove("k-invalid"); });
    var first = null;
    Object.keys(fields || {}).forEach(function (name) {
      var el = $("[data-error-for=" + name + "]", scope);
      if (el) {
        el.textContent = fields[name];
        var field = el.closest(".k-field, .k-recall, .k-two > div");
        if (field) field.classList.add("k-invalid");
        if (!first) first = field || el;
      }
    });
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function checkNik() {
    var f = $("[data-form]");
    var nik = f.nik.value.replace(/\s/g, "");
    var info = $("[data-nik-info]");
    info.textContent = "";
    if (nik.length !== 16) return;
    api("/nik/check", { method: "POST", json: { nik: nik } }).then(function (res) {
      var err = $("[data-error-for=nik]");
      if (res.ok) {
        err.textContent = "";
        f.nik.closest(".k-field").classList.remove("k-invalid");
        info.textContent = T.nik_birth + " " + res.data.birth_date_text + " \u00b7 " + res.data.sex_label +
          " \u00b7 " + res.data.regency;
      } else if (res.data.fields) {
        err.textContent = res.data.fields.nik;
        f.nik.closest(".k-field").classList.add("k-invalid");
      }
    });
  }

  function recall() {
    var f = $("[data-form]");
    var nik = f.nik.value.replace(/\s/g, "");
    var last4 = f.phone_last4.value.trim();
    var err = $("[data-error-for=recall]");
    api("/visitors/recall", { method: "POST", json: { nik: nik, phone_last4: last4 } }).then(function (res) {
      if (!res.ok) { err.textContent = res.data.message || T.network; return; }
      ["full_name", "phone", "email", "institution"].forEach(function (k) { f.elements[k].value = res.data[k] || ""; });
      $$("input[name=category]", f).forEach(function (r) { r.checked = r.value === res.data.category; });
      f.phone_last4.value = "";
      err.textContent = T.recall_ok;
    });
  }

  function toRules(e) {
    if (e) e.preventDefault();
    var scope = $("[data-screen=form]");
    var payload = formData();
    payload.validate_only = true;
    api("/visits", { method: "POST", json: payload }).then(function (res) {
      if (res.ok) { showErrors({}, scope); $("[data-form-error]").textContent = ""; show("rules"); return; }
      showErrors(res.data.fields || {}, scope);
      $("[data-form-error]").textContent = res.data.message || T.network;
    });
  }

  /* ---- rules, signature, submit ---- */
  var pad = null;

  function submit() {
    var scope = $("[data-screen=rules]");
    var payload = formData();
    payload.rules_accepted = $("[data-rules]").checked;
    payload.signature = pad.isEmpty() ? "" : pad.toDataURL();
    payload.capture = state.capture ? state.capture.id : "";
    payload.scan_session = state.scanSession;
    payload.scanned_codes = state.codes;
    var button = $("[data-action=submit]");
    button.disabled = true;
    api("/visits", { method: "POST", json: payload }).then(function (res) {
      button.disabled = false;
      if (res.status === 201) { state.scanSession = null; showTicket(res.data); return; }
      var fields = res.data.fields || {};
      if (fields.capture) { state.capture = null; retake(); show("ktp"); guidance(fields.capture); return; }
      var formFields = Object.keys(fields).filter(function (k) { return k !== "rules_accepted" && k !== "signature"; });
      if (formFields.length) {
        show("form");
        showErrors(fields, $("[data-screen=form]"));
        $("[data-form-error]").textContent = res.data.message;
        return;
      }
      showErrors(fields, scope);
      $("[data-submit-error]").textContent = res.data.message || T.network;
    });
  }

  /* ---- ticket and the live decision ---- */
  function showTicket(status) {
    state.ticket = status.ticket;
    $("[data-ticket-code]").textContent = status.ticket;
    var qr = cfg.api + "/visits/" + encodeURIComponent(status.ticket) + "/qr.svg";
    $("[data-ticket-qr]").src = qr;
    $("[data-slip-qr]").src = qr;
    renderStatus(status);
    show("ticket");
    follow(status.ticket);
  }

  function renderStatus(s) {
    var box = $("[data-status]");
    box.dataset.state = s.status;
    $("[data-status-title]").textContent = T["title_" + s.status] || s.status_label;
    $("[data-status-message]").textContent = s.message;
    $("[data-status-name]").textContent = s.visitor_name;
    $("[data-status-facility]").textContent = s.facility_label;
    var until = s.status === "approved" && s.approved_until_text;
    $$("[data-until-row]").forEach(function (el) { el.hidden = !until; });
    $("[data-status-until]").textContent = until ? s.approved_until_text : "";
    var reason = $("[data-status-reason]");
    reason.hidden = !s.decision_reason;
    reason.textContent = s.decision_reason || "";
    $("[data-status-help]").hidden = ["denied", "cancelled", "expired"].indexOf(s.status) < 0;
    $("[data-slip-ticket]").textContent = s.ticket;
    $("[data-slip-name]").textContent = s.visitor_name;
    $("[data-slip-facility]").textContent = s.facility_label;
    $("[data-slip-time]").textContent = s.submitted_at_text;
    $("[data-slip-status]").textContent = s.status_label + (until ? " \u00b7 " + fmt(T.until_time, { time: s.approved_until_text }) : "");
    if (s.status !== "pending") stopFollowing();
  }

  function refresh() {
    if (!state.ticket) return;
    api("/visits/" + encodeURIComponent(state.ticket)).then(function (res) { if (res.ok) renderStatus(res.data); });
  }

  function follow(ticket) {
    stopFollowing();
    if (window.EventSource) {
      state.events = new EventSource(cfg.api + "/visits/" + encodeURIComponent(ticket) + "/events");
      state.events.addEventListener("change", refresh);
      state.events.addEventListener("open", refresh);  // covers a decision made while reconnecting
    }
    state.poll = setInterval(refresh, 15000);  // belt and braces behind a proxy that buffers streams
  }

  function stopFollowing() {
    if (state.events) { state.events.close(); state.events = null; }
    if (state.poll) { clearInterval(state.poll); state.poll = null; }
  }


  K.sendFrame = sendFrame;
  K.noteCodes = noteCodes;
  K.onShow.ktp = startKtp;
  Object.assign(K.actions, {
    capture: function () { state.pendingCapture = true; guidance(T.scanning); },
    retake: retake,
    "to-form": function () { show("form"); },
    "back-ktp": function () { show("ktp"); },
    "back-form": function () { show("form"); },
    recall: recall,
    "clear-signature": function () { pad.clear(); },
    submit: submit
  });

  K.ready.push(function () {
    pad = new window.SignaturePad($("[data-signature]"));
    var form = $("[data-form]");
    form.addEventListener("submit", toRules);
    form.nik.addEventListener("input", checkNik);
    $$("input[name=purpose]", form).forEach(function (r) {
      r.addEventListener("change", function () { $("[data-purpose-detail]").hidden = form.purpose.value !== "other"; });
    });
    $("[data-upload]").addEventListener("change", function (e) { upload(e.target); });
    // An error disappears as soon as the visitor fixes it.
    $("[data-rules]").addEventListener("change", function () {
      $("[data-error-for=rules_accepted]").textContent = "";
      $("[data-submit-error]").textContent = "";
    });
    $("[data-signature]").addEventListener("pointerup", function () {
      $("[data-error-for=signature]").textContent = "";
      $("[data-submit-error]").textContent = "";
    });
    form.addEventListener("input", function (e) {
      var f = e.target.closest(".k-field");
      if (!f || e.target.name === "nik") return;
      f.classList.remove("k-invalid");
      var err = $("[data-error-for]", f);
      if (err) err.textContent = "";
    });
  });
})();
