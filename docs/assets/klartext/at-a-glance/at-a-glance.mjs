// The "Karte drucken" button of a card "auf einen Blick" (templates/at_a_glance/card.md.j2).
//
// Printing is the browser's own; at-a-glance.css lays the card out on one A4 page. The button is
// written hidden, so a reader without JavaScript never sees a button that does nothing; it
// is shown once bound here, and unbound before the next page (onPage).
import { action } from "../contract.mjs";
import { onPage } from "../page/on-page.mjs";

onPage((root) => {
  const buttons = root.querySelectorAll(`[${action.attribute}="${action.printPage}"]`);
  if (buttons.length === 0) return undefined;
  const controller = new AbortController();
  for (const button of buttons) {
    button.addEventListener("click", () => window.print(), { signal: controller.signal });
    const holder = button.parentElement;
    if (holder) holder.hidden = false;
  }
  return () => controller.abort();
});
