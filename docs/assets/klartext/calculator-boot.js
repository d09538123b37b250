// Starts the calculator runtime from the page head (see templates/theme/main.html).
//
// A rep opens a calculator seconds before a call, so every millisecond before Pyodide starts
// loading counts. Scripts at the end of the body run only after the whole page and Material's
// bundle are parsed; this one runs from the head, so on a page with a calculator (data-start)
// the worker begins fetching and starting Pyodide a few hundred milliseconds earlier.
// calculators.js takes the worker over through window.klartextRuntime; messages that arrive
// before it listens are kept and handed over. Nothing here computes anything.
(() => {
  "use strict";

  const script = document.currentScript;
  const WORKER_URL = new URL("calculator-worker.mjs", script.src);
  let worker = null;
  let listener = null;
  const early = [];

  function start() {
    if (worker) return worker;
    // Started from a tiny blob module, the worker inherits this page's Content-Security-Policy
    // (a worker loaded from its own URL would run under the policy of its HTTP response, which
    // most static hosts leave empty). So the policy governs Pyodide and its WebAssembly too.
    const bootstrap = new Blob([`import ${JSON.stringify(WORKER_URL.href)};`], { type: "text/javascript" });
    worker = new Worker(URL.createObjectURL(bootstrap), { type: "module", name: "klartext-rechner" });
    const keep = (event) => (listener ? listener(event) : early.push(event));
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
    return worker;
  }

  // One listener receives everything: what arrived before it, then what comes after.
  function listen(handler) {
    listener = handler;
    for (const event of early.splice(0)) handler(event);
  }

  // The worker fetches the runtime only after loading its own modules, one request after the
  // other. Asking for the large files from here, at once, lets them download meanwhile; the
  // browser's HTTP cache hands the same response to the worker's later request. Each body is
  // read to the end (and dropped), so the download is never paused for want of a reader.
  function prefetch() {
    for (const path of (script.dataset.prefetch || "").split(" ").filter(Boolean)) {
      fetch(new URL(path, document.baseURI))
        .then((response) => response.body?.pipeTo(new WritableStream()))
        .catch(() => {}); // offline or blocked: the worker reports its own failure
    }
  }

  window.klartextRuntime = Object.freeze({ start, listen });
  if (script.hasAttribute("data-start")) {
    start();
    prefetch();
  }
})();
