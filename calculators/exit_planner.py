"""Exit planner (B6, B7): the follow-up date and the filled exit e-mail and CRM note.

The re-contact lies inside the follow-up window (``follow_up.days``, 60 to 90 days in the
articles) after the decision and only happens with a new reason
(the trigger event). The wording of the e-mail and the CRM note belongs to the content: the
page hands the templates in, and this module only fills their named placeholders, so a
change of wording never touches code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from calculators.calculator import Calculator, Example, RuledField, Templates, bind_inputs
from calculators.fields import Field, Value, as_date, as_int
from calculators.german_numbers import format_date, plural
from calculators.holidays import (
    WEEKDAYS,
    day_off_reason,
    next_working_day,
    previous_working_day,
)
from calculators.result import Document, Result, Table
from calculators.rule_words import span
from calculators.rules import Rules
from calculators.template_text import fill_template

EMAIL_TEMPLATE = "vorlage-abschiedsmail"
CRM_TEMPLATE = "vorlage-crm-notiz"

#: Trigger events, worded to follow "nach" in the templates ("nach der nächsten Budgetrunde").
TRIGGERS = (
    ("budgetrunde", "der nächsten Budgetrunde"),
    ("projektende", "dem Ende des laufenden Projekts"),
    ("produkt-update", "dem nächsten Produkt-Update"),
    ("personalwechsel", "einem Wechsel in der Entscheiderrolle"),
)
CONSENT = (
    ("erteilt", "liegt vor"),
    ("keine", "liegt nicht vor – nur nach neuer Anfrage melden"),
    ("pause", "Kunde wünscht eine Pause – respektieren Sie sie"),
)


def _interval_field(rules: Rules) -> Field:
    earliest, latest = rules.follow_up.days
    return Field(
        name="abstand_tage",
        label="Wiedervorlage nach",
        kind="integer",
        unit="Tagen",
        minimum=Decimal(earliest),
        maximum=Decimal(latest),
        default=str(latest),
        help=f"{span(earliest, latest, 'Tage')}, und nur mit neuem Anlass.",
        fact="B7",
    )


INPUTS: tuple[Field | RuledField, ...] = (
    Field(name="kunde", label="Kunde", kind="text", default="Berger Logistik GmbH", fact="B6"),
    Field(
        name="ansprechpartner",
        label="Ansprechperson (Anrede und Name)",
        kind="text",
        default="Frau Berger",
        fact="B6",
    ),
    Field(
        name="entscheidungsdatum",
        label="Datum der Entscheidung",
        kind="date",
        default="12.05.2026",
        fact="B7",
    ),
    Field(
        name="anlass",
        label="Sinnvoller Anlass für die Wiedervorlage",
        kind="choice",
        choices=TRIGGERS,
        default="budgetrunde",
        fact="B6",
    ),
    RuledField("abstand_tage", _interval_field),
    Field(
        name="grund",
        label="Sachlicher Grund (als Halbsatz)",
        kind="text",
        default="für 2026 ist kein Budget für das Projekt vorgesehen",
        help="Ein überprüfbarer Grund ohne Wertung.",
        fact="B6",
    ),
    Field(
        name="bruecke",
        label="Kleine Brücke",
        kind="text",
        default="unseren Leitfaden zur Tourenplanung",
        help="Eine neutrale Hilfe, ein Partnerkontakt oder das Angebot, sich bei einer "
        "relevanten Änderung zu melden.",
        fact="B6",
    ),
    Field(
        name="einwilligung",
        label="Stand der Einwilligung",
        kind="choice",
        choices=CONSENT,
        default="erteilt",
        fact="B7",
    ),
    Field(name="absender", label="Ihr Name", kind="text", default="Jonas Keller", fact="B6"),
)


def compute(values: Mapping[str, Value], templates: Templates, rules: Rules) -> Result:
    """The follow-up date, and both texts filled from the content's templates."""
    decided = as_date(values["entscheidungsdatum"])
    days = as_int(values["abstand_tage"])
    follow_up = decided + dt.timedelta(days=days)
    earliest = decided + dt.timedelta(days=rules.follow_up.days[0])
    latest = decided + dt.timedelta(days=rules.follow_up.days[1])
    filling = {
        "kunde": str(values["kunde"]),
        "ansprechpartner": str(values["ansprechpartner"]),
        "entscheidungsdatum": format_date(decided),
        "wiedervorlage": format_date(follow_up),
        "anlass": dict(TRIGGERS)[str(values["anlass"])],
        "grund": str(values["grund"]),
        "bruecke": str(values["bruecke"]),
        "einwilligung": dict(CONSENT)[str(values["einwilligung"])],
        "absender": str(values["absender"]),
    }
    documents = []
    for key, title in ((EMAIL_TEMPLATE, "Abschiedsmail"), (CRM_TEMPLATE, "CRM-Notiz")):
        template = templates.get(key)
        if template is None:
            continue
        documents.append(Document(title, fill_template(template, filling)))
    explanation = [
        f"Wiedervorlage am {format_date(follow_up)} ({plural(days, 'Tag', 'Tage')} nach der "
        "Entscheidung; "
        f"Spielraum {format_date(earliest)} bis {format_date(latest)}).",
        f"Nur mit neuem Anlass melden, sinnvoll nach {filling['anlass']}.",
    ]
    if values["einwilligung"] != "erteilt":
        explanation.append(f"Achtung, Einwilligung für Nachrichten: {filling['einwilligung']}.")
    table = Table(
        ("CRM-Feld", "Eintrag"),
        (
            ("Grund", filling["grund"]),
            ("Datum", filling["entscheidungsdatum"]),
            ("Nächster sinnvoller Anlass", f"nach {filling['anlass']}"),
            ("Wiedervorlage", filling["wiedervorlage"]),
            ("Einwilligung", filling["einwilligung"]),
        ),
    )
    return Result(
        hints=_day_off_hint(decided, follow_up, earliest, latest),
        verdict=f"Wiedervorlage am {format_date(follow_up)}",
        tone="neutral",
        status="geplant",
        explanation=tuple(explanation),
        table=table,
        documents=tuple(documents),
        values={"wiedervorlage": follow_up.isoformat()},
        fills=filling,
    )


def _day_off_hint(
    decided: dt.date, follow_up: dt.date, earliest: dt.date, latest: dt.date
) -> dict[str, str]:
    """A hint at the interval when the follow-up falls on a weekend or a public holiday.

    It names the nearest working day inside the window (later if possible), and the days
    that give it, since the interval is what the reader types.
    """
    reason = day_off_reason(follow_up)
    if not reason:
        return {}
    hint = f"Die Wiedervorlage fiele auf den {format_date(follow_up)}; das ist {reason}."
    for candidate in (next_working_day(follow_up), previous_working_day(follow_up)):
        if earliest <= candidate <= latest:
            days = plural((candidate - decided).days, "Tag", "Tagen")
            hint += (
                f" Mit {days} läge sie auf {WEEKDAYS[candidate.weekday()]}, "
                f"{format_date(candidate)}."
            )
            break
    return {"abstand_tage": hint}


def formula(rules: Rules) -> str:
    """The rule in one paragraph, with the team's follow-up window."""
    return (
        f"Wiedervorlage = Datum der Entscheidung + {span(*rules.follow_up.days, 'Tage')}, nur "
        "mit neuem Anlass. Die Texte stammen aus den Vorlagen dieses Playbooks."
    )


def examples(rules: Rules) -> tuple[Example, ...]:
    """The form's defaults: a goodbye after a missing budget."""
    defaults = {field.name: field.default for field in bind_inputs(INPUTS, rules)}
    return (Example("Abschied nach fehlendem Budget", defaults),)


CALCULATOR = Calculator(
    id="exit-planner",
    title="Ausstiegsplaner",
    summary="Plant die Wiedervorlage und füllt Abschiedsmail und CRM-Notiz aus Ihren Angaben.",
    facts=("B6", "B7"),
    formula=formula,
    inputs=INPUTS,
    compute=compute,
    examples=examples,
    templates=(EMAIL_TEMPLATE, CRM_TEMPLATE),
)
