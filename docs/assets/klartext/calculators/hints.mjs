// Hints on likely slips, next to the fields they concern.
//
// A hint is not an error: Python (calculators/hints.py, slips.py) read the value as typed
// and computed the answer with it; the hint says what the reader probably meant ("0,3 % –
// meinten Sie 30 %?"). Each field has one hint element (its id plus the contract's suffix),
// always present and announced politely (role="status"), and linked to the field by
// aria-describedby in the template. Its text changes only when the hint does, so a screen
// reader does not repeat it on every keystroke.
import { takeAlong } from "../contract.mjs";

/**
 * Shows each field's hint (German, from the answer) and clears the others.
 * @param {HTMLElement[]} inputs the calculator's fields
 * @param {Record<string, string>} hints field name -> hint
 */
export function showHints(inputs, hints) {
  for (const input of inputs) {
    const slot = document.getElementById(`${input.id}${takeAlong.hintSuffix}`);
    if (!slot) continue;
    const text = hints[input.getAttribute("name")] || "";
    if (slot.textContent !== text) slot.textContent = text;
  }
}
