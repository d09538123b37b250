"""Join the site's entry module and everything it imports into one file (esbuild).

The site's scripts are small ES modules, one folder per feature, which import each other.
Published as they are, a page found them level by level: the entry module, then its nine
features, then what those import, four round trips before the last one arrived. On a slow
mobile link that chain delayed the largest paint by about 0.4 s (Lighthouse, issue 20). So
the build bundles the entry module in place with esbuild (npm, pinned): the page still
loads ``main.mjs`` as a module, now with nothing left to fetch. The sources stay as they
are for reading, editing, ``mkdocs serve`` and the Node tests.

The worker's modules (``contract.worker_module_uris``) are a graph of their own, loaded by
the worker and preloaded by the head; they are not bundled and stay published, like the
feature modules, which nothing fetches any more.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

#: esbuild's command-line entry point in the project's npm packages.
ESBUILD = Path("node_modules") / ".bin" / "esbuild"


class BundleError(RuntimeError):
    """esbuild is missing or could not bundle a module."""


def bundle_in_place(site: Path, entry_uri: str, project: Path) -> None:
    """Replace ``site/entry_uri`` by a minified ES module holding its whole import graph."""
    esbuild = project / ESBUILD
    if not esbuild.is_file():
        raise BundleError(f"{ESBUILD} fehlt: `make setup` installiert die npm-Pakete")
    entry = site / entry_uri
    command = [
        str(esbuild),
        str(entry),
        "--bundle",
        "--format=esm",
        "--minify",
        "--legal-comments=none",
        "--charset=utf8",
        "--log-level=error",
        f"--outfile={entry}",
        "--allow-overwrite",
    ]
    finished = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    if finished.returncode != 0:
        raise BundleError(f"esbuild could not bundle {entry_uri}:\n{finished.stderr.strip()}")
