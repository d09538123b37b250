// The generated contract module (assets/klartext/contract.mjs) as the scripts import it: every
// section present and frozen, the same values content_model/contract.py holds.
//
// The expected values come from Python: KLARTEXT_CONTRACT_JSON (set by
// tests/js/test_node_units.py), or, when node runs these tests by itself, the project's Python.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

const site = process.env.KLARTEXT_SITE;
assert.ok(site, "KLARTEXT_SITE must name a built site");
const contract = await import(pathToFileURL(path.join(site, "assets/klartext/contract.mjs")).href);

function expected() {
  if (process.env.KLARTEXT_CONTRACT_JSON) return JSON.parse(process.env.KLARTEXT_CONTRACT_JSON);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const python = process.env.KLARTEXT_PYTHON ?? path.join(root, ".venv/bin/python");
  const program =
    "import json; from content_model.contract import CONTRACT, as_data; " +
    "print(json.dumps({**as_data(CONTRACT), 'workerModuleUris': as_data(CONTRACT.worker_module_uris)}))";
  const run = spawnSync(python, ["-c", program], { cwd: root, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

const EXPECTED = expected();
const SECTIONS = Object.keys(EXPECTED).filter((name) => name !== "workerModuleUris");

function assertDeepFrozen(value, where) {
  if (value === null || typeof value !== "object") return;
  assert.ok(Object.isFrozen(value), `${where} is not frozen`);
  for (const [key, item] of Object.entries(value)) assertDeepFrozen(item, `${where}.${key}`);
}

test("the module exports exactly the contract's sections and the worker's module list", () => {
  assert.ok(SECTIONS.length >= 8, SECTIONS.join(", "));
  for (const name of ["runtime", "calculator", "progress", "action", "offline", "deepLink"]) {
    assert.ok(SECTIONS.includes(name), `section ${name} missing from the Python contract`);
  }
  assert.deepEqual(Object.keys(contract).sort(), [...SECTIONS, "workerModuleUris"].sort());
});

test("every export is frozen, down to its last value", () => {
  for (const [name, value] of Object.entries(contract)) {
    assert.equal(typeof value, "object", name);
    assertDeepFrozen(value, name);
  }
  assert.throws(() => {
    contract.progress.storagePrefix = "anders."; // modules are strict: a frozen value throws
  }, TypeError);
});

test("every value equals the one in content_model/contract.py", () => {
  for (const name of SECTIONS) assert.deepEqual({ ...contract[name] }, EXPECTED[name], name);
  assert.deepEqual([...contract.workerModuleUris], EXPECTED.workerModuleUris);
});

test("the worker's modules are site-relative paths of files in the built site", async () => {
  const { access } = await import("node:fs/promises");
  assert.ok(contract.workerModuleUris.length >= 2);
  for (const uri of contract.workerModuleUris) {
    assert.ok(!uri.startsWith("/") && !/^[a-z]+:/i.test(uri) && !uri.includes(".."), uri);
    assert.match(uri, /\.m?js$/, uri);
    await access(path.join(site, uri)); // throws when the file is not in the site
  }
});
