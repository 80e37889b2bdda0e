/* h21u: a KTP photo taken whose NIK the engine could not read. The visitor was told only in a grey
   line under "KTP photo taken", and met an empty NIK box on the next screen without knowing why: the
   KTP screen now says "NIK not read" and that the NIK must be typed (h22: it said "Almost done", on
   step 1 of 6, read as the whole form almost done), and the empty box says it too.
   Plain functions of the capture result, so the choice is tested apart from the screens. */

/** True when a photo was kept (a card seen, or the photo kept as it is) but no NIK came from it. */
export function nikUnread(capture) {
  return !!capture && !capture.nik;
}

/** What the KTP screen says once the photo is taken: { title: text or "", line: text }. */
export function captureNotes(capture, T) {
  if (nikUnread(capture)) return { title: T.nik_unread_title, line: T.nik_not_read };
  return { title: "", line: T.nik_read.replace("%(nik)s", capture.nik) };
}
