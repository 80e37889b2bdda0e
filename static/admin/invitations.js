/* Invitation pages: copy the message text to the clipboard, and print. Nothing is sent anywhere. */
document.addEventListener("click", (e) => {
  const copy = e.target.closest("[data-copy]");
  if (copy) {
    const area = document.querySelector(copy.dataset.copy);
    const status = document.querySelector("[data-copy-status]");
    const done = () => { if (status) status.textContent = copy.dataset.copied; };
    area.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done, () => { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");  // plain http on the office network: the old way still works
      done();
    }
  }
  if (e.target.closest("[data-print]")) window.print();
});
