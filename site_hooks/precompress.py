"""Write ``.br``/``.gz`` copies of the built site (see ``bundler.precompress``).

Runs last, after the service worker is written, so its copies are compressed too; skipped
under ``mkdocs serve``, whose development server never sends them. Large files are
compressed once and kept in the build cache (``bundler.cache``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from bundler.cache import cache_dir
from bundler.precompress import precompress_site
from site_hooks.build_state import serving

log = get_plugin_logger(__name__)


@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Compress every compressible file of the finished site."""
    if serving():
        return
    project = Path(config.config_file_path).resolve().parent
    count = precompress_site(Path(config.site_dir), cache_dir(project) / "compressed")
    log.debug("wrote %d precompressed copies", count)
