/* The kiosk's one way to talk to the server: JSON in and out, the CSRF token, and a network failure
   turned into an answer like any other ({ok: false, status: 0, data: {message}}). */
export function createApi(base, csrf, networkMessage) {
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
      .then((r) => r.json().catch(() => ({})).then((data) => ({ ok: r.ok, status: r.status, data })),
            () => ({ ok: false, status: 0, data: { message: networkMessage } }));
  };
}
