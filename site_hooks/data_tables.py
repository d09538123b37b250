"""Wrap each Markdown table at build time as Material's script would.

The wrapping and why: ``content_model.data_tables``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from content_model.data_tables import wrapped


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's HTML with its tables wrapped and marked."""
    return wrapped(html)
