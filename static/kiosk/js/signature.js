/* A signature drawn by finger (or pen, or mouse) with pointer events, on a white canvas. */
export class SignaturePad {
  constructor(canvas, onStroke) {
    this.canvas = canvas;
    this.ctx = canvas.getContext("2d");
    this.strokes = 0;
    this.drawing = false;
    this.clear();
    canvas.addEventListener("pointerdown", (e) => {
      e.preventDefault();
      canvas.setPointerCapture(e.pointerId);
      this.drawing = true;
      this.last = this.point(e);
      this.dot(this.last);
    });
    canvas.addEventListener("pointermove", (e) => {
      if (!this.drawing) return;
      const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [e];
      for (const ev of events) {
        const p = this.point(ev);
        this.line(this.last, p);
        this.last = p;
      }
    });
    for (const type of ["pointerup", "pointercancel", "pointerleave"]) {
      canvas.addEventListener(type, () => {
        if (this.drawing) { this.strokes += 1; if (onStroke) onStroke(); }
        this.drawing = false;
      });
    }
  }

  point(e) {
    // The canvas keeps its drawing resolution whatever size CSS gives it.
    const r = this.canvas.getBoundingClientRect();
    return { x: (e.clientX - r.left) * this.canvas.width / r.width,
             y: (e.clientY - r.top) * this.canvas.height / r.height };
  }

  line(a, b) {
    const c = this.ctx;
    c.strokeStyle = "#111"; c.lineWidth = 5; c.lineCap = "round"; c.lineJoin = "round";
    c.beginPath(); c.moveTo(a.x, a.y); c.lineTo(b.x, b.y); c.stroke();
  }

  dot(p) {
    this.ctx.fillStyle = "#111";
    this.ctx.beginPath(); this.ctx.arc(p.x, p.y, 2.5, 0, Math.PI * 2); this.ctx.fill();
  }

  clear() {
    this.ctx.fillStyle = "#fff";
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.strokes = 0;
  }

  isEmpty() { return this.strokes === 0; }

  toDataURL() { return this.canvas.toDataURL("image/png"); }
}
