"""Publish the site's feature style sheets as one file (``content_model.stylesheets``).

Listed after ``team.py``, so a generated team colour sheet is already in ``extra_css`` and
stays linked after the joined one. The plan is made in ``on_config`` and read in
``on_files``; ``mkdocs serve`` rebuilds the joined sheet whenever a feature sheet changes.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from content_model.stylesheets import SITE_STYLESHEET_URI, Bundle, joined, plan

# The plan of the build that is running: set by on_config, read by on_files.
_current: dict[str, Bundle] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Link the joined sheet in place of the feature sheets."""
    listed = [str(entry) for entry in config.extra_css]
    bundle = plan(listed, Path(config.docs_dir))
    _current["bundle"] = bundle
    config.extra_css[:] = list(bundle.extra_css)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Publish the joined sheet; the feature sheets it holds are not published on their own."""
    bundle = _current["bundle"]
    if not bundle.sources:
        return files
    for uri in bundle.sources:
        source = files.get_file_from_path(uri)
        if source is not None:
            files.remove(source)
    text = joined(Path(config.docs_dir), bundle.sources)
    files.append(File.generated(config, SITE_STYLESHEET_URI, content=text))
    return files
