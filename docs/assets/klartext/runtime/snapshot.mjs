// Packing a Pyodide memory snapshot for Cache Storage, and unpacking it again. Pure: no DOM,
// no worker globals beyond Blob, so tests/js/snapshot.test.mjs runs it under Node.
//
// Right after start-up most of Python's memory is still zero: a snapshot is stored as the
// 64 KiB pages that hold something, behind an index (about 12 of 31 MB). Reading fewer bytes
// back is what makes the restore fast; unpacking is one copy per page.
//
// Layout (little-endian 32-bit words, then bytes):
//   magic, memory length, page count n, n page numbers, then the n pages in that order
//   (each PAGE_SIZE bytes, the last page of the memory possibly shorter).

export const PAGE_SIZE = 65536;
/** "KXS1": refuses anything that is not a packed snapshot (another format, damaged bytes). */
export const PACKED_MAGIC = 0x4b585331;
const HEADER_WORDS = 3;

// Whether bytes[start, end) are all zero; ``words`` is a 32-bit view of the same bytes (or
// null where they are not aligned), four bytes per step where it can.
function pageIsEmpty(bytes, words, start, end) {
  let index = start;
  if (words) {
    for (; index < end && index % 4; index++) if (bytes[index]) return false;
    for (; index + 4 <= end; index += 4) if (words[index >>> 2]) return false;
  }
  for (; index < end; index++) if (bytes[index]) return false;
  return true;
}

/**
 * The pages of ``bytes`` that hold something, behind their index.
 * @param {Uint8Array} bytes the memory snapshot as Pyodide made it
 * @returns {Blob}
 */
export function packSnapshot(bytes) {
  const aligned = bytes.byteOffset % 4 === 0;
  const words = aligned ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : null;
  const kept = [];
  const chunks = [];
  for (let start = 0; start < bytes.length; start += PAGE_SIZE) {
    const end = Math.min(start + PAGE_SIZE, bytes.length);
    if (!pageIsEmpty(bytes, words, start, end)) {
      kept.push(start / PAGE_SIZE);
      chunks.push(bytes.subarray(start, end));
    }
  }
  return new Blob([new Uint32Array([PACKED_MAGIC, bytes.length, kept.length, ...kept]), ...chunks]);
}

/**
 * The memory a packed snapshot stands for; throws where the bytes are not one, or cut short.
 * @param {ArrayBuffer} buffer
 * @returns {Uint8Array}
 */
export function unpackSnapshot(buffer) {
  if (buffer.byteLength < 4 * HEADER_WORDS) throw new Error("not a Klartext snapshot");
  const [magic, length, count] = new Uint32Array(buffer, 0, HEADER_WORDS);
  if (magic !== PACKED_MAGIC) throw new Error("not a Klartext snapshot");
  let offset = 4 * (HEADER_WORDS + count);
  if (offset > buffer.byteLength) throw new Error("snapshot truncated");
  const pages = new Uint32Array(buffer, 4 * HEADER_WORDS, count);
  const bytes = new Uint8Array(length);
  for (const page of pages) {
    const size = Math.min(PAGE_SIZE, length - page * PAGE_SIZE);
    if (size <= 0 || offset + size > buffer.byteLength) throw new Error("snapshot truncated");
    bytes.set(new Uint8Array(buffer, offset, size), page * PAGE_SIZE);
    offset += size;
  }
  if (offset !== buffer.byteLength) throw new Error("snapshot truncated");
  return bytes;
}
