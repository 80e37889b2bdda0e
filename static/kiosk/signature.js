/* A signature drawn by finger (or pen, or mouse) with pointer events, on a white canvas. */
(function () {
  "use strict";

  function SignaturePad(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext("2d");
    this.strokes = 0;
    this.drawing = false;
    this.clear();
    var self = this;
    canvas.addEventListener("pointerdown", function (e) {
      e.preventDefault();
      canvas.setPointerCapture(e.pointerId);
      self.drawing = true;
      self.last = self.point(e);
      self.dot(self.last);
    });
    canvas.addEventListener("pointermove", function (e) {
      if (!self.drawing) return;
      var events = e.getCoalescedEvents ? e.getCoalescedEvents() : [e];
      events.forEach(function (ev) {
        var p = self.point(ev);
        self.line(self.last, p);
        self.last = p;
      });
    });
    ["pointerup", "pointercancel", "pointerleave"].forEach(function (type) {
      canvas.addEventListener(type, function () {
        if (self.drawing) self.strokes += 1;
        self.drawing = false;
      });
    });
  }

  SignaturePad.prototype.point = function (e) {
    // The canvas keeps its drawing resolution whatever size CSS gives it.
    var r = this.canvas.getBoundingClientRect();
    return { x: (e.clientX - r.left) * this.canvas.width / r.width,
             y: (e.clientY - r.top) * this.canvas.height / r.height };
  };

  SignaturePad.prototype.line = function (a, b) {
    var c = this.ctx;
    c.strokeStyle = "#111"; c.lineWidth = 5; c.lineCap = "round"; c.lineJoin = "round";
    c.beginPath(); c.moveTo(a.x, a.y); c.lineTo(b.x, b.y); c.stroke();
  };

  SignaturePad.prototype.dot = function (p) {
    this.ctx.fillStyle = "#111";
    this.ctx.beginPath(); this.ctx.arc(p.x, p.y, 2.5, 0, Math.PI * 2); this.ctx.fill();
  };

  SignaturePad.prototype.clear = function () {
    this.ctx.fillStyle = "#fff";
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.strokes = 0;
  };

  SignaturePad.prototype.isEmpty = function () { return this.strokes === 0; };

  SignaturePad.prototype.toDataURL = function () { return this.canvas.toDataURL("image/png"); };

  window.SignaturePad = SignaturePad;
})();
