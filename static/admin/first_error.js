/* A form sent back with a problem (the server answers the same page, 400): the page opens at its top,
   and on a phone the message beside the field may be a few screens down. Bring the first field
   with a message into view and put the cursor in it, so the person sees what to fix at once. */
document.addEventListener("DOMContentLoaded", () => {
  const error = document.querySelector("main form label .error");
  if (!error) return;
  const label = error.closest("label");
  label.scrollIntoView({ block: "center" });
  const field = label.querySelector("input:not([type=hidden]), textarea, select");
  if (field) field.focus({ preventScroll: true });
});
