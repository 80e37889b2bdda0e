/* Issue 15: the devices step, shown only for a facility marked restricted (the server room). The
   visitor lists each device (kind, brand, serial number) or ticks "I bring no devices"; the server
   checks the answer (validate_only) before the rules screen opens. */
import { showErrors, clearField, sayScreenProblem } from "./errors.js";
import { FORM_SCREENS } from "./form.js";
import { $, $$ } from "./util.js";

export function createDevices({ api, T, screens, form, restricted }) {
  const screen = $("[data-screen=devices]");
  const rows = $("[data-devices-rows]", screen);
  const none = $("[data-devices-none]", screen);
  const template = $("template[data-device-template]", screen);
  let reached = false;  // the answer is sent only once the visitor has seen this step

  // Read the chip itself: form.data() asks this module for its answer, which asks this.
  function needed() {
    const chosen = $("input[name=facility]:checked");
    return !!chosen && restricted.includes(chosen.value);
  }

  function items() {
    return $$("[data-device-item]", rows).map((row) => ({
      kind: $("input[name=device_kind]", row).value.trim(),
      brand: $("input[name=device_brand]", row).value.trim(),
      serial: $("input[name=device_serial]", row).value.trim(),
    })).filter((d) => d.kind || d.brand || d.serial);
  }

  /* What the request carries: nothing for an ordinary facility or before this step. */
  function answer() {
    if (!reached || !needed()) return {};
    return { devices: none.checked ? [] : items(), devices_none: none.checked };
  }

  function syncNone() {
    rows.hidden = none.checked;
    $("[data-device-add]", screen).hidden = none.checked;
  }

  function add() {
    rows.append(template.content.cloneNode(true));
    const last = $$("[data-device-item]", rows).pop();
    $("input", last).focus();
  }

  function next() {
    reached = true;
    // h44k: named fields (its own and every earlier screen's) are answered 200 with their problems: a
    // refused answer is no HTTP error in the browser's console (the whole-entry check was a 400)
    const asked = [...Object.values(FORM_SCREENS).flat(), "devices"];
    const payload = Object.assign(form.data(), answer(), { validate_only: true, check_fields: asked });
    return api("/visits", { method: "POST", json: payload }).then((res) => {
      const fields = res.data.fields || {};
      if (!res.ok && !res.data.fields) { showErrors(screen, {}, ""); sayScreenProblem($("[data-form-error]", screen), res.data, T.network); return; }
      if (fields.devices) { showErrors(screen, { devices: fields.devices }, T.fix_marked); return; }
      if (form.showServerErrors(fields, res.data.message)) return;
      screens.show("rules");
    });
  }

  screen.addEventListener("click", (e) => {
    if (e.target.closest("[data-device-add]")) { e.preventDefault(); add(); clearField(screen, "devices"); }
    const remove = e.target.closest("[data-device-remove]");
    if (remove) {
      e.preventDefault();
      if ($$("[data-device-item]", rows).length > 1) remove.closest("[data-device-item]").remove();
      else $$("input", remove.closest("[data-device-item]")).forEach((i) => { i.value = ""; });
    }
  });
  screen.addEventListener("input", () => clearField(screen, "devices"));
  none.addEventListener("change", () => { syncNone(); clearField(screen, "devices"); });
  screens.onEnter("devices", () => { reached = true; });

  return { needed, answer, next };
}
