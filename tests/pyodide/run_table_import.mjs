// Runs the row and import entries of calculators.boundary inside the shipped Pyodide under Node.
//
// Usage: node run_table_import.mjs <pyodide dir> <extract dir> <calculators.zip> [<stdlib.zip>]
//        < requests.json
// Like run_cases.mjs (same start-up, with or without the trimmed standard library), but each
// request is [entry, payload] with entry "rows_json" or "import_json", the two functions the
// worker calls for the row editor and the CSV import; the answers come back in order.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const ENTRIES = new Set(["rows_json", "import_json"]);
const [pyodideDir, extractDir, archivePath, stdlibPath] = process.argv.slice(2);
if (!archivePath) {
  throw new Error("usage: run_table_import.mjs <pyodide dir> <extract dir> <calculators.zip> [<stdlib.zip>]");
}
// Read the requests before Pyodide starts (it switches standard input to non-blocking).
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
pyodide.unpackArchive(new Uint8Array(readFileSync(archivePath)), "zip", { extractDir });
pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(extractDir)})`);
const boundary = pyodide.pyimport("calculators.boundary");
const answers = requests.map(([entry, payload]) => {
  if (!ENTRIES.has(entry)) throw new Error(`unknown entry ${entry}`);
  return boundary[entry](payload);
});
process.stdout.write(JSON.stringify({ answers }));
