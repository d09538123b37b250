// The self-check at a chapter's end: the reader answers, presses "Prüfen", hears the result.
//
// The template (templates/blocks/self_check.md.j2) writes every question as a fieldset with
// native radio buttons, check boxes or selects, marks the right answer on them (the answers
// are on the page anyway, in the <details> that serves readers without JavaScript), and keeps
// the buttons and the result line hidden until this module has bound them. Whether an answer
// is right is decided in grade.mjs; a question answered right is kept on this device like a
// checklist tick (progress/store.mjs, keys from progress/keys.mjs), so the onboarding page can
// count passed self-checks and a reload shows the result again.
import { action, part, selfCheck } from "../contract.mjs";
import { onPage } from "../page/on-page.mjs";
import { checkKey, selfCheckPrefix } from "../progress/keys.mjs";
import { deviceStore } from "../progress/store.mjs";
import { explanationsFor, isAnswered, isRight, missesRight, summary } from "./grade.mjs";

const store = deviceStore();
const having = (attribute, value) => (value === undefined ? `[${attribute}]` : `[${attribute}="${value}"]`);
const partsOf = (root, name) => Array.from(root.querySelectorAll(having(part.attribute, name)));
const partOf = (root, name) => partsOf(root, name)[0] ?? null;
const CHOICE = 'input[type="radio"], input[type="checkbox"]';

function questionsOf(container) {
  return Array.from(container.querySelectorAll(having(selfCheck.questionAttribute)));
}

function answerOf(question) {
  return {
    choices: Array.from(question.querySelectorAll(CHOICE), (input) => ({
      chosen: input.checked,
      right: input.hasAttribute(selfCheck.rightAttribute),
    })),
    placements: Array.from(question.querySelectorAll("select"), (select) => ({
      place: select.value,
      position: select.getAttribute(selfCheck.positionAttribute),
    })),
  };
}

function showRightAnswer(question) {
  for (const input of question.querySelectorAll(CHOICE)) {
    input.checked = input.hasAttribute(selfCheck.rightAttribute);
  }
  for (const select of question.querySelectorAll("select")) {
    select.value = select.getAttribute(selfCheck.positionAttribute);
  }
}

function setVerdict(question, text, right) {
  const verdict = partOf(question, selfCheck.verdictPart);
  if (verdict) {
    verdict.textContent = text;
    verdict.hidden = text === "";
  }
  question.classList.toggle("kx-question--right", right === true);
  question.classList.toggle("kx-question--wrong", right === false);
}

/** The explanations that speak to a wrong answer, as one sentence each. */
function explanationText(question, answer) {
  const whys = partsOf(question, selfCheck.whyPart).map((element) => element.textContent.trim());
  if (answer.placements.length > 0) return whys;
  const chosen = explanationsFor(answer).map((index) => whys[index]).filter(Boolean);
  if (chosen.length === 0 && missesRight(answer)) return ["Es fehlt noch mindestens eine richtige Antwort."];
  return chosen;
}

function showSaved(container) {
  const questions = questionsOf(container);
  const kept = questions.filter((question) => store.has(checkKey(question.getAttribute(selfCheck.questionAttribute))));
  const saved = partOf(container, selfCheck.savedPart);
  if (!saved) return kept.length;
  if (kept.length === questions.length) saved.textContent = "Auf diesem Gerät als bestanden gespeichert.";
  else if (kept.length > 0) saved.textContent = `Auf diesem Gerät gespeichert: ${kept.length} von ${questions.length} Fragen richtig.`;
  else saved.textContent = "";
  return kept.length;
}

function announce(container, text) {
  const result = partOf(container, selfCheck.resultPart);
  if (!result) return;
  result.textContent = ""; // the same text again is announced again
  window.setTimeout(() => {
    result.textContent = text;
  }, 50);
}

function check(container) {
  const questions = questionsOf(container);
  const notes = [];
  let right = 0;
  questions.forEach((question, index) => {
    const answer = answerOf(question);
    const ok = isRight(answer);
    store.set(checkKey(question.getAttribute(selfCheck.questionAttribute)), ok);
    const details = question.querySelector("details");
    if (details) details.open = true;
    if (ok) {
      right += 1;
      setVerdict(question, "Richtig.", true);
    } else if (!isAnswered(answer)) {
      setVerdict(question, "Noch nicht beantwortet.", false);
      notes.push(`Frage ${index + 1} ist noch nicht beantwortet.`);
    } else {
      setVerdict(question, "Noch nicht richtig. Die Erklärung steht unter „Antwort und Erklärung“.", false);
      notes.push(`Frage ${index + 1} ist noch nicht richtig. ${explanationText(question, answer).join(" ")}`);
    }
  });
  showSaved(container);
  announce(container, [summary(right, questions.length), ...notes].join(" "));
}

function reset(container) {
  store.clear(selfCheckPrefix(container.getAttribute(selfCheck.containerAttribute)));
  for (const question of questionsOf(container)) {
    for (const input of question.querySelectorAll(CHOICE)) input.checked = false;
    for (const select of question.querySelectorAll("select")) select.value = "";
    const details = question.querySelector("details");
    if (details) details.open = false;
    setVerdict(question, "", null);
  }
  showSaved(container);
  announce(container, "Ihre Antworten sind zurückgesetzt.");
}

function restore(container) {
  for (const question of questionsOf(container)) {
    if (store.has(checkKey(question.getAttribute(selfCheck.questionAttribute)))) {
      showRightAnswer(question);
      setVerdict(question, "Richtig.", true);
    }
  }
  showSaved(container);
  const tools = partOf(container, selfCheck.toolsPart);
  if (tools) tools.hidden = false;
}

function onClick(event) {
  const target = event.target instanceof Element ? event.target : null;
  const control = target?.closest(having(action.attribute));
  const container = control?.closest(having(selfCheck.containerAttribute));
  if (!control || !container) return;
  const kind = control.getAttribute(action.attribute);
  if (kind === selfCheck.checkAction) check(container);
  else if (kind === selfCheck.resetAction) reset(container);
}

document.addEventListener("click", onClick);

onPage((root) => {
  for (const container of root.querySelectorAll(having(selfCheck.containerAttribute))) restore(container);
});
