/* The satisfaction survey (SKM), one step at a time inside its [data-survey] box: nine questions
   answered with a tap on a face (the next question follows), education, a suggestion, thanks.
   Independent of the kiosk's screens: the helpdesk's hand-over page uses it too. `submit(payload)`
   sends the answers and resolves to {ok, data}; nothing is kept after `onDone`. */
const ADVANCE_MS = 350;  // long enough to see the chosen face marked

export function createSurvey({ root, submit, onDone, onThanks = () => {}, networkMessage }) {
  const steps = Array.from(root.querySelectorAll("[data-survey-step]"));
  const error = root.querySelector("[data-survey-error]");
  const ends = Array.from(root.querySelectorAll("[data-survey-end]"));
  let at = 0, answers = {}, education = null, sending = false;

  // A skipped element counts as unanswered (docs/skm.md), so a survey ended half-way keeps the
  // answers given; with none given there is nothing to keep and it just ends.
  const answered = () => Object.values(answers).some((v) => v !== null);
  function labelEnds() {
    ends.forEach((b) => { b.textContent = answered() ? b.dataset.some : b.dataset.none; });
  }

  function show(i) {
    at = Math.max(0, Math.min(steps.length - 1, i));
    steps.forEach((s, n) => { s.hidden = n !== at; });
    labelEnds();
    const heading = steps[at].querySelector("h1");
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
    window.scrollTo(0, 0);
  }

  function mark(group, button) {
    group.querySelectorAll("[aria-pressed]").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
  }

  function reset() {
    answers = {};
    education = null;
    sending = false;
    root.querySelectorAll("[aria-pressed]").forEach((b) => b.setAttribute("aria-pressed", "false"));
    const text = root.querySelector("textarea");
    if (text) text.value = "";
    if (error) error.textContent = "";
  }

  function send() {
    if (sending) return;
    sending = true;
    const text = root.querySelector("textarea");
    const payload = { answers, education, suggestion: text ? text.value : "" };
    submit(payload).then((res) => {
      sending = false;
      if (res.ok) { show(steps.length - 1); onThanks(); return; }
      const where = steps.findIndex((s) => s.contains(error));
      if (where >= 0 && where !== at) show(where);  // sent from a question: the message is with the send button
      if (error) error.textContent = (res.data && res.data.message) || networkMessage || "";
    });
  }

  root.addEventListener("click", (e) => {
    const step = steps[at];
    const face = e.target.closest("[data-score]");
    if (face) {
      answers[step.dataset.key] = Number(face.dataset.score);
      mark(step, face);
      setTimeout(() => { if (steps[at] === step) show(at + 1); }, ADVANCE_MS);
      return;
    }
    const level = e.target.closest("[data-education]");
    if (level) {
      education = level.dataset.education;
      mark(step, level);
      setTimeout(() => { if (steps[at] === step) show(at + 1); }, ADVANCE_MS);
      return;
    }
    if (e.target.closest("[data-survey-next]")) {
      if (step.dataset.key) answers[step.dataset.key] = null;
      if (step.hasAttribute("data-education")) education = null;
      show(at + 1);
    } else if (e.target.closest("[data-survey-back]")) {
      show(at - 1);
    } else if (e.target.closest("[data-survey-send]")) {
      send();
    } else if (e.target.closest("[data-survey-end]")) {
      if (answered()) send(); else onDone();
    } else if (e.target.closest("[data-survey-finish]")) {
      onDone();
    }
  });

  return {
    start() { reset(); show(0); },
    finished: () => steps[at].hasAttribute("data-thanks"),
  };
}
