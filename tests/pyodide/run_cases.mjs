// Runs calculator requests inside the shipped Pyodide (the pinned npm package) under Node.
//
// Usage: node run_cases.mjs <pyodide dir> <extract dir> <calculators.zip> [<stdlib.zip>]
//        < requests.json
// requests.json is a JSON array of request strings for calculators.boundary.run_json; the
// answers come back as a JSON array of the strings run_json returned, in the same order.
// Start-up (with or without the trimmed standard library): boundary_in_node.mjs.
import { readRequests, startBoundary } from "./boundary_in_node.mjs";

const requests = await readRequests();
const { pyodide, boundary } = await startBoundary("run_cases.mjs", process.argv.slice(2));
const version = pyodide.runPython("import sys; sys.version.split()[0]");
// Which standard library answered: the trimmed one holds bytecode only.
const stdlibFiles = pyodide.runPython(
  "import sys, zipfile; sorted(zipfile.ZipFile(next(p for p in sys.path if p.endswith('.zip'))).namelist())",
).toJs();
const answers = requests.map((request) => boundary.run_json(request));
process.stdout.write(JSON.stringify({ python: version, stdlibFiles, answers }));
