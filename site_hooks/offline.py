"""Write the service worker that makes the built site work offline.

It runs after the build because the precache list and the cache name come from the
finished site: the cache is named after a hash of every published file, so a new build
gets a new cache (and the reader a "Neue Version verfügbar" prompt) instead of stale pages.
Under ``mkdocs serve`` no service worker is written: it would pin stale pages while editing.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from content_model.offline import write_service_worker
from site_hooks.build_state import serving


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the service worker with the precache list and content hash of the finished site."""
    if serving():
        return
    site = Path(config.site_dir)
    templates = Path(config.config_file_path).resolve().parent / "templates"
    write_service_worker(site, templates)
