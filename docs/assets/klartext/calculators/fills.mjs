// Values a calculator's answer offers to the fillable templates on the same page.
//
// A calculator that knows, say, the review date of a protocol hands it over here; the
// template forms (text-templates/forms.mjs) take it where the reader has not typed. Only the
// answer on screen offers values: a superseded answer never reaches this mailbox.

const listeners = new Set();

/**
 * Passes ready-worded values (placeholder name -> text) to every template form listening.
 * @param {Record<string, string>} values
 */
export function offerFills(values) {
  if (!Object.keys(values).length) return;
  for (const listener of listeners) listener(values);
}

/**
 * Calls ``listener`` with every offer from now on.
 * @param {(values: Record<string, string>) => void} listener
 * @returns {() => void} stops listening (a page's tear-down)
 */
export function onFills(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
