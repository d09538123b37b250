"""Qualification score (B3, B2): five honest questions instead of gut feeling.

Each dimension scores 0-20 points, 100 in total. The band decides how much time a contact
deserves; the expiry rule and the warning signals can override a good score, because a
contact without a next step or with persistent warning signals is not active, whatever
it once scored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from calculators.calculator import Calculator, Example, Templates
from calculators.fields import Field, Value, as_date, as_int
from calculators.german_numbers import format_date
from calculators.problems import FieldError
from calculators.result import Result, Table, Tone

PURSUE_FROM = 70
NURTURE_FROM = 55
EXPIRY_DAYS = 30
WARNING_SIGNALS_LIMIT = 2
CONTACT_ATTEMPTS_LIMIT = 3
MAX_POINTS = 20

#: (name, label, descriptors for 0, 5, 10, 15 and 20 points)
DIMENSIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "problem",
        "Klares Problem",
        (
            "kein Problem erkennbar",
            "vages Interesse",
            "Problem benannt, Folgen offen",
            "Problem mit spürbaren Folgen",
            "Problem beziffert und dringlich",
        ),
    ),
    (
        "entscheider",
        "Person mit Entscheidungsbefugnis",
        (
            "keine Ansprechperson mit Einfluss",
            "nur Informationssammler",
            "Einfluss, aber keine Unterschrift",
            "Entscheider bekannt, nicht beteiligt",
            "Entscheider sitzt mit am Tisch",
        ),
    ),
    (
        "zeitplan",
        "Verbindlicher Zeitplan",
        (
            "kein Zeitpunkt genannt",
            "„irgendwann dieses Jahr“",
            "Quartal genannt",
            "Monat genannt, noch nicht fest",
            "Entscheidungstermin fest zugesagt",
        ),
    ),
    (
        "budget",
        "Passendes Budget",
        (
            "kein Budget vorhanden",
            "Budget unklar",
            "Budget geplant, nicht freigegeben",
            "Budget in Freigabe",
            "Budget freigegeben und ausreichend",
        ),
    ),
    (
        "loesung",
        "Stimmige Lösung",
        (
            "Angebot passt nicht",
            "passt nur mit Sonderlösung",
            "passt teilweise",
            "passt mit kleinen Anpassungen",
            "passt ohne Verbiegen",
        ),
    ),
)


def descriptor(name: str, points: int) -> str:
    """The descriptor of the level a score reaches (levels at 0, 5, 10, 15, 20 points)."""
    levels = next(levels for key, _, levels in DIMENSIONS if key == name)
    return levels[min(points, MAX_POINTS) // 5]


def _dimension_field(name: str, label: str, levels: tuple[str, ...]) -> Field:
    scale = " · ".join(f"{index * 5} = {text}" for index, text in enumerate(levels))
    return Field(
        name=name,
        label=f"{label} (0-20 Punkte)",
        kind="integer",
        unit="Punkte",
        minimum=Decimal(0),
        maximum=Decimal(MAX_POINTS),
        default="10",
        help=f"{scale}. Zwischenwerte sind erlaubt.",
        fact="B3",
    )


INPUTS: tuple[Field, ...] = (
    *(_dimension_field(name, label, levels) for name, label, levels in DIMENSIONS),
    Field(
        name="heute",
        label="Heute",
        kind="date",
        help="Das Datum, zu dem Sie bewerten, z. B. 14.03.2026.",
        fact="B3",
        default="02.03.2026",
    ),
    Field(
        name="naechster_schritt",
        label="Nächster Schritt im Kalender am",
        kind="date",
        required=False,
        help="Leer lassen, wenn kein Termin vereinbart ist.",
        fact="B3",
    ),
    Field(
        name="letzte_bewegung",
        label="Letzte Bewegung am",
        kind="date",
        help="Datum des letzten echten Fortschritts (Termin, Zusage, Antwort).",
        fact="B3",
        default="16.02.2026",
    ),
    Field(
        name="warnsignale",
        label="Anhaltende Warnsignale",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(10),
        default="0",
        help="Zählen Sie nur, was länger anhält: vage Aussagen, wechselnde Ansprechpartner ohne "
        "Zuständigkeit, kein konkretes Problem, kein Zeitplan, Dauerdruck auf den Preis, "
        "Wunsch nach Sonderlösungen.",
        fact="B2",
    ),
    Field(
        name="kontaktversuche",
        label="Unbeantwortete Kontaktversuche",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(50),
        default="0",
        help="Gut vorbereitete Versuche (Telefon, E-Mail, kurze Nachricht) ohne Termin oder "
        "nächsten Schritt.",
        fact="B2",
    ),
)


def _band(total: int) -> tuple[str, str, Tone, str]:
    if total >= PURSUE_FROM:
        return "aktiv", "Aktiv vorantreiben", "good", f"weil {total} ≥ {PURSUE_FROM}"
    if total >= NURTURE_FROM:
        reason = f"weil {NURTURE_FROM} ≤ {total} < {PURSUE_FROM}"
        return "pflegen", "Pflegen mit gelegentlichen, hilfreichen Inhalten", "warn", reason
    return "parken", "Parken oder aufgeben", "bad", f"weil {total} < {NURTURE_FROM}"


def _nearest_changes(points: Mapping[str, int], total: int) -> list[str]:
    changes: list[str] = []
    targets = [(PURSUE_FROM, "aktiv vorantreiben"), (NURTURE_FROM, "pflegen")]
    for threshold, label in targets:
        if total >= threshold:
            continue
        missing = threshold - total
        able = [
            (name, title) for name, title, _ in DIMENSIONS if MAX_POINTS - points[name] >= missing
        ]
        if able:
            name, title = min(able, key=lambda item: points[item[0]])
            changes.append(
                f"+{missing} Punkte bei „{title}“ ({points[name]} → {points[name] + missing}) "
                f"→ {label}"
            )
        elif missing <= sum(MAX_POINTS - value for value in points.values()):
            changes.append(f"+{missing} Punkte, verteilt auf mehrere Fragen → {label}")
    if total >= PURSUE_FROM:
        slack = total - PURSUE_FROM + 1
        changes.append(f"−{slack} Punkte → nur noch pflegen")
    elif total >= NURTURE_FROM:
        slack = total - NURTURE_FROM + 1
        changes.append(f"−{slack} Punkte → parken oder aufgeben")
    return changes


def compute(values: Mapping[str, Value], _templates: Templates) -> Result:
    """Score, band, expiry rule and warning signals, the strictest of them decides."""
    points = {name: as_int(values[name]) for name, _, _ in DIMENSIONS}
    total = sum(points.values())
    today = as_date(values["heute"])
    next_step = values["naechster_schritt"]
    last_move = as_date(values["letzte_bewegung"])
    if last_move > today:
        raise FieldError("letzte_bewegung", "Die letzte Bewegung kann nicht nach „Heute“ liegen.")
    status, verdict, tone, reason = _band(total)
    explanation = [f"{total} Punkte: {verdict}, {reason}."]
    what_if = _nearest_changes(points, total)

    has_next_step = isinstance(next_step, dt.date) and next_step >= today
    reference = last_move
    if isinstance(next_step, dt.date) and not has_next_step:
        reference = max(last_move, next_step)
    days_idle = (today - reference).days
    if has_next_step:
        assert isinstance(next_step, dt.date)
        explanation.append(f"Nächster Schritt steht im Kalender: {format_date(next_step)}.")
    elif days_idle >= EXPIRY_DAYS:
        status, tone = "wartend", "bad"
        verdict = "Auf „wartend“ setzen oder schließen"
        explanation.append(
            f"Ablaufregel: seit {days_idle} Tagen kein nächster Schritt im Kalender "
            f"(ab {EXPIRY_DAYS} Tagen wechselt der Status)."
        )
        what_if.append("Ein vereinbarter nächster Schritt mit Datum hebt die Ablaufregel auf.")
    else:
        deadline = reference + dt.timedelta(days=EXPIRY_DAYS)
        explanation.append(
            f"Kein nächster Schritt im Kalender: Ohne Termin wechselt der Status am "
            f"{format_date(deadline)} auf „wartend“ ({EXPIRY_DAYS - days_idle} Tage)."
        )

    signals = as_int(values["warnsignale"])
    attempts = as_int(values["kontaktversuche"])
    if signals >= WARNING_SIGNALS_LIMIT:
        explanation.append(
            f"{signals} anhaltende Warnsignale (ab {WARNING_SIGNALS_LIMIT}): "
            "Aufgeben ist oft die vernünftige Entscheidung."
        )
    if attempts >= CONTACT_ATTEMPTS_LIMIT:
        explanation.append(
            f"{attempts} Kontaktversuche ohne nächsten Schritt (ab {CONTACT_ATTEMPTS_LIMIT}): "
            "Die Chance sinkt deutlich."
        )
    if (signals >= WARNING_SIGNALS_LIMIT or attempts >= CONTACT_ATTEMPTS_LIMIT) and status in (
        "aktiv",
        "pflegen",
    ):
        status, verdict, tone = "parken", "Parken oder aufgeben – trotz Punktzahl", "bad"
        if signals >= WARNING_SIGNALS_LIMIT:
            what_if.append(
                f"Weniger als {WARNING_SIGNALS_LIMIT} Warnsignale → Punktzahl entscheidet."
            )

    rows = tuple(
        (title, str(points[name]), descriptor(name, points[name])) for name, title, _ in DIMENSIONS
    )
    table = Table(("Frage", "Punkte", "Stufe"), (*rows, ("Summe", str(total), "von 100")))
    return Result(
        verdict=verdict,
        tone=tone,
        status=status,
        explanation=tuple(explanation),
        what_if=tuple(what_if),
        table=table,
        values={"punkte": str(total), "tage_ohne_schritt": str(max(days_idle, 0))},
    )


CALCULATOR = Calculator(
    id="qualification-score",
    title="Qualifizierungs-Score",
    summary="Fünf Fragen mit je bis zu 20 Punkten zeigen, wie viel Zeit ein Kontakt verdient.",
    facts=("B2", "B3"),
    formula=(
        "Summe der fünf Fragen (je 0-20 Punkte). Ab 70: aktiv vorantreiben; 55-69: pflegen; "
        "unter 55: parken oder aufgeben. 30 Tage ohne nächsten Schritt im Kalender: Status "
        "„wartend“ oder schließen. Ab zwei anhaltenden Warnsignalen oder drei Kontaktversuchen "
        "ohne nächsten Schritt: parken oder aufgeben."
    ),
    inputs=INPUTS,
    compute=compute,
    examples=(
        Example(
            "Gut qualifiziert",
            {
                "problem": "18",
                "entscheider": "15",
                "zeitplan": "15",
                "budget": "15",
                "loesung": "12",
                "heute": "02.03.2026",
                "naechster_schritt": "09.03.2026",
                "letzte_bewegung": "24.02.2026",
                "warnsignale": "0",
                "kontaktversuche": "0",
            },
        ),
        Example(
            "Pflegefall mit abgelaufenem Termin",
            {
                "problem": "15",
                "entscheider": "10",
                "zeitplan": "12",
                "budget": "10",
                "loesung": "15",
                "heute": "02.03.2026",
                "naechster_schritt": "",
                "letzte_bewegung": "30.01.2026",
                "warnsignale": "1",
                "kontaktversuche": "1",
            },
        ),
    ),
)
