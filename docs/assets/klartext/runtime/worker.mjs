// Klartext calculator worker: runs the Python calculators in Pyodide, off the main thread.
//
// It only moves data: field strings in, the JSON answer of calculators.boundary out.
// No Python source is ever assembled from user input; every rule lives in calculators/.
//
// Protocol (the kinds are the contract's, content_model/contract.py RuntimeContract; the page
// side is runtime/client.mjs):
//
//   page -> worker  { id, kind: runtime.requestCalculate, calculator, fields, templates }
//                   { id, kind: runtime.requestFill, template, values }
//                   { id, kind: runtime.requestRows | requestImport, table }
//   worker -> page  { type: runtime.answerReady, start: runtime.startFresh | startSnapshot }
//                   { type: runtime.answerFailed, message }   the runtime did not start
//                   { type: runtime.answerResult, id, answer } the boundary's JSON answer
//                   { type: runtime.answerResult, id, failure } the request raised
//
// Requests that arrive before the runtime is up wait for it; each gets exactly one result.
import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { runtime } from "../contract.mjs";
import { LOCKFILE, SNAPSHOT_KEY } from "./settings.mjs";
import { packSnapshot, unpackSnapshot } from "./snapshot.mjs";

// This module is served at runtime.workerUri: the site's root is what precedes that.
const SITE_ROOT = import.meta.url.slice(0, import.meta.url.length - runtime.workerUri.length);
const siteUrl = (uri) => new URL(uri, SITE_ROOT).href;
const RUNTIME_URL = siteUrl(`${runtime.pyodideUri}/`);
const ARCHIVE_URL = siteUrl(runtime.archiveUri);

async function fetchArchive() {
  const response = await fetch(ARCHIVE_URL);
  if (!response.ok) {
    throw new Error(`${ARCHIVE_URL}: HTTP ${response.status}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

// The smallest valid WebAssembly module. Compiling it fails at once where the page's
// Content-Security-Policy forbids WebAssembly; Pyodide itself would only hang in that case.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

function checkWebAssembly() {
  try {
    new WebAssembly.Module(EMPTY_MODULE);
  } catch (error) {
    throw new Error(`WebAssembly ist hier nicht erlaubt (${error.name}).`);
  }
}

// Python's memory right after the calculators are imported, kept on this device only.
// Restoring it skips the interpreter's start-up and every import, which is most of the time
// a warm visit spends. It is taken before the first request is answered, so it holds no
// figure anyone typed, and it is never sent anywhere: the worker writes it to the browser's
// Cache Storage (runtime.snapshotCache) and reads it back. SNAPSHOT_KEY changes with the
// runtime and calculators (bundler/calculator_runtime.py), so another build never restores it.
const SNAPSHOT_URL = siteUrl(`${runtime.snapshotKeyPrefix}/${SNAPSHOT_KEY}`);
const SAVE_DELAY_MS = 1000;

async function storedSnapshot() {
  try {
    const cache = await caches.open(runtime.snapshotCache);
    return (await cache.match(SNAPSHOT_URL)) ?? null;
  } catch {
    return null; // no Cache Storage here (e.g. a private window that forbids it)
  }
}

async function keepSnapshot(bytes) {
  try {
    const cache = await caches.open(runtime.snapshotCache);
    for (const request of await cache.keys()) {
      if (request.url !== SNAPSHOT_URL) await cache.delete(request); // an older build's
    }
    const packed = packSnapshot(bytes);
    await cache.put(SNAPSHOT_URL, new Response(packed, { headers: { "Content-Type": "application/octet-stream" } }));
  } catch {
    // storage full or unavailable: the next visit starts the long way, nothing is lost
  }
}

async function dropSnapshot() {
  try {
    await (await caches.open(runtime.snapshotCache)).delete(SNAPSHOT_URL);
  } catch {
    // nothing to drop
  }
}

// The calculators from a stored snapshot, or null where the snapshot does not work. A
// calculators.zip that cannot be fetched is no fault of the snapshot: that error goes on.
async function restore(options, stored, archive) {
  let pyodide;
  try {
    pyodide = await loadPyodide({ ...options, _loadSnapshot: stored.arrayBuffer().then(unpackSnapshot) });
  } catch {
    return null;
  }
  const files = await archive;
  try {
    pyodide.unpackArchive(files, "zip", { extractDir: runtime.extractDir });
    return pyodide.pyimport("calculators.boundary");
  } catch {
    return null;
  }
}

async function start() {
  checkWebAssembly();
  // The trimmed, precompiled stdlib and the inline lock file are generated at build time
  // (bundler/calculator_runtime.py): no pyodide-lock.json download, no compiling.
  const options = {
    indexURL: RUNTIME_URL,
    stdLibURL: RUNTIME_URL + runtime.stdlibName,
    lockFileContents: LOCKFILE,
    packageBaseUrl: RUNTIME_URL,
  };
  const archive = fetchArchive();
  archive.catch(() => {}); // a failed download is reported where the archive is awaited
  const stored = await storedSnapshot();
  if (stored) {
    const restored = await restore(options, stored, archive);
    if (restored) return { boundary: restored, restored: true, snapshot: null };
    await dropSnapshot(); // refused (another build, damaged): start afresh, save a new one
  }
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
  pyodide.unpackArchive(await archive, "zip", { extractDir: runtime.extractDir });
  const sys = pyodide.pyimport("sys");
  sys.path.insert(0, runtime.extractDir);
  sys.destroy();
  pyodide.runPython("import calculators.boundary");
  let snapshot = null;
  try {
    snapshot = pyodide.makeMemorySnapshot();
  } catch {
    // an experimental Pyodide interface: without it, every visit just starts the long way
  }
  return { boundary: pyodide.pyimport("calculators.boundary"), restored: false, snapshot };
}

const started = start();
started.then(
  (ready) => {
    postMessage({ type: runtime.answerReady, start: ready.restored ? runtime.startSnapshot : runtime.startFresh });
    const { snapshot } = ready;
    ready.snapshot = null; // the worker lives on; only the pending save keeps the bytes
    if (snapshot) setTimeout(() => keepSnapshot(snapshot), SAVE_DELAY_MS);
  },
  (error) => postMessage({ type: runtime.answerFailed, message: String(error) }),
);

// One request through calculators.boundary: JSON in, JSON out.
function answer(boundary, { kind, ...request }) {
  if (kind === runtime.requestFill) {
    return JSON.parse(boundary.fill_json(JSON.stringify({ template: request.template, values: request.values })));
  }
  if (kind === runtime.requestRows || kind === runtime.requestImport) {
    // calculators/table_import.py: a list input's rows, or an export file's preview
    const entry = kind === runtime.requestRows ? boundary.rows_json : boundary.import_json;
    return JSON.parse(entry(JSON.stringify(request.table)));
  }
  const { calculator, fields, templates } = request;
  return JSON.parse(boundary.run_json(JSON.stringify({ calculator, fields, templates })));
}

onmessage = async (event) => {
  const { id, ...request } = event.data;
  try {
    const { boundary } = await started;
    postMessage({ type: runtime.answerResult, id, answer: answer(boundary, request) });
  } catch (error) {
    postMessage({ type: runtime.answerResult, id, failure: String(error) });
  }
};
