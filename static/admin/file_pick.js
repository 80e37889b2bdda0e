/* The file fields of templates/admin/_forms.html file_field: the browser's own field is hidden behind
   a button in the page's language, so say here which file was chosen (or that none is yet). */
document.addEventListener("change", (e) => {
  const input = e.target;
  if (!input.classList || !input.classList.contains("file-pick-input")) return;
  const name = input.closest(".file-pick").querySelector("[data-file-name]");
  if (!name) return;
  name.textContent = input.files && input.files.length ? input.files[0].name : name.dataset.none;
  name.classList.toggle("chosen", Boolean(input.files && input.files.length));
});
