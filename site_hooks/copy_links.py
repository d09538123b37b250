"""Write the copy-link control into each heading at build time (``content_model.copy_links``)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from content_model.copy_links import with_copy_controls


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's HTML with a copy control in each heading."""
    return with_copy_controls(html)
