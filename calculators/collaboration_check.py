"""Collaboration check (A2, A6, A8): is a conversation due, and with which examples.

The trigger: ``escalation.missed_deadlines`` missed deadlines inside any window of
``escalation.window_weeks`` (three in six weeks in the articles), or decisions delayed
repeatedly (``escalation.delayed_decisions`` times inside that window). The conversation
then mirrors the three to five strongest dated examples; strength follows how much an
incident costs the project (missed deadlines and delayed decisions first) and, among equals,
how recent it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from calculators.calculator import Calculator, Example, Templates
from calculators.fields import Field, Value, as_date, as_int, as_rows
from calculators.german_numbers import format_date, line_numbers, plural
from calculators.problems import FieldError
from calculators.result import Result, Table, Tone
from calculators.rule_words import capitalised, counted, number_word
from calculators.rules import Rules

MIN_EXAMPLES, MAX_EXAMPLES = 3, 5

#: kind -> (label, weight in the choice of examples)
KINDS: dict[str, tuple[str, int]] = {
    "termin": ("Termin verpasst", 3),
    "entscheidung": ("Entscheidung vertagt", 3),
    "freigabe": ("Freigabe fehlt", 2),
    "anforderung": ("Anforderung geändert", 2),
    "ansprechperson": ("Ansprechperson gewechselt", 1),
}

#: Earlier spellings of a kind (value or label), still accepted so saved links and pasted
#: lists keep working.
FORMER_KINDS: tuple[tuple[str, str], ...] = (
    ("ansprechpartner", "ansprechperson"),
    ("Ansprechpartner gewechselt", "ansprechperson"),
)

COLUMNS: tuple[Field, ...] = (
    Field(name="datum", label="Datum", kind="date", fact="A6"),
    Field(
        name="art",
        label="Art",
        kind="choice",
        choices=tuple((key, label) for key, (label, _) in KINDS.items()),
        aliases=FORMER_KINDS,
        fact="A2",
    ),
    Field(name="auswirkung", label="Auswirkung", kind="text", required=False, fact="A8"),
)

INPUTS: tuple[Field, ...] = (
    Field(
        name="heute",
        label="Heute",
        kind="date",
        default="17.03.2026",
        help="Stichtag der Prüfung, z.\u00a0B. 17.03.2026.",
        fact="A2",
    ),
    Field(
        name="vorfaelle",
        label="Vorfälle",
        kind="lines",
        help=f"Eine Zeile pro Vorfall. Art ist eins von: {', '.join(KINDS)}.",
        row=COLUMNS,
        default=(
            "03.02.2026; termin; Design-Team wartete drei Tage\n"
            "09.02.2026; freigabe; Sprint 3 begann eine Woche später\n"
            "24.02.2026; termin; Schnittstelle zur Warenwirtschaft neun Arbeitstage ungeklärt\n"
            "26.02.2026; anforderung; zwei Arbeitstage Nacharbeit\n"
            "02.03.2026; ansprechperson; geklärte Fragen neu besprochen\n"
            "10.03.2026; termin; Testlauf verschoben, Livegang Ende März nicht zu halten"
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


def first_trigger(days: Sequence[dt.date], count: int, window: dt.timedelta) -> dt.date | None:
    """The first date on which ``count`` events lie within one window."""
    ordered = sorted(days)
    for end in range(count - 1, len(ordered)):
        if ordered[end] - ordered[end - count + 1] <= window:
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


def _weeks(count: int) -> str:
    """The window in the dative, as "innerhalb von …" and "in den letzten …" need it."""
    return "einer Woche" if count == 1 else f"{number_word(count)} Wochen"


def compute(values: Mapping[str, Value], _templates: Templates, rules: Rules) -> Result:
    """Apply the trigger rule to the log and pick the examples for the conversation."""
    missed_limit = rules.escalation.missed_deadlines
    delayed_limit = rules.escalation.delayed_decisions
    window = dt.timedelta(weeks=rules.escalation.window_weeks)
    weeks = _weeks(rules.escalation.window_weeks)
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
        raise FieldError("vorfaelle", f"{line_numbers(future)}: Das Datum liegt nach „Heute“.")
    deadlines = [item.day for item in incidents if item.kind == "termin"]
    decisions = [item.day for item in incidents if item.kind == "entscheidung"]
    by_deadlines = first_trigger(deadlines, missed_limit, window)
    by_decisions = first_trigger(decisions, delayed_limit, window)
    triggers = [day for day in (by_deadlines, by_decisions) if day is not None]
    examples = strongest(incidents)
    explanation: list[str] = []
    what_if: list[str] = []
    tone: Tone
    if by_deadlines:
        explanation.append(
            f"{plural(missed_limit, 'verpasster Termin', 'verpasste Termine')} innerhalb von "
            f"{weeks}, erstmals am "
            f"{format_date(by_deadlines)}."
        )
    if by_decisions:
        explanation.append(
            f"Entscheidungen wiederholt vertagt ({delayed_limit}× innerhalb von {weeks}), "
            f"erstmals am {format_date(by_decisions)}."
        )
    if triggers:
        since = min(triggers)
        verdict = f"Strukturiertes Gespräch fällig seit {format_date(since)}"
        tone, status = "bad", "faellig"
        explanation.append(
            "Je früher Sie klären, desto kürzer die Korrektur: "
            f"{plural((today - since).days, 'Tag', 'Tage')} seit dem Auslöser."
        )
    else:
        recent_deadlines = [day for day in deadlines if today - day < window]
        recent_decisions = [day for day in decisions if today - day < window]
        watch = bool(recent_deadlines or recent_decisions)
        verdict = "Beobachten: Vorfälle häufen sich" if watch else "Noch kein Gespräch nötig"
        tone, status = ("warn", "beobachten") if watch else ("good", "ruhig")
        recently = (
            "In der letzten Woche"
            if rules.escalation.window_weeks == 1
            else f"In den letzten {weeks}"
        )
        explanation.append(
            f"{recently}: "
            f"{plural(len(recent_deadlines), 'verpasster Termin', 'verpasste Termine')} "
            f"(Schwelle {missed_limit}), "
            f"{plural(len(recent_decisions), 'vertagte Entscheidung', 'vertagte Entscheidungen')}"
            f" (Schwelle {delayed_limit})."
        )
        if recent_deadlines:
            missing = missed_limit - len(recent_deadlines)
            until = min(recent_deadlines) + window
            more = counted(missing, "verpasster Termin", "verpasste Termine")
            what_if.append(f"Noch {more} bis {format_date(until)} → Gespräch fällig.")
        if recent_decisions:
            until = min(recent_decisions) + window
            more = counted(
                delayed_limit - len(recent_decisions),
                "vertagte Entscheidung",
                "vertagte Entscheidungen",
                article="eine",
            )
            what_if.append(f"Noch {more} bis {format_date(until)} → Gespräch fällig.")
    if len(examples) < MIN_EXAMPLES:
        explanation.append(
            f"Für das Gespräch braucht es mindestens {MIN_EXAMPLES} datierte Beispiele; "
            f"{'vorhanden ist' if len(examples) == 1 else 'vorhanden sind'} "
            f"{plural(len(examples), 'Beispiel', 'Beispiele')}."
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


def formula(rules: Rules) -> str:
    """The rule in one paragraph, with the team's trigger."""
    escalation = rules.escalation
    missed = counted(
        escalation.missed_deadlines, "verpasster Termin", "verpasste Termine", article="ein"
    )
    delayed = counted(
        escalation.delayed_decisions,
        "vertagte Entscheidung",
        "vertagte Entscheidungen",
        article="eine",
    )
    weeks = escalation.window_weeks
    window = f"{capitalised(number_word(weeks))}-Wochen-Fenster"
    verb = "fällt" if escalation.missed_deadlines == 1 else "fallen"
    return (
        f"Fällig, sobald {missed} in ein {window} {verb} (erster und letzter höchstens "
        f"{7 * weeks} Tage auseinander) oder {delayed}. Für das Gespräch: die drei bis "
        "fünf stärksten Beispiele, verpasste Termine und vertagte Entscheidungen zuerst."
    )


CALCULATOR = Calculator(
    id="collaboration-check",
    title="Zusammenarbeits-Check",
    summary="Prüft an einer datierten Vorfallsliste, ob ein strukturiertes Gespräch fällig ist.",
    facts=("A2", "A6", "A8"),
    formula=formula,
    inputs=INPUTS,
    compute=compute,
    examples=(
        Example(
            "Hansen Großhandel: drei verpasste Termine in fünf Wochen",
            {"heute": "17.03.2026", "vorfaelle": INPUTS[1].default},
        ),
    ),
)
