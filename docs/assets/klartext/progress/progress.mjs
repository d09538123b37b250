// Checklist ticks and onboarding progress, remembered on this device (see issue 6).
//
// Everything stays in this browser's localStorage (store.mjs) under the keys of keys.mjs;
// nothing is sent anywhere. The templates write the ids on the elements, under the data
// attributes named in the contract (content_model/contract.py, section `progress`), and keep
// the controls hidden until this module has bound them.
//
// Clicks and changes are handled by two listeners delegated to the document, bound once when
// the module loads: Material's instant navigation swaps the content but keeps the document,
// so they serve every page and never pile up. What each page shows is applied on every page
// (onPage); the page's listener for other tabs' changes is removed before the next page.
import { action, progress, selfCheck } from "../contract.mjs";
import { onPage } from "../page/on-page.mjs";
import {
  PREFIX,
  TICK_PREFIX,
  belongsTo,
  checklistTicksPrefix,
  concernsProgress,
  countScope,
  countSelfChecks,
  readKey,
  tickKey,
} from "./keys.mjs";
import { deviceStore } from "./store.mjs";

const store = deviceStore();
const having = (attribute) => `[${attribute}]`;
const ITEM = `li${having(progress.itemAttribute)}`;

function itemsOn(root) {
  return Array.from(root.querySelectorAll(ITEM), (element) => ({
    element,
    key: element.getAttribute(progress.itemAttribute),
  }));
}

function applyItems(root) {
  for (const { element, key } of itemsOn(root)) {
    const box = element.querySelector('input[type="checkbox"]');
    if (box) box.checked = store.has(tickKey(key));
  }
}

function applyChecklistTools(root) {
  const items = itemsOn(root);
  for (const tools of root.querySelectorAll(having(progress.checklistAttribute))) {
    const checklist = tools.getAttribute(progress.checklistAttribute);
    const own = items.filter(({ key }) => belongsTo(key, checklist));
    const done = own.filter(({ key }) => store.has(tickKey(key))).length;
    const count = tools.querySelector(".kx-checklist-count");
    if (count) count.textContent = `${done} von ${own.length} Punkten abgehakt`;
    tools.hidden = false;
  }
}

function applyReadControls(root) {
  for (const control of root.querySelectorAll(having(progress.chapterAttribute))) {
    const read = store.has(readKey(control.getAttribute(progress.chapterAttribute)));
    const state = control.querySelector(".kx-read-state");
    const button = control.querySelector(`[${action.attribute}="${action.toggleRead}"]`);
    if (state) {
      state.textContent = read
        ? "Sie haben dieses Kapitel als gelesen markiert. Der Einstiegspfad zählt es mit."
        : "Wenn Sie das Kapitel durchgearbeitet haben, markieren Sie es als gelesen. Der Einstiegspfad zählt es dann mit.";
    }
    if (button) {
      button.textContent = read ? "Markierung „gelesen“ aufheben" : "Als gelesen markieren";
      button.setAttribute("aria-pressed", read ? "true" : "false");
    }
    control.hidden = false;
  }
}

function applyOnboarding(root) {
  for (const panel of root.querySelectorAll(having(progress.scopeAttribute))) {
    const counts = countScope(
      {
        chapters: panel.getAttribute(progress.chaptersAttribute),
        items: panel.getAttribute(progress.itemsAttribute),
      },
      store.has,
    );
    const chapterCount = panel.querySelector(`[${progress.countAttribute}="${progress.countChapters}"]`);
    const itemCount = panel.querySelector(`[${progress.countAttribute}="${progress.countItems}"]`);
    if (chapterCount) chapterCount.textContent = `${counts.read} von ${counts.chapters} gelesen`;
    if (itemCount) itemCount.textContent = `${counts.ticked} von ${counts.items} Punkten abgehakt`;
    panel.hidden = false;
  }
  for (const counter of root.querySelectorAll(having(selfCheck.keysAttribute))) {
    const counts = countSelfChecks(counter.getAttribute(selfCheck.keysAttribute), store.has);
    counter.textContent = `${counts.passed} von ${counts.selfChecks} Selbstchecks bestanden`;
  }
  for (const mark of root.querySelectorAll(having(progress.readMarkAttribute))) {
    mark.hidden = !store.has(readKey(mark.getAttribute(progress.readMarkAttribute)));
  }
  for (const note of root.querySelectorAll(".kx-progress-note[hidden]")) note.hidden = false;
}

function apply(root = document) {
  applyItems(root);
  applyChecklistTools(root);
  applyReadControls(root);
  applyOnboarding(root);
}

function say(control, text) {
  const panel = control.closest(having(progress.scopeAttribute));
  const status = panel?.querySelector(".kx-progress-done");
  if (status) status.textContent = text;
}

function onChange(event) {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
  const item = box.closest(ITEM);
  if (!item) return;
  store.set(tickKey(item.getAttribute(progress.itemAttribute)), box.checked);
  apply(); // the same item may appear twice on a page; counts change too
}

function onClick(event) {
  const target = event.target instanceof Element ? event.target : null;
  const control = target?.closest(having(action.attribute));
  if (!control) return;
  const kind = control.getAttribute(action.attribute);
  if (kind === action.resetChecklist) {
    const tools = control.closest(having(progress.checklistAttribute));
    if (tools) store.clear(checklistTicksPrefix(tools.getAttribute(progress.checklistAttribute)));
  } else if (kind === action.toggleRead) {
    const chapter = control.closest(having(progress.chapterAttribute));
    if (!chapter) return;
    const key = readKey(chapter.getAttribute(progress.chapterAttribute));
    store.set(key, !store.has(key));
  } else if (kind === action.resetTicks) {
    if (!window.confirm("Alle Häkchen in allen Checklisten auf diesem Gerät zurücksetzen?")) return;
    store.clear(TICK_PREFIX);
    say(control, "Alle Häkchen sind zurückgesetzt.");
  } else if (kind === action.resetAll) {
    const question =
      "Ihren gesamten Fortschritt auf diesem Gerät zurücksetzen? Gelesene Kapitel, alle Häkchen und die Ergebnisse der Selbstchecks werden gelöscht.";
    if (!window.confirm(question)) return;
    store.clear(PREFIX);
    say(control, "Ihr Fortschritt ist zurückgesetzt.");
  } else {
    return; // another feature's action
  }
  apply();
}

document.addEventListener("change", onChange);
document.addEventListener("click", onClick);

onPage((root) => {
  apply(root);
  // Another tab of the playbook changed the progress: show it here too.
  const onStorage = (event) => {
    if (concernsProgress(event.key)) apply(root);
  };
  window.addEventListener("storage", onStorage);
  return () => window.removeEventListener("storage", onStorage);
});
