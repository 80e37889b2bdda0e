/* Step 5: the rules, the tick box and the signature; then the request is sent. Every problem the
   server names comes back at once: those of this screen beside their fields, a form field's on its
   screen, a lost KTP photo on the camera screen. */
import { showErrors, clearField, sayScreenProblem } from "./errors.js";
import { SignaturePad } from "./signature.js";
import { $ } from "./util.js";

export function createRules({ api, T, visitor, form, capture, screens, onSubmitted }) {
  const screen = $("[data-screen=rules]");
  const box = $("[data-rules]", screen);
  const pad = new SignaturePad($("[data-signature]", screen), () => clearField(screen, "signature"));

  /* h44k: the box not ticked and the box not signed are said here, before anything is sent: sent, they
     came back as a 400, which the browser's console logs as an error though the kiosk said it in words.
     The server still checks both (and everything else) when the request goes. */
  function unanswered() {
    const missing = {};
    if (!box.checked) missing.rules_accepted = T.rules_unticked;
    if (pad.isEmpty()) missing.signature = T.signature_required;
    return Object.keys(missing).length ? missing : null;
  }

  function submit() {
    const missing = unanswered();
    if (missing) { showErrors(screen, missing, T.fix_marked); return; }
    const payload = form.data();
    payload.rules_accepted = box.checked;
    payload.signature = pad.isEmpty() ? "" : pad.toDataURL();
    payload.capture = visitor.capture ? visitor.capture.id : "";
    if (!visitor.capture && visitor.noPhoto) payload.no_camera = true;  // h43n: the desk checks the KTP
    payload.scan_session = visitor.scanSession;
    payload.scanned_codes = visitor.codes;
    const button = $("[data-action=submit]", screen);
    button.disabled = true;
    api("/visits", { method: "POST", json: payload }).then((res) => {
      button.disabled = false;
      if (res.status === 201) { visitor.scanSession = null; onSubmitted(res.data); return; }
      const fields = res.data.fields || {};
      if (fields.capture) {
        screens.show("ktp");
        capture.captureProblem(fields.capture, (res.data.codes || {}).capture || res.data.error);
        return;
      }
      if (form.showServerErrors(fields, res.data.message, res.data.codes)) return;
      const mine = {};
      for (const k of ["rules_accepted", "signature"]) if (fields[k]) mine[k] = fields[k];
      if (!showErrors(screen, mine, res.data.message)) {
        sayScreenProblem($("[data-submit-error]", screen), res.data, T.network);  // ux7: never under the bar
      }
    });
  }

  /* h45y: with the browser's text at 150 % (1280x800 is 853x533 CSS px) the signature box lay under the
     button bar once the box was ticked, and nothing said to scroll: the next thing to do is brought up
     above the bar (as the keys bring up the box being typed in), its top kept on the screen. */
  function bringSignatureUp() {
    const canvas = $("[data-signature]", screen);
    const room = $(".k-actions", screen).getBoundingClientRect().top;
    const clear = $("[data-action=clear-signature]", screen).getBoundingClientRect();
    const sign = canvas.getBoundingClientRect();
    const gap = 8;
    // the box and, when it fits too, "Clear the signature" under it; never the box's top off the screen
    const wanted = clear.bottom - sign.top + 2 * gap <= room ? clear.bottom : sign.bottom;
    const by = Math.min(wanted + gap - room, sign.top - gap);
    if (by > 0) window.scrollBy({ top: by, behavior: "instant" });
  }

  box.addEventListener("change", () => {
    clearField(screen, "rules_accepted");
    if (box.checked && pad.isEmpty()) requestAnimationFrame(bringSignatureUp);
  });
  return { submit, clearSignature: () => pad.clear(), signed: () => !pad.isEmpty() };
}
