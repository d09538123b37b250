"""Pages that keep old addresses working, from ``content/redirects.yml``.

Printed handouts and QR codes outlive chapter names. A static host cannot be told about
redirects in a portable way, so each old address gets a small HTML page that forwards with
``<meta http-equiv="refresh">`` and shows a plain link for a browser that does not follow it;
a small script file (inline code is forbidden by the Content-Security-Policy; its address is
the contract's) keeps the ``#step`` of an old deep link, which a refresh alone would drop. The
target is a reference like any other in the content, so a redirect to a chapter that no
longer exists fails the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from content_model.contract import CONTRACT
from content_model.loader import Playbook
from content_model.pages import page_url, relative_url
from content_model.templating import html_environment

PAGE_TEMPLATE = "redirects/page.html.j2"


@dataclass(frozen=True)
class RedirectPage:
    """The HTML written at an old address (``dest_uri`` relative to the site folder)."""

    old: str
    dest_uri: str
    html: str


def redirect_pages(playbook: Playbook, templates: Path) -> list[RedirectPage]:
    """One forwarding page per declared redirect."""
    template = html_environment(templates).get_template(PAGE_TEMPLATE)
    pages = []
    for redirect in playbook.redirects:
        target = playbook.targets[redirect.ref]
        new = page_url(target.uri)
        html = template.render(
            title=target.title,
            href=relative_url(redirect.old, new),
            script=relative_url(redirect.old, CONTRACT.redirect.fragment_keeper_uri),
        )
        pages.append(RedirectPage(redirect.old, f"{redirect.old}index.html", html))
    return pages
