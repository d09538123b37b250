// Deep links for trainers (see issue 6): a copy-link control on every chapter, section and
// step heading; the projector view lives in projector.mjs.
//
// The control is an icon button (deep-links.css draws the icon) named "Link zu „…“ kopieren",
// so it no longer competes with its heading (issue 20): it shows when the heading is pointed
// at or the button has focus, and stays dimmed but visible where there is no hover (touch).
//
// Anchors are the YAML ids, written at build time; this module only copies them. The copied
// address never carries anything typed into a calculator: it is the page address and the
// heading id, nothing else.
//
// The controls are added on every page (onPage); their clicks are handled by one listener
// delegated to the document, bound once when the module loads (Material's instant navigation
// keeps the document, so it serves every page and never piles up).
import { calculator } from "../contract.mjs";
import { onPage } from "../page/on-page.mjs";
import { setUpProjector } from "./projector.mjs";

/** The class of the copy controls this module adds; only this module handles them. */
const COPY_CONTROL = "kx-copy-link";
const HEADINGS = ".md-content .md-typeset :is(h1, h2, h3)[id]";
/** The class that shows the "copied" icon for a moment after a copy. */
const COPIED_CLASS = "kx-copied";
const COPIED_MS = 2000;
/** The tooltip on pointers that hover; the accessible name also says which heading. */
const TOOLTIP = "Link kopieren";

function labelFor(heading) {
  return `Link zu „${nameOf(heading)}“ kopieren`;
}

function addressOf(heading) {
  const url = new URL(window.location.href);
  url.search = "";
  url.hash = heading.tagName === "H1" ? "" : heading.id;
  return url.href;
}

function nameOf(heading) {
  const copy = heading.cloneNode(true);
  for (const extra of copy.querySelectorAll(`.headerlink, .${COPY_CONTROL}`)) extra.remove();
  return copy.textContent.trim();
}

function addCopyControls(root) {
  for (const heading of root.querySelectorAll(HEADINGS)) {
    const inCalculator = heading.closest(`[${calculator.containerAttribute}]`);
    if (heading.querySelector(`.${COPY_CONTROL}`) || inCalculator) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = COPY_CONTROL;
    button.title = TOOLTIP;
    button.setAttribute("aria-label", labelFor(heading));
    heading.append(button);
  }
}

function announce(button, message) {
  let status = document.getElementById("kx-copy-status");
  if (!status) {
    status = document.createElement("p");
    status.id = "kx-copy-status";
    status.className = "kx-visually-hidden";
    status.setAttribute("role", "status");
    document.body.append(status);
  }
  status.textContent = message;
  const label = button.getAttribute("aria-label");
  button.setAttribute("aria-label", message);
  button.classList.add(COPIED_CLASS);
  const restore = () => {
    button.classList.remove(COPIED_CLASS);
    button.setAttribute("aria-label", label);
  };
  window.setTimeout(restore, COPIED_MS);
}

// Without a secure context (plain http on a team server) there is no clipboard API: the
// address is then shown in a selected field, ready for Ctrl+C.
function offerByHand(button, address) {
  let field = button.parentElement.querySelector(".kx-copy-field");
  if (!field) {
    field = document.createElement("input");
    field.type = "text";
    field.readOnly = true;
    field.className = "kx-copy-field";
    field.setAttribute("aria-label", "Adresse zum Kopieren");
    button.after(field);
  }
  field.value = address;
  field.focus();
  field.select();
}

async function copy(button) {
  const heading = button.closest("h1, h2, h3");
  if (!heading) return;
  const address = addressOf(heading);
  try {
    if (!navigator.clipboard) throw new Error("no clipboard");
    await navigator.clipboard.writeText(address);
    announce(button, "Link kopiert");
  } catch {
    offerByHand(button, address);
    announce(button, "Adresse markiert: mit Strg+C kopieren");
  }
}

document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const control = target?.closest(`.${COPY_CONTROL}`);
  if (!control) return;
  event.preventDefault();
  copy(control);
});

onPage((root) => {
  addCopyControls(root);
  return setUpProjector(root);
});
