"""Commitment tracker (A10): are the agreed measures kept, and what follows from it.

After the conversation every measure has a named owner and a date. Within
``commitment.within_days`` more than ``commitment.kept_share`` percent of the measures due
must be kept on time; otherwise the exit runs as planned (option C). A 15-minute review
``commitment.review_after_weeks`` after the agreement checks the course; the weekly KPIs are the
on-time rate, the punctuality of approvals and the count of short-notice changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from calculators.calculator import Calculator, Example, Templates
from calculators.fields import Field, Value, as_date, as_rows
from calculators.german_numbers import format_date, format_percent, line_numbers, plural
from calculators.problems import FieldError
from calculators.result import Result, Table, Tone
from calculators.rule_words import NBSP, amount, counted, percent
from calculators.rules import Rules

HUNDRED = Decimal(100)
#: Owners that name nobody: "we'll take care of it" is not an owner.
NOBODY = {
    "wir",
    "team",
    "alle",
    "wir alle",
    "das team",
    "jemand",
    "offen",
    "tbd",
    "?",
    "kunde",
    "der kunde",
    "vertrieb",
    "der vertrieb",
}

STATES = (
    ("ja", "eingehalten"),
    ("spät", "verspätet erledigt"),
    ("nein", "nicht erledigt"),
    ("offen", "noch nicht fällig"),
)

COLUMNS: tuple[Field, ...] = (
    Field(name="massnahme", label="Maßnahme", kind="text", fact="A10"),
    Field(name="verantwortlich", label="Verantwortlich", kind="text", fact="A10"),
    Field(name="faellig", label="Fällig am", kind="date", fact="A10"),
    Field(name="stand", label="Stand", kind="choice", choices=STATES, fact="A10"),
)

INPUTS: tuple[Field, ...] = (
    Field(
        name="vereinbart_am",
        label="Vereinbart am",
        kind="date",
        default="17.03.2026",
        help="Tag des Gesprächs, in dem die Maßnahmen vereinbart wurden.",
        fact="A10",
    ),
    Field(name="heute", label="Heute", kind="date", default="31.03.2026", fact="A10"),
    Field(
        name="massnahmen",
        label="Maßnahmen",
        kind="lines",
        help="Eine Zeile pro Maßnahme. Stand: ja (eingehalten), spät, nein oder offen. "
        "Jede Maßnahme braucht eine Person, nicht „wir“. Als Text setzen Sie eine Angabe, "
        "die ein Semikolon enthält, in Anführungszeichen.",
        row=COLUMNS,
        default=(
            "Prioritätenliste nach MoSCoW vorlegen; J. Krüger; 19.03.2026; ja\n"
            "Angepassten Zeitplan senden; L. Hoffmann; 20.03.2026; ja\n"
            "Zwei feste Freigabetermine pro Woche eintragen; M. Yilmaz; 24.03.2026; ja\n"
            "Testdaten für die Zahlungsschnittstelle liefern; M. Yilmaz; 24.03.2026; spät\n"
            "RACI-Matrix mit zwei Entscheidern bestätigen; J. Krüger; 27.03.2026; ja"
        ),
        fact="A10",
    ),
    Field(
        name="freigaben_gesamt",
        label="Freigaben angefragt (diese Woche)",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(500),
        required=False,
        fact="A10",
    ),
    Field(
        name="freigaben_puenktlich",
        label="Davon im Freigabefenster erteilt",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(500),
        required=False,
        fact="A10",
    ),
    Field(
        name="kurzfristige_aenderungen",
        label="Kurzfristige Anforderungsänderungen (diese Woche)",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(500),
        required=False,
        fact="A10",
    ),
)


def kept_share(kept: int, due: int) -> Decimal:
    """Share of due measures kept on time, in percent (one decimal)."""
    return (Decimal(kept) / Decimal(due) * HUNDRED).quantize(Decimal("0.1"))


def compute(values: Mapping[str, Value], _templates: Templates, rules: Rules) -> Result:
    """Kept share against the bar, the review and decision dates and the weekly KPIs."""
    kept_above = Decimal(rules.commitment.kept_share)
    within_days = rules.commitment.within_days
    agreed, today = as_date(values["vereinbart_am"]), as_date(values["heute"])
    rows = as_rows(values["massnahmen"])
    if today < agreed:
        raise FieldError("heute", "„Heute“ liegt vor dem Tag der Vereinbarung.")
    nobody = [str(row["_line"]) for row in rows if str(row["verantwortlich"]).casefold() in NOBODY]
    if nobody:
        raise FieldError(
            "massnahmen",
            f"{line_numbers(nobody)}: Bitte benennen Sie eine Person – „wir kümmern uns“ ist "
            "keine Zuständigkeit.",
        )
    review = agreed + dt.timedelta(weeks=rules.commitment.review_after_weeks)
    decision = agreed + dt.timedelta(days=within_days)
    # Settled measures due before the decision count; "offen" means "not yet due".
    due = [row for row in rows if row["stand"] != "offen" and as_date(row["faellig"]) <= decision]
    overdue_open = [
        row for row in rows if row["stand"] == "offen" and as_date(row["faellig"]) < today
    ]
    if overdue_open:
        lines = line_numbers([str(row["_line"]) for row in overdue_open])
        raise FieldError(
            "massnahmen",
            f"{lines}: Die Fälligkeit ist vorbei – bitte tragen Sie als Stand ja, spät oder nein "
            "ein.",
        )
    kept = sum(1 for row in due if row["stand"] == "ja")
    explanation = [
        f"Zwischen-Review (15{NBSP}Minuten): {format_date(review)}; Entscheidung nach "
        f"{plural(within_days, 'Tag', 'Tagen')}: {format_date(decision)}."
    ]
    what_if: list[str] = []
    verdict: str
    tone: Tone
    if not due:
        verdict, tone, status = "Noch keine Maßnahme fällig", "neutral", "offen"
        share = Decimal(0)
    else:
        share = kept_share(kept, len(due))
        passed = share > kept_above
        explanation.append(
            f"{kept} von {plural(len(due), 'fälligen Maßnahme', 'fälligen Maßnahmen')} "
            f"eingehalten: {format_percent(share)} "
            f"({'über' if passed else 'nicht über'} {format_percent(kept_above, 0)})."
        )
        needed = _kept_needed(len(due), kept_above)
        if today >= decision:
            if passed:
                verdict, tone, status = "Vereinbarung trägt: weiterführen", "good", "weiter"
            else:
                verdict, tone, status = "Ausstieg nach Plan (Option C)", "bad", "ausstieg"
        elif passed:
            verdict, tone, status = "Auf Kurs", "good", "auf-kurs"
        else:
            verdict, tone, status = "Gefährdet: Quote unter der Schwelle", "warn", "gefaehrdet"
        if not passed:
            what_if.append(
                f"{needed} von {len(due)} eingehalten (über {format_percent(kept_above, 0)}) → "
                "die Vereinbarung trägt."
            )
    kpis = weekly_kpis(values, format_percent(share) if due else "–")
    explanation.append("Wochen-KPIs: " + "; ".join(f"{name} {value}" for name, value in kpis) + ".")
    table = Table(
        ("Maßnahme", "Verantwortlich", "Fällig", "Stand"),
        tuple(
            (
                str(row["massnahme"]),
                str(row["verantwortlich"]),
                format_date(as_date(row["faellig"])),
                dict(STATES)[str(row["stand"])],
            )
            for row in rows
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
            "quote": str(share),
            "review": review.isoformat(),
            "entscheidung": decision.isoformat(),
        },
        fills={
            "datum": format_date(agreed),
            "review_termin": format_date(review),
            "massnahmen": "\n".join(
                f"- {row['massnahme']} ({row['verantwortlich']}, "
                f"bis {format_date(as_date(row['faellig']))})"
                for row in rows
            ),
        },
    )


def weekly_kpis(values: Mapping[str, Value], on_time_rate: str) -> list[tuple[str, str]]:
    """The two or three weekly KPIs that were given: on-time rate, approvals, changes."""
    kpis = [("Termintreue", on_time_rate)]
    total, on_time = values["freigaben_gesamt"], values["freigaben_puenktlich"]
    if isinstance(total, int) and isinstance(on_time, int):
        if on_time > total:
            raise FieldError("freigaben_puenktlich", "Mehr pünktliche als angefragte Freigaben.")
        share = format_percent(kept_share(on_time, total)) if total else "–"
        kpis.append(("Pünktlichkeit der Freigaben", share))
    changes = values["kurzfristige_aenderungen"]
    if isinstance(changes, int):
        kpis.append(("Kurzfristige Anforderungsänderungen", str(changes)))
    return kpis


def _kept_needed(due: int, kept_above: Decimal) -> int:
    """Smallest count of kept measures whose share is above the bar.

    With a bar of 100 % no count is above it: then all of them are needed.
    """
    return next((kept for kept in range(due + 1) if kept_share(kept, due) > kept_above), due)


def _days(rules: Rules) -> str:
    return amount(rules.commitment.within_days, "Tag", "Tagen")


def summary(rules: Rules) -> str:
    """The one-line summary above the form."""
    return f"Zeigt, ob die vereinbarten Maßnahmen halten und was daraus nach {_days(rules)} folgt."


def formula(rules: Rules) -> str:
    """The rule in one paragraph, with the team's figures."""
    weeks = counted(rules.commitment.review_after_weeks, "Woche", "Wochen", article="einer")
    return (
        f"Quote = eingehaltene ÷ fällige Maßnahmen. Über {percent(rules.commitment.kept_share)} "
        f"innerhalb von {_days(rules)}: weiterführen; sonst Ausstieg nach Plan (Option{NBSP}C). "
        f"Review nach {weeks}."
    )


CALCULATOR = Calculator(
    id="commitment-tracker",
    title="Verbindlichkeits-Tracker",
    summary=summary,
    facts=("A10",),
    formula=formula,
    inputs=INPUTS,
    compute=compute,
    examples=(
        Example(
            "Hansen Großhandel nach Option A: fünf Maßnahmen, eine verspätet",
            {field.name: field.default for field in INPUTS},
        ),
    ),
)
