/* A form sent back with a problem (the server answers the same page, 400): the page opens at its top,
   and on a phone the message beside the field may be a few screens down. Bring the first field
   with a message into view and put the cursor in it, so the person sees what to fix at once.
   The message sits inside the field's label, or in its fieldset (a day and a time typed apart, a
   group of choices), or after a pair of fields that point at it with aria-describedby. */
document.addEventListener("DOMContentLoaded", () => {
  // Not a message kept empty and hidden for later (a file field's "too large", said only when a file is
  // chosen): it would take the cursor from the field the server named.
  const error = [...document.querySelectorAll("main form .error")].find((e) => !e.closest("[hidden]")
    && e.textContent.trim());
  if (!error) return;
  const FIELDS = "input:not([type=hidden]), textarea, select";
  const holder = error.closest("label, fieldset");
  const field = (holder && (holder.querySelector("[aria-invalid=true]") || holder.querySelector(FIELDS)))
    || (error.id && document.querySelector(`[aria-describedby~="${CSS.escape(error.id)}"]`));
  (holder || field || error).scrollIntoView({ block: "center" });
  if (field) field.focus({ preventScroll: true });
});
