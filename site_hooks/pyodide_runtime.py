"""Publish the self-hosted Pyodide runtime from the pinned npm package with the site.

Only the core runtime is published: the calculators need no Pyodide packages, so nothing is
ever fetched from a CDN (micropip and the package wheels are not in the npm package).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

#: Where the runtime is served from, relative to the site root.
RUNTIME_URI = "assets/pyodide"

#: The runtime files a browser needs: loader, Emscripten module, WebAssembly, stdlib, lock file.
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


def package_dir(config: MkDocsConfig) -> Path:
    """The installed npm package ``pyodide`` next to mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent / "node_modules" / "pyodide"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the runtime files as static files of the site."""
    source = package_dir(config)
    missing = [name for name in RUNTIME_FILES if not (source / name).is_file()]
    if missing:
        raise PluginError(
            f"Pyodide runtime not installed ({', '.join(missing)} missing in {source}); "
            "run `make setup` (npm ci) first"
        )
    for name in RUNTIME_FILES:
        files.append(
            File.generated(config, f"{RUNTIME_URI}/{name}", abs_src_path=str(source / name))
        )
    return files
