// Calculator links that still point at the overview (/rechner/#rechner-<id>:<values>, copied
// before issue 20 moved the forms into their chapters) open the calculator where it lives
// now, with the same values: the overview's card for that calculator names its chapter, and
// the address keeps the values after the card's anchor, as calculators/fragment.mjs reads it.
//
// Only the address moves; nothing is read or computed here. A page that has calculator forms
// handles its own links (calculators/calculators.mjs), so this module leaves it alone.
import { calculator } from "../contract.mjs";
import { onPage } from "../page/on-page.mjs";

function forward(root) {
  const fragment = window.location.hash.slice(1);
  const colon = fragment.indexOf(":");
  if (!fragment.startsWith(calculator.linkPrefix) || colon < 0) return;
  if (root.querySelector(`[${calculator.containerAttribute}]`)) return;
  const anchor = fragment.slice(0, colon);
  const heading = root.getElementById(anchor);
  // The card's heading and its links to the chapters share the card (its parent element);
  // the heading's own permalink stays on this page and is not one of them (Material makes
  // every address absolute, so the page is told apart by its path).
  const links = heading?.parentElement?.querySelectorAll(`a[href$="#${CSS.escape(anchor)}"]`);
  const home = [...(links ?? [])].find(
    (link) => new URL(link.href).pathname !== window.location.pathname,
  );
  if (!home) return;
  window.location.replace(`${home.href}:${fragment.slice(colon + 1)}`);
}

onPage((root) => {
  forward(root);
});
