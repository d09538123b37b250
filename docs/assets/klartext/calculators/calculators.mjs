// Klartext calculators on the page.
//
// This module moves what a reader types to the Python calculators (in the runtime's worker,
// runtime/client.mjs) and moves their answers onto the page. It computes nothing itself:
// every formula, threshold and message comes from calculators/ in Python. It writes nothing
// to storage, cookies or the address bar; a shareable link is only built when the reader
// asks for one.
//
// The markup comes from templates/calculators/form.html.j2; elements are found by the
// contract's data attributes (container, fields, parts, actions), never by CSS class.
// A warm worker answers in well under a millisecond, so every input event computes at once:
// no debounce delays the result, and overtaken answers are dropped by the client.
import { action, calculator as names, part, runtime } from "../contract.mjs";
import { onPage } from "../page/on-page.mjs";
import { calculate, cancel, onRuntimeState, runtimeState, shown, startRuntime } from "../runtime/client.mjs";
import { fieldValue, initialFieldValue, setFieldValue } from "./choices.mjs";
import { bindDates } from "./dates.mjs";
import { offerFills } from "./fills.mjs";
import { linkFragment, linkValues } from "./fragment.mjs";
import { showHints } from "./hints.mjs";
import { bindTakeAlong } from "./take-along.mjs";
import { bindRows } from "./rows.mjs";
import { bindSteppers, refreshSteppers } from "./stepper.mjs";
import { bindVerdictBar, showAnswer } from "./verdict-bar.mjs";

/** A page without a calculator warms the runtime up when idle, for one a click away. */
const WARM_UP_TIMEOUT_MS = 5000;

const CONTAINERS = `[${names.containerAttribute}]`;
const FIELDS = `[${names.fieldAttribute}]`;

function partOf(root, name) {
  return root.querySelector(`[${part.attribute}="${name}"]`);
}

function actionOf(root, name) {
  return root.querySelector(`[${action.attribute}="${name}"]`);
}

// The value an input had when the page was built (choices.mjs knows every kind of field).
const initialValue = initialFieldValue;

function fieldsOf(inputs) {
  return Object.fromEntries(inputs.map((input) => [input.name, fieldValue(input)]));
}

// Each field's message goes next to it (its id plus the contract's suffix), marked invalid.
function showErrors(container, inputs, errors) {
  for (const input of inputs) {
    const message = errors[input.name];
    const slot = document.getElementById(`${input.id}${names.errorSuffix}`);
    slot.textContent = message || "";
    slot.hidden = !message;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
  const formSlot = partOf(container, part.formError);
  formSlot.textContent = errors._form || "";
  formSlot.hidden = !errors._form;
}

function stateText(state) {
  if (state === "loading") return "Rechner wird geladen …";
  if (state === runtime.answerFailed) return "Der Rechner konnte nicht geladen werden. Die Beispielrechnung oben gilt weiter.";
  return "";
}

/** Binds one calculator; returns its tear-down. */
function bind(container) {
  const calculatorId = container.getAttribute(names.containerAttribute);
  const form = container.querySelector("form");
  const output = partOf(container, part.resultBody);
  const notice = partOf(container, part.notice);
  const inputs = [...form.querySelectorAll(FIELDS)];
  const templatesNode = partOf(container, part.calculatorTemplates);
  const templates = templatesNode ? JSON.parse(templatesNode.textContent) : {};
  const unbound = new AbortController();
  const { signal } = unbound;

  // The runtime's state, in words while it loads or when it failed, and on the container.
  const showState = (state) => {
    partOf(container, part.runtimeState).textContent = stateText(state);
    container.setAttribute(names.stateAttribute, state);
  };
  const stopWatching = onRuntimeState(showState);
  showState(runtimeState());

  // The answer to the fields as they are now, on the page; null where a newer one overtook it.
  // ``extra``: request keys besides the fields (take-along.mjs asks for the text to copy).
  async function compute(extra = {}) {
    const message = await calculate(container, calculatorId, { ...fieldsOf(inputs), ...extra }, templates);
    if (!message) return null;
    showHints(inputs, (message.answer && message.answer.hints) || {});
    if (message.failure) {
      showErrors(container, inputs, { _form: "Die Berechnung ist fehlgeschlagen. Bitte laden Sie die Seite neu." });
      return null;
    }
    const answer = message.answer;
    if (answer.ok) {
      showErrors(container, inputs, {});
      // Built by calculators/result_html.py, the same Python that wrote the build's example.
      output.innerHTML = answer.result.html;
      partOf(container, part.resultLabel).textContent = "Ihr Ergebnis";
      offerFills(answer.result.fills || {});
    } else {
      showErrors(container, inputs, answer.errors);
    }
    showAnswer(container, answer);
    refreshSteppers(container); // a link or "Eingaben löschen" may have set a count
    return answer;
  }

  // A link to this calculator (see fragment.mjs) fills the form; what does not fit is named
  // and replaced by the initial value.
  async function applyLink() {
    const values = linkValues(calculatorId, location.hash);
    if (!values) return;
    const known = new Map(inputs.map((input) => [input.name, input]));
    const ignored = [];
    for (const [name, value] of values) {
      if (known.has(name)) setFieldValue(known.get(name), value);
      else ignored.push(name);
    }
    const answer = await compute();
    if (answer && !answer.ok) {
      for (const name of Object.keys(answer.errors)) {
        if (!known.has(name)) continue;
        setFieldValue(known.get(name), initialValue(known.get(name)));
        ignored.push(known.get(name).getAttribute(names.fieldAttribute));
      }
      await compute();
    }
    await rowEditors.refresh(); // the rows show what the link filled in
    notice.textContent = ignored.length
      ? `Einige Werte aus dem Link waren ungültig und wurden nicht übernommen: ${ignored.join(", ")}.`
      : "Die Werte aus dem Link wurden übernommen.";
    notice.hidden = false;
    container.scrollIntoView({ block: "start" });
  }

  async function copyLink() {
    const url = new URL(location.href);
    url.hash = linkFragment(calculatorId, fieldsOf(inputs));
    try {
      await navigator.clipboard.writeText(url.href);
      notice.textContent = "Link kopiert. Er enthält Ihre Eingaben: Geben Sie ihn nur bewusst weiter.";
    } catch {
      notice.textContent = `Bitte kopieren Sie den Link von Hand: ${url.href}`;
    }
    notice.hidden = false;
  }

  function clear() {
    for (const input of inputs) setFieldValue(input, initialValue(input));
    notice.hidden = true;
    rowEditors.refresh();
    compute();
  }

  form.addEventListener(
    "submit",
    (event) => {
      event.preventDefault();
      compute();
    },
    { signal },
  );
  form.addEventListener("input", () => compute(), { signal });
  actionOf(form, action.clearCalculator).addEventListener("click", clear, { signal });
  actionOf(form, action.copyLink).addEventListener("click", copyLink, { signal });
  window.addEventListener("hashchange", applyLink, { signal });
  // Preset links point into this page. Material's instant navigation changes the address
  // with pushState, which fires no hashchange, so the click is handled here.
  for (const preset of form.querySelectorAll("a[href]")) {
    if (!linkValues(calculatorId, preset.getAttribute("href"))) continue;
    preset.addEventListener(
      "click",
      (event) => {
        event.preventDefault();
        event.stopPropagation();
        history.replaceState(history.state, "", preset.getAttribute("href"));
        applyLink();
      },
      { signal },
    );
  }
  bindSteppers(container, signal);
  bindDates(container, signal);
  bindVerdictBar(container, signal);
  bindTakeAlong(container, compute, notice, signal);
  const rowEditors = bindRows(container, calculatorId, signal); // list inputs as rows
  form.hidden = false; // only now can Enter never submit the form natively
  startRuntime();
  applyLink();

  return () => {
    unbound.abort();
    stopWatching();
    cancel(container);
  };
}

function bindPage(root) {
  const containers = [...root.querySelectorAll(CONTAINERS)];
  if (!containers.length) {
    // Nothing to unbind: starting the runtime later is welcome on any page, once the page
    // is on screen (Pyodide's start would otherwise compete with the first paint).
    if ("requestIdleCallback" in window) {
      shown.then(() => requestIdleCallback(startRuntime, { timeout: WARM_UP_TIMEOUT_MS }));
    }
    return undefined;
  }
  const teardowns = containers.map(bind);
  return () => {
    for (const teardown of teardowns) teardown();
  };
}

// A page that opens with a calculator starts the runtime at once, before Material has
// finished setting up the page (boot.js has usually started it from the head already).
if (document.querySelector(CONTAINERS)) startRuntime();

// Material's instant navigation swaps pages without reloading scripts: bind on every page,
// and unbind what the previous page bound.
onPage(bindPage);
