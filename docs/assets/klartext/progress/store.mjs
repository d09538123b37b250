// This device's memory of ticks and reads: a thin, failure-proof layer over localStorage.
//
// Nothing leaves the browser. When storage is switched off (or full, or revoked) the page
// still shows ticks; they are just not kept. The storage is passed in, so the same code runs
// against a stand-in in unit tests.
import { PREFIX } from "./keys.mjs";

/**
 * @param {() => Storage} storageOf Returns the storage to use; may throw when it is blocked.
 * @returns {{has(key: string): boolean, set(key: string, on: boolean): void,
 *   clear(prefix: string): void}}
 */
export function deviceStore(storageOf = () => globalThis.localStorage) {
  let storage = null;
  try {
    const candidate = storageOf();
    const probe = `${PREFIX}probe`; // the storage really accepts writes (not just exists)
    candidate.setItem(probe, "1");
    candidate.removeItem(probe);
    storage = candidate;
  } catch {
    storage = null;
  }

  return {
    has(key) {
      return storage !== null && storage.getItem(key) === "1";
    },
    set(key, on) {
      if (storage === null) return;
      try {
        if (on) storage.setItem(key, "1");
        else storage.removeItem(key);
      } catch {
        // quota exceeded or storage revoked: the page still shows the tick
      }
    },
    clear(prefix) {
      if (storage === null) return;
      const doomed = [];
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index);
        if (key !== null && key.startsWith(prefix)) doomed.push(key);
      }
      for (const key of doomed) storage.removeItem(key);
    },
  };
}
