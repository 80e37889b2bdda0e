/* USB barcode scanner (keyboard wedge): it "types" the code very fast and ends with Enter. Works on
   every screen without a focused field: a burst of at least MIN_LENGTH keys, each within MAX_GAP ms
   of the one before, followed by Enter, is handed to onScan, and the characters it typed into a
   focused field are taken out again. People do not type 6 keys 40 ms apart. */
const MAX_GAP = 40, MIN_LENGTH = 6;

export function installScanner(onScan) {
  let buffer = "", last = 0, field = null;
  document.addEventListener("keydown", (e) => {
    const now = performance.now();
    if (e.key === "Enter") {
      const burst = buffer;
      buffer = "";
      if (burst.length >= MIN_LENGTH && now - last <= MAX_GAP * 3) {
        e.preventDefault();
        e.stopPropagation();
        if (field && typeof field.value === "string" && field.value.slice(-burst.length) === burst) {
          field.value = field.value.slice(0, -burst.length);
          field.dispatchEvent(new Event("input", { bubbles: true }));
        }
        onScan(burst);
      }
      return;
    }
    if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) return;
    if (now - last > MAX_GAP) { buffer = ""; field = document.activeElement; }
    buffer += e.key;
    last = now;
  }, true);
}
