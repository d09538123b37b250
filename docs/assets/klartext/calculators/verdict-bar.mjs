// The verdict in view (templates/calculators/verdict_bar.html.j2).
//
// While a field of a calculator has focus and its verdict is not on screen (on a phone, where
// the result stands below the form), a bar at the bottom of the screen shows the verdict: tone
// in words beside its colour, the verdict and the deciding figure, as Python returned them.
// Wide screens show the result beside the form (calculators.css), so the bar stays away there.
// Until the first live answer it is marked as the example; a tap scrolls to the explanation.
import { calculator as names, part } from "../contract.mjs";

function partOf(root, name) {
  return root.querySelector(`[${part.attribute}="${name}"]`);
}

function setText(node, text) {
  node.textContent = text;
  node.hidden = !text;
}

// The verdict counts as on screen when all of it lies in the visible part of the window
// (above an on-screen keyboard) and its middle is not covered by anything: not by Material's
// sticky header, not by the bar itself.
function verdictOnScreen(container) {
  const verdict = partOf(container, part.resultBody).firstElementChild;
  if (!verdict) return false;
  const box = verdict.getBoundingClientRect();
  const view = window.visualViewport;
  const top = view ? view.offsetTop : 0;
  const bottom = view ? view.offsetTop + view.height : window.innerHeight;
  if (box.top < top || box.bottom > bottom || box.left < 0 || box.right > window.innerWidth) return false;
  const x = box.left + Math.min(box.width / 2, 40);
  const y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  return Boolean(hit && verdict.contains(hit));
}

/** Shows an answer of the worker in the bar; the first one ends the example. */
export function showAnswer(container, answer) {
  const bar = partOf(container, part.verdictBar);
  container.removeAttribute(names.exampleAttribute);
  partOf(bar, part.barExample).hidden = true;
  const result = answer.ok ? answer.result : null;
  partOf(bar, part.barProblem).hidden = Boolean(result);
  if (result) {
    bar.setAttribute(names.toneAttribute, result.tone);
    setText(partOf(bar, part.barTone), result.tone_label);
    setText(partOf(bar, part.barVerdict), result.verdict);
    setText(partOf(bar, part.barSummary), result.summary || "");
  } else {
    bar.setAttribute(names.toneAttribute, "neutral");
    for (const name of [part.barTone, part.barVerdict, part.barSummary]) setText(partOf(bar, name), "");
  }
  placeBar(container);
}

// Shown while the focus is in the form (or on the bar) and the verdict is not on screen.
function placeBar(container) {
  const bar = partOf(container, part.verdictBar);
  const form = container.querySelector("form");
  const focused = form.contains(document.activeElement) || bar.contains(document.activeElement);
  if (!focused) {
    bar.hidden = true;
    return;
  }
  // Above an on-screen keyboard that covers the layout viewport (visual viewport API).
  const view = window.visualViewport;
  const covered = view ? Math.max(0, window.innerHeight - (view.offsetTop + view.height)) : 0;
  bar.style.setProperty("--kx-bar-lift", `${covered}px`);
  if (!bar.hidden) {
    // The bar itself may cover the verdict: measure without it.
    bar.hidden = true;
    bar.hidden = verdictOnScreen(container);
  } else {
    bar.hidden = verdictOnScreen(container);
  }
}

/** Binds the bar of one calculator until ``signal`` aborts. */
export function bindVerdictBar(container, signal) {
  const bar = partOf(container, part.verdictBar);
  const result = document.getElementById(bar.getAttribute("aria-controls"));
  let queued = false;
  const update = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      placeBar(container);
    });
  };
  container.addEventListener("focusin", update, { signal });
  container.addEventListener("focusout", update, { signal });
  window.addEventListener("scroll", update, { signal, passive: true });
  window.addEventListener("resize", update, { signal });
  if (window.visualViewport) {
    window.visualViewport.addEventListener("resize", update, { signal });
    window.visualViewport.addEventListener("scroll", update, { signal });
  }
  bar.addEventListener(
    "click",
    () => {
      bar.hidden = true;
      result.scrollIntoView({ block: "start" });
      result.focus({ preventScroll: true });
    },
    { signal },
  );
}
