/* Small helpers every kiosk module imports: DOM look-ups inside the kiosk, message formatting, ids. */
export const root = document.getElementById("kiosk");

export function $(sel, scope) { return (scope || root).querySelector(sel); }
export function $$(sel, scope) { return Array.from((scope || root).querySelectorAll(sel)); }

/* "%(name)s" placeholders, as gettext writes them. */
export function fmt(text, params) {
  return String(text).replace(/%\((\w+)\)s/g, (_m, k) => (params[k] == null ? "" : params[k]));
}

export function newId() {
  const a = new Uint8Array(16);
  crypto.getRandomValues(a);
  return Array.from(a, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function digits(value) { return String(value || "").replace(/\D/g, ""); }

/* A NIK message followed by how many digits were typed, when some were but not 16: "exactly 16
   digits" alone leaves a visitor who forgot or doubled one counting. */
export function withDigitsTyped(message, T, typed) {
  return typed && typed !== 16 ? `${message} ${fmt(T.nik_typed, { count: typed })}` : message;
}
