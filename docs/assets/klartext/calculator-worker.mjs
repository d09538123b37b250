// Klartext calculator worker: runs the Python calculators in Pyodide, off the main thread.
//
// It only moves data: field strings in, the JSON answer of calculators.boundary out.
// No Python source is ever assembled from user input; every rule lives in calculators/.
import { loadPyodide } from "../pyodide/pyodide.mjs";
import { LOCKFILE, STDLIB_FILE } from "./runtime.mjs";

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

async function start() {
  checkWebAssembly();
  const [pyodide, archive] = await Promise.all([
    // The trimmed, precompiled stdlib and the inline lock file are generated at build time
    // (site_hooks/pyodide_runtime.py): no pyodide-lock.json download, no compiling.
    loadPyodide({
      indexURL: RUNTIME_URL,
      stdLibURL: RUNTIME_URL + STDLIB_FILE,
      lockFileContents: LOCKFILE,
      packageBaseUrl: RUNTIME_URL,
    }),
    fetchArchive(),
  ]);
  pyodide.unpackArchive(archive, "zip", { extractDir: EXTRACT_DIR });
  const sys = pyodide.pyimport("sys");
  sys.path.insert(0, EXTRACT_DIR);
  return pyodide.pyimport("calculators.boundary");
}

const boundary = start();
boundary.then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", message: String(error) }),
);

onmessage = async (event) => {
  const { id, kind, ...request } = event.data;
  try {
    const run = await boundary;
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
