// The keys progress/progress.mjs stores ticks and reads under, and the counts of a panel.
// Runs against the built site (KLARTEXT_SITE), so the prefix is the generated contract's.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const site = process.env.KLARTEXT_SITE;
assert.ok(site, "KLARTEXT_SITE must name a built site");
const built = (uri) => pathToFileURL(path.join(site, "assets/klartext", uri)).href;
const keys = await import(built("progress/keys.mjs"));
const { deviceStore } = await import(built("progress/store.mjs"));
const { progress } = await import(built("contract.mjs"));

test("every key starts with the contract's storage prefix", () => {
  assert.equal(keys.PREFIX, progress.storagePrefix);
  assert.ok(keys.TICK_PREFIX.startsWith(progress.storagePrefix));
  assert.ok(keys.READ_PREFIX.startsWith(progress.storagePrefix));
  assert.notEqual(keys.TICK_PREFIX, keys.READ_PREFIX);
});

test("a tick is keyed by checklist and item id, a read by the chapter id", () => {
  const prefix = progress.storagePrefix;
  assert.equal(keys.tickKey("checkliste-a/punkt-1"), `${prefix}tick.checkliste-a/punkt-1`);
  assert.equal(keys.readKey("gespraechsmappe"), `${prefix}read.gespraechsmappe`);
});

test("a checklist's reset clears its own ticks and no other checklist's", () => {
  const own = keys.checklistTicksPrefix("checkliste-a");
  assert.ok(keys.tickKey("checkliste-a/punkt-1").startsWith(own));
  // A checklist whose id starts like another's is not caught by the other's reset.
  assert.ok(!keys.tickKey("checkliste-ab/punkt-1").startsWith(own));
  assert.ok(keys.belongsTo("checkliste-a/punkt-1", "checkliste-a"));
  assert.ok(!keys.belongsTo("checkliste-ab/punkt-1", "checkliste-a"));
});

test("storage events matter only for progress keys or a cleared storage", () => {
  assert.ok(keys.concernsProgress(null));
  assert.ok(keys.concernsProgress(keys.readKey("kapitel")));
  assert.ok(!keys.concernsProgress("fremd.schluessel"));
});

test("a scope's ids are the words of its attribute, spaces collapsed", () => {
  assert.deepEqual(keys.words("a  b c "), ["a", "b", "c"]);
  assert.deepEqual(keys.words(""), []);
  assert.deepEqual(keys.words(null), []);
});

test("a panel counts read chapters and ticked items of its scope only", () => {
  const stored = new Set([
    keys.readKey("kapitel-1"),
    keys.tickKey("liste/punkt-2"),
    keys.tickKey("andere/punkt-9"), // ticked, but not in this scope
    keys.readKey("kapitel-9"),
  ]);
  const counts = keys.countScope(
    { chapters: "kapitel-1 kapitel-2", items: "liste/punkt-1 liste/punkt-2 liste/punkt-3" },
    (key) => stored.has(key),
  );
  assert.deepEqual(counts, { chapters: 2, read: 1, items: 3, ticked: 1 });
  assert.deepEqual(keys.countScope({ chapters: "", items: null }, () => true), {
    chapters: 0,
    read: 0,
    items: 0,
    ticked: 0,
  });
});

class MemoryStorage {
  #entries = new Map();
  get length() {
    return this.#entries.size;
  }
  key(index) {
    return [...this.#entries.keys()][index] ?? null;
  }
  getItem(key) {
    return this.#entries.get(key) ?? null;
  }
  setItem(key, value) {
    this.#entries.set(key, String(value));
  }
  removeItem(key) {
    this.#entries.delete(key);
  }
}

test("the store keeps ticks and clears only keys under the prefix it is given", () => {
  const storage = new MemoryStorage();
  storage.setItem("fremd.schluessel", "bleibt");
  const store = deviceStore(() => storage);
  store.set(keys.tickKey("liste/punkt-1"), true);
  store.set(keys.readKey("kapitel"), true);
  assert.ok(store.has(keys.tickKey("liste/punkt-1")));
  assert.equal(storage.length, 3, "the probe key is not left behind");
  store.clear(keys.TICK_PREFIX);
  assert.ok(!store.has(keys.tickKey("liste/punkt-1")));
  assert.ok(store.has(keys.readKey("kapitel")));
  store.clear(keys.PREFIX);
  assert.deepEqual([storage.key(0), storage.length], ["fremd.schluessel", 1]);
});

test("without usable storage the store forgets quietly instead of throwing", () => {
  const blocked = deviceStore(() => {
    throw new Error("SecurityError");
  });
  blocked.set(keys.readKey("kapitel"), true);
  assert.equal(blocked.has(keys.readKey("kapitel")), false);
  blocked.clear(keys.PREFIX);
  const full = new MemoryStorage();
  const store = deviceStore(() => full);
  full.setItem = () => {
    throw new Error("QuotaExceededError");
  };
  store.set(keys.readKey("kapitel"), true); // must not throw
  assert.equal(store.has(keys.readKey("kapitel")), false);
});
