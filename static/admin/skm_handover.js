// The helpdesk's hand-over screen: the same survey steps as the kiosk, sent to the staff endpoint.
import { createSurvey } from "../kiosk/js/survey.js";

const page = document.querySelector("[data-handover]");
const root = page && page.querySelector("[data-survey]");
if (root) {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const survey = createSurvey({
    root,
    onDone: () => window.location.assign(page.dataset.back),
    submit: (payload) => fetch(page.dataset.submit, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(payload),
    }).then((r) => r.json().catch(() => ({})).then((data) => ({ ok: r.ok, data })),
             () => ({ ok: false, data: {} })),
  });
  survey.start();
}
