/* A required field left empty: the browser's own bubble speaks the browser's language ("Please fill
   out this field." on a phone set to English, over an Indonesian page). Say it in the page's language,
   which the <script> tag carries in data-required. */
(function () {
  const message = document.currentScript && document.currentScript.dataset.required;
  if (!message) return;
  document.addEventListener("invalid", (e) => {
    const field = e.target;
    if (field.validity && field.validity.valueMissing && field.setCustomValidity) field.setCustomValidity(message);
  }, true);
  // The custom message sticks until cleared: clear it as soon as the field is touched again.
  document.addEventListener("input", (e) => { if (e.target.setCustomValidity) e.target.setCustomValidity(""); }, true);
  document.addEventListener("change", (e) => { if (e.target.setCustomValidity) e.target.setCustomValidity(""); }, true);
})();
