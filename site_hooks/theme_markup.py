"""Repair Material's markup on every page (valid HTML, a named search dialog).

The repairs and why each is needed are ``content_model.theme_markup``; this hook applies
them to each page MkDocs writes, and to static templates such as ``404.html``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from content_model.theme_markup import MarkupChangedError, repaired


def _checked(document: str, where: str) -> str:
    """The repaired page, or a build error that names the page."""
    try:
        return repaired(document)
    except MarkupChangedError as error:
        raise PluginError(f"{where}: {error}") from None


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Repair one content page."""
    return _checked(output, page.file.src_uri)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Repair a page rendered from a static template (only HTML ones carry the theme)."""
    if not template_name.endswith(".html"):
        return output_content
    return _checked(output_content, template_name)
