/* Issue 15: an invitation's QR code, read by the camera on the KTP screen or typed by a USB scanner
   on any check-in screen, fills the guest book. The visitor still shows the KTP and signs; the
   server checks the KTP's NIK (or the name) against the invitation when the form is sent. A code
   that is used, outside its time window or unknown is said in a banner, and the normal path goes on. */
import { $ } from "./util.js";

const CODE = /^INV[0-9A-Z]{28}$/;

function bare(text) {
  // A code, its printed groups (INV1-2345-...) or the link that ends in it.
  const last = String(text || "").trim().split("/").pop();
  return last.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
}

export function isInvitation(text) { return CODE.test(bare(text)); }

export function createInvitation({ api, form, T }) {
  const banner = $("[data-invitation]");
  let asked = "";

  function say(message, ok) {
    banner.textContent = message;
    banner.classList.toggle("k-invitation-problem", !ok);
    banner.hidden = !message;
  }

  function use(text) {
    const code = bare(text);
    if (!CODE.test(code) || code === asked) return Promise.resolve(false);
    asked = code;
    return api("/invitations/lookup", { method: "POST", json: { code } }).then((res) => {
      if (!res.ok) {
        say(res.data.message || T.network, false);
        return false;
      }
      form.fill(res.data);
      form.setInvitation(res.data.code);
      say(res.data.message, true);
      return true;
    });
  }

  return { use, isInvitation };
}
