/* Camera frames on the narrow path (issue 16, docs/scale.md): a scan session is opened once with an
   ordinary request (device credential, session cookie, CSRF token) and answers with a capability;
   each frame then goes as the JPEG body with that capability in a header, so the server has no
   session cookie or CSRF token to check five times a second. A refused capability or an ended
   session (the server restarted, or the session expired or was closed) opens the session again,
   once, and sends the same frame. The KTP camera's picture size goes with the opening, for the
   Admin's kiosks page. */
export function createFrames(api, lang) {
  const capabilities = new Map();

  function open(session, camera) {
    const options = camera ? { method: "POST", json: { camera } } : { method: "POST" };
    return api("/scan/" + encodeURIComponent(session) + "/capability", options).then((res) => {
      if (res.ok) capabilities.set(session, res.data.capability);
      return res;
    });
  }

  function post(blob, mode, session, capture, taken) {
    const query = new URLSearchParams({ session, mode, lang });
    if (capture) query.set("capture", "1");
    if (Number.isFinite(taken)) query.set("t", taken.toFixed(1));  // when it was grabbed (camera.js)
    return api("/frames?" + query, { method: "POST", body: blob, contentType: "image/jpeg",
                                     headers: { "X-Scan-Capability": capabilities.get(session) } });
  }

  function refused(res) {
    return (res.status === 403 && res.data.error === "capability_invalid") || res.status === 410;
  }

  return function sendFrame(blob, mode, session, capture = false, camera = null, taken = null) {
    const ready = capabilities.has(session) ? Promise.resolve({ ok: true }) : open(session, camera);
    return ready.then((opened) => {
      if (!opened.ok) return opened;
      return post(blob, mode, session, capture, taken).then((res) => {
        if (!refused(res)) return res;
        capabilities.delete(session);
        return open(session, camera).then((again) => (again.ok ? post(blob, mode, session, capture, taken) : again));
      });
    });
  };
}
