// Runs a feature's set-up on every page the reader sees, and its tear-down before the next.
//
// Material's instant navigation swaps the page's content without reloading scripts, and
// announces each new page on its `document$` observable. A feature that binds listeners to a
// page's elements (or to window) returns a function that removes them; it runs before the next
// page is set up, so nothing is bound twice and nothing outlives its page. Without Material
// (a page opened from a file, a test harness) the set-up runs once when the document is ready.
//
// Each feature is set up in a task of its own, queued when the page arrives. Material announces
// a page from inside the task in which it starts its own components, the longest of a page
// load; run there, the features' set-ups (about 60 ms on a phone for a chapter's calculator,
// self-check and templates) made that task longer still, and the page answered a tap that much
// later (Lighthouse's blocking time, issue 20). Queued, each is short, and the browser can
// paint and handle input between them.

/**
 * @param {(root: Document) => (void | (() => void))} setup
 *   Binds one feature to the current page; may return its tear-down.
 * @param {{document$?: {subscribe(next: () => void): unknown}}} [host] Where Material's
 *   observable lives (window in the browser; a stand-in in unit tests).
 */
export function onPage(setup, host = globalThis) {
  let teardown = null;
  const run = () => {
    const previous = teardown;
    teardown = null;
    try {
      if (typeof previous === "function") previous();
    } finally {
      // A failing tear-down must not leave the new page without its feature.
      teardown = setup(globalThis.document) ?? null;
    }
  };
  const queued = () => queueTask(run);
  if (host.document$) host.document$.subscribe(queued);
  else if (globalThis.document?.readyState === "loading") {
    globalThis.document.addEventListener("DOMContentLoaded", queued, { once: true });
  } else queued();
}

/** Runs `task` in a task of its own, after those already queued. */
function queueTask(task) {
  if (globalThis.scheduler?.postTask) globalThis.scheduler.postTask(task);
  else setTimeout(task, 0);
}
