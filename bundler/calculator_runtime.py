"""Every file the browser needs to run the calculators, by the address it is published at.

From the pinned npm package ``pyodide`` only the loader, the Emscripten module and the
WebAssembly are published as they are. The standard library is replaced by the trimmed,
precompiled zip from ``bundler.runtime_bytecode``, and the lock file by an inline one without
packages (written into the settings module), which saves the worker a download and Python
hundreds of compilations. The calculators go out as a zip of their sources together with the
bytecode Pyodide compiled from those very sources, so the browser runs exactly the Python the
test suite checked and imports it without compiling. The calculators need no Pyodide
packages, so nothing is ever fetched from a CDN.

The bytecode is the expensive part (seconds on a cold cache); ``runtime_files`` computes it
once and derives the standard library, the settings and the archive from that one result.
Nothing here knows MkDocs: ``site_hooks/calculator_runtime.py`` only adds these files.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from bundler.cache import cache_dir
from bundler.calculator_archive import build_archive
from bundler.runtime_bytecode import BytecodeError, RuntimeBytecode, runtime_bytecode
from calculators.rules import Rules, rules_as_data
from content_model.contract import CONTRACT
from content_model.rules import load_rules

#: The runtime files published unchanged: loader, Emscripten module, WebAssembly.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
#: What the build reads from the npm package besides those.
BUILD_INPUTS = ("python_stdlib.zip", "pyodide-lock.json")


def pyodide_package(project_root: Path) -> Path:
    """The installed npm package ``pyodide`` of the project in ``project_root``."""
    return project_root / "node_modules" / "pyodide"


def check_installed(package: Path) -> None:
    """Refuse with what to do when the npm package or Node.js is missing."""
    missing = [name for name in (*RUNTIME_FILES, *BUILD_INPUTS) if not (package / name).is_file()]
    if missing:
        raise BytecodeError(
            f"Pyodide runtime not installed ({', '.join(missing)} missing in {package}); "
            "run `make setup` (npm ci) first"
        )
    if shutil.which("node") is None:
        raise BytecodeError("Node.js is missing: it precompiles the calculators; run `make setup`")


def snapshot_key(bytecode: RuntimeBytecode, package: Path) -> str:
    """Names the memory snapshot a browser may keep of this exact runtime.

    The worker snapshots Python's memory after the calculators are imported (on the reader's
    device, never on the network). A snapshot is only valid for the same Pyodide, standard
    library and calculators, so the key hashes all three; a new build with other calculators
    gets a new key and the old snapshot is dropped. (Pyodide itself also refuses a snapshot
    of another WebAssembly build.)
    """
    digest = hashlib.sha256()
    for part in (
        (package / "package.json").read_bytes(),
        bytecode.stdlib,
        bytecode.calculators,
    ):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:20]


def settings_module(lock_file: Path, snapshot: str) -> str:
    """The worker's settings that only a build can know: the lock file and the snapshot key.

    Pyodide checks the lock file's ABI version against its own, so the ``info`` is taken
    from the installed package rather than written by hand; it is passed inline, without
    packages. Fixed names (the stdlib's file name, the snapshot's cache) are in the
    contract (``contract.mjs``), not here.
    """
    info = json.loads(lock_file.read_text(encoding="utf-8"))["info"]
    lock = json.dumps({"info": info, "packages": {}}, sort_keys=True)
    return (
        "// Generated at build time by bundler/calculator_runtime.py; do not edit.\n"
        f"export const LOCKFILE = {lock};\n"
        f"export const SNAPSHOT_KEY = {json.dumps(snapshot)};\n"
    )


def project_rules(project_root: Path) -> Rules:
    """The rules of the project in ``project_root`` (``content/rules.yml``)."""
    return load_rules(project_root / "content" / "rules.yml")


def runtime_files(project_root: Path, rules: Rules | None = None) -> dict[str, Path | bytes | str]:
    """Site URI -> the file to copy (a path) or its generated content.

    ``rules`` are published with the calculators; by default the project's own. Raises
    ``BytecodeError`` with what to do when Pyodide or Node.js is missing or the Pyodide step
    fails.
    """
    package = pyodide_package(project_root)
    check_installed(package)
    calculators = project_root / "calculators"
    rules = rules or project_rules(project_root)
    bytecode = runtime_bytecode(package, calculators, cache_dir(project_root), rules)
    runtime = CONTRACT.runtime
    files: dict[str, Path | bytes | str] = {
        f"{runtime.pyodide_uri}/{name}": package / name for name in RUNTIME_FILES
    }
    files[f"{runtime.pyodide_uri}/{runtime.stdlib_name}"] = bytecode.stdlib
    files[runtime.settings_uri] = settings_module(
        package / "pyodide-lock.json", snapshot_key(bytecode, package)
    )
    files[runtime.archive_uri] = build_archive(
        calculators, bytecode.calculators, rules=rules_as_data(rules)
    )
    return files
