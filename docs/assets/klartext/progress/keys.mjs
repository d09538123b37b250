// The keys checklist ticks and chapter reads are stored under, and the counts built from them.
//
// Pure functions, no DOM: progress.mjs uses them on the page, tests/js/progress-keys.test.mjs
// in Node. A tick is kept under the checklist id and the item id the templates write on each
// item (`<checklist id>/<item id>`, see content_model/progress_keys.py), a chapter read under
// the chapter id. Keys never depend on positions, so reordering or adding items in the YAML
// cannot move a saved tick to another item.
import { progress } from "../contract.mjs";

/** Every key this feature stores starts with this (and nothing else of the site's does). */
export const PREFIX = progress.storagePrefix;
/** Ticked checklist items: `<PREFIX>tick.<checklist id>/<item id>`. */
export const TICK_PREFIX = `${PREFIX}tick.`;
/** Chapters marked read: `<PREFIX>read.<chapter id>`. */
export const READ_PREFIX = `${PREFIX}read.`;

/** @param {string} item `<checklist id>/<item id>` as written on the item. */
export function tickKey(item) {
  return TICK_PREFIX + item;
}

/** @param {string} chapter The chapter id as written on its "read" control. */
export function readKey(chapter) {
  return READ_PREFIX + chapter;
}

/** The prefix shared by every tick of one checklist (what its reset button clears). */
export function checklistTicksPrefix(checklist) {
  return `${TICK_PREFIX}${checklist}/`;
}

/** Whether an item key (`<checklist id>/<item id>`) belongs to the checklist. */
export function belongsTo(item, checklist) {
  return item.startsWith(`${checklist}/`);
}

/** Whether a change of this storage key concerns the progress (`null`: storage cleared). */
export function concernsProgress(key) {
  return key === null || key.startsWith(PREFIX);
}

/** The ids of a space-separated attribute value, as the templates write a panel's scope. */
export function words(value) {
  return (value || "").split(" ").filter(Boolean);
}

/**
 * What an onboarding panel shows: how many of its chapters are read and items ticked.
 *
 * @param {{chapters: string, items: string}} scope The panel's space-separated ids.
 * @param {(key: string) => boolean} isSet Whether a key is stored.
 */
export function countScope(scope, isSet) {
  const chapters = words(scope.chapters);
  const items = words(scope.items);
  return {
    chapters: chapters.length,
    read: chapters.filter((chapter) => isSet(readKey(chapter))).length,
    items: items.length,
    ticked: items.filter((item) => isSet(tickKey(item))).length,
  };
}

/** Questions of a self-check answered right: `<PREFIX>check.<self-check id>/<question id>`. */
export const CHECK_PREFIX = `${PREFIX}check.`;

/** @param {string} question `<self-check id>/<question id>` as written on the question. */
export function checkKey(question) {
  return CHECK_PREFIX + question;
}

/** The prefix shared by every result of one self-check (what its reset button clears). */
export function selfCheckPrefix(selfCheck) {
  return `${CHECK_PREFIX}${selfCheck}/`;
}

/**
 * How many self-checks the onboarding counter covers and how many of them are passed: a
 * self-check (the part of a key before "/") is passed when all its questions are stored right.
 *
 * @param {string} value The counter's space-separated question keys.
 * @param {(key: string) => boolean} isSet Whether a key is stored.
 */
export function countSelfChecks(value, isSet) {
  const questions = new Map();
  for (const key of words(value)) {
    const selfCheck = key.split("/")[0];
    questions.set(selfCheck, [...(questions.get(selfCheck) || []), key]);
  }
  const all = [...questions.values()];
  return {
    selfChecks: all.length,
    passed: all.filter((keys) => keys.every((key) => isSet(checkKey(key)))).length,
  };
}
