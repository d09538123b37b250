// Klartext calculators on the page.
//
// This script moves what a reader types to the Python calculators (in a Web Worker running
// Pyodide) and moves their answers onto the page. It computes nothing itself: every formula,
// threshold and message comes from calculators/ in Python. It writes nothing to storage,
// cookies or the address bar; a shareable link is only built when the reader asks for one.
(() => {
  "use strict";

  // A warm worker answers in well under a millisecond, so every input event computes at once:
  // no debounce delays the result, and stale answers are dropped by ticket (see compute).
  const LINK_PREFIX = "rechner-";

  let worker = null;
  let workerState = "idle"; // idle | loading | ready | failed
  let nextId = 1;
  const pending = new Map();
  const stateListeners = new Set();

  // ``start`` says how a ready runtime came up: "fresh" or from this device's "snapshot".
  function setWorkerState(state, message, start) {
    workerState = state;
    for (const listener of stateListeners) listener(state, message);
    // For whoever follows the runtime's state (the tests read whether it came from a snapshot).
    document.dispatchEvent(new CustomEvent("klartext:runtime", { detail: { state, start } }));
  }

  // The worker itself is created by calculator-boot.js, from the page head when the page has
  // a calculator; here it is adopted, with any message it sent before this script ran.
  function startWorker() {
    if (worker) return;
    setWorkerState("loading");
    worker = window.klartextRuntime.start();
    window.klartextRuntime.listen((event) => {
      if (event.type === "error") {
        setWorkerState("failed", event.message);
        return;
      }
      const message = event.data;
      if (message.type === "ready") setWorkerState("ready", "", message.start);
      else if (message.type === "failed") setWorkerState("failed", message.message);
      else if (message.type === "result" && pending.has(message.id)) {
        pending.get(message.id)(message);
        pending.delete(message.id);
      }
    });
  }

  function ask(request) {
    startWorker();
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, ...request });
    });
  }

  function run(calculator, fields, templates) {
    return ask({ kind: "calculate", calculator, fields, templates });
  }

  // The fillable templates (template-forms.js) share this worker: their text is filled by
  // calculators.boundary.fill_json, so the placeholder rule lives in Python only.
  window.klartext = Object.freeze({
    fillTemplate: (template, values) => ask({ kind: "fill", template, values }),
  });

  // The value an input had when the page was built (select elements have no defaultValue).
  function initialValue(input) {
    if (input.tagName === "SELECT") {
      const option = [...input.options].find((candidate) => candidate.defaultSelected) || input.options[0];
      return option ? option.value : "";
    }
    return input.defaultValue;
  }

  function fieldsOf(form) {
    const values = {};
    for (const input of form.querySelectorAll("[data-field]")) values[input.name] = input.value;
    return values;
  }

  function showErrors(form, errors) {
    for (const input of form.querySelectorAll("[data-field]")) {
      const message = errors[input.name];
      const slot = form.querySelector(`#${input.id}-fehler`);
      slot.textContent = message || "";
      slot.hidden = !message;
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
    const formSlot = form.querySelector(".kx-form-error");
    formSlot.textContent = errors._form || "";
    formSlot.hidden = !errors._form;
  }

  function linkParams(calculatorId, hash) {
    const prefix = `#${LINK_PREFIX}${calculatorId}:`;
    return hash.startsWith(prefix) ? new URLSearchParams(hash.slice(prefix.length)) : null;
  }

  function bind(container) {
    if (container.dataset.bound) return;
    container.dataset.bound = "true";
    const calculator = container.dataset.calculator;
    const form = container.querySelector("form");
    const output = container.querySelector(".kx-result-body");
    const status = container.querySelector(".kx-state");
    const notice = container.querySelector(".kx-notice");
    const inputs = [...form.querySelectorAll("[data-field]")];
    const templatesNode = container.querySelector(".kx-templates");
    const templates = templatesNode ? JSON.parse(templatesNode.textContent) : {};
    let latest = 0;

    const onState = (state) => {
      status.textContent =
        state === "loading" ? "Rechner wird geladen …" :
        state === "failed" ? "Der Rechner konnte nicht geladen werden. Die Beispielrechnung oben gilt weiter." : "";
      container.dataset.state = state;
    };
    stateListeners.add(onState);
    onState(workerState);

    async function compute() {
      const ticket = ++latest;
      const message = await run(calculator, fieldsOf(form), templates);
      if (ticket !== latest) return; // a newer keystroke already asked
      if (message.failure) {
        showErrors(form, { _form: "Die Berechnung ist fehlgeschlagen. Bitte laden Sie die Seite neu." });
        return;
      }
      const answer = message.answer;
      if (answer.ok) {
        showErrors(form, {});
        // Built by calculators/result_html.py, the same Python that wrote the build's example.
        output.innerHTML = answer.result.html;
        container.querySelector(".kx-result-label").textContent = "Ihr Ergebnis";
        if (Object.keys(answer.result.fills || {}).length) {
          document.dispatchEvent(new CustomEvent("klartext:fills", { detail: answer.result.fills }));
        }
      } else {
        showErrors(form, answer.errors);
      }
      // Counts answers on screen (results and error messages alike), e.g. for tests.
      container.dataset.computed = String(Number(container.dataset.computed || 0) + 1);
      return answer;
    }

    async function applyLink() {
      if (!container.isConnected) {
        window.removeEventListener("hashchange", applyLink);
        return;
      }
      const params = linkParams(calculator, location.hash);
      if (!params) return;
      const known = new Map(inputs.map((input) => [input.name, input]));
      const ignored = [];
      for (const [name, value] of params) {
        if (known.has(name)) known.get(name).value = value;
        else ignored.push(name);
      }
      const answer = await compute();
      if (answer && !answer.ok) {
        for (const name of Object.keys(answer.errors)) {
          if (!known.has(name)) continue;
          known.get(name).value = initialValue(known.get(name));
          ignored.push(known.get(name).dataset.label);
        }
        await compute();
      }
      notice.textContent = ignored.length
        ? `Einige Werte aus dem Link waren ungültig und wurden nicht übernommen: ${ignored.join(", ")}.`
        : "Die Werte aus dem Link wurden übernommen.";
      notice.hidden = false;
      container.scrollIntoView({ block: "start" });
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      compute();
    });
    form.addEventListener("input", compute);
    form.querySelector('[data-action="clear"]').addEventListener("click", () => {
      for (const input of inputs) input.value = initialValue(input);
      notice.hidden = true;
      compute();
    });
    form.querySelector('[data-action="copy-link"]').addEventListener("click", async () => {
      const params = new URLSearchParams(fieldsOf(form));
      const url = new URL(location.href);
      url.hash = `${LINK_PREFIX}${calculator}:${params}`;
      try {
        await navigator.clipboard.writeText(url.href);
        notice.textContent = "Link kopiert. Er enthält Ihre Eingaben: Geben Sie ihn nur bewusst weiter.";
      } catch {
        notice.textContent = `Bitte kopieren Sie den Link von Hand: ${url.href}`;
      }
      notice.hidden = false;
    });
    window.addEventListener("hashchange", applyLink);
    // Preset links point into this page. Material's instant navigation changes the address
    // with pushState, which fires no hashchange, so the click is handled here.
    for (const preset of form.querySelectorAll(".kx-presets a")) {
      preset.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        history.replaceState(history.state, "", preset.getAttribute("href"));
        applyLink();
      });
    }
    form.hidden = false; // only now can Enter never submit the form natively
    startWorker();
    applyLink();
  }

  function bindAll() {
    const containers = document.querySelectorAll(".kx-calculator");
    for (const container of containers) bind(container);
    if (!containers.length && "requestIdleCallback" in window) {
      requestIdleCallback(startWorker, { timeout: 5000 });
    }
  }

  // A page that opens with a calculator starts the runtime at once, before Material has
  // finished setting up the page (scripts run after the whole document has been parsed).
  if (document.querySelector(".kx-calculator")) startWorker();

  // Material's instant navigation swaps pages without reloading scripts: bind on every page.
  if (window.document$) window.document$.subscribe(bindAll);
  else document.addEventListener("DOMContentLoaded", bindAll);
})();
