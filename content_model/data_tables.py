"""Markdown's tables leave the build wrapped the way Material's script would wrap them.

Material's script looks for every table without a class attribute when a page starts and
moves it into two wrapping ``div`` elements (a box that scrolls sideways). Moving a table
that is already drawn makes the browser build its cells' layout again: on a chapter with a
few tables that was a fifth of the long task in which Material starts, on a phone. Here the
build writes the same wrappers around each table and gives the table a class
(``DATA_TABLE_CLASS``), so the script finds nothing to move. Material draws only tables
without a class, so ``docs/assets/klartext/data-tables/data-tables.css`` gives the marked
tables Material's look.

Plain functions of a string, like the page's other finishing steps.
"""

from __future__ import annotations

import re

#: The class of a Markdown table the build has wrapped (also in data-tables.css).
DATA_TABLE_CLASS = "kx-data-table"

#: A table as Python-Markdown writes it: no attributes. Tables never nest in Markdown.
PLAIN_TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.DOTALL)


def wrapped(html: str) -> str:
    """``html`` with each plain table marked and inside Material's two wrappers."""
    return PLAIN_TABLE.sub(
        lambda match: (
            '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            f'<table class="{DATA_TABLE_CLASS}">{match.group("body")}</table></div></div>'
        ),
        html,
    )
