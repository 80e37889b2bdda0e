/* A yes/no question in a native modal <dialog> (focus stays inside, Escape answers "no"):
   ask("start-over").then((yes) => ...). */
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
