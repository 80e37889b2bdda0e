/* USB barcode scanner (keyboard wedge): it "types" the code very fast and ends with Enter. Works on
   every screen without a focused field: a burst of at least MIN_LENGTH keys followed by Enter is
   handed to onScan, and the characters it typed into a focused field are taken out again.

   The burst is the run of keys before Enter each within MAX_GAP ms of the one before - people do not
   type 6 keys 40 ms apart - except that one gap of up to PAUSE ms may sit in it after a fast key: a
   busy kiosk PC can hold the browser back for a moment in the middle of a burst (CI lost a scan so on
   a loaded 2-core machine), and one late key does not make a scanner a person. Only one: a person
   whose keys come in fast pairs (gaps 30, 200, 30, 200...) is still a person. A held-down key's
   auto-repeat is a person, whatever its rate. Times are the events' own (when the key arrived), not
   when the handler got to run. */
const MAX_GAP = 40, PAUSE = 300, MIN_LENGTH = 6, KEEP = 256;

/* Where the burst ending at `at` (the Enter's time) starts in `times`, or -1 when it is not one. */
export function burstStart(times, at) {
  const all = [...times, at];
  let start = all.length - 1, stalled = false;
  for (let i = all.length - 1; i > 0; i--) {
    const gap = all[i] - all[i - 1];
    if (gap <= MAX_GAP) { start = i - 1; continue; }
    const fastBefore = i >= 2 && all[i - 1] - all[i - 2] <= MAX_GAP;
    if (!stalled && gap <= PAUSE && fastBefore) { stalled = true; start = i - 1; continue; }
    break;
  }
  return start < all.length - 1 && all.length - 1 - start >= MIN_LENGTH ? start : -1;
}

export function installScanner(onScan) {
  let keys = [], times = [], fields = [];
  const forget = () => { keys = []; times = []; fields = []; };
  document.addEventListener("keydown", (e) => {
    const now = e.timeStamp || performance.now();
    if (e.key === "Enter") {
      const start = burstStart(times, now);
      const burst = start < 0 ? "" : keys.slice(start).join("");
      const field = start < 0 ? null : fields[start];
      forget();
      if (burst) {
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
    if (e.repeat) { forget(); return; }
    if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) return;  // Shift comes before capitals
    keys.push(e.key); times.push(now); fields.push(document.activeElement);
    if (keys.length > KEEP) { keys.shift(); times.shift(); fields.shift(); }
  }, true);
}
