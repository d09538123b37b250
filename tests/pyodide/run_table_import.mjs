// Runs the row and import entries of calculators.boundary inside the shipped Pyodide under Node.
//
// Usage: node run_table_import.mjs <pyodide dir> <extract dir> <calculators.zip> [<stdlib.zip>]
//        < requests.json
// Each request is [entry, payload] with entry "rows_json" or "import_json", the two functions
// the worker calls for the row editor and the CSV import; the answers come back in order.
// Start-up (with or without the trimmed standard library): boundary_in_node.mjs.
import { readRequests, startBoundary } from "./boundary_in_node.mjs";

const ENTRIES = new Set(["rows_json", "import_json"]);
const requests = await readRequests();
const { boundary } = await startBoundary("run_table_import.mjs", process.argv.slice(2));
const answers = requests.map(([entry, payload]) => {
  if (!ENTRIES.has(entry)) throw new Error(`unknown entry ${entry}`);
  return boundary[entry](payload);
});
process.stdout.write(JSON.stringify({ answers }));
