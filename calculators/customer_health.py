"""Customer health traffic light (B5): green, yellow or red, and what each colour asks of you.

Red signals (escalations, overdue payments, no visible benefit) weigh more than yellow ones
(frequent changes, delays, rare use, late payment). Red starts a short remediation phase
(``remediation.weeks``, six to eight weeks in the articles) with two or three measurable goals
and ``remediation.reviews_before_exit`` review dates; if that many reviews bring no
noticeable improvement, the orderly exit with a handover plan follows. Nobody
terminates in anger: the calculator never jumps from green to exit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from calculators.calculator import Calculator, Example, RuledField, Templates, bind_inputs
from calculators.fields import Field, Value, as_date, as_int
from calculators.german_numbers import format_date, format_percent, plural
from calculators.result import Result, Table, Tone
from calculators.rule_words import counted, ordinal, span
from calculators.rules import Rules

YELLOW_MEASURES = (
    "Fester Jour fixe mit Agenda",
    "To-dos immer mit Verantwortlichem und Datum",
    "Kleine Paketkorrektur prüfen (Umfang oder Preis)",
    "Nach jedem Termin eine schriftliche Zusammenfassung",
)
GREEN_MEASURES = ("Weiter so: Nutzen sichtbar halten, z.\u00a0B. im Quartalsgespräch",)
HANDOVER_PLAN = (
    "Ende geordnet ankündigen, mit Datum",
    "Übergabe an Partner oder Selbstbedienungswege beschreiben",
    "Datenexport bereitstellen",
)


def _changes_field(rules: Rules) -> Field:
    frequent = rules.remediation.frequent_changes_per_month
    return Field(
        name="aenderungen",
        label="Änderungswünsche pro Monat",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(100),
        default="1",
        help=f"Ab {frequent} pro Monat gelten sie als häufig.",
        fact="B5",
    )


def _weeks_field(rules: Rules) -> Field:
    shortest, longest = rules.remediation.weeks
    return Field(
        name="sanierung_wochen",
        label="Dauer einer Sanierungsphase",
        kind="integer",
        unit="Wochen",
        minimum=Decimal(shortest),
        maximum=Decimal(longest),
        default=str(longest),
        help=f"Laut Playbook {span(shortest, longest, 'Wochen')}.",
        fact="B5",
    )


INPUTS: tuple[Field | RuledField, ...] = (
    Field(
        name="nutzung",
        label="Nutzung der Leistung",
        kind="choice",
        choices=(
            ("regelmaessig", "regelmäßig"),
            ("selten", "selten"),
            ("kaum", "kaum oder gar nicht"),
        ),
        default="regelmaessig",
        fact="B5",
    ),
    Field(
        name="zahlung",
        label="Zahlungsverhalten",
        kind="choice",
        choices=(("puenktlich", "pünktlich"), ("verspaetet", "verspätet, aber bezahlt")),
        default="puenktlich",
        fact="B5",
    ),
    Field(
        name="offene_posten",
        label="Überfällige offene Posten",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(100),
        default="0",
        help="Anzahl der Rechnungen, die über dem Zahlungsziel offen sind.",
        fact="B5",
    ),
    RuledField("aenderungen", _changes_field),
    Field(
        name="verzoegerungen",
        label="Verzögerungen durch den Kunden (letzte 3\u00a0Monate)",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(100),
        default="0",
        fact="B5",
    ),
    Field(
        name="eskalationen",
        label="Eskalationen (letzte 3\u00a0Monate)",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(100),
        default="0",
        fact="B5",
    ),
    Field(
        name="nutzen",
        label="Sichtbarer Nutzen für den Kunden",
        kind="choice",
        choices=(("ja", "ja, belegt"), ("teilweise", "teilweise"), ("nein", "nicht erkennbar")),
        default="ja",
        fact="B5",
    ),
    Field(
        name="heute",
        label="Heute",
        kind="date",
        default="02.03.2026",
        help="Startdatum, falls eine Sanierungsphase nötig ist.",
        fact="B5",
    ),
    RuledField("sanierung_wochen", _weeks_field),
    Field(
        name="reviews_ohne_besserung",
        label="Review-Termine ohne spürbare Besserung",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(10),
        default="0",
        help="Füllen Sie das Feld nur aus, wenn bereits eine Sanierungsphase läuft.",
        fact="B5",
    ),
)


def signals(values: Mapping[str, Value], rules: Rules) -> tuple[list[str], list[str]]:
    """The red and the yellow signals present in the inputs."""
    red: list[str] = []
    yellow: list[str] = []
    if as_int(values["eskalationen"]) >= 1:
        red.append(plural(as_int(values["eskalationen"]), "Eskalation", "Eskalationen"))
    if as_int(values["offene_posten"]) >= 1:
        red.append(
            plural(as_int(values["offene_posten"]), "überfälliger Posten", "überfällige Posten")
        )
    if values["nutzen"] == "nein":
        red.append("kein sichtbarer Nutzen")
    if as_int(values["aenderungen"]) >= rules.remediation.frequent_changes_per_month:
        yellow.append(f"häufige Änderungen ({values['aenderungen']} pro Monat)")
    if as_int(values["verzoegerungen"]) >= rules.remediation.delays_for_yellow:
        yellow.append(plural(as_int(values["verzoegerungen"]), "Verzögerung", "Verzögerungen"))
    if values["nutzung"] != "regelmaessig":
        yellow.append("seltene Nutzung")
    if values["zahlung"] == "verspaetet":
        yellow.append("verspätete Zahlungen")
    if values["nutzen"] == "teilweise":
        yellow.append("Nutzen nur teilweise sichtbar")
    return red, yellow


def remediation_goals(values: Mapping[str, Value], end: dt.date, rules: Rules) -> list[str]:
    """Two or three measurable goals that answer the red signals."""
    goals: list[str] = []
    if as_int(values["offene_posten"]) >= 1:
        goals.append(f"Alle überfälligen Posten bis {format_date(end)} ausgeglichen")
    if as_int(values["eskalationen"]) >= 1:
        goals.append(f"Keine neue Eskalation bis {format_date(end)}")
    if values["nutzen"] == "nein":
        last = ordinal(rules.remediation.reviews_before_exit)
        goals.append(f"Eine vereinbarte Nutzenkennzahl gemessen und beim {last} Review belegt")
    # Kept "to more than" the playbook's commitment bar (A10), the same measure of reliability.
    kept = format_percent(rules.commitment.kept_share, 0)
    fallback = (
        f"Vereinbarte Reaktionszeiten zu über {kept} eingehalten",
        "Feste Ansprechpersonen auf beiden Seiten benannt",
    )
    for goal in fallback:
        if len(goals) >= 2:
            break
        goals.append(goal)
    return goals[:3]


def review_dates(start: dt.date, weeks: int, reviews: int) -> list[dt.date]:
    """The review dates of a remediation phase: spread over it in whole weeks, the last at its end.

    Whole weeks keep every review on the weekday the phase started, like a jour fixe.
    """
    return [start + dt.timedelta(weeks=weeks * index // reviews) for index in range(1, reviews + 1)]


def compute(values: Mapping[str, Value], _templates: Templates, rules: Rules) -> Result:
    """Colour, measures, and for red the remediation plan or the orderly exit."""
    reviews_before_exit = rules.remediation.reviews_before_exit
    red, yellow = signals(values, rules)
    today = as_date(values["heute"])
    weeks = as_int(values["sanierung_wochen"])
    failed_reviews = as_int(values["reviews_ohne_besserung"])
    explanation: list[str] = []
    what_if: list[str] = []
    table = None
    tone: Tone
    if red:
        end = today + dt.timedelta(weeks=weeks)
        reviews = review_dates(today, weeks, reviews_before_exit)
        goals = remediation_goals(values, end, rules)
        explanation.append(f"Rot, weil: {', '.join(red)}.")
        if failed_reviews >= reviews_before_exit:
            verdict, status = "Rot: geordneter Ausstieg mit Übergabeplan", "ausstieg"
            explanation.append(
                f"{plural(failed_reviews, 'Review-Termin', 'Review-Termine')} ohne spürbare "
                "Besserung: Ein fairer, geordneter "
                "Ausstieg ist besser als weiteres Ziehen – nie im Ärger kündigen."
            )
            rows = tuple((str(index), step) for index, step in enumerate(HANDOVER_PLAN, 1))
            table = Table(("Schritt", "Übergabeplan"), rows)
        else:
            verdict, status = (
                f"Rot: Sanierungsphase über {plural(weeks, 'Woche', 'Wochen')}",
                "sanierung",
            )
            review_rows = [
                (f"{index}. Review", format_date(day)) for index, day in enumerate(reviews, 1)
            ]
            review_rows[-1] = (f"{review_rows[-1][0]} und Ende", review_rows[-1][1])
            rows = (
                *((f"Ziel {index}", goal) for index, goal in enumerate(goals, 1)),
                ("Start", format_date(today)),
                *review_rows,
            )
            table = Table(("Sanierungsplan", "Inhalt"), tuple(rows))
            explanation.append(
                "Ziele verfehlt? Dann das geordnete Ende mit Übergabeplan ankündigen "
                "(Partner, Selbstbedienungswege, Datenexport)."
            )
            what_if.append(
                f"{reviews_before_exit} Review-Termine ohne spürbare Besserung "
                "→ geordneter Ausstieg."
            )
        what_if.append("Alle roten Signale behoben → " + ("Gelb" if yellow else "Grün") + ".")
        tone = "bad"
    elif yellow:
        verdict, status, tone = "Gelb: stabilisieren", "gelb", "warn"
        explanation.append(f"Gelb, weil: {', '.join(yellow)}.")
        table = Table(("Maßnahmen bei Gelb",), tuple((item,) for item in YELLOW_MEASURES))
        what_if.append(
            "Eine Eskalation, ein überfälliger Posten oder kein sichtbarer Nutzen → Rot."
        )
        what_if.append("Alle gelben Signale behoben → Grün.")
    else:
        verdict, status, tone = (
            "Grün: Kunde nutzt die Leistung und zahlt pünktlich",
            "gruen",
            "good",
        )
        explanation.append("Keine gelben oder roten Signale.")
        table = Table(("Maßnahmen bei Grün",), tuple((item,) for item in GREEN_MEASURES))
        changes = plural(
            rules.remediation.frequent_changes_per_month, "Änderungswunsch", "Änderungswünschen"
        )
        delays = plural(rules.remediation.delays_for_yellow, "Verzögerung", "Verzögerungen")
        what_if.append(f"Ab {changes} pro Monat oder {delays} → Gelb.")
    return Result(
        verdict=verdict,
        tone=tone,
        status=status,
        explanation=tuple(explanation),
        what_if=tuple(what_if),
        table=table,
        values={"rot": ",".join(red), "gelb": ",".join(yellow)},
    )


def formula(rules: Rules) -> str:
    """The rule in one paragraph, with the team's figures."""
    remediation = rules.remediation
    reviews = counted(remediation.reviews_before_exit, "Review", "Reviews", article="einem")
    dates = counted(
        remediation.reviews_before_exit, "Review-Termin", "Review-Terminen", article="einem"
    )
    return (
        "Rot bei Eskalationen, überfälligen Posten oder fehlendem sichtbaren Nutzen; Gelb bei "
        f"häufigen Änderungen (ab {remediation.frequent_changes_per_month} pro Monat), "
        f"Verzögerungen (ab {remediation.delays_for_yellow}), seltener Nutzung oder "
        "verspäteter Zahlung; sonst Grün. Rot: Sanierungsphase von "
        f"{span(*remediation.weeks, 'Wochen')} mit {dates}; nach {reviews} ohne Besserung "
        "geordneter Ausstieg."
    )


def examples(rules: Rules) -> tuple[Example, ...]:
    """A yellow and a red customer, the rest at the form's defaults."""
    defaults = {field.name: field.default for field in bind_inputs(INPUTS, rules)}
    changes = rules.remediation.frequent_changes_per_month + 1
    return (
        Example(
            "Gelb: viele Änderungen",
            {
                **defaults,
                "aenderungen": str(changes),
                "verzoegerungen": str(rules.remediation.delays_for_yellow),
            },
        ),
        Example(
            "Rot: Eskalation und offener Posten",
            {**defaults, "eskalationen": "1", "offene_posten": "2"},
        ),
    )


CALCULATOR = Calculator(
    id="customer-health",
    title="Kunden-Ampel",
    summary="Ordnet einen Bestandskunden Grün, Gelb oder Rot zu und nennt die passenden Schritte.",
    facts=("B5",),
    formula=formula,
    inputs=INPUTS,
    compute=compute,
    examples=examples,
)
