/* Live camera preview and the frame loop: a JPEG from a canvas goes to the server, the next one
 only after the answer (so a slow server never builds a queue), at most FPS a second. The
 engine's card corners are drawn over the picture. */
/* MAX_WIDTH: a 720p webcam's frame is sent whole (Run 35r, docs/idscan.md). Scaled to 960 px wide, a
   card's value rows lose the pixels the engine reads names from: on the bench's dev splits, frames
   sent as 960x540 gave 17, 23 and 53 exact names where the same frames sent as 1280x720 gave 25, 28
   and 56, and NIKs filled right about the same (30, 36, 66 against 29, 38, 68). The server's decode
   and scan cost about 30 ms of CPU a frame against 25.
   Every frame goes whole, not only the capture's: the capture votes the steady run's crops, cut
   from the frames sent before it. A 1080p camera's frame is still brought to 1280 px wide. */
const FPS = 5, MAX_WIDTH = 1280;
export const CAMERA_ACTIVITY = "kiosk:camera-activity";
/* detail.reading: a frame sent after one that showed a card (or a code) is being read, or that
   reading ended. The capture's own reading (the OCR) can take many seconds on a busy kiosk PC, and
   the visitor holding the card meanwhile is not idle (h44f saw a kiosk time out in the middle of one). */
export const CAMERA_READING = "kiosk:camera-reading";

function reading(on) { document.dispatchEvent(new CustomEvent(CAMERA_READING, { detail: { reading: on } })); }

function showsSomething(answer) {
  const d = answer.ok && answer.data;
  if (!d || !d.result) return false;
  return (d.guidance && d.guidance !== "no_card") || (d.result.barcodes || []).length > 0;
}

/* h46g: the browser refused the camera (its permission denied: NotAllowedError, or SecurityError where
   the page may not ask), as against no camera at all (NotFoundError, no camera API) or one another program
   holds: the helpdesk can allow a refused one, so the kiosk names it. */
export function cameraRefused(error) {
  return !!error && (error.name === "NotAllowedError" || error.name === "SecurityError");
}

export function Camera(video, overlay) {
  this.video = video;
  this.overlay = overlay;
  this.stream = null;
  this.running = false;
  this.grab = document.createElement("canvas");
  this.sent = { w: 0, h: 0 };
}

Camera.prototype.start = function () {
  var self = this;
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return Promise.reject(new Error("no camera API"));
  }
  this.stopped = false;
  return navigator.mediaDevices.getUserMedia({
    audio: false, video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: "environment" }
  }).then(function (stream) {
    // Stopped while the camera was still being opened (an upload, another screen): a newer Camera
    // may own the <video> by now, so this late stream must not take it over.
    if (self.stopped) { stream.getTracks().forEach(function (t) { t.stop(); }); return; }
    self.stream = stream;
    self.video.srcObject = stream;
    return self.video.play().catch(function () {});
  });
};

Camera.prototype.stop = function () {
  this.running = false;
  this.stopped = true;
  clearTimeout(this.timer);
  reading(false);
  if (this.stream) {
    this.stream.getTracks().forEach(function (t) { t.stop(); });
    // Only its own picture: the <video> is shared with the Camera that replaced this one.
    if (this.video.srcObject === this.stream) this.video.srcObject = null;
  }
  this.stream = null;
  this.clearOverlay();
};

/* send(blob, taken) -> Promise; resolves to the server's answer or rejects. taken: when the frame was
   grabbed (performance.now(), ms): the server's waits count the frames' own times, so a slow kiosk PC's
   visitor waits as long as a fast one's (idscan/tracker.py, Run 45p). */
Camera.prototype.loop = function (send, onAnswer) {
  var self = this, sawSomething = false;
  this.running = true;
  function tick() {
    if (!self.running) return;
    var started = performance.now(), announced = false;
    self.frame().then(function (blob) {
      if (!blob || !self.running) return null;
      announced = sawSomething;
      if (announced) reading(true);
      return send(blob, started).then(function (answer) {
        if (!self.running || !answer) return;
        onAnswer(answer);
        // A visitor holding a card or a ticket up to any camera screen is busy, not idle, however long
        // the reading takes: the idle timer (idle.js) listens for this.
        sawSomething = showsSomething(answer);
        if (sawSomething) document.dispatchEvent(new CustomEvent(CAMERA_ACTIVITY));
      });
    }).catch(function () { /* a lost frame is not worth a message; the next one follows */ })
      .then(function () {
        if (announced) reading(false);  // said only around a reading, not on every frame
        if (!self.running) return;
        var wait = Math.max(0, 1000 / FPS - (performance.now() - started));
        self.timer = setTimeout(tick, wait);
      });
  }
  tick();
};

/* The camera's own picture size (before frame() scales it down to send): the Admin's kiosks page
   warns of a webcam too small to read names (lpsedesk/devices.py camera_report). */
Camera.prototype.size = function () {
  var v = this.video;
  return v.videoWidth ? { width: v.videoWidth, height: v.videoHeight } : null;
};

Camera.prototype.frame = function () {
  var v = this.video;
  if (!v.videoWidth) return Promise.resolve(null);
  var scale = Math.min(1, MAX_WIDTH / v.videoWidth);
  this.grab.width = Math.round(v.videoWidth * scale);
  this.grab.height = Math.round(v.videoHeight * scale);
  this.grab.getContext("2d").drawImage(v, 0, 0, this.grab.width, this.grab.height);
  this.sent = { w: this.grab.width, h: this.grab.height };
  var grab = this.grab;
  return new Promise(function (resolve) { grab.toBlob(resolve, "image/jpeg", 0.85); });
};

Camera.prototype.clearOverlay = function () {
  var o = this.overlay;
  if (o) o.getContext("2d").clearRect(0, 0, o.width, o.height);
};

/* corners: [[x,y] x4] in sent-frame pixels; the video is shown with object-fit: contain. */
Camera.prototype.draw = function (corners, good) {
  var o = this.overlay, v = this.video;
  var rect = v.getBoundingClientRect();
  o.width = Math.round(rect.width);
  o.height = Math.round(rect.height);
  var ctx = o.getContext("2d");
  ctx.clearRect(0, 0, o.width, o.height);
  if (!corners || !this.sent.w) return;
  var s = Math.min(o.width / this.sent.w, o.height / this.sent.h);
  var dx = (o.width - this.sent.w * s) / 2, dy = (o.height - this.sent.h * s) / 2;
  ctx.lineWidth = 8;
  ctx.lineJoin = "round";
  ctx.strokeStyle = good ? "#22c55e" : "#facc15";
  ctx.beginPath();
  corners.forEach(function (p, i) {
    var x = dx + p[0] * s, y = dy + p[1] * s;
    if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
  });
  ctx.closePath();
  ctx.stroke();
};

