"""Write ``.br``/``.gz`` copies of the built site (see ``bundler.precompress``).

Runs last, after the service worker is written; skipped under ``mkdocs serve``, whose
development server never sends them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from bundler.precompress import precompress_site

log = get_plugin_logger(__name__)
_command: dict[str, str] = {}


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Remember whether this process serves or builds."""
    _command["name"] = command


@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Compress every compressible file of the finished site."""
    if _command.get("name") == "serve":
        return
    cache = Path(config.config_file_path).resolve().parent / "node_modules" / ".cache" / "klartext"
    count = precompress_site(Path(config.site_dir), cache / "compressed")
    log.debug("wrote %d precompressed copies", count)
