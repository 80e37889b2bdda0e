/* ux7: a remote-access request waiting for this person's decision, opened directly on a phone (a
   link passed on in a chat, the register, the history) opens at the decision card, as the queue's
   link (#next-step) opens it: "Setujui" lay under the fold (its top at 877 px of a 740 px screen).
   The card names who asks and what for. A page that came back with a problem or names a place of
   its own is left to first_error.js / the browser.
   ux8: a visit's page too (Setujui's top at 969 px, under the guest book). */
document.addEventListener("DOMContentLoaded", () => {
  const card = document.querySelector("#next-step.deciding");
  if (!card || window.location.hash || document.querySelector("main .error, main .flash-error")) return;
  if (window.matchMedia("(max-width: 760px)").matches) card.scrollIntoView({ block: "start" });
});
