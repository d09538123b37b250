"""Compiled Jinja2 templates kept for the life of the process, for the theme.

Compiling the theme's templates is a good part of what a rebuild costs, and under
``mkdocs serve`` every edit rebuilds the whole site in the same process. Jinja2 stores each
template's bytecode here together with a checksum of its source, so an edited template is
compiled again and an unchanged one is not. (The content templates need no such cache: their
environments live as long as the process, see ``content_model.templating``.) A one-off
``mkdocs build`` gains nothing and loses nothing; the build benchmark clears the cache before
every build it times.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class ProcessBytecodeCache(BytecodeCache):
    """Jinja2's bytecode cache in a dictionary instead of files."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` with the stored bytecode, if any."""
        stored = self._compiled.get(bucket.key)
        if stored is not None:
            bucket.bytecode_from_string(stored)  # ignored if the source's checksum changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the bytecode Jinja2 has just compiled."""
        self._compiled[bucket.key] = bucket.bytecode_to_string()


class TemplateBytecode:
    """One cache per kind of environment.

    Bytecode depends on an environment's options (``finalize``, whitespace handling), not
    only on the template, so environments set up differently never share a cache.
    """

    def __init__(self) -> None:
        self._caches: dict[str, ProcessBytecodeCache] = {}

    def for_environment(self, kind: str) -> ProcessBytecodeCache:
        """The cache of the environments of one ``kind``, e.g. ``"markdown"``."""
        return self._caches.setdefault(kind, ProcessBytecodeCache())

    def clear(self) -> None:
        """Forget every compiled template (the next build compiles all of them again)."""
        self._caches.clear()


#: For the theme's templates under ``mkdocs serve``.
TEMPLATE_BYTECODE = TemplateBytecode()
