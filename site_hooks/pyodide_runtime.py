"""Publish the self-hosted Pyodide runtime with the site, trimmed to what the calculators use.

From the pinned npm package only the loader, the Emscripten module and the WebAssembly are
published as they are. The standard library is replaced by the trimmed, precompiled zip from
``bundler.runtime_bytecode``, and the lock file by an inline one without packages (written
into ``runtime.mjs``), which saves the worker a download and Python hundreds of compilations.
The calculators need no Pyodide packages, so nothing is ever fetched from a CDN.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from bundler.runtime_bytecode import BytecodeError, RuntimeBytecode, runtime_bytecode
from content_model.contract import CONTRACT, CONTRACT_MODULE_URI, contract_module

#: Where the runtime is served from, relative to the site root.
RUNTIME_URI = CONTRACT.runtime.pyodide_uri
#: The runtime files published unchanged: loader, Emscripten module, WebAssembly.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
#: The trimmed standard library, next to the runtime.
STDLIB_NAME = CONTRACT.runtime.stdlib_name
#: The worker's start-up settings, generated from the installed package.
SETTINGS_URI = CONTRACT.runtime.settings_uri
#: The browser cache (Cache Storage) where the worker keeps its memory snapshot.
SNAPSHOT_CACHE = CONTRACT.runtime.snapshot_cache
#: The calculator worker's own module graph: the worker and what it imports statically.
#: A page with a calculator preloads these from its head (templates/theme/main.html): the
#: worker would otherwise find each level only after the one before has arrived, one round
#: trip after the other, before it could ask for the large files.
WORKER_MODULE_URIS = CONTRACT.worker_module_uris


def project_root(config: MkDocsConfig) -> Path:
    """The folder that holds mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent


def package_dir(config: MkDocsConfig) -> Path:
    """The installed npm package ``pyodide`` next to mkdocs.yml."""
    return project_root(config) / "node_modules" / "pyodide"


def bytecode_for(config: MkDocsConfig) -> RuntimeBytecode:
    """The precompiled bytecode for this project (cached between builds)."""
    source = package_dir(config)
    missing = [
        name
        for name in (*RUNTIME_FILES, "python_stdlib.zip", "pyodide-lock.json")
        if not (source / name).is_file()
    ]
    if missing:
        raise PluginError(
            f"Pyodide runtime not installed ({', '.join(missing)} missing in {source}); "
            "run `make setup` (npm ci) first"
        )
    if shutil.which("node") is None:
        raise PluginError("Node.js is missing: it precompiles the calculators; run `make setup`")
    try:
        return runtime_bytecode(source, project_root(config) / "calculators")
    except BytecodeError as error:
        raise PluginError(str(error)) from None


def snapshot_key(bytecode: RuntimeBytecode, package: Path) -> str:
    """Names the memory snapshot a browser may keep of this exact runtime.

    The worker snapshots Python's memory after the calculators are imported (on the reader's
    device, never on the network; see calculator-worker.mjs). A snapshot is only valid for
    the same Pyodide, standard library and calculators, so the key hashes all three; a new
    build with other calculators gets a new key and the old snapshot is dropped. (Pyodide
    itself also refuses a snapshot of another WebAssembly build.)
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
    """``runtime.mjs``: stdlib file name, lock file reduced to its ``info``, snapshot names.

    Pyodide checks the lock file's ABI version against its own, so the ``info`` is taken
    from the installed package rather than written by hand.
    """
    info = json.loads(lock_file.read_text(encoding="utf-8"))["info"]
    lock = json.dumps({"info": info, "packages": {}}, sort_keys=True)
    return (
        "// Generated at build time by site_hooks/pyodide_runtime.py; do not edit.\n"
        f"export const STDLIB_FILE = {json.dumps(STDLIB_NAME)};\n"
        f"export const LOCKFILE = {lock};\n"
        f"export const SNAPSHOT_CACHE = {json.dumps(SNAPSHOT_CACHE)};\n"
        f"export const SNAPSHOT_KEY = {json.dumps(snapshot)};\n"
    )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Tell the page template which modules the calculator worker starts from."""
    config.extra["klartext_worker_modules"] = list(WORKER_MODULE_URIS)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the runtime, the trimmed stdlib and the worker's settings to the site."""
    bytecode = bytecode_for(config)
    source = package_dir(config)
    for name in RUNTIME_FILES:
        files.append(
            File.generated(config, f"{RUNTIME_URI}/{name}", abs_src_path=str(source / name))
        )
    files.append(File.generated(config, f"{RUNTIME_URI}/{STDLIB_NAME}", content=bytecode.stdlib))
    settings = settings_module(source / "pyodide-lock.json", snapshot_key(bytecode, source))
    files.append(File.generated(config, SETTINGS_URI, content=settings))
    files.append(File.generated(config, CONTRACT_MODULE_URI, content=contract_module()))
    return files
