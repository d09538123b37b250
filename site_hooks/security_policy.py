"""Give every built page a Content-Security-Policy that allows nothing but its own origin.

The policy itself is ``content_model.security_policy``; this hook puts it into each page
MkDocs writes. Under ``mkdocs serve`` no policy is added: the live-reload script MkDocs
injects while serving would be blocked by it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from content_model.security_policy import with_policy
from site_hooks.build_state import serving


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Add the page's policy to its HTML."""
    return output if serving() else with_policy(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages rendered from static templates, such as 404.html."""
    if serving() or not template_name.endswith(".html"):
        return output_content
    return with_policy(output_content)
