"""Runs inside Pyodide (see trim_stdlib.mjs): write the loaded modules as bytecode.

Never imported by the host's Python: bytecode must come from the interpreter that runs it
(Pyodide's Python 3.14), not from whichever Python builds the site.

* The standard library is cut to the modules that were loaded while the calculators answered
  every example, compiled with ``optimize=2`` (no docstrings or asserts, as ``python -OO``),
  and stored sourceless, so ``zipimport`` loads the bytecode directly.
* The calculators are compiled the same way (``optimize=2``) and stored sourceless at their
  modules' paths (``calculators/boundary.pyc``), so the archive ships bytecode instead of
  source and bytecode (about 40 kB less on the first visit). They are unchecked hash-based
  pycs, so the unpacked files' timestamps never matter. The calculators hold no ``assert``
  that decides anything and never read a docstring, so ``-OO`` changes nothing they do; the
  tests run the sources under CPython, and the browser tests the shipped bytecode.

Both zips are deterministic: sorted members, a fixed timestamp and no mtimes in the pycs.
"""

import importlib.util
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]

STDLIB_ZIP = next(entry for entry in sys.path if entry.endswith(".zip"))
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
STDLIB_OPTIMIZE = 2
CALCULATOR_OPTIMIZE = 2


def loaded_sources(prefix: str) -> list[str]:
    """Paths (relative to ``prefix``) of the ``.py`` files of every loaded module under it.

    Frozen modules (importlib's bootstrap, ``os``, ``codecs``, ...) live in the interpreter
    itself; a copy in the zip would never be read, so they are left out.
    """
    names = set()
    for module in list(sys.modules.values()):
        spec = getattr(module, "__spec__", None)
        if spec is not None and spec.origin == "frozen":
            continue
        origin = getattr(module, "__file__", None)
        if isinstance(origin, str) and origin.startswith(prefix) and origin.endswith(".py"):
            names.add(origin[len(prefix) :])
    return sorted(names)


def bytecode(source: bytes, filename: str, optimize: int) -> bytes:
    """An unchecked hash-based pyc of ``source``."""
    code = compile(source, filename, "exec", dont_inherit=True, optimize=optimize)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))


def add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    """One member with fixed metadata."""
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.external_attr = 0o644 << 16
    info.create_system = 3
    archive.writestr(info, data)


def write_trimmed_stdlib(output: str) -> None:
    """The loaded standard-library modules, sourceless, into ``output`` (stored, not deflated).

    Stored members keep the zip fast to open; the transfer is compressed as a whole by the
    host (``.br``/``.gz`` copies), which compresses far better across members.
    """
    with zipfile.ZipFile(STDLIB_ZIP) as stdlib, zipfile.ZipFile(output, "w") as trimmed:
        for name in loaded_sources(STDLIB_ZIP + "/"):
            source = stdlib.read(name)
            add(trimmed, name + "c", bytecode(source, f"{STDLIB_ZIP}/{name}", STDLIB_OPTIMIZE))


def write_calculator_bytecode(package_parent: str, output: str) -> None:
    """Sourceless bytecode (``name.pyc`` beside where ``name.py`` was) of every loaded module."""
    prefix = package_parent.rstrip("/") + "/"
    with zipfile.ZipFile(output, "w") as archive:
        for name in loaded_sources(prefix):
            with open(prefix + name, "rb") as handle:
                source = handle.read()
            add(archive, name + "c", bytecode(source, prefix + name, CALCULATOR_OPTIMIZE))
