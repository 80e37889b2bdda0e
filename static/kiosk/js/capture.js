/* Step 1: the KTP in front of the camera. The frames go to the server, which decides when the card
   is steady and stores it; "Take the photo now" and an upload are the fallbacks, and a photo without
   a card says so (keep it as a photo, or try again). A known NIK read from the card is greeted. */
import { Camera, cameraRefused } from "./camera.js";
import { captureNotes } from "./nik_unread.js";
import { $, fmt } from "./util.js";

const NO_CARD_HINT_MS = 20000;

export function createCapture({ api, frames, T, visitor, maxUploadBytes, onCaptured, onCode }) {
  const screen = $("[data-screen=ktp]");
  let camera = null, manualNext = false;
  // h38e, h46e: since when the camera has been aimed without a photo being taken (null before it starts,
  // and while a taken card's NIK is still being read)
  let aimingSince = null;
  // h43p: once the camera is refused, no line of guidance may send the visitor to it
  let noCamera = false;
  // h43x: the heading while aiming, put back when the photo is taken again
  const aimingTitle = $("h1", screen).textContent;

  /* The JPEG as the request's body on the narrow path (frames.js): no multipart form to parse for
     each of the five frames a second (an uploaded photo still goes as a form). */
  function sendFrame(blob, mode, capture, taken) {
    return frames(blob, mode, visitor.scanSession, capture, camera && camera.size(), taken);
  }

  /* A photo chosen from the device: whatever its format, as a form with the file in `frame`. */
  function sendUpload(file) {
    const fd = new FormData();
    fd.append("frame", file, file.name || "photo");
    fd.append("session", visitor.scanSession);
    fd.append("mode", "ktp");
    fd.append("capture", "1");
    return api("/scan", { method: "POST", body: fd });
  }

  function guidance(text, ok) {
    const el = $("[data-guidance]", screen);
    el.textContent = text;
    el.classList.toggle("k-guidance-ok", !!ok);
  }

  /* An error that must stay until the visitor does something (not replaced by the camera's tips). */
  function problem(text) { $("[data-ktp-error]", screen).textContent = text || ""; }

  function start() {
    if (visitor.capture) return;
    const off = $("[data-camera-off]", screen);
    off.hidden = true;
    const cam = camera = new Camera($("[data-video=ktp]", screen), $("[data-overlay=ktp]", screen));
    // Only getUserMedia's refusal means "no camera" (ux5): an upload stops the camera while it is
    // still starting, and that start must neither loop nor hide the camera's buttons.
    cam.start().then(() => {
      if (camera !== cam) { cam.stop(); return; }
      cam.loop((blob, taken) => {
        const manual = manualNext;
        manualNext = false;
        return sendFrame(blob, "ktp", manual, taken);
      }, onAnswer);
    }, (e) => {
      if (camera !== cam) return;
      const refused = cameraRefused(e);
      off.textContent = refused ? T.camera_blocked_off : T.camera_off;
      off.hidden = false;
      // said once: tried again after a refused photo, the camera's refusal must not replace what to do next
      if (!noCamera) guidance(refused ? T.camera_blocked : T.camera_unavailable);
      withoutCamera();
    });
  }

  /* No camera, or the camera refused (ux5): what speaks of the camera goes ("Take the photo now" did
     nothing, the how-to pushed the upload under the screen's edge). h44k: one filled button, "Continue
     without a KTP photo", the way most visitors take (a kiosk has no file to give, h43n); the upload
     stays outlined beside it, as the template draws it. */
  function withoutCamera() {
    noCamera = true;
    screen.classList.add("k-no-camera");
    $("h1", screen).textContent = T.ktp_title_no_camera;
  }

  function stop() { if (camera) { camera.stop(); camera = null; } }

  function onAnswer(res) {
    if (!res.ok) { problem(res.data.message || T.network); return; }
    const d = res.data;
    // d.looking (Run 24t): captured, the NIK read on a few more frames; the server decides when it ends.
    if (camera) camera.draw(d.result.corners, d.looking || ["ready", "hold_still"].includes(d.guidance));
    guidance(d.message);
    notTakenYet(d.looking, !!d.result.corners);
    if (d.result.barcodes && d.result.barcodes.length) noteCodes(d.result.barcodes.map((b) => b.text));
    if (d.captured && d.capture) captured(d.capture);
  }

  /* h38e: a card the camera never finds (worn, shiny, held too far) left the visitor with "Hold your KTP
     in front of the camera" without end. h46e: so did a card it sees but never takes (held too far from
     a fixed-focus camera, or too close for it, or never still in a shaking hand: "Dekatkan kartu ke
     kamera" for good). After NO_CARD_HINT_MS without a photo, a line that says how to go on ("Take the
     photo now", then check or type one's details) takes the how-to picture's place, in words that fit
     what the camera sees then. Once said it stays until a photo is taken or taken again: a line that
     came and went, or changed its words as the card moved, would be missed. */
  function notTakenYet(reading, cardSeen) {
    if (reading) { aimingSince = null; return; }
    const now = performance.now();
    if (aimingSince === null) aimingSince = now;
    if (now - aimingSince >= NO_CARD_HINT_MS && !hintShown()) showNoCardHint(cardSeen ? "seen" : "unseen");
  }

  function hintShown() {
    return !$("[data-no-card-yet]", screen).hidden || !$("[data-card-not-taken]", screen).hidden;
  }

  /* which: "unseen" (no card in sight), "seen" (a card the camera cannot take), or null (neither) */
  function showNoCardHint(which) {
    $("[data-no-card-yet]", screen).hidden = which !== "unseen";
    $("[data-card-not-taken]", screen).hidden = which !== "seen";
    if (which) $("[data-howto]", screen).hidden = true;
  }

  function noteCodes(texts) {
    texts = texts.filter((t) => !(onCode && onCode(t)));  // an invitation's QR is not an ID code
    if (!texts.length) return;
    for (const t of texts) if (!visitor.codes.includes(t)) visitor.codes.push(t);
    const p = $("[data-codes]", screen);
    p.textContent = fmt(T.codes_read, { count: visitor.codes.length });
    p.hidden = false;
  }

  function preview(capture) {
    stop();
    const img = $("[data-preview]", screen);
    img.src = capture.preview;
    img.hidden = false;
    $("[data-video=ktp]", screen).hidden = true;
    $("[data-capture-tools]", screen).hidden = true;
    $("[data-howto]", screen).hidden = true;
    showNoCardHint(null);
    $("[data-camera-off]", screen).hidden = true;
  }

  function captured(capture) {
    problem("");
    preview(capture);
    if (capture.card_found === false) {
      // Say what was seen: no card. The visitor decides; nothing is assumed.
      visitor.pendingPhoto = capture;
      guidance(T.no_card_seen);
      $("[data-no-card]", screen).hidden = false;
      $("[data-no-card] [data-action=retake]", screen).focus();
      return;
    }
    accept(capture);
  }

  function accept(capture) {
    visitor.capture = capture;
    visitor.noPhoto = false;
    visitor.pendingPhoto = null;
    $("[data-no-card]", screen).hidden = true;
    $("[data-capture-done]", screen).hidden = false;
    const notes = captureNotes(capture, T);  // h21u: "NIK not read" when the NIK must be typed
    // h43x: the photo is taken: the heading no longer asks for the card, and where the NIK was not read
    // the line above "NIK tidak terbaca" says what did succeed (a green "Berhasil!" read as contradicting it)
    $("h1", screen).textContent = T.ktp_title_taken;
    // h47g: a card read whole: "Berhasil!" above "✓ Foto KTP sudah diambil" said it twice. The line under the
    // heading says it; the box, still announced, says the same words and takes no room (kiosk.css)
    guidance(capture.card_found === false ? T.photo_kept : notes.title ? T.photo_saved : T.photo_taken, true);
    $("[data-nik-unread-title]", screen).textContent = notes.title;
    $("[data-nik-unread-title]", screen).hidden = !notes.title;
    // h44k: the box above already says the photo is saved (or kept): "KTP photo taken" under it said it twice
    $("[data-photo-taken]", screen).hidden = !!notes.title;
    $("[data-capture-read]", screen).textContent = notes.line;
    $("[data-capture-read]", screen).classList.toggle("k-must-type", !!notes.title);
    (capture.barcodes || []).forEach((b) => noteCodes([b.text]));
    const readList = $("[data-read-from-card]", screen);
    readList.textContent = "";
    for (const field of capture.read_from_card || []) {  // issue 10: the fields the engine read
      const li = document.createElement("li");
      li.textContent = T["read_" + field] || field;
      readList.appendChild(li);
    }
    $("[data-read-from-card-box]", screen).hidden = !readList.childElementCount;
    const back = $("[data-returning]", screen);
    back.hidden = !capture.returning;
    if (capture.returning) {
      $("[data-returning-title]", screen).textContent = capture.returning.name
        ? fmt(T.welcome_back_name, { name: capture.returning.name }) : T.welcome_back;
    }
    onCaptured(capture);
    // A returning visitor is shown the offer, not pushed into it: focusing its box (not its input)
    // brings it into view and to a screen reader without opening the number pad, which would cover
    // "Continue" for someone who would rather check the form (stranger walk, str9).
    $(capture.returning ? "[data-returning]" : "[data-action=to-who]", screen).focus();
  }

  function retake() {
    visitor.capture = null;
    visitor.pendingPhoto = null;
    problem("");
    const img = $("[data-preview]", screen);
    img.hidden = true;
    img.removeAttribute("src");
    $("[data-video=ktp]", screen).hidden = false;
    $("[data-capture-done]", screen).hidden = true;
    $("h1", screen).textContent = noCamera ? T.ktp_title_no_camera : aimingTitle;
    $("[data-no-card]", screen).hidden = true;
    $("[data-returning]", screen).hidden = true;
    $("[data-capture-tools]", screen).hidden = false;
    $("[data-howto]", screen).hidden = false;
    showNoCardHint(null);
    aimingSince = null;
    guidance(noCamera ? T.upload_again : T.hold_card);
    start();
  }

  function upload(input) {
    const file = input.files && input.files[0];
    if (!file) return;
    if (maxUploadBytes && file.size > maxUploadBytes) {
      // h40t: said at once and not sent; the camera (if any) goes on as it was. Sent, the server refused
      // it, and past four times the limit the refusal was read as "No connection".
      input.value = "";
      problem(T.photo_too_large);
      return;
    }
    problem("");
    stop();  // the camera's tips would otherwise replace the upload's answer at once
    guidance(T.scanning);
    sendUpload(file).then((res) => {
      input.value = "";
      if (!res.ok) {
        problem(res.data.message || T.network);
        guidance(T.upload_again);
        start();
        return;
      }
      if (res.data.capture) {
        captured(res.data.capture);
        return;
      }
      // Run 29n: a photo read as another card (a SIM, a bank card) is not taken: say so in words about
      // the photo (the server's sentence is the camera's), camera back on.
      problem(res.data.guidance === "not_ktp" ? T.photo_not_ktp : res.data.message);
      guidance(T.upload_again);
      start();
    });
  }

  $("[data-upload]", screen).addEventListener("change", (e) => upload(e.target));

  return {
    start, stop, retake, noteCodes,
    takeNow() { manualNext = true; problem(""); guidance(T.scanning); },
    keepPhoto() { if (visitor.pendingPhoto) accept(visitor.pendingPhoto); },
    /* h43n: no camera, no file: on without a photo; the request says so (rules.js), the helpdesk
       checks the original KTP. Offered only once the camera is known to be missing. */
    withoutPhoto() {
      if (!noCamera) return false;
      visitor.capture = null;
      visitor.pendingPhoto = null;
      visitor.noPhoto = true;
      return true;
    },
    /* h44k: the words come from the server's code where a kiosk without a camera needs its own: the
       server's sentences ask for the KTP "to the camera", which this visitor cannot follow. */
    captureProblem(message, code) {
      retake();
      problem(noCamera && T["no_camera_" + code] ? T["no_camera_" + code] : message);
    },
  };
}
