/* Check-out screens: the ticket's QR to the camera, a USB scanner or the typed code; confirm, rate,
   done. A scanner's code on the welcome screen goes straight to check-out. */
(function () {
  "use strict";
  var K = window.Kiosk;
  if (!K) return;
  var $ = K.$, $$ = K.$$, T = K.T, cfg = K.cfg, fmt = K.fmt, api = K.api, show = K.show, state = K.state;

  /* ---- check-out ---- */
  function startCheckoutCamera() {
    var scope = $("[data-screen=checkout]");
    var cam = new window.KioskCamera($("[data-video=checkout]"), $("[data-overlay=checkout]"));
    state.camera = cam;
    var busy = false;
    cam.start().then(function () {
      cam.loop(function (blob) { return K.sendFrame(blob, "ticket", false); }, function (res) {
        if (!res.ok || busy) return;
        var codes = res.data.result.barcodes || [];
        if (codes.length) { busy = true; lookupTicket(codes[0].text).then(function () { busy = false; }); }
      });
    }).catch(function () {
      var off = $("[data-camera-off]", scope);
      off.textContent = T.camera_unavailable_ticket;
      off.hidden = false;
    });
  }

  function lookupTicket(text) {
    var code = (text || "").replace(/[^A-Za-z0-9]/g, "").toUpperCase();
    var err = $("[data-error-for=ticket]");
    if (code.length < 6) { err.textContent = T.ticket_not_found; return Promise.resolve(); }
    return api("/visits/" + encodeURIComponent(code)).then(function (res) {
      if (!res.ok) {
        if (state.screen !== "checkout") show("checkout");
        $("[data-error-for=ticket]").textContent = res.data.message || T.network;
        return;
      }
      state.checkoutTicket = res.data.ticket;
      $("[data-out-name]").textContent = res.data.visitor_name;
      $("[data-out-institution]").textContent = res.data.institution || "";
      $("[data-out-facility]").textContent = res.data.facility_label;
      $("[data-out-ticket]").textContent = res.data.ticket;
      // Only an approved visit can be checked out; otherwise say why and offer no button.
      $("[data-checkout-error]").textContent = res.data.status === "approved" ? "" : res.data.message;
      $("[data-action=confirm-checkout]").hidden = res.data.status !== "approved";
      show("checkout-confirm");
    });
  }

  function confirmCheckout() {
    var scope = $("[data-screen=checkout-confirm]");
    var rated = $("input[name=rating]:checked", scope);
    var payload = { rating: rated ? parseInt(rated.value, 10) : null, comment: $("textarea[name=comment]", scope).value };
    api("/visits/" + encodeURIComponent(state.checkoutTicket) + "/checkout", { method: "POST", json: payload })
      .then(function (res) {
        if (!res.ok) { $("[data-checkout-error]").textContent = res.data.message || T.network; return; }
        var time = (res.data.checked_out_at_text || "").split(" ")[1] || "";
        $("[data-done-message]").textContent = fmt(T.checked_out_at, { time: time });
        show("checkout-done");
        setTimeout(function () { if (state.screen === "checkout-done") K.goHome(); }, 8000);
      });
  }


  /* ---- a USB scanner anywhere (scanner.js turns a fast burst + Enter into kiosk:scan) ---- */
  document.addEventListener("kiosk:scan", function (e) {
    var text = e.detail.text;
    K.touch();
    if (state.screen === "ktp" || state.screen === "form") { K.noteCodes([text]); return; }
    if (["welcome", "checkout", "checkout-confirm", "checkout-done"].indexOf(state.screen) >= 0) {
      if (state.screen === "welcome") show("checkout");
      lookupTicket(text);
    }
  });

  K.onShow.checkout = startCheckoutCamera;
  K.actions["confirm-checkout"] = confirmCheckout;
  K.ready.push(function () {
    $("[data-ticket-form]").addEventListener("submit", function (e) {
      e.preventDefault();
      lookupTicket(e.target.ticket.value);
    });
  });
})();
