"""Tabbed blocks without Material's tab component.

Why, and what changes for readers: ``content_model.tab_sets``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from content_model.tab_sets import without_tab_component


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's HTML with no tab set marked for Material's script."""
    return without_tab_component(html)
