"""The workshop page: every chapter, step and calculator preset with its link and a QR code.

Trainers put single chapters and steps on slides and handouts. The page is generated from
the content like every other page, so a new step appears here without anyone editing it. QR
codes are drawn at build time by segno as inline SVG: no online QR service ever sees which
pages a team trains with, and the page works offline and in print.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import segno
from markupsafe import Markup

from calculators.rules import Rules
from content_model.loader import Playbook
from content_model.pages import chapter_uri, page_url, relative_url
from content_model.schema import Chapter, Part

#: Medium error correction survives a projector's glare and a crumpled handout.
QR_ERROR_LEVEL = "m"
#: A fixed mask pattern: choosing the best of eight costs four times as long per code (the
#: workshop page has dozens) and gains nothing a phone camera notices; it also keeps every
#: build's SVG identical.
QR_MASK = 0


@dataclass(frozen=True)
class WorkshopLink:
    """One address a trainer can hand out: what it is, where it leads (from the site root)."""

    kind: str
    title: str
    url: str


@dataclass(frozen=True)
class WorkshopCard:
    """A link as the page shows it: relative for clicks, absolute for its QR code.

    Without a ``site_url`` there is no full address, so neither address nor QR code.
    """

    link: WorkshopLink
    href: str
    address: str | None
    qr_code: Markup | None


@dataclass(frozen=True)
class WorkshopChapter:
    """A chapter with the links to it, its steps and its calculator presets."""

    chapter: Chapter
    links: list[WorkshopLink]


@dataclass(frozen=True)
class WorkshopPart:
    """A part of the playbook and its chapters, in reading order."""

    part: Part
    chapters: list[WorkshopChapter]


def chapter_links(chapter: Chapter, rules: Rules) -> list[WorkshopLink]:
    """The chapter itself, then what each block offers (``workshop_stops``) in reading order."""
    address = page_url(chapter_uri(chapter.part, chapter.id))
    links = [WorkshopLink("Kapitel", chapter.title, address)]
    for section in chapter.sections:
        for block in section.blocks:
            links.extend(
                WorkshopLink(stop.kind, stop.title, f"{address}#{stop.fragment}")
                for stop in block.workshop_stops(rules)
            )
    return links


def workshop_parts(playbook: Playbook) -> list[WorkshopPart]:
    """Every part with its chapters and their links, as the workshop page lists them."""
    return [
        WorkshopPart(
            part,
            [
                WorkshopChapter(chapter, chapter_links(chapter, playbook.rules))
                for chapter in playbook.chapters_of(part)
            ],
        )
        for part in playbook.parts
    ]


#: The site map's id of the role-play page, which the workshop page links scenario by scenario.
ROLE_PLAYS_PAGE = "rollenspiele"


def role_play_links(playbook: Playbook) -> list[WorkshopLink]:
    """Each role-play scenario: its link opens the scenario's cards on the role-play page."""
    if playbook.role_plays is None:
        return []
    return [
        WorkshopLink(
            "Rollenspiel",
            scenario.title,
            page_url(playbook.targets[f"{ROLE_PLAYS_PAGE}#{scenario.id}"].uri),
        )
        for scenario in playbook.role_plays.scenarios
    ]


def absolute_url(site_url: str, url: str) -> str:
    """The full address of a page for a QR code: a phone camera cannot follow a relative one."""
    return f"{site_url.rstrip('/')}/{url}"


def workshop_card(link: WorkshopLink, page_url_here: str, site_url: str | None) -> WorkshopCard:
    """``link`` as a card on the page published at ``page_url_here``, QR code drawn."""
    address = absolute_url(site_url, link.url) if site_url else None
    return WorkshopCard(
        link,
        relative_url(page_url_here, link.url),
        address,
        qr_svg(address) if address else None,
    )


#: The quiet zone around a code, in modules, as the QR standard asks for.
QR_BORDER = 4
#: A run of dark modules in one row of segno's matrix (0 is light).
_DARK_RUN = re.compile(rb"[^\x00]+")


def qr_path(matrix: Sequence[bytes | bytearray], border: int = QR_BORDER) -> str:
    """SVG path data drawing every dark module of ``matrix`` as part of a horizontal line.

    Each run of dark modules in a row is one stroke of width 1 through the middle of that
    row, reached by a relative move from where the last one ended. Drawn this way instead of
    by segno's general SVG writer (colours, scales, units), the drawing takes half the time
    (a whole code about a fifth less), and the workshop page draws one per chapter, step and
    preset on every build.
    """
    parts: list[str] = []
    pen_x, pen_y = 0, 0
    for y, row in enumerate(matrix):
        for run in _DARK_RUN.finditer(bytes(row)):
            x = run.start() + border
            if parts:
                parts.append(f"m{x - pen_x} {y + border - pen_y}")
            else:
                parts.append(f"M{x} {y + border}.5")
            length = run.end() - run.start()
            parts.append(f"h{length}")
            pen_x, pen_y = x + length, y + border
    return "".join(parts)


def qr_code(address: str) -> segno.QRCode:
    """``address`` encoded as bytes at exactly the chosen error level and mask.

    Fixing all three skips segno's search for a better mode, level or mask.
    """
    return segno.make_qr(
        address, error=QR_ERROR_LEVEL, mask=QR_MASK, mode="byte", boost_error=False
    )


@lru_cache(maxsize=4096)
def qr_svg(address: str) -> Markup:
    """A QR code of ``address`` as inline SVG that scales with its box.

    It is hidden from screen readers: the address is printed as text right beside it. Codes
    are kept for the life of the process, so a rebuild under ``mkdocs serve`` after an edit
    only draws the codes of new addresses.
    """
    code = qr_code(address)
    size = code.symbol_size(scale=1, border=QR_BORDER)[0]
    return Markup(
        f'<svg aria-hidden="true" focusable="false" viewBox="0 0 {size} {size}" '
        f'class="kx-qr-code"><path stroke="#000" d="{qr_path(code.matrix)}"/></svg>'
    )
