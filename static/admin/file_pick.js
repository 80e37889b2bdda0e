/* The file fields of templates/admin/_forms.html file_field: the browser's own field is hidden behind
   a button in the page's language, so say here which file was chosen (or that none is yet). */
document.addEventListener("change", (e) => {
  const input = e.target;
  if (!input.classList || !input.classList.contains("file-pick-input")) return;
  const pick = input.closest(".file-pick");
  // h40s: a file over the field's own limit (data-max-bytes) is said at once and not kept. Sent, it was
  // refused, and one past what the server reads at all got a bare page where the form had been.
  const file = input.files && input.files[0];
  const over = Boolean(file && input.dataset.maxBytes && file.size > Number(input.dataset.maxBytes));
  const said = pick.querySelector("[data-file-too-large]");
  if (said) {
    said.textContent = over ? input.dataset.tooLarge : "";
    said.hidden = !over;
  }
  if (over) input.value = "";
  if (over) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
  const name = pick.querySelector("[data-file-name]");
  if (!name) return;
  name.textContent = input.files && input.files.length ? input.files[0].name : name.dataset.none;
  name.classList.toggle("chosen", Boolean(input.files && input.files.length));
});
