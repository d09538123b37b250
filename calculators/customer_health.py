"""Customer health traffic light (B5): green, yellow or red, and what each colour asks of you.

Red signals (escalations, overdue payments, no visible benefit) weigh more than yellow ones
(frequent changes, delays, rare use, late payment). Red starts a short remediation phase of
six to eight weeks with two or three measurable goals and two review dates; if two reviews
bring no noticeable improvement, the orderly exit with a handover plan follows. Nobody
terminates in anger: the calculator never jumps from green to exit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from calculators.calculator import Calculator, Example, Templates
from calculators.fields import Field, Value, as_date, as_int
from calculators.german_numbers import format_date
from calculators.result import Result, Table, Tone

FREQUENT_CHANGES_PER_MONTH = 3
DELAYS_FOR_YELLOW = 2
REVIEWS_BEFORE_EXIT = 2
REMEDIATION_WEEKS = (6, 8)

YELLOW_MEASURES = (
    "Fester Jour fixe mit Agenda",
    "To-dos immer mit Verantwortlichem und Datum",
    "Kleine Paketkorrektur prüfen (Umfang oder Preis)",
    "Nach jedem Termin eine schriftliche Zusammenfassung",
)
GREEN_MEASURES = ("Weiter so: Nutzen sichtbar halten, z. B. im Quartalsgespräch",)
HANDOVER_PLAN = (
    "Ende geordnet ankündigen, mit Datum",
    "Übergabe an Partner oder Selbstbedienungswege beschreiben",
    "Datenexport bereitstellen",
)

INPUTS: tuple[Field, ...] = (
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
    Field(
        name="aenderungen",
        label="Änderungswünsche pro Monat",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(100),
        default="1",
        help=f"Ab {FREQUENT_CHANGES_PER_MONTH} pro Monat gelten sie als häufig.",
        fact="B5",
    ),
    Field(
        name="verzoegerungen",
        label="Verzögerungen durch den Kunden (letzte 3 Monate)",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(100),
        default="0",
        fact="B5",
    ),
    Field(
        name="eskalationen",
        label="Eskalationen (letzte 3 Monate)",
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
    Field(
        name="sanierung_wochen",
        label="Dauer einer Sanierungsphase",
        kind="integer",
        unit="Wochen",
        minimum=Decimal(REMEDIATION_WEEKS[0]),
        maximum=Decimal(REMEDIATION_WEEKS[1]),
        default="8",
        fact="B5",
    ),
    Field(
        name="reviews_ohne_besserung",
        label="Review-Termine ohne spürbare Besserung",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(10),
        default="0",
        help="Nur ausfüllen, wenn bereits eine Sanierungsphase läuft.",
        fact="B5",
    ),
)


def signals(values: Mapping[str, Value]) -> tuple[list[str], list[str]]:
    """The red and the yellow signals present in the inputs."""
    red: list[str] = []
    yellow: list[str] = []
    if as_int(values["eskalationen"]) >= 1:
        red.append(f"{values['eskalationen']} Eskalation(en)")
    if as_int(values["offene_posten"]) >= 1:
        red.append(f"{values['offene_posten']} überfällige(r) Posten")
    if values["nutzen"] == "nein":
        red.append("kein sichtbarer Nutzen")
    if as_int(values["aenderungen"]) >= FREQUENT_CHANGES_PER_MONTH:
        yellow.append(f"häufige Änderungen ({values['aenderungen']} pro Monat)")
    if as_int(values["verzoegerungen"]) >= DELAYS_FOR_YELLOW:
        yellow.append(f"{values['verzoegerungen']} Verzögerungen")
    if values["nutzung"] != "regelmaessig":
        yellow.append("seltene Nutzung")
    if values["zahlung"] == "verspaetet":
        yellow.append("verspätete Zahlungen")
    if values["nutzen"] == "teilweise":
        yellow.append("Nutzen nur teilweise sichtbar")
    return red, yellow


def remediation_goals(values: Mapping[str, Value], end: dt.date) -> list[str]:
    """Two or three measurable goals that answer the red signals."""
    goals: list[str] = []
    if as_int(values["offene_posten"]) >= 1:
        goals.append(f"Alle überfälligen Posten bis {format_date(end)} ausgeglichen")
    if as_int(values["eskalationen"]) >= 1:
        goals.append(f"Keine neue Eskalation bis {format_date(end)}")
    if values["nutzen"] == "nein":
        goals.append("Eine vereinbarte Nutzenkennzahl gemessen und beim zweiten Review belegt")
    fallback = (
        "Vereinbarte Reaktionszeiten zu über 90 % eingehalten",
        "Feste Ansprechpartner auf beiden Seiten benannt",
    )
    for goal in fallback:
        if len(goals) >= 2:
            break
        goals.append(goal)
    return goals[:3]


def compute(values: Mapping[str, Value], _templates: Templates) -> Result:
    """Colour, measures, and for red the remediation plan or the orderly exit."""
    red, yellow = signals(values)
    today = as_date(values["heute"])
    weeks = as_int(values["sanierung_wochen"])
    failed_reviews = as_int(values["reviews_ohne_besserung"])
    explanation: list[str] = []
    what_if: list[str] = []
    table = None
    tone: Tone
    if red:
        end = today + dt.timedelta(weeks=weeks)
        first_review = today + dt.timedelta(weeks=weeks // 2)
        goals = remediation_goals(values, end)
        explanation.append(f"Rot, weil: {', '.join(red)}.")
        if failed_reviews >= REVIEWS_BEFORE_EXIT:
            verdict, status = "Rot: geordneter Ausstieg mit Übergabeplan", "ausstieg"
            explanation.append(
                f"{failed_reviews} Review-Termine ohne spürbare Besserung: Ein fairer, geordneter "
                "Ausstieg ist besser als weiteres Ziehen – nie im Ärger kündigen."
            )
            rows = tuple((str(index), step) for index, step in enumerate(HANDOVER_PLAN, 1))
            table = Table(("Schritt", "Übergabeplan"), rows)
        else:
            verdict, status = f"Rot: Sanierungsphase über {weeks} Wochen", "sanierung"
            rows = (
                *((f"Ziel {index}", goal) for index, goal in enumerate(goals, 1)),
                ("Start", format_date(today)),
                ("1. Review", format_date(first_review)),
                ("2. Review und Ende", format_date(end)),
            )
            table = Table(("Sanierungsplan", "Inhalt"), tuple(rows))
            explanation.append(
                "Ziele verfehlt? Dann das geordnete Ende mit Übergabeplan ankündigen "
                "(Partner, Selbstbedienungswege, Datenexport)."
            )
            what_if.append(
                f"{REVIEWS_BEFORE_EXIT} Review-Termine ohne spürbare Besserung "
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
        what_if.append(
            f"Ab {FREQUENT_CHANGES_PER_MONTH} Änderungswünschen pro Monat oder "
            f"{DELAYS_FOR_YELLOW} Verzögerungen → Gelb."
        )
    return Result(
        verdict=verdict,
        tone=tone,
        status=status,
        explanation=tuple(explanation),
        what_if=tuple(what_if),
        table=table,
        values={"rot": ",".join(red), "gelb": ",".join(yellow)},
    )


CALCULATOR = Calculator(
    id="customer-health",
    title="Kunden-Ampel",
    summary="Ordnet einen Bestandskunden Grün, Gelb oder Rot zu und nennt die passenden Schritte.",
    facts=("B5",),
    formula=(
        "Rot bei Eskalationen, überfälligen Posten oder fehlendem sichtbaren Nutzen; Gelb bei "
        "häufigen Änderungen (ab 3 pro Monat), Verzögerungen (ab 2), seltener Nutzung oder "
        "verspäteter Zahlung; sonst Grün. Rot: Sanierungsphase von 6-8 Wochen mit zwei "
        "Review-Terminen; nach zwei Reviews ohne Besserung geordneter Ausstieg."
    ),
    inputs=INPUTS,
    compute=compute,
    examples=(
        Example(
            "Gelb: viele Änderungen",
            {
                **{field.name: field.default for field in INPUTS},
                "aenderungen": "4",
                "verzoegerungen": "2",
            },
        ),
        Example(
            "Rot: Eskalation und offener Posten",
            {
                **{field.name: field.default for field in INPUTS},
                "eskalationen": "1",
                "offene_posten": "2",
            },
        ),
    ),
)
