"""What a calculator answers: a verdict with its reasons, as plain data for JSON.

The result is data only. Its HTML is written by ``calculators.result_html`` and added to the
answer at the JSON boundary (``calculators.boundary``), so this module imports no view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Tone = Literal["good", "warn", "bad", "neutral"]

#: A tone in words, shown next to its colour wherever a verdict is condensed (the verdict bar
#: on a phone), so the colour is never the only carrier of the meaning (WCAG 1.4.1).
TONE_WORDS: dict[Tone, str] = {
    "good": "günstig",
    "warn": "Vorsicht",
    "bad": "kritisch",
    "neutral": "Hinweis",
}


@dataclass(frozen=True)
class Table:
    """A small table shown below the verdict (e.g. each dimension's points)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Document:
    """A filled text, e.g. the exit e-mail, ready to copy."""

    title: str
    text: str


@dataclass(frozen=True)
class Result:
    """A verdict and everything needed to understand and act on it.

    ``explanation`` names the rule that fired and why; ``what_if`` names the nearest change
    that would move the verdict; ``values`` carries the raw figures (exact strings) for
    tests and for other parts of the page; ``fills`` offers ready-worded values to the
    fillable templates on the same page, keyed by their placeholder names.
    """

    verdict: str
    tone: Tone
    status: str
    explanation: tuple[str, ...] = ()
    what_if: tuple[str, ...] = ()
    table: Table | None = None
    documents: tuple[Document, ...] = ()
    values: dict[str, str] = field(default_factory=dict)
    fills: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    """Hints on likely slips the computation found, keyed by field (a computed follow-up on
    a day off); ``calculators.boundary`` sends them with the fields' own hints."""
    summary: str = ""
    """The deciding figure in a few words ("65 von 100 Punkten"), for the verdict bar."""

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready data; ``calculators.boundary`` adds the result's ``html``."""
        return {
            "verdict": self.verdict,
            "tone": self.tone,
            "status": self.status,
            "explanation": list(self.explanation),
            "what_if": list(self.what_if),
            "table": None
            if self.table is None
            else {"columns": list(self.table.columns), "rows": [list(r) for r in self.table.rows]},
            "documents": [{"title": d.title, "text": d.text} for d in self.documents],
            "values": dict(self.values),
            "fills": dict(self.fills),
            "summary": self.summary,
            "tone_label": TONE_WORDS[self.tone],
        }
