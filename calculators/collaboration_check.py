"""Collaboration check (A2, A6, A8): is a conversation due, and with which examples.

The trigger: three missed deadlines inside any six-week window, or decisions delayed
repeatedly (twice inside six weeks). The conversation then mirrors the three to five
strongest dated examples; strength follows how much an incident costs the project
(missed deadlines and delayed decisions first) and, among equals, how recent it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from calculators.calculator import Calculator, Example, Templates
from calculators.fields import Field, Value, as_date, as_int, as_rows
from calculators.german_numbers import format_date
from calculators.problems import FieldError
from calculators.result import Result, Table, Tone

WINDOW = dt.timedelta(weeks=6)
MISSED_DEADLINES_LIMIT = 3
DELAYED_DECISIONS_LIMIT = 2
MIN_EXAMPLES, MAX_EXAMPLES = 3, 5

#: kind -> (label, weight in the choice of examples)
KINDS: dict[str, tuple[str, int]] = {
    "termin": ("Termin verpasst", 3),
    "entscheidung": ("Entscheidung vertagt", 3),
    "freigabe": ("Freigabe fehlt", 2),
    "anforderung": ("Anforderung geändert", 2),
    "ansprechpartner": ("Ansprechpartner gewechselt", 1),
}

COLUMNS: tuple[Field, ...] = (
    Field(name="datum", label="Datum", kind="date", fact="A6"),
    Field(
        name="art",
        label="Art",
        kind="choice",
        choices=tuple((key, label) for key, (label, _) in KINDS.items()),
        fact="A2",
    ),
    Field(name="auswirkung", label="Auswirkung", kind="text", required=False, fact="A8"),
)

INPUTS: tuple[Field, ...] = (
    Field(
        name="heute",
        label="Heute",
        kind="date",
        default="20.03.2026",
        help="Stichtag der Prüfung, z. B. 20.03.2026.",
        fact="A2",
    ),
    Field(
        name="vorfaelle",
        label="Vorfälle",
        kind="lines",
        help=f"Eine Zeile pro Vorfall. Art ist eins von: {', '.join(KINDS)}.",
        row=COLUMNS,
        default=(
            "04.02.2026; freigabe; Sprintstart eine Woche später\n"
            "11.02.2026; termin; Testdaten fehlen, Abnahme verschoben\n"
            "25.02.2026; anforderung; zwei Tage Nacharbeit\n"
            "04.03.2026; termin; Schulung abgesagt\n"
            "18.03.2026; termin; Go-live gefährdet"
        ),
        fact="A6",
    ),
)


@dataclass(frozen=True)
class Incident:
    """One logged incident."""

    day: dt.date
    kind: str
    impact: str
    line: int


def first_trigger(days: Sequence[dt.date], count: int) -> dt.date | None:
    """The first date on which ``count`` events lie within one six-week window."""
    ordered = sorted(days)
    for end in range(count - 1, len(ordered)):
        if ordered[end] - ordered[end - count + 1] <= WINDOW:
            return ordered[end]
    return None


def strongest(incidents: Sequence[Incident]) -> list[Incident]:
    """The three to five examples to mirror, in date order."""
    ranked = sorted(
        incidents,
        key=lambda item: (-KINDS[item.kind][1], -bool(item.impact), -item.day.toordinal()),
    )
    chosen = ranked[:MAX_EXAMPLES]
    return sorted(chosen, key=lambda item: (item.day, item.line))


def compute(values: Mapping[str, Value], _templates: Templates) -> Result:
    """Apply the trigger rule to the log and pick the examples for the conversation."""
    today = as_date(values["heute"])
    incidents = [
        Incident(
            as_date(row["datum"]),
            str(row["art"]),
            str(row["auswirkung"] or ""),
            as_int(row["_line"]),
        )
        for row in as_rows(values["vorfaelle"])
    ]
    future = [item.line for item in incidents if item.day > today]
    if future:
        lines = ", ".join(str(line) for line in future)
        raise FieldError("vorfaelle", f"Zeile {lines}: Das Datum liegt nach „Heute“.")
    deadlines = [item.day for item in incidents if item.kind == "termin"]
    decisions = [item.day for item in incidents if item.kind == "entscheidung"]
    by_deadlines = first_trigger(deadlines, MISSED_DEADLINES_LIMIT)
    by_decisions = first_trigger(decisions, DELAYED_DECISIONS_LIMIT)
    triggers = [day for day in (by_deadlines, by_decisions) if day is not None]
    examples = strongest(incidents)
    explanation: list[str] = []
    what_if: list[str] = []
    tone: Tone
    if by_deadlines:
        explanation.append(
            f"{MISSED_DEADLINES_LIMIT} verpasste Termine innerhalb von sechs Wochen, erstmals am "
            f"{format_date(by_deadlines)}."
        )
    if by_decisions:
        explanation.append(
            f"Entscheidungen wiederholt vertagt ({DELAYED_DECISIONS_LIMIT}× innerhalb von sechs "
            f"Wochen), erstmals am {format_date(by_decisions)}."
        )
    if triggers:
        since = min(triggers)
        verdict = f"Strukturiertes Gespräch fällig seit {format_date(since)}"
        tone, status = "bad", "faellig"
        explanation.append(
            f"Je früher Sie klären, desto kürzer die Korrektur: {(today - since).days} Tage seit "
            "dem Auslöser."
        )
    else:
        recent_deadlines = [day for day in deadlines if today - day < WINDOW]
        recent_decisions = [day for day in decisions if today - day < WINDOW]
        watch = bool(recent_deadlines or recent_decisions)
        verdict = "Beobachten: Vorfälle häufen sich" if watch else "Noch kein Gespräch nötig"
        tone, status = ("warn", "beobachten") if watch else ("good", "ruhig")
        explanation.append(
            f"In den letzten sechs Wochen: {len(recent_deadlines)} verpasste Termine "
            f"(Schwelle {MISSED_DEADLINES_LIMIT}), {len(recent_decisions)} vertagte "
            f"Entscheidungen (Schwelle {DELAYED_DECISIONS_LIMIT})."
        )
        if recent_deadlines:
            missing = MISSED_DEADLINES_LIMIT - len(recent_deadlines)
            until = min(recent_deadlines) + WINDOW
            what_if.append(
                f"Noch {missing} verpasste(r) Termin(e) bis {format_date(until)} → Gespräch fällig."
            )
        if recent_decisions:
            until = min(recent_decisions) + WINDOW
            what_if.append(
                f"Noch eine vertagte Entscheidung bis {format_date(until)} → Gespräch fällig."
            )
    if len(examples) < MIN_EXAMPLES:
        explanation.append(
            f"Für das Gespräch fehlen noch Belege: {len(examples)} von mindestens {MIN_EXAMPLES} "
            "datierten Beispielen."
        )
    table = Table(
        ("Datum", "Vorfall", "Auswirkung"),
        tuple(
            (format_date(item.day), KINDS[item.kind][0], item.impact or "– Auswirkung ergänzen –")
            for item in examples
        ),
    )
    return Result(
        verdict=verdict,
        tone=tone,
        status=status,
        explanation=tuple(explanation),
        what_if=tuple(what_if),
        table=table,
        values={
            "faellig_seit": min(triggers).isoformat() if triggers else "",
            "beispiele": ",".join(str(item.line) for item in examples),
        },
    )


CALCULATOR = Calculator(
    id="collaboration-check",
    title="Zusammenarbeits-Check",
    summary="Prüft an einem datierten Vorfallprotokoll, ob ein strukturiertes Gespräch fällig ist.",
    facts=("A2", "A6", "A8"),
    formula=(
        "Fällig, sobald drei verpasste Termine in ein Sechs-Wochen-Fenster fallen (erster und "
        "letzter höchstens 42 Tage auseinander) oder zwei vertagte Entscheidungen. Für das "
        "Gespräch: die drei bis fünf stärksten Beispiele, verpasste Termine und vertagte "
        "Entscheidungen zuerst."
    ),
    inputs=INPUTS,
    compute=compute,
    examples=(
        Example(
            "Drei verpasste Termine in sechs Wochen",
            {"heute": "20.03.2026", "vorfaelle": INPUTS[1].default},
        ),
    ),
)
