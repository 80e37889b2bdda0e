/* A refusal reason's chip: one tap writes its reason in its form's reason box (the queue, a visit's own
   page, a remote-access letter's page). The office's reasons are few and often the same; writing one
   stays possible. */
document.addEventListener("click", (e) => {
  const chip = e.target.closest && e.target.closest("[data-reason]");
  const box = chip && chip.form && chip.form.querySelector("textarea[name=reason]");
  if (!box) return;
  box.value = chip.dataset.reason;
  // ux17: after a finger's tap the focus stays on the chip: the box taking it raised the phone's
  // keyboard over the refusal's button, one more tap to put it away. A mouse or a key: to edit.
  if (e.pointerType !== "touch") box.focus();
});
