"""The one folder where the build keeps what is slow to make and safe to reuse.

The precompiled runtime (``bundler.runtime_bytecode``) and the brotli copies of large files
(``bundler.precompress``) take seconds to minutes to make and depend only on their inputs,
so they are kept between builds under names that hash those inputs. Every user asks this
module for the folder, so moving it (a shared cache on a CI runner, a faster disk) is one
environment variable: ``KLARTEXT_CACHE_DIR``.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that moves the cache folder.
CACHE_DIR_VARIABLE = "KLARTEXT_CACHE_DIR"
#: The default, relative to the project: beside the npm packages, which ``make clean``
#: keeps and a fresh clone rebuilds anyway.
DEFAULT_CACHE_DIR = Path("node_modules") / ".cache" / "klartext"


def cache_dir(project_root: Path) -> Path:
    """The cache folder for the project in ``project_root`` (created by its users on demand)."""
    configured = os.environ.get(CACHE_DIR_VARIABLE, "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    return project_root / DEFAULT_CACHE_DIR
