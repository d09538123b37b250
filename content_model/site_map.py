"""Which pages the site has, with their titles, addresses, templates and navigation places.

Chapters and parts come from the content; the other generated pages are listed in
``SPECIAL_PAGES``. Everything that names a page reads it from here: references such as
``[[glossar]]`` (the loader's targets), the page list the build renders, ``mkdocs.yml``'s
navigation and each page's heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from content_model.pages import chapter_uri, part_uri
from content_model.schema import Chapter, Part

#: Where a special page sits in the navigation: before the parts, or in the toolbox after them.
Placement = Literal["before_parts", "toolbox"]

#: The start page, first in the navigation; its heading names the playbook.
START_TITLE = "Start"
START_URI = "index.md"
START_HEADING = "Klartext – das Vertriebs-Playbook"
#: The navigation group after the parts.
TOOLBOX_TITLE = "Werkzeugkasten"


@dataclass(frozen=True)
class SitePage:
    """One generated page.

    ``id`` is how content refers to it (``[[glossar]]``) and ``title`` its heading, its
    navigation entry and the default text of links to it.
    """

    id: str
    title: str
    uri: str
    template: str
    kind: Literal["special", "part", "chapter"] = "special"
    placement: Placement = "toolbox"
    #: The navigation entry, where it is shorter than the heading (the start page).
    menu: str | None = None

    @property
    def menu_title(self) -> str:
        """What the navigation calls the page."""
        return self.menu or self.title


#: The generated pages besides parts and chapters, in navigation order.
SPECIAL_PAGES: tuple[SitePage, ...] = (
    SitePage(
        "start",
        START_HEADING,
        START_URI,
        "pages/start.md.j2",
        placement="before_parts",
        menu=START_TITLE,
    ),
    SitePage(
        "einstieg", "Einstieg", "einstieg.md", "pages/onboarding.md.j2", placement="before_parts"
    ),
    SitePage("checklisten", "Alle Checklisten", "checklisten.md", "pages/checklists.md.j2"),
    SitePage("einwaende", "Einwände", "einwaende.md", "pages/objections.md.j2"),
    SitePage("vorlagen", "Alle Vorlagen", "vorlagen.md", "pages/text_templates.md.j2"),
    SitePage("rechner", "Alle Rechner", "rechner.md", "pages/calculators.md.j2"),
    SitePage("glossar", "Glossar", "glossar.md", "pages/glossary.md.j2"),
    SitePage("workshop", "Workshop-Links", "workshop.md", "pages/workshop.md.j2"),
    SitePage("rollenspiele", "Rollenspiele", "rollenspiele.md", "pages/role_plays.md.j2"),
    SitePage("fuer-trainer", "Für Trainer", "fuer-trainer.md", "pages/trainer.md.j2"),
    SitePage(
        "gespraech-auf-einen-blick",
        "Heikles Gespräch auf einen Blick",
        "gespraech-auf-einen-blick.md",
        "at_a_glance/card.md.j2",
    ),
    SitePage(
        "ausstieg-auf-einen-blick",
        "Ausstieg auf einen Blick",
        "ausstieg-auf-einen-blick.md",
        "at_a_glance/card.md.j2",
    ),
)

#: Special pages by id.
SPECIAL_PAGE_BY_ID: dict[str, SitePage] = {page.id: page for page in SPECIAL_PAGES}


def part_page(part: Part) -> SitePage:
    """A part's overview page."""
    return SitePage(part.id, part.title, part_uri(part.id), "pages/part.md.j2", kind="part")


def chapter_page(chapter: Chapter) -> SitePage:
    """A chapter's page, under its part."""
    return SitePage(
        chapter.id,
        chapter.title,
        chapter_uri(chapter.part, chapter.id),
        "pages/chapter.md.j2",
        kind="chapter",
    )


def site_pages(parts: Sequence[Part], chapters: Sequence[Chapter]) -> list[SitePage]:
    """Every generated page in navigation order: ``parts`` and ``chapters`` in reading order."""
    pages = [page for page in SPECIAL_PAGES if page.placement == "before_parts"]
    for part in parts:
        pages.append(part_page(part))
        pages.extend(chapter_page(chapter) for chapter in chapters if chapter.part == part.id)
    pages.extend(page for page in SPECIAL_PAGES if page.placement == "toolbox")
    return pages


def navigation(pages: Sequence[SitePage]) -> list[Any]:
    """``mkdocs.yml``'s ``nav`` for ``pages`` (as ``site_pages`` lists them).

    A part's overview is its section's index page, so it carries no title of its own.
    """
    nav: list[Any] = []
    toolbox: list[Any] = []
    part_entries: list[Any] = []
    for page in pages:
        if page.kind == "part":
            part_entries = [page.uri]
            nav.append({page.title: part_entries})
        elif page.kind == "chapter":
            part_entries.append({page.title: page.uri})
        elif page.placement == "toolbox":
            toolbox.append({page.title: page.uri})
        else:
            nav.append({page.menu_title: page.uri})
    nav.append({TOOLBOX_TITLE: toolbox})
    return nav
