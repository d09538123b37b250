"""The two Jinja2 environments: Markdown pages and HTML fragments, each set up once.

Templates only lay out what the views (``content_model.views``) have prepared; nothing here
knows the playbook. So one environment per templates folder serves every build of the
process, and under ``mkdocs serve`` a rebuild reuses the compiled templates (Jinja2 compiles
a template again when its file has changed).

Markdown templates escape every plain string they print for Markdown (``finalize`` plus
autoescape), so a template author cannot forget it; prose the views rendered, and the few
filters below that write markup on purpose, are ``Markup``. HTML fragments (calculator and
template forms, workshop cards, redirect pages) are escaped for HTML only.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from content_model.contract import CONTRACT
from content_model.markdown_text import escape_inline, escape_title


def _finalize(value: object) -> object:
    """Escape every plain string printed by a template for Markdown."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(escape_inline(value))


def german_date(iso: str) -> str:
    """An ISO date as Germans write it: ``2026-03-04`` -> ``04.03.2026``."""
    return dt.date.fromisoformat(iso).strftime("%d.%m.%Y")


def anchor(identifier: str) -> Markup:
    """A heading's explicit id (attr_list), so links survive renamed headings."""
    return Markup(f"{{#{identifier}}}")


def inline_anchor(identifier: str) -> Markup:
    """An id on the preceding inline element (attr_list)."""
    return Markup(f"{{: #{identifier} }}")


def placeholder(name: str) -> Markup:
    """A template's placeholder as code: ``{name}``."""
    return Markup(f"`{{{name}}}`")


def fenced(text: str) -> Markup:
    """A literal code block whose fence is longer than any tilde run inside the text."""
    longest = max((len(run) for run in re.findall(r"~+", text)), default=0)
    fence = "~" * max(3, longest + 1)
    return Markup(f"{fence} text\n{text.rstrip()}\n{fence}")


#: Formatting only: none of them knows the playbook or the page.
MARKDOWN_FILTERS = {
    "anchor": anchor,
    "inline_anchor": inline_anchor,
    "placeholder": placeholder,
    "fenced": fenced,
    "german_date": german_date,
    "title": escape_title,
}


def _environment(templates: Path, **options: Any) -> Environment:
    """Strict, autoescaping Jinja2 with block-friendly whitespace, the contract as a global."""
    environment = Environment(
        loader=FileSystemLoader(templates),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )
    environment.globals["contract"] = CONTRACT
    return environment


@cache
def markdown_environment(templates: Path) -> Environment:
    """Jinja2 for the Markdown pages under ``templates``, once per process."""
    environment = _environment(templates, finalize=_finalize, keep_trailing_newline=True)
    environment.filters.update(MARKDOWN_FILTERS)
    return environment


@cache
def html_environment(templates: Path) -> Environment:
    """Jinja2 for HTML fragments and documents: escaped for HTML only, never Markdown."""
    return _environment(templates)


def forget_compiled_templates() -> None:
    """Drop both environments, so the next build compiles every template again (benchmarks)."""
    markdown_environment.cache_clear()
    html_environment.cache_clear()
