// Runs calculator requests inside the shipped Pyodide (the pinned npm package) under Node.
//
// Usage: node run_cases.mjs <pyodide dir> <extract dir> <calculators.zip> [<stdlib.zip>]
//        < requests.json
// <extract dir> is where the worker unpacks the calculators (runtime.extract_dir in
// content_model/contract.py); the Python test passes it.
// With a stdlib zip, Pyodide starts as the site's worker starts it: that standard library
// instead of python_stdlib.zip, and a lock file without packages passed inline.
// requests.json is a JSON array of request strings for calculators.boundary.run_json; the
// answers come back as a JSON array of the strings run_json returned, in the same order.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, extractDir, archivePath, stdlibPath] = process.argv.slice(2);
if (!archivePath) {
  throw new Error("usage: run_cases.mjs <pyodide dir> <extract dir> <calculators.zip> [<stdlib.zip>]");
}
// Read the requests before Pyodide starts: it switches standard input to non-blocking, and
// a synchronous read of a pipe that is not yet full then fails with EAGAIN.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const requests = JSON.parse(Buffer.concat(chunks).toString("utf8"));
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
const boundary = pyodide.pyimport("calculators.boundary");
const version = pyodide.runPython("import sys; sys.version.split()[0]");
// Which standard library answered: the trimmed one holds bytecode only.
const stdlibFiles = pyodide.runPython(
  "import sys, zipfile; sorted(zipfile.ZipFile(next(p for p in sys.path if p.endswith('.zip'))).namelist())",
).toJs();
const answers = requests.map((request) => boundary.run_json(request));
process.stdout.write(JSON.stringify({ python: version, stdlibFiles, answers }));
