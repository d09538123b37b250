// Starts the shipped Pyodide (the pinned npm package) under Node with the calculators
// unpacked, as the site's worker starts it; shared by the scripts the parity tests run.
//
// Arguments: <pyodide dir> <extract dir> <calculators.zip> [<stdlib.zip>]. <extract dir> is
// where the worker unpacks the calculators (runtime.extract_dir in content_model/contract.py).
// With a stdlib zip, Pyodide starts with that standard library instead of python_stdlib.zip
// and a lock file without packages passed inline, as the worker does.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

/** The JSON requests on standard input. Read before Pyodide starts: it switches standard
 * input to non-blocking, and a synchronous read of a pipe not yet full then fails (EAGAIN). */
export async function readRequests() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** Pyodide with the calculators importable, and their `calculators.boundary` module. */
export async function startBoundary(script, [pyodideDir, extractDir, archivePath, stdlibPath]) {
  if (!archivePath) {
    throw new Error(`usage: ${script} <pyodide dir> <extract dir> <calculators.zip> [<stdlib.zip>]`);
  }
  const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
  const options = { indexURL: pyodideDir + path.sep };
  if (stdlibPath) {
    const { info } = JSON.parse(readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8"));
    options.stdLibURL = stdlibPath;
    options.lockFileContents = { info, packages: {} };
  }
  const pyodide = await loadPyodide(options);
  // Under Node the archive must be a Uint8Array, not a Buffer.
  pyodide.unpackArchive(new Uint8Array(readFileSync(archivePath)), "zip", { extractDir });
  // A JSON string is a valid Python string literal.
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(extractDir)})`);
  return { pyodide, boundary: pyodide.pyimport("calculators.boundary") };
}
