"""Brotli and gzip copies of the built site's files, for hosts that serve them as they are.

A host that supports precompressed files (nginx ``gzip_static``/``brotli_static``, Caddy
``precompressed``, many CDNs) sends ``file.br`` or ``file.gz`` with ``Content-Encoding`` when
the browser accepts it. Brotli at its highest quality shrinks Pyodide's WebAssembly from
9.6 MB to 2.7 MB but takes half a minute, so large files are compressed once and cached by
their content hash.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
import time
from pathlib import Path

import brotli

#: Suffixes worth compressing (text, WebAssembly, and the stored zips of bytecode).
COMPRESSIBLE = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".zip", ".svg", ".xml", ".txt", ".map"}
)
#: Files smaller than this gain nothing worth a second copy.
MIN_SIZE = 1024
#: Files from this size on are cached between builds.
CACHE_FROM = 256 * 1024
#: Cached copies unused for this long are deleted.
CACHE_DAYS = 30
ENCODINGS = (".br", ".gz")


def compress(data: bytes, encoding: str) -> bytes:
    """The bytes for one encoding; deterministic (gzip without a timestamp)."""
    if encoding == ".br":
        return bytes(brotli.compress(data, quality=11))
    return gzip.compress(data, compresslevel=9, mtime=0)


def _cached(data: bytes, encoding: str, cache: Path) -> bytes:
    path = cache / (hashlib.sha256(data).hexdigest() + encoding)
    if path.is_file():
        os.utime(path)
        return path.read_bytes()
    result = compress(data, encoding)
    cache.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=cache, prefix=".partial-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(result)
    os.replace(temporary, path)
    return result


def candidates(site: Path) -> list[Path]:
    """Files that get compressed copies (not copies themselves, not already gzipped ones)."""
    return [
        path
        for path in sorted(site.rglob("*"))
        if path.is_file()
        and path.suffix in COMPRESSIBLE
        and path.stat().st_size >= MIN_SIZE
        and not path.with_name(path.name + ".gz").exists()
    ]


def precompress_site(site: Path, cache: Path) -> int:
    """Write ``.br`` and ``.gz`` next to every candidate where it is smaller; returns the count."""
    written = 0
    for path in candidates(site):
        data = path.read_bytes()
        for encoding in ENCODINGS:
            copy = _cached(data, encoding, cache) if len(data) >= CACHE_FROM else None
            copy = copy if copy is not None else compress(data, encoding)
            if len(copy) < len(data):
                path.with_name(path.name + encoding).write_bytes(copy)
                written += 1
    prune(cache)
    return written


def prune(cache: Path, days: int = CACHE_DAYS) -> None:
    """Forget cached copies no build has used for ``days`` days."""
    if not cache.is_dir():
        return
    limit = time.time() - days * 86400
    for path in cache.iterdir():
        if path.is_file() and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
