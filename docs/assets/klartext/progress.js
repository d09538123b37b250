// Checklist ticks and onboarding progress, remembered on this device (see issue 6).
//
// Everything stays in this browser's localStorage, under keys starting with PREFIX; nothing
// is sent anywhere. A tick is stored under the checklist id and the item id the templates
// print on each item (data-kx-item="checkliste-gespraechsmappe/mappe-wenn-dann"), a chapter
// read under its id (data-kx-chapter). Keys never depend on positions, so reordering or adding
// items in the YAML cannot move a saved tick to another item.
//
// The controls are built at build time and stay hidden until this script has bound them.
// Handlers are delegated to the document once; Material's instant navigation swaps pages
// without reloading scripts, so the state is applied again on every page (document$).
(() => {
  "use strict";

  const PREFIX = "klartext.progress.";
  const TICK = `${PREFIX}tick.`;
  const READ = `${PREFIX}read.`;

  const store = (() => {
    try {
      const storage = window.localStorage;
      const probe = `${PREFIX}probe`;
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch {
      return null; // storage switched off: ticks still work on the page, but are not kept
    }
  })();

  function has(key) {
    return store !== null && store.getItem(key) === "1";
  }

  function set(key, on) {
    if (store === null) return;
    try {
      if (on) store.setItem(key, "1");
      else store.removeItem(key);
    } catch {
      // quota exceeded or storage revoked: the page still shows the tick
    }
  }

  function clear(prefix) {
    if (store === null) return;
    const doomed = [];
    for (let index = 0; index < store.length; index += 1) {
      const key = store.key(index);
      if (key !== null && key.startsWith(prefix)) doomed.push(key);
    }
    for (const key of doomed) store.removeItem(key);
  }

  function words(value) {
    return (value || "").split(" ").filter(Boolean);
  }

  function checkbox(item) {
    return item.querySelector('input[type="checkbox"]');
  }

  function applyItems() {
    for (const item of document.querySelectorAll("li[data-kx-item]")) {
      const box = checkbox(item);
      if (box) box.checked = has(TICK + item.dataset.kxItem);
    }
  }

  function applyChecklistTools() {
    const items = Array.from(document.querySelectorAll("li[data-kx-item]"));
    for (const tools of document.querySelectorAll(".kx-checklist-tools[data-kx-checklist]")) {
      const own = items.filter((item) => item.dataset.kxItem.startsWith(`${tools.dataset.kxChecklist}/`));
      const done = own.filter((item) => has(TICK + item.dataset.kxItem)).length;
      const count = tools.querySelector(".kx-checklist-count");
      if (count) count.textContent = `${done} von ${own.length} Punkten abgehakt`;
      tools.hidden = false;
    }
  }

  function applyReadControls() {
    for (const control of document.querySelectorAll(".kx-read[data-kx-chapter]")) {
      const read = has(READ + control.dataset.kxChapter);
      const state = control.querySelector(".kx-read-state");
      const button = control.querySelector('[data-kx-action="toggle-read"]');
      if (state) {
        state.textContent = read
          ? "Sie haben dieses Kapitel als gelesen markiert. Der Einstiegspfad zählt es mit."
          : "Wenn Sie das Kapitel durchgearbeitet haben, markieren Sie es als gelesen. Der Einstiegspfad zählt es dann mit.";
      }
      if (button) {
        button.textContent = read ? "Markierung „gelesen“ aufheben" : "Als gelesen markieren";
        button.setAttribute("aria-pressed", read ? "true" : "false");
      }
      control.dataset.kxRead = read ? "true" : "false";
      control.hidden = false;
    }
  }

  function applyOnboarding() {
    for (const panel of document.querySelectorAll(".kx-progress")) {
      const chapters = words(panel.dataset.kxChapters);
      const items = words(panel.dataset.kxItems);
      const read = chapters.filter((chapter) => has(READ + chapter)).length;
      const ticked = items.filter((item) => has(TICK + item)).length;
      const chapterCount = panel.querySelector('[data-kx-count="chapters"]');
      const itemCount = panel.querySelector('[data-kx-count="items"]');
      if (chapterCount) chapterCount.textContent = `${read} von ${chapters.length} gelesen`;
      if (itemCount) itemCount.textContent = `${ticked} von ${items.length} Punkten abgehakt`;
      panel.hidden = false;
    }
    for (const mark of document.querySelectorAll("[data-kx-read-mark]")) {
      mark.hidden = !has(READ + mark.dataset.kxReadMark);
    }
    for (const note of document.querySelectorAll(".kx-progress-note[hidden]")) note.hidden = false;
  }

  // Printed pages cannot be clicked: print.css prints a link's address after its text.
  // Material's instant navigation already turns internal links into absolute URLs (printed by
  // the a[href^="http"] rule); links still relative here get their full address as
  // data-kx-url. Same-page anchors keep just their text.
  function addPrintAddresses() {
    for (const link of document.querySelectorAll(".md-content a[href]:not(.headerlink)")) {
      const href = link.getAttribute("href");
      if (href.startsWith("#") || /^[a-z]+:/i.test(href)) continue;
      link.dataset.kxUrl = link.href;
    }
  }

  function apply() {
    applyItems();
    applyChecklistTools();
    applyReadControls();
    applyOnboarding();
    addPrintAddresses();
  }

  function say(control, text) {
    const status = control.closest(".kx-progress")?.querySelector(".kx-progress-done");
    if (status) status.textContent = text;
  }

  function onChange(event) {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
    const item = box.closest("li[data-kx-item]");
    if (!item) return;
    set(TICK + item.dataset.kxItem, box.checked);
    apply(); // the same item may appear twice on a page; counts change too
  }

  function onClick(event) {
    const control = event.target instanceof Element ? event.target.closest("[data-kx-action]") : null;
    if (!control) return;
    const action = control.dataset.kxAction;
    if (action === "reset-checklist") {
      const tools = control.closest("[data-kx-checklist]");
      if (tools) clear(`${TICK}${tools.dataset.kxChecklist}/`);
    } else if (action === "toggle-read") {
      const chapter = control.closest("[data-kx-chapter]");
      if (chapter) set(READ + chapter.dataset.kxChapter, !has(READ + chapter.dataset.kxChapter));
    } else if (action === "reset-ticks") {
      if (!window.confirm("Alle Häkchen in allen Checklisten auf diesem Gerät zurücksetzen?")) return;
      clear(TICK);
      say(control, "Alle Häkchen sind zurückgesetzt.");
    } else if (action === "reset-all") {
      const question =
        "Ihren gesamten Fortschritt auf diesem Gerät zurücksetzen? Gelesene Kapitel und alle Häkchen werden gelöscht.";
      if (!window.confirm(question)) return;
      clear(PREFIX);
      say(control, "Ihr Fortschritt ist zurückgesetzt.");
    } else {
      return;
    }
    apply();
  }

  document.addEventListener("change", onChange);
  document.addEventListener("click", onClick);
  // Another tab of the playbook changed the progress: show it here too.
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith(PREFIX)) apply();
  });

  if (window.document$) window.document$.subscribe(apply);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", apply);
  else apply();
})();
