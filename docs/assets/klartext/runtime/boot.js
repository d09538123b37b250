// Starts the calculator runtime (its tag is written in the head by templates/theme/main.html).
//
// Why a deferred classic script in the head: a rep opens a calculator seconds before a call,
// so the runtime should start as early as it can without slowing the page down. Deferred, it
// never holds up the first paint, and it runs before Material's bundle and our modules
// (document order), so the search-index hold below is in place before Material asks. On a page
// with a calculator (data-start) it creates the worker the moment the page has shown its
// first content; before that, Pyodide's download would compete with the page's own files
// (Lighthouse, issue 20). A classic script cannot import contract.mjs, so the head writes the
// contract's values it needs onto this script's tag:
//
//   data-modules           the worker and the modules it imports (contract.worker_module_uris)
//   data-worker-name       contract.runtime.worker_name
//   data-settle-ms         contract.runtime.settle_ms
//   data-start             present on a page with a calculator (page flag from the content)
//   data-hold-search-index present while contract.runtime.hold_search_index is on
//
// It is the only script of the site that puts anything on window: `window.klartextRuntime`
// ({ start, listen, settled, shown }), which runtime/client.mjs takes over. Messages the worker sends
// before the client listens are kept and handed over. Nothing here computes anything, and
// the worker fetches the runtime files itself: asking for them from here as well was measured
// to make the first result slower, not faster.
(() => {
  "use strict";

  const script = document.currentScript;
  const settings = script.dataset;
  // Imported all at once by the worker's bootstrap below, so the browser fetches them in one
  // round trip instead of finding each level of imports only after the one before arrived.
  const MODULES = settings.modules.split(" ").map((path) => new URL(path, document.baseURI).href);
  let worker = null;
  let listener = null;
  const early = [];

  // Work that can wait (Material's search index below, the offline copy) starts once the
  // runtime has been up, or has failed, for a while: the first clicks and keystrokes after
  // the first result must not compete with it.
  let markUp;
  const runtimeUp = new Promise((resolve) => (markUp = resolve));
  const settled = runtimeUp.then(() => new Promise((resolve) => setTimeout(resolve, Number(settings.settleMs))));

  // Everything the worker reports goes to the listener, or waits for it.
  function keep(event) {
    if (listener) listener(event);
    else early.push(event);
    markUp(); // the worker has answered: it is ready or has failed
  }

  // Messages for the worker before it exists wait here; the page holds this stand-in.
  const queued = [];
  const channel = {
    postMessage(message) {
      if (worker) worker.postMessage(message);
      else queued.push(message);
    },
  };
  let requested = false;

  function create() {
    // Started from a tiny blob module, the worker inherits this page's Content-Security-Policy
    // (a worker loaded from its own URL would run under the policy of its HTTP response, which
    // most static hosts leave empty). So the policy governs Pyodide and its WebAssembly too.
    const imports = MODULES.map((url) => `import ${JSON.stringify(url)};`).join("\n");
    const source = URL.createObjectURL(new Blob([imports], { type: "text/javascript" }));
    try {
      worker = new Worker(source, { type: "module", name: settings.workerName });
    } catch (error) {
      // Where a browser refuses the worker outright (e.g. a policy without blob: workers), the
      // calculators learn it as they would learn of a worker that failed to load, and requests
      // go nowhere instead of throwing.
      worker = { postMessage() {} };
      keep({ type: "error", message: `Der Rechner-Worker wurde nicht gestartet (${error.name}).` });
      return;
    }
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
    for (const message of queued.splice(0)) worker.postMessage(message);
  }

  // The worker is created once the page has shown its first content: the runtime's 4 MB then
  // no longer compete with the page's own style sheets and scripts for the connection and the
  // cores, so a calculator page appears sooner (Lighthouse, issue 20), and Python still starts
  // long before anyone has typed. Requests sent meanwhile wait in `queued`.
  function start() {
    if (!requested) {
      requested = true;
      firstPaint.then(create);
    }
    return channel;
  }

  // One listener receives everything: what arrived before it, then what comes after.
  function listen(handler) {
    listener = handler;
    for (const event of early.splice(0)) handler(event);
  }

  // --- Holding Material's search index (an upstream internal; switch: hold_search_index) ---
  //
  // Material's search builds its index in a worker of its own as soon as the page loads,
  // about 0.5 s of work on a second core. On a calculator page it competes with Python's
  // start (a warm visit took 0.1 s longer with it, make bench); on any page it held up the
  // first paint by up to a second on a phone-like two-core machine (Lighthouse, issue 20).
  // So the index request waits, until whichever comes first:
  //   - the reader turns to the search (a click or Material's keyboard shortcut moves the
  //     focus there);
  //   - on a calculator page, the runtime has settled;
  //   - on any other page, the page has shown its first content, finished loading, and the
  //     browser is idle.
  // Material (9.x) requests the index with XMLHttpRequest from this path: only that one
  // request is held, every other goes out unchanged. tests/browser/test_calculators_in_page.py
  // fails when Material stops asking this way, so the hold never breaks the search unnoticed.
  const SEARCH_INDEX = /\/search\/search_index\.json$/;
  // The longest wait for an idle moment once the page is shown and loaded.
  const IDLE_WAIT_MS = 2000;

  // Resolves once the first content is on screen (at once where paint timing is unknown). A
  // page that never paints (a tab opened in the background) waits until it is shown.
  const firstPaint = new Promise((resolve) => {
    if (!window.PerformanceObserver?.supportedEntryTypes?.includes("paint")) {
      resolve();
      return;
    }
    new PerformanceObserver((list, observer) => {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      resolve();
    }).observe({ type: "paint", buffered: true });
  });

  // Work a page does not need for its first view (the search index, warming the runtime up
  // for a calculator one click away) waits on pages without a calculator until the first
  // content is on screen, the load event is over and the browser is idle. A page that never
  // paints waits for the search focus.
  const pageShown = firstPaint.then(
    () =>
      new Promise((resolve) => {
        const whenIdle = () =>
          "requestIdleCallback" in window ? requestIdleCallback(() => resolve(), { timeout: IDLE_WAIT_MS }) : setTimeout(resolve);
        if (document.readyState === "complete") whenIdle();
        else addEventListener("load", whenIdle, { once: true });
      }),
  );

  function holdSearchIndex(until) {
    const searchFocused = new Promise((resolve) => {
      document.addEventListener("focusin", (event) => event.target.closest?.("form[name=search]") && resolve());
    });
    const released = Promise.race([until, searchFocused]);
    const held = new WeakSet();
    const { open, send } = XMLHttpRequest.prototype;
    XMLHttpRequest.prototype.open = function (method, url, ...rest) {
      const result = open.call(this, method, url, ...rest); // throws as usual for a bad address
      if (SEARCH_INDEX.test(new URL(url, document.baseURI).pathname)) held.add(this);
      else held.delete(this); // the same request object opened again for another address
      return result;
    };
    XMLHttpRequest.prototype.send = function (...body) {
      if (!held.has(this)) return send.apply(this, body);
      held.delete(this);
      released.then(() => send.apply(this, body));
    };
  }

  window.klartextRuntime = Object.freeze({ start, listen, settled, shown: pageShown });
  const calculatorPage = "start" in settings;
  if ("holdSearchIndex" in settings) holdSearchIndex(calculatorPage ? settled : pageShown);
  if (calculatorPage) start();
})();
