/* The kiosk's one way to talk to the server: JSON in and out, the CSRF token, and a network failure
   turned into an answer like any other ({ok: false, status: 0, data: {message}}). */
export function createApi(base, csrf, networkMessage, tooLargeMessage) {
  return function api(path, options = {}) {
    const headers = { "Accept": "application/json", "X-CSRFToken": csrf, ...(options.headers || {}) };
    let body = options.body;
    if (options.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.contentType) {
      headers["Content-Type"] = options.contentType;
    }
    return fetch(base + path, { method: options.method || "GET", headers, body,
                                credentials: "same-origin", keepalive: !!options.keepalive })
      .then((r) => r.json().catch(() => ({})).then((data) => ({ ok: r.ok, status: r.status, data: said(r.status, data) })),
            () => ({ ok: false, status: 0, data: { message: networkMessage } }));
  };

  /* h40t: a 413 that gives no reason of its own is a body larger than the server reads: the app's
     "The file is too large." (error "413", past MAX_UPLOAD_MB) or the server's plain text past four
     times that, which is no JSON and was said as "No connection". A 413 with its own code (a picture
     of too many pixels) keeps its own sentence. */
  function said(status, data) {
    if (status !== 413 || (data.error && data.error !== "413")) return data;
    return { ...data, error: "too_large", message: tooLargeMessage || data.message };
  }
}
