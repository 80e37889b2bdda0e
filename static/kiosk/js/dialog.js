/* A yes/no question in a native modal <dialog> (focus stays inside, Escape answers "no"):
   ask("start-over").then((yes) => ...); dismiss("withdraw") answers an open one "no" from outside. */
export function ask(name) {
  const dialog = document.querySelector(`[data-dialog="${name}"]`);
  return new Promise((resolve) => {
    function answer(value) {
      dialog.removeEventListener("click", onClick);
      dialog.removeEventListener("cancel", onCancel);
      dialog.close();
      resolve(value);
    }
    function onClick(e) {
      const b = e.target.closest("button[value]");
      if (b) answer(b.value === "ok");
    }
    function onCancel(e) { e.preventDefault(); answer(false); }
    dialog.addEventListener("click", onClick);
    dialog.addEventListener("cancel", onCancel);
    dialog.showModal();
    dialog.querySelector("button[value=cancel]").focus();
  });
}

/* Answer an open question "no" as Escape would (ux14: the question no longer applies, e.g. the
   request it is about was decided meanwhile); true if it was open. */
export function dismiss(name) {
  const dialog = document.querySelector(`[data-dialog="${name}"]`);
  if (!dialog || !dialog.open) return false;
  dialog.dispatchEvent(new Event("cancel", { cancelable: true }));
  return true;
}
