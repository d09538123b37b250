"""What the site keeps in a reader's browser, asked from a page: shared by benchmarks and tests.

The checks read Cache Storage, which only answers asynchronously. Playwright's
``wait_for_function`` takes a returned promise itself for a truthy value, so it would not
wait at all; ``wait_until`` asks again and again with ``page.evaluate``, which awaits it.
"""

from __future__ import annotations

from playwright.sync_api import Page

from content_model.contract import CONTRACT

POLL_MS = 100

#: The service worker's install has finished: its cache holds the WebAssembly runtime.
WASM_URI = f"{CONTRACT.runtime.pyodide_uri}/pyodide.asm.wasm"
PRECACHED = f"""() => caches.keys().then(async (names) => {{
  const wasm = new URL('{WASM_URI}', location.origin + '/').href;
  for (const name of names) {{
    if (await (await caches.open(name)).match(wasm)) return true;
  }}
  return false;
}})"""

#: The calculator worker has stored its memory snapshot (see runtime/worker.mjs).
SNAPSHOT_STORED = f"""() => caches.open('{CONTRACT.runtime.snapshot_cache}')
  .then((cache) => cache.keys()).then((keys) => keys.length > 0)"""


def wait_until(page: Page, check: str, timeout_ms: int) -> None:
    """Ask ``check`` (an async page function) until it answers true, or fail after the timeout."""
    for _ in range(max(1, timeout_ms // POLL_MS)):
        if page.evaluate(check):
            return
        page.wait_for_timeout(POLL_MS)
    raise TimeoutError(f"not reached within {timeout_ms} ms: {check}")
