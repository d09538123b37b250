// Build the bytecode the browser loads: a trimmed, precompiled standard library that replaces
// Pyodide's python_stdlib.zip, and the calculators' own bytecode.
//
// Usage: node trim_stdlib.mjs <pyodide dir> <extract dir> <calculators.zip> <stdlib out.zip>
//        <bytecode out.zip> < requests.json
//
// <extract dir> is the folder the browser's worker unpacks the calculators into
// (content_model/contract.py, runtime.extract_dir); bundler/runtime_bytecode.py passes it, so
// the path is defined once and the bytecode records the path the browser uses.
//
// It starts the shipped Pyodide under Node with its full standard library, unpacks the
// calculators exactly as the browser worker does, and answers every request in requests.json
// (a JSON array of calculators.boundary.run_json payloads), so modules imported lazily are
// loaded too. trim_stdlib.py then compiles what was loaded with Pyodide's own Python.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, extractDir, archivePath, stdlibPath, bytecodePath] = process.argv.slice(2);
if (!bytecodePath) {
  throw new Error("usage: trim_stdlib.mjs <pyodide dir> <extract dir> <calculators.zip> <stdlib out> <bytecode out>");
}
// Read the requests before Pyodide starts: it switches standard input to non-blocking, and
// a synchronous read of a pipe that is not yet full then fails with EAGAIN.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const requests = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
// A fixed hash seed: frozenset constants are marshalled in hash order.
// No column ranges in the bytecode's location tables (python -X no_debug_ranges): a
// traceback still names file and line, only the ^^^ under the failing expression goes. The
// tables were about a third of the shipped bytecode after compression, some 0.2 MB of a
// first visit (issue 20).
const pyodide = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  env: { PYTHONHASHSEED: "0", PYTHONNODEBUGRANGES: "1" },
});
pyodide.unpackArchive(new Uint8Array(readFileSync(archivePath)), "zip", { extractDir });
// A JSON string is a valid Python string literal.
pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(extractDir)})`);
const boundary = pyodide.pyimport("calculators.boundary");
for (const request of requests) {
  boundary.run_json(request);
}
// A Python error that reaches JavaScript is formatted by traceback: load that path, too.
try {
  pyodide.runPython("raise ValueError('load the error path')");
} catch {
  // expected
}
pyodide.runPython(readFileSync(new URL("trim_stdlib.py", import.meta.url), "utf8"));
pyodide.globals.get("write_trimmed_stdlib")("/tmp/stdlib.zip");
pyodide.globals.get("write_calculator_bytecode")(extractDir, "/tmp/bytecode.zip");
writeFileSync(stdlibPath, pyodide.FS.readFile("/tmp/stdlib.zip"));
writeFileSync(bytecodePath, pyodide.FS.readFile("/tmp/bytecode.zip"));
