"""Serve a built site over HTTP on 127.0.0.1, as any static host would.

Pyodide cannot load from ``file://`` and a service worker needs HTTP. JavaScript modules and
WebAssembly are sent with their proper types (``application/wasm`` enables streaming
compilation), which is what a production host must do as well.
"""

from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MIME_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}


class StaticHandler(SimpleHTTPRequestHandler):
    """Static files with the MIME types Pyodide needs, without a log line per request."""

    extensions_map = {  # noqa: RUF012 - the base class declares it as a plain attribute
        **SimpleHTTPRequestHandler.extensions_map,
        **MIME_TYPES,
    }

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: benchmarks and tests print their own output."""


def free_port() -> int:
    """A port on 127.0.0.1 that is free right now (to build a site for it before serving)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve ``directory`` (on ``port``, or a free one); yields the base URL ending in ``/``."""
    handler = functools.partial(StaticHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
