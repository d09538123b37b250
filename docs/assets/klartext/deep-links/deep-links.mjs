// Deep links for trainers (see issue 6): the copy-link control on every chapter, section and
// step heading; the projector view lives in projector.mjs.
//
// The control is an icon button (deep-links.css draws the icon) named "Link zu „…“ kopieren",
// so it does not compete with its heading (issue 20): it shows when the heading is pointed
// at or the button has focus, and stays dimmed but visible where there is no hover (touch).
// The build writes it into each heading (content_model/copy_links.py), so it is in place from
// the first paint and nothing moves when this module loads; this module handles its clicks.
//
// Anchors are the YAML ids, written at build time; this module only copies them. The copied
// address never carries anything typed into a calculator: it is the page address and the
// heading id, nothing else.
//
// Clicks are handled by one listener delegated to the document, bound once when the module
// loads (Material's instant navigation keeps the document, so it serves every page and never
// piles up).
import { deepLink } from "../contract.mjs";
import { onPage } from "../page/on-page.mjs";
import { setUpProjector } from "./projector.mjs";

const COPY_CONTROL = deepLink.copyControlClass;
/** The class that shows the "copied" icon for a moment after a copy. */
const COPIED_CLASS = "kx-copied";
const COPIED_MS = 2000;

function addressOf(heading) {
  const url = new URL(window.location.href);
  url.search = "";
  url.hash = heading.tagName === "H1" ? "" : heading.id;
  return url.href;
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
function offerByHand(heading, address) {
  let field = heading.querySelector(".kx-copy-field");
  if (!field) {
    field = document.createElement("input");
    field.type = "text";
    field.readOnly = true;
    field.className = "kx-copy-field";
    field.setAttribute("aria-label", "Adresse zum Kopieren");
    heading.append(field);
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
    offerByHand(heading, address);
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

onPage(setUpProjector);
