// The page's side of the calculator runtime: one worker per tab, shared by every calculator
// and fillable template on every page the reader opens with instant navigation.
//
// The worker is created by runtime/boot.js from the page head (the one script that must stay
// classic, see there) and taken over here with whatever it reported before this module ran.
// Protocol (the kinds are the contract's, RuntimeContract in content_model/contract.py; the
// worker's side is runtime/worker.mjs):
//
//   page -> worker  { id, kind: runtime.requestCalculate, calculator, fields, templates }
//                   { id, kind: runtime.requestFill, template, values }
//   worker -> page  { type: runtime.answerReady, start }      the runtime is up
//                   { type: runtime.answerFailed, message }   it did not start
//                   { type: runtime.answerResult, id, answer | failure }
//
// Requests are made per channel (a calculator's or template form's element): a new request
// supersedes the channel's unanswered one, whose promise resolves with null at once. So a
// worker that never answers keeps at most one request per form, however fast anyone types,
// and an answer that a newer keystroke has overtaken never reaches the page.
import { runtime } from "../contract.mjs";

// The runtime's state: "idle" (nothing asked yet), "loading", then the kind of the worker's
// answer that ended the loading: runtime.answerReady, or runtime.answerFailed (it cannot
// answer; boot.js reports a worker that failed to load or was refused the same way).
let state = "idle";
let failure = "";
const stateListeners = new Set();
const boot = globalThis.klartextRuntime;
let worker = null;
let nextId = 1;
/** id -> { channel, resolve } of the requests still waiting for their answer. */
const pending = new Map();
/** channel -> id of its newest request. */
const newest = new Map();

/**
 * Resolves once the runtime has been up (or has failed) for ``runtime.settleMs``: work that
 * can wait (the offline copy) starts then. Never resolves where boot.js did not run.
 * @type {Promise<void>}
 */
export const settled = boot ? boot.settled : new Promise(() => {});

/**
 * Resolves once the page has shown its first content, finished loading and the browser is
 * idle (boot.js): work the first view does not need waits for it. Where boot.js did not run,
 * the load event stands in.
 * @type {Promise<void>}
 */
export const shown = boot
  ? boot.shown
  : new Promise((resolve) => {
      if (document.readyState === "complete") resolve();
      else addEventListener("load", () => resolve(), { once: true });
    });

function setState(next, message = "") {
  state = next;
  failure = message;
  for (const listener of stateListeners) listener(state, failure);
}

function answered(message) {
  const waiting = pending.get(message.id);
  if (!waiting) return; // superseded or cancelled meanwhile
  pending.delete(message.id);
  newest.delete(waiting.channel);
  waiting.resolve(message);
}

function receive(event) {
  if (event.type === "error") {
    setState(runtime.answerFailed, event.message);
    return;
  }
  const message = event.data;
  if (message.type === runtime.answerReady) setState(runtime.answerReady);
  else if (message.type === runtime.answerFailed) setState(runtime.answerFailed, message.message);
  else if (message.type === runtime.answerResult) answered(message);
}

/** Starts the runtime unless it runs already (cheap to call again). */
export function startRuntime() {
  if (worker) return;
  setState("loading");
  if (!boot) {
    // boot.js was blocked or failed to load: the calculators say so instead of waiting forever
    worker = { postMessage() {} };
    setState(runtime.answerFailed, "Der Rechner-Worker wurde nicht gestartet.");
    return;
  }
  worker = boot.start();
  boot.listen(receive);
}

/** The runtime's state now: "idle", "loading", runtime.answerReady or runtime.answerFailed. */
export function runtimeState() {
  return state;
}

/**
 * Calls ``listener(state, message)`` on every change of the runtime's state.
 * @returns {() => void} stops listening (a page's tear-down)
 */
export function onRuntimeState(listener) {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/** Drops the channel's unanswered request, if any: its promise resolves with null. */
export function cancel(channel) {
  const id = newest.get(channel);
  if (id === undefined) return;
  newest.delete(channel);
  const waiting = pending.get(id);
  pending.delete(id);
  waiting?.resolve(null);
}

function ask(channel, request) {
  startRuntime();
  cancel(channel);
  const id = nextId++;
  newest.set(channel, id);
  return new Promise((resolve) => {
    pending.set(id, { channel, resolve });
    worker.postMessage({ id, ...request });
  });
}

/**
 * The answer of calculators.boundary.run_json, or null where a newer request of the same
 * channel overtook this one. The message carries ``answer`` or, if Python raised, ``failure``.
 */
export function calculate(channel, calculator, fields, templates) {
  return ask(channel, { kind: runtime.requestCalculate, calculator, fields, templates });
}

/** The text of calculators.boundary.fill_json (same shape and rules as ``calculate``). */
export function fillTemplate(channel, template, values) {
  return ask(channel, { kind: runtime.requestFill, template, values });
}

/**
 * A list input's text as rows of cells (calculators.table_import.rows_json); ``table`` is
 * ``{calculator, field, text}``. Same shape and rules as ``calculate``.
 */
export function splitRows(channel, table) {
  return ask(channel, { kind: runtime.requestRows, table });
}

/**
 * An export file read for a list input (calculators.table_import.import_json); ``table`` is
 * ``{calculator, field, data (Base64), mapping}``. Same shape and rules as ``calculate``.
 */
export function importTable(channel, table) {
  return ask(channel, { kind: runtime.requestImport, table });
}

