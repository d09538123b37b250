"""Render the validated playbook into Markdown pages through the Jinja2 templates.

Templates are Markdown, so plain strings are escaped for Markdown by default (``finalize``
plus autoescape): a template author cannot forget it. Only filters that build markup on
purpose (``text``, ``inline``, ``title``, ``link``) return ``Markup``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from calculators.registry import CALCULATORS
from calculators.template_text import compose
from content_model.calculator_embed import Embed, embed, field_kind, field_range
from content_model.loader import Playbook
from content_model.markdown_text import (
    escape_inline,
    escape_title,
    render_inline,
    render_paragraphs,
)
from content_model.pages import (
    SPECIAL_PAGE_URIS,
    chapter_uri,
    page_url,
    part_uri,
    relative_link,
    relative_url,
    target_uri,
)
from content_model.progress_keys import FILTERS as PROGRESS_FILTERS
from content_model.schema import CalculatorBlock, ChecklistBlock, TemplateBlock
from content_model.template_bytecode import TEMPLATE_BYTECODE
from content_model.template_form import template_form
from content_model.workshop import (
    WorkshopCard,
    WorkshopLink,
    absolute_url,
    qr_svg,
    workshop_parts,
)


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes and its Markdown."""

    src_uri: str
    markdown: str


def _finalize(value: object) -> object:
    """Escape every plain string printed by a template for Markdown."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(escape_inline(value))


def _german_date(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d.%m.%Y")


def _anchor(identifier: str) -> Markup:
    """A heading's explicit id (attr_list), so links survive renamed headings."""
    return Markup(f"{{#{identifier}}}")


def _inline_anchor(identifier: str) -> Markup:
    """An id on the preceding inline element (attr_list)."""
    return Markup(f"{{: #{identifier} }}")


def _placeholder(name: str) -> Markup:
    return Markup(f"`{{{name}}}`")


def _fenced(text: str) -> Markup:
    """A literal code block whose fence is longer than any tilde run inside the text."""
    longest = max((len(run) for run in re.findall(r"~+", text)), default=0)
    fence = "~" * max(3, longest + 1)
    return Markup(f"{fence} text\n{text.rstrip()}\n{fence}")


def _base_environment(templates: Path, kind: str, **options: Any) -> Environment:
    """Strict, autoescaping Jinja2 with block-friendly whitespace handling.

    ``kind`` names the set of options, so compiled templates are only reused by an
    environment set up the same way (see ``template_bytecode``).
    """
    return Environment(
        loader=FileSystemLoader(templates),
        bytecode_cache=TEMPLATE_BYTECODE.for_environment(kind),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )


def make_html_environment(templates: Path) -> Environment:
    """Jinja2 for whole HTML documents and fragments: escaped for HTML only, never Markdown."""
    return _base_environment(templates, "html")


def make_environment(
    templates: Path, playbook: Playbook, site_url: str | None = None
) -> Environment:
    """A Jinja2 environment whose filters resolve references against ``playbook``.

    ``site_url`` (``mkdocs.yml``) makes the workshop page's QR codes full addresses.
    """
    environment = _base_environment(
        templates, "markdown", finalize=_finalize, keep_trailing_newline=True
    )

    def resolver(context: Context) -> Any:
        page = str(context["page_uri"])

        def resolve(ref: str) -> tuple[str, str]:
            target = playbook.targets[ref]
            return relative_link(page, target_uri(playbook, target)), target.title

        return resolve

    @pass_context
    def text(context: Context, value: str) -> Markup:
        return render_paragraphs(value, resolver(context))

    @pass_context
    def inline(context: Context, value: str) -> Markup:
        return render_inline(value, resolver(context))

    @pass_context
    def link(context: Context, ref: str, label: str | None = None) -> Markup:
        url, title = resolver(context)(ref)
        return Markup(f"[{escape_inline(label or title)}]({url})")

    # HTML fragments (the calculator forms) are escaped for HTML only, never for Markdown.
    html_environment = make_html_environment(templates)

    def calculator_embed(block: CalculatorBlock) -> Embed:
        return embed(html_environment, playbook, block)

    def fillable(block: TemplateBlock) -> Markup:
        return template_form(html_environment, block)

    @pass_context
    def workshop_cards(context: Context, links: list[WorkshopLink]) -> Markup:
        here = page_url(str(context["page_uri"]))
        cards = [
            WorkshopCard(
                link,
                relative_url(here, link.url),
                absolute_url(site_url, link.url) if site_url else None,
            )
            for link in links
        ]
        template = html_environment.get_template("workshop/cards.html.j2")
        return Markup(template.render(cards=cards, qr_svg=qr_svg))

    @pass_context
    def href(context: Context, uri: str) -> Markup:
        return Markup(relative_link(str(context["page_uri"]), uri))

    environment.filters.update(
        text=text,
        inline=inline,
        link=link,
        href=href,
        title=escape_title,
        german_date=_german_date,
        anchor=_anchor,
        inline_anchor=_inline_anchor,
        placeholder=_placeholder,
        fenced=_fenced,
        calculator_embed=calculator_embed,
        template_form=fillable,
        workshop_cards=workshop_cards,
        template_plain=lambda block: compose(block.subject, block.body),
        field_kind=field_kind,
        field_range=field_range,
        **PROGRESS_FILTERS,
    )
    environment.globals.update(
        playbook=playbook, chapter_uri=chapter_uri, part_uri=part_uri, site_url=site_url
    )
    return environment


def _checklists(playbook: Playbook) -> list[tuple[Any, ChecklistBlock]]:
    return [
        (chapter, block)
        for chapter in playbook.chapters
        for section in chapter.sections
        for block in section.blocks
        if isinstance(block, ChecklistBlock)
    ]


def _templates(playbook: Playbook) -> list[tuple[Any, TemplateBlock]]:
    return [
        (chapter, block)
        for chapter in playbook.chapters
        for section in chapter.sections
        for block in section.blocks
        if isinstance(block, TemplateBlock)
    ]


def render_pages(playbook: Playbook, templates: Path, site_url: str | None = None) -> list[Page]:
    """Every generated page of the site, in navigation order."""
    environment = make_environment(templates, playbook, site_url)

    def render(template: str, uri: str, **context: object) -> Page:
        markdown = environment.get_template(template).render(page_uri=uri, **context)
        return Page(uri, markdown)

    pages = [render("pages/onboarding.md.j2", SPECIAL_PAGE_URIS["einstieg"])]
    for part in playbook.parts:
        chapters = playbook.chapters_of(part)
        pages.append(render("pages/part.md.j2", part_uri(part.id), part=part, chapters=chapters))
        pages.extend(
            render("pages/chapter.md.j2", chapter_uri(part.id, chapter.id), chapter=chapter, part=part)
            for chapter in chapters
        )
    pages.append(
        render("pages/checklists.md.j2", SPECIAL_PAGE_URIS["checklisten"], items=_checklists(playbook))
    )
    pages.append(
        render("pages/text_templates.md.j2", SPECIAL_PAGE_URIS["vorlagen"], items=_templates(playbook))
    )
    pages.append(render("pages/glossary.md.j2", SPECIAL_PAGE_URIS["glossar"]))
    overview = [CalculatorBlock(type="calculator", calculator=key) for key in CALCULATORS]
    pages.append(render("pages/calculators.md.j2", SPECIAL_PAGE_URIS["rechner"], blocks_list=overview))
    pages.append(
        render("pages/workshop.md.j2", SPECIAL_PAGE_URIS["workshop"], parts=workshop_parts(playbook))
    )
    return pages


def glossary_abbreviations(playbook: Playbook) -> str:
    """Markdown abbreviation definitions, so glossary terms explain themselves where they occur.

    The key is the term up to a comma or parenthesis ("LTV, Customer Lifetime Value" -> "LTV");
    the tooltip is the term's one-line ``short`` text.
    """
    lines = []
    for term in playbook.glossary:
        key = re.split(r",| \(", term.term, maxsplit=1)[0].strip()
        short = " ".join(term.short.split())
        lines.append(f"*[{key}]: {short}")
    return "\n".join(lines)


def navigation(playbook: Playbook) -> list[Any]:
    """The site navigation in reading order, for ``mkdocs.yml``'s ``nav``."""
    nav: list[Any] = [{"Start": "index.md"}, {"Einstieg": SPECIAL_PAGE_URIS["einstieg"]}]
    for part in playbook.parts:
        entries: list[Any] = [part_uri(part.id)]
        entries.extend(
            {chapter.title: chapter_uri(part.id, chapter.id)}
            for chapter in playbook.chapters_of(part)
        )
        nav.append({part.title: entries})
    nav.append(
        {
            "Werkzeugkasten": [
                {"Alle Checklisten": SPECIAL_PAGE_URIS["checklisten"]},
                {"Alle Vorlagen": SPECIAL_PAGE_URIS["vorlagen"]},
                {"Alle Rechner": SPECIAL_PAGE_URIS["rechner"]},
                {"Glossar": SPECIAL_PAGE_URIS["glossar"]},
                {"Workshop-Links": SPECIAL_PAGE_URIS["workshop"]},
            ]
        }
    )
    return nav
