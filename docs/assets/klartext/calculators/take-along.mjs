// The result to take along: "Ergebnis kopieren" and "Ergebnis drucken".
//
// Python composes both (calculators/result_text.py): the plain text for a CRM note and the
// one-page card with the inputs and the verdict, in German formatting. This module only asks
// for a fresh answer to the fields as they are, puts the text on the clipboard (or, where the
// browser refuses, into a selected text area) and prints the card alone: the card is placed
// as the last child of <body>, the <html> element is marked, and the print styles
// (result-card.css) hide everything else for that print only.
import { action, part, takeAlong } from "../contract.mjs";

/** The reader's local date (2026-03-17) under the contract's key: it asks Python for the
 * text and card (only then composed) and heads them. */
function readerDate() {
  const now = new Date();
  const two = (number) => String(number).padStart(2, "0");
  const iso = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  return { [takeAlong.readerDateField]: iso };
}

function say(notice, text) {
  notice.textContent = text;
  notice.hidden = false;
}

// Where the Clipboard API is refused (no permission, an old browser): the text in a
// selected text area, copied by the browser's own command or by the reader.
function fallbackCopy(box, text) {
  let area = box.querySelector("textarea");
  if (!area) {
    area = document.createElement("textarea");
    area.readOnly = true;
    area.rows = 8;
    area.className = "kx-take-along-text";
    area.setAttribute("aria-label", "Ergebnis als Text");
    box.append(area);
  }
  area.value = text;
  area.hidden = false;
  area.focus();
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

function printCard(html) {
  for (const old of document.querySelectorAll(`body > [${part.attribute}="${takeAlong.card}"]`)) old.remove();
  const card = document.createElement("div");
  card.className = "kx-print-card";
  card.setAttribute(part.attribute, takeAlong.card);
  card.innerHTML = html; // written and escaped by calculators/result_text.py
  document.body.append(card);
  const root = document.documentElement;
  root.setAttribute(takeAlong.printingAttribute, "");
  window.addEventListener(
    "afterprint",
    () => {
      card.remove();
      root.removeAttribute(takeAlong.printingAttribute);
    },
    { once: true },
  );
  window.print();
}

/**
 * Binds the two buttons of one calculator.
 * @param {HTMLElement} container the calculator
 * @param {(extra: object) => Promise<object|null>} compute answers the fields as they are now,
 *   with ``extra`` keys sent along
 * @param {HTMLElement} notice the calculator's status line
 * @param {AbortSignal} signal the page's tear-down
 */
export function bindTakeAlong(container, compute, notice, signal) {
  const copy = container.querySelector(`[${action.attribute}="${takeAlong.copyResult}"]`);
  const print = container.querySelector(`[${action.attribute}="${takeAlong.printResult}"]`);
  if (!copy || !print) return;
  const box = copy.parentElement;

  async function current() {
    const answer = await compute(readerDate());
    if (answer && answer.ok) return answer.result.take_along;
    if (answer) say(notice, "Bitte korrigieren Sie zuerst die markierten Eingaben.");
    return null;
  }

  copy.addEventListener(
    "click",
    async () => {
      const taken = await current();
      if (!taken) return;
      try {
        await navigator.clipboard.writeText(taken.text);
        say(notice, "Ergebnis kopiert.");
      } catch {
        const copied = fallbackCopy(box, taken.text);
        say(notice, copied ? "Ergebnis kopiert." : "Bitte kopieren Sie den markierten Text (Strg+C).");
      }
    },
    { signal },
  );
  print.addEventListener(
    "click",
    async () => {
      const taken = await current();
      if (taken) printCard(taken.html);
    },
    { signal },
  );
  box.hidden = false;
}
