"""Mark Material's bundle for eager compilation (``bundler.compile_hints`` says why).

Runs after the build, before the service worker hashes the site and before the compressed
copies are written (listed before ``offline.py``), so both see the marked file. It runs under
``mkdocs serve`` too: marking is cheap, and a file marked already is left as it is.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bundler.compile_hints import CompileHintError, mark_for_eager_compile

#: Scripts every page runs in full at once, as patterns in the built site. Material names its
#: bundle after a hash of its content.
EAGER_SCRIPTS = ("assets/javascripts/bundle.*.min.js",)


def on_post_build(*, config: MkDocsConfig) -> None:
    """Mark each script of ``EAGER_SCRIPTS``; a pattern without exactly one file stops the build."""
    site = Path(config.site_dir)
    for pattern in EAGER_SCRIPTS:
        found = sorted(site.glob(pattern))
        if len(found) != 1:
            names = ", ".join(path.relative_to(site).as_posix() for path in found) or "keine"
            raise PluginError(
                f"site_hooks/compile_hints.py: {pattern} sollte genau eine Datei treffen, "
                f"gefunden: {names}. Hat ein Update von Material das Skript umbenannt, oder "
                "liegt ein altes Skript in der Website?"
            )
        try:
            mark_for_eager_compile(found[0])
        except CompileHintError as error:
            raise PluginError(str(error)) from None
