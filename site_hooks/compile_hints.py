"""Mark Material's bundle for eager compilation (``bundler.compile_hints`` says why).

Runs after the build, before the service worker hashes the site and before the compressed
copies are written (listed before ``offline.py``), so both see the marked file.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bundler.compile_hints import mark_for_eager_compile

#: Scripts every page runs in full at once, as patterns in the built site. Material names its
#: bundle after a hash of its content.
EAGER_SCRIPTS = ("assets/javascripts/bundle.*.min.js",)


def on_post_build(*, config: MkDocsConfig) -> None:
    """Mark each script of ``EAGER_SCRIPTS``; a pattern without exactly one file stops the build."""
    site = Path(config.site_dir)
    for pattern in EAGER_SCRIPTS:
        found = sorted(site.glob(pattern))
        if len(found) != 1:
            raise PluginError(
                f"site_hooks/compile_hints.py: statt einer Datei {pattern} fand der Build "
                f"{len(found)}; hat ein Update von Material das Skript umbenannt?"
            )
        mark_for_eager_compile(found[0])
