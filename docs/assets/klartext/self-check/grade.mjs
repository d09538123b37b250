// Whether a self-check question is answered right, and what the result line says.
//
// Pure functions, no DOM: self-check.mjs reads the page's controls into plain answers, and
// tests/js/self-check.test.mjs runs the same functions in Node. A question is right when every
// choice the template marked right is chosen and no other (single and multiple choice), or
// when every step sits on the place the template wrote on its select (ordering).

/**
 * @typedef {{chosen: boolean, right: boolean}} Choice A radio button or check box.
 * @typedef {{place: string, position: string}} Placement An ordering question's select.
 */

/** @param {{choices: Choice[], placements: Placement[]}} answer */
export function isRight(answer) {
  const { choices, placements } = answer;
  if (choices.length === 0 && placements.length === 0) return false;
  return (
    choices.every((choice) => choice.chosen === choice.right) &&
    placements.every((placement) => placement.place === placement.position)
  );
}

/** Whether the reader has given any answer to the question yet. */
export function isAnswered(answer) {
  return answer.choices.some((choice) => choice.chosen) || answer.placements.some((p) => p.place !== "");
}

/**
 * Which explanations speak to the reader's answer: those of the options chosen wrongly (by
 * the options' index). The right ones left out are not announced, so a retry stays a retry.
 *
 * @param {{choices: Choice[]}} answer
 * @returns {number[]}
 */
export function explanationsFor(answer) {
  return answer.choices.flatMap((choice, index) => (choice.chosen && !choice.right ? [index] : []));
}

/** Whether a right option is still missing (a multiple-choice answer that is only partial). */
export function missesRight(answer) {
  return answer.choices.some((choice) => choice.right && !choice.chosen);
}

/** The German sentence that sums up a check: how many questions of how many are right. */
export function summary(right, total) {
  if (right === total) return `Bestanden: alle ${total} Fragen richtig.`;
  const questions = total === 1 ? "Frage" : "Fragen";
  return `${right} von ${total} ${questions} richtig. Lesen Sie die Erklärungen und versuchen Sie es noch einmal.`;
}
