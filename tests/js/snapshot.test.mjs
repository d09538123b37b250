// Packing Pyodide's memory snapshot for Cache Storage (runtime/snapshot.mjs): only pages that
// hold something are stored, and what comes back is byte for byte what went in, or an error.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const site = process.env.KLARTEXT_SITE;
assert.ok(site, "KLARTEXT_SITE must name a built site");
const built = (uri) => pathToFileURL(path.join(site, "assets/klartext", uri)).href;
const { PAGE_SIZE, PACKED_MAGIC, packSnapshot, unpackSnapshot } = await import(built("runtime/snapshot.mjs"));

/** A memory of ``pages`` pages (the last one ``tail`` bytes short), with bytes set at ``at``. */
function memory(pages, at, tail = 0) {
  const bytes = new Uint8Array(pages * PAGE_SIZE - tail);
  for (const [offset, value] of at) bytes[offset] = value;
  return bytes;
}

async function packed(bytes) {
  return packSnapshot(bytes).arrayBuffer();
}

test("a round trip gives back every byte, in pages with data and those without", async () => {
  const bytes = memory(5, [
    [0, 1],
    [PAGE_SIZE * 2 + 17, 255],
    [PAGE_SIZE * 5 - 1, 9],
  ]);
  assert.deepEqual(unpackSnapshot(await packed(bytes)), bytes);
});

test("empty pages are dropped: the packed size is the header and the pages that hold data", async () => {
  const bytes = memory(8, [[PAGE_SIZE * 3 + 5, 1]]);
  const buffer = await packed(bytes);
  const header = new Uint32Array(buffer, 0, 4);
  assert.deepEqual([...header], [PACKED_MAGIC, bytes.length, 1, 3]);
  assert.equal(buffer.byteLength, 4 * 4 + PAGE_SIZE);
  const allZero = await packed(memory(4, []));
  assert.equal(allZero.byteLength, 3 * 4);
  assert.deepEqual(unpackSnapshot(allZero), memory(4, []));
});

test("a last page shorter than a full one, and bytes that do not start aligned", async () => {
  const bytes = memory(3, [[PAGE_SIZE * 2 + 10, 7]], 100);
  assert.deepEqual(unpackSnapshot(await packed(bytes)), bytes);
  const shifted = new Uint8Array(bytes.length + 1);
  shifted.set(bytes, 1);
  const unaligned = shifted.subarray(1);
  assert.deepEqual(unpackSnapshot(await packed(unaligned)), bytes);
});

test("a snapshot cut short is refused, in its index or in its pages", async () => {
  const buffer = await packed(memory(4, [[1, 1], [PAGE_SIZE * 3, 2]]));
  assert.throws(() => unpackSnapshot(buffer.slice(0, buffer.byteLength - 1)), /truncated/);
  assert.throws(() => unpackSnapshot(buffer.slice(0, 14)), /truncated/);
  assert.throws(() => unpackSnapshot(buffer.slice(0, 8)), /not a Klartext snapshot/);
  const longer = new Uint8Array(buffer.byteLength + 4);
  longer.set(new Uint8Array(buffer));
  assert.throws(() => unpackSnapshot(longer.buffer), /truncated/);
});

test("bytes that are no packed snapshot (wrong magic) are refused", async () => {
  assert.throws(() => unpackSnapshot(new Uint8Array(4096).fill(7).buffer), /not a Klartext snapshot/);
  const buffer = await packed(memory(2, [[3, 3]]));
  new Uint32Array(buffer, 0, 1)[0] = PACKED_MAGIC + 1;
  assert.throws(() => unpackSnapshot(buffer), /not a Klartext snapshot/);
});
