// Klartext calculator worker: runs the Python calculators in Pyodide, off the main thread.
//
// It only moves data: field strings in, the JSON answer of calculators.boundary out.
// No Python source is ever assembled from user input; every rule lives in calculators/.
import { loadPyodide } from "../pyodide/pyodide.mjs";
import { LOCKFILE, SNAPSHOT_CACHE, SNAPSHOT_KEY, STDLIB_FILE } from "./runtime.mjs";

const RUNTIME_URL = new URL("../pyodide/", import.meta.url).href;
const ARCHIVE_URL = new URL("calculators.zip", import.meta.url).href;
const EXTRACT_DIR = "/home/pyodide/klartext";

async function fetchArchive() {
  const response = await fetch(ARCHIVE_URL);
  if (!response.ok) {
    throw new Error(`calculators.zip: HTTP ${response.status}`);
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
// Cache Storage and reads it back. SNAPSHOT_KEY changes with the runtime and calculators;
// both names come from site_hooks/pyodide_runtime.py.
const SNAPSHOT_URL = new URL(`snapshot/${SNAPSHOT_KEY}`, import.meta.url).href;
const SAVE_DELAY_MS = 1000;

// Right after start-up most of Python's memory is still zero: a snapshot is stored as the
// 64 KiB pages that hold something, behind an index (about 12 of 31 MB). Reading fewer bytes
// back is what makes the restore fast; unpacking is one copy per page.
const PAGE = 65536;
const PACKED_MAGIC = 0x4b585331; // "KXS1"

// Whether bytes[start, end) are all zero; ``words`` is a 32-bit view of the same bytes (or
// null where they are not aligned), four bytes per step where it can.
function pageIsEmpty(bytes, words, start, end) {
  let index = start;
  if (words) {
    for (; index < end && index % 4; index++) if (bytes[index]) return false;
    for (; index + 4 <= end; index += 4) if (words[index >>> 2]) return false;
  }
  for (; index < end; index++) if (bytes[index]) return false;
  return true;
}

function packSnapshot(bytes) {
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : null;
  const kept = [];
  const chunks = [];
  for (let start = 0; start < bytes.length; start += PAGE) {
    const end = Math.min(start + PAGE, bytes.length);
    if (!pageIsEmpty(bytes, words, start, end)) {
      kept.push(start / PAGE);
      chunks.push(bytes.subarray(start, end));
    }
  }
  return new Blob([new Uint32Array([PACKED_MAGIC, bytes.length, kept.length, ...kept]), ...chunks]);
}

function unpackSnapshot(buffer) {
  const [magic, length, count] = new Uint32Array(buffer, 0, 3);
  if (magic !== PACKED_MAGIC) throw new Error("not a Klartext snapshot");
  const pages = new Uint32Array(buffer, 12, count);
  const bytes = new Uint8Array(length);
  let offset = 12 + 4 * count;
  for (const page of pages) {
    const size = Math.min(PAGE, length - page * PAGE);
    bytes.set(new Uint8Array(buffer, offset, size), page * PAGE);
    offset += size;
  }
  if (offset !== buffer.byteLength) throw new Error("snapshot truncated");
  return bytes;
}

async function storedSnapshot() {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    return (await cache.match(SNAPSHOT_URL)) ?? null;
  } catch {
    return null; // no Cache Storage here (e.g. a private window that forbids it)
  }
}

async function keepSnapshot(bytes) {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
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
    await (await caches.open(SNAPSHOT_CACHE)).delete(SNAPSHOT_URL);
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
    pyodide.unpackArchive(files, "zip", { extractDir: EXTRACT_DIR });
    return pyodide.pyimport("calculators.boundary");
  } catch {
    return null;
  }
}

async function start() {
  checkWebAssembly();
  // The trimmed, precompiled stdlib and the inline lock file are generated at build time
  // (site_hooks/pyodide_runtime.py): no pyodide-lock.json download, no compiling.
  const options = {
    indexURL: RUNTIME_URL,
    stdLibURL: RUNTIME_URL + STDLIB_FILE,
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
  pyodide.unpackArchive(await archive, "zip", { extractDir: EXTRACT_DIR });
  const sys = pyodide.pyimport("sys");
  sys.path.insert(0, EXTRACT_DIR);
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

const runtime = start();
runtime.then(
  (ready) => {
    postMessage({ type: "ready", start: ready.restored ? "snapshot" : "fresh" });
    const { snapshot } = ready;
    ready.snapshot = null; // the worker lives on; only the pending save keeps the bytes
    if (snapshot) setTimeout(() => keepSnapshot(snapshot), SAVE_DELAY_MS);
  },
  (error) => postMessage({ type: "failed", message: String(error) }),
);

onmessage = async (event) => {
  const { id, kind, ...request } = event.data;
  try {
    const { boundary: run } = await runtime;
    const answer =
      kind === "fill"
        ? JSON.parse(run.fill_json(JSON.stringify({ template: request.template, values: request.values })))
        : JSON.parse(
            run.run_json(
              JSON.stringify({ calculator: request.calculator, fields: request.fields, templates: request.templates }),
            ),
          );
    postMessage({ type: "result", id, answer });
  } catch (error) {
    postMessage({ type: "result", id, failure: String(error) });
  }
};
