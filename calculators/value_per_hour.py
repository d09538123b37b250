"""Value per hour (B4): which contact deserves the next hour of selling time.

value per hour = (win probability × margin) / additional hours until the decision.
Compared with the median of the active contacts (or a team median), a contact clearly
below it (under ``value.clearly_below_median`` percent of it) is paused or given up until
new facts arrive; the time-eater list names the five
contacts that eat the most hours without moving.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from calculators.calculator import Calculator, Example, Templates
from calculators.fields import Field, Row, Value, as_decimal, as_int, as_rows
from calculators.german_numbers import (
    enumerate_german,
    format_money,
    format_number,
    format_percent,
    format_quantity,
    round_money,
)
from calculators.problems import FieldError
from calculators.result import Result, Table, Tone
from calculators.rule_words import percent
from calculators.rules import Rules

HUNDRED = Decimal(100)
TIME_EATERS = 5

COLUMNS: tuple[Field, ...] = (
    Field(name="name", label="Kontakt", kind="text", fact="B4"),
    Field(
        name="wahrscheinlichkeit",
        label="Abschlusswahrscheinlichkeit",
        kind="percent",
        unit="%",
        minimum=Decimal(0),
        maximum=HUNDRED,
        fact="B4",
    ),
    Field(
        name="marge",
        label="Marge",
        kind="money",
        unit="EUR",
        minimum=Decimal(0),
        slip="order-value",
        fact="B4",
    ),
    Field(
        name="stunden",
        label="Stunden bis zur Entscheidung",
        kind="hours",
        unit="h",
        minimum=Decimal(0),
        minimum_exclusive=True,
        slip="minutes",
        fact="B4",
    ),
    Field(
        name="bewegung",
        label="Bewegung",
        kind="choice",
        choices=(("ja", "ja"), ("nein", "nein")),
        required=False,
        fact="B4",
    ),
)

INPUTS: tuple[Field, ...] = (
    Field(
        name="kontakte",
        label="Kontakte",
        kind="lines",
        help="Eine Zeile pro Kontakt, Angaben mit Semikolon getrennt. "
        "„Bewegung“ (ja/nein) ist optional und füllt die Zeitfresser-Liste.",
        row=COLUMNS,
        default="A; 30 %; 6.000; 6\nB; 15 %; 8.000; 10",
        fact="B4",
    ),
    Field(
        name="team_median",
        label="Team-Median",
        kind="money",
        unit="EUR/h",
        minimum=Decimal(0),
        minimum_exclusive=True,
        required=False,
        default="250",
        help="Lassen Sie das Feld leer, um den Median der eingegebenen Kontakte zu nehmen.",
        fact="B4",
    ),
)


@dataclass(frozen=True)
class Contact:
    """One checked line of the ``kontakte`` input."""

    name: str
    probability: Decimal
    margin: Decimal
    hours: Decimal
    moving: bool
    line: int

    @classmethod
    def from_row(cls, row: Row) -> Contact:
        """The typed contact; a missing ``bewegung`` counts as moving (it only feeds the list)."""
        return cls(
            name=str(row["name"]),
            probability=as_decimal(row["wahrscheinlichkeit"]),
            margin=as_decimal(row["marge"]),
            hours=as_decimal(row["stunden"]),
            moving=row["bewegung"] != "nein",
            line=as_int(row["_line"]),
        )


def _hours(hours: Decimal) -> str:
    """Hours with one decimal and the unit on the same line: "4,8 h"."""
    return format_quantity(format_number(hours, 1), "h")


def value_per_hour(probability_percent: Decimal, margin: Decimal, hours: Decimal) -> Decimal:
    """EUR per additional hour, rounded commercially to cents."""
    return round_money(probability_percent / HUNDRED * margin / hours)


def median(values: Sequence[Decimal]) -> Decimal:
    """The median; for an even count the mean of the two middle values."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return round_money((ordered[middle - 1] + ordered[middle]) / 2)


def clearly_below_share(rules: Rules) -> Decimal:
    """The share of the median below which a contact is clearly below it (0.8 for 80 %)."""
    return Decimal(rules.value.clearly_below_median) / HUNDRED


def recommendation(value: Decimal, reference: Decimal, share: Decimal) -> tuple[str, str]:
    """Status and German advice for one contact against the reference median."""
    if value >= reference:
        return "priorisieren", "priorisieren"
    if value < reference * share:
        return "parken", "pausieren oder aufgeben, bis es neue Fakten gibt"
    return "begrenzen", "weiterführen, Aufwand begrenzen"


def compute(values: Mapping[str, Value], _templates: Templates, rules: Rules) -> Result:
    """Value per hour per contact, the reference median and the time-eater list."""
    share = clearly_below_share(rules)
    contacts = [Contact.from_row(row) for row in as_rows(values["kontakte"])]
    names = [contact.name for contact in contacts]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise FieldError(
            "kontakte",
            f"Bitte nennen Sie jeden Kontakt nur einmal: {enumerate_german(duplicates)}.",
        )
    per_hour = [value_per_hour(c.probability, c.margin, c.hours) for c in contacts]
    team = values["team_median"]
    if isinstance(team, Decimal):
        reference, source = round_money(team), "Team-Median"
    else:
        reference, source = median(per_hour), "Median Ihrer Kontakte"
    verdicts = [recommendation(value, reference, share) for value in per_hour]
    table_rows = tuple(
        (
            contact.name,
            format_percent(contact.probability),
            format_money(contact.margin),
            _hours(contact.hours),
            format_money(value, "EUR/h"),
            advice,
        )
        for contact, value, (_, advice) in zip(contacts, per_hour, verdicts, strict=True)
    )
    prioritise = [
        name for name, (status, _) in zip(names, verdicts, strict=True) if status == "priorisieren"
    ]
    park = [name for name, (status, _) in zip(names, verdicts, strict=True) if status == "parken"]
    explanation = [
        f"{contact.name}: ({format_percent(contact.probability)} × "
        f"{format_money(contact.margin)}) ÷ {_hours(contact.hours)} = "
        f"{format_money(value, 'EUR/h')}"
        for contact, value in zip(contacts, per_hour, strict=True)
    ]
    explanation.append(
        f"Vergleichswert: {source} {format_money(reference, 'EUR/h')}; deutlich darunter heißt "
        f"unter {format_percent(share * HUNDRED, 0)} davon "
        f"({format_money(round_money(reference * share), 'EUR/h')})."
    )
    if len(contacts) == 1 and source != "Team-Median":
        explanation.append(
            "Mit nur einem Kontakt ist der Vergleich leer: Geben Sie den Team-Median an."
        )
    eaters = sorted(
        (contact for contact in contacts if not contact.moving),
        key=lambda contact: (-contact.hours, contact.line),
    )[:TIME_EATERS]
    if eaters:
        explanation.append(
            "Zeitfresser-Liste (viele Stunden, keine Bewegung): "
            + ", ".join(f"{c.name} ({_hours(c.hours)})" for c in eaters)
        )
    verdict, tone = _summary(prioritise, park)
    what_if = [
        _what_would_prioritise(contact, reference)
        for contact, (status, _) in zip(contacts, verdicts, strict=True)
        if status != "priorisieren"
    ]
    return Result(
        verdict=verdict,
        tone=tone,
        status="parken" if park else "priorisieren",
        explanation=tuple(explanation),
        what_if=tuple(what_if),
        table=Table(
            ("Kontakt", "Wahrscheinlichkeit", "Marge", "Stunden", "Wert pro Stunde", "Empfehlung"),
            table_rows,
        ),
        values={
            "median": str(reference),
            **{f"wert:{name}": str(value) for name, value in zip(names, per_hour, strict=True)},
            **{f"status:{name}": status for name, (status, _) in zip(names, verdicts, strict=True)},
            "zeitfresser": ",".join(contact.name for contact in eaters),
        },
    )


def _what_would_prioritise(contact: Contact, reference: Decimal) -> str:
    """The nearest change that lifts a contact to the reference: fewer hours or more chance."""
    name, probability, margin = contact.name, contact.probability, contact.margin
    changes = []
    if probability > 0 and margin > 0:
        hours = probability / HUNDRED * margin / reference
        changes.append(f"höchstens {_hours(hours)} bis zur Entscheidung")
    if margin > 0:
        needed = reference * contact.hours / margin * HUNDRED
        if needed <= HUNDRED:
            changes.append(f"mindestens {format_percent(needed)} Abschlusswahrscheinlichkeit")
    if not changes:
        return f"{name}: Ohne Marge bleibt der Wert bei {format_money(Decimal(0), 'EUR/h')}."
    return f"{name}: {' oder '.join(changes)} → priorisieren"


def _summary(prioritise: list[str], park: list[str]) -> tuple[str, Tone]:
    parts = []
    if prioritise:
        parts.append(f"Priorisieren: {', '.join(prioritise)}")
    if park:
        parts.append(f"Parken: {', '.join(park)}")
    if not parts:
        return "Alle knapp unter dem Vergleichswert: weiterführen, Aufwand begrenzen", "warn"
    return " · ".join(parts), "warn" if park else "good"


def formula(rules: Rules) -> str:
    """The rule in one paragraph, with the team's figure for "clearly below"."""
    return (
        "Wert pro Stunde = (Abschlusswahrscheinlichkeit × Marge) ÷ zusätzliche Stunden bis zur "
        "Entscheidung. Über dem Median: priorisieren; deutlich darunter (unter "
        f"{percent(rules.value.clearly_below_median)} davon): pausieren oder aufgeben, bis es "
        "neue Fakten gibt."
    )


CALCULATOR = Calculator(
    id="value-per-hour",
    title="Wert pro Stunde",
    summary="Vergleicht, was eine weitere Stunde Vertrieb bei jedem Kontakt wert ist.",
    facts=("B4",),
    formula=formula,
    inputs=INPUTS,
    compute=compute,
    examples=(
        Example(
            "Beispiel aus dem Kapitel",
            {"kontakte": "A; 30 %; 6.000; 6\nB; 15 %; 8.000; 10", "team_median": "250"},
        ),
    ),
)
