"""The content's text templates: their ``{placeholder}`` syntax and how they are filled.

One definition for everyone: the content loader checks placeholders with it, the exit
planner fills its e-mail and CRM note with it, and the fillable templates on the pages
(through ``boundary.fill_json``) use it too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from calculators.problems import FORM, FieldError

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def placeholders(text: str) -> list[str]:
    """Placeholder names in order of first use."""
    names: list[str] = []
    for name in PLACEHOLDER.findall(text):
        if name not in names:
            names.append(name)
    return names


def fill(text: str, values: Mapping[str, str], *, keep_missing: bool = False) -> str:
    """Replace every ``{name}`` with its value.

    A name without a value is a content error for a calculator (its wording and its inputs
    must match); a person filling a template by hand just keeps the placeholder visible,
    with ``keep_missing``, so the copied text shows what is still open.
    """

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values.get(name, "")
        if value.strip():
            return value
        if keep_missing:
            return match.group(0)
        raise FieldError(FORM, f"Die Vorlage nutzt den unbekannten Platzhalter {{{name}}}.")

    return PLACEHOLDER.sub(replace, text)


def compose(subject: str | None, body: str) -> str:
    """The whole text as it is copied: a subject line first, if the template has one."""
    text = f"Betreff: {subject}\n\n{body}" if subject else body
    return text.strip()


def fill_template(
    template: Mapping[str, str], values: Mapping[str, str], *, keep_missing: bool = False
) -> str:
    """A content template (``subject``, ``body``) filled and composed."""
    subject = template.get("subject")
    return compose(
        fill(subject, values, keep_missing=keep_missing) if subject else None,
        fill(template.get("body", ""), values, keep_missing=keep_missing),
    )
