"""Serve a built site over HTTP on 127.0.0.1, as any static host would.

Pyodide cannot load from ``file://`` and a service worker needs HTTP. JavaScript modules and
WebAssembly are sent with their proper types (``application/wasm`` enables streaming
compilation), and the build's precompressed ``.br``/``.gz`` copies are sent with
``Content-Encoding`` when the browser accepts them: what a production host must do as well.
"""

from __future__ import annotations

import email.utils
import functools
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO

MIME_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}


class StaticHandler(SimpleHTTPRequestHandler):
    """Static files with the MIME types Pyodide needs, without a log line per request."""

    extensions_map = {  # noqa: RUF012 - the base class declares it as a plain attribute
        **SimpleHTTPRequestHandler.extensions_map,
        **MIME_TYPES,
    }

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: benchmarks and tests print their own output."""

    def end_headers(self) -> None:
        """Every answer may differ by ``Accept-Encoding``; caches must know."""
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_head(self) -> BinaryIO | None:
        """Send ``file.br`` or ``file.gz`` in place of ``file`` when the browser accepts it."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepted = self.headers.get("Accept-Encoding", "")
        for suffix, encoding in ((".br", "br"), (".gz", "gzip")):
            copy = path + suffix
            if encoding in accepted and os.path.isfile(path) and os.path.isfile(copy):
                return self._send_encoded(path, copy, encoding)
        return super().send_head()

    def _send_encoded(self, original: str, copy: str, encoding: str) -> BinaryIO | None:
        stat = os.stat(original)
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        if self.headers.get("If-Modified-Since") == modified:
            self.send_response(304)
            self.end_headers()
            return None
        handle = open(copy, "rb")  # noqa: SIM115 - the base class closes it after copying
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(original))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(os.fstat(handle.fileno()).st_size))
        self.send_header("Last-Modified", modified)
        self.end_headers()
        return handle


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
