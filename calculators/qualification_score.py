"""Qualification score (B3, B2): five honest questions instead of gut feeling.

Each question scores from 0 up to ``score.question_points`` in steps of ``score.step``; the
band decides how much time a contact deserves. The expiry rule and the warning signals can
override a good score, because a contact without a next step or with persistent warning
signals is not active, whatever it once scored. Every threshold comes from the rules.

The score guide (what each level of a question means) is declared here once, with the
questions: the form's help, the result table and the chapter's guide (``score_guide``) all
read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from calculators.calculator import Calculator, Example, RuledField, Templates
from calculators.fields import Field, Value, as_date, as_int
from calculators.german_numbers import format_date, format_range, plural, signed_plural
from calculators.problems import FieldError
from calculators.result import Result, Table, Tone
from calculators.rule_words import NBSP, amount, counted
from calculators.rules import Rules

#: How many parts of the maximum the descriptors mark: 0, ¼, ½, ¾ and all of it.
QUARTERS = 4

#: (name, label, descriptors for 0, ¼, ½, ¾ and all of the points a question can bring).
#: With 20 points in steps of 5 these are the levels 0, 5, 10, 15 and 20.
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


@dataclass(frozen=True)
class GuideLevel:
    """One level of a question: the points and what a contact shows to earn them."""

    points: int
    text: str


@dataclass(frozen=True)
class GuideQuestion:
    """One question of the score guide with its levels, lowest first."""

    name: str
    label: str
    levels: tuple[GuideLevel, ...]


def level_points(rules: Rules) -> tuple[int, ...]:
    """The points of the five descriptors: each at its quarter of the maximum, in steps.

    A descriptor for ``k`` quarters sits at the largest multiple of ``score.step`` that is not
    above ``k/4`` of ``score.question_points``; the top one at the maximum itself (the rules
    make the maximum a multiple of the step). With 20 points in steps of 5: 0, 5, 10, 15, 20.
    With coarse steps two descriptors can fall on the same points; ``score_guide`` then keeps
    the lower one, so a level never promises more than its points.
    """
    step, top = rules.score.step, rules.score.question_points
    return tuple(top * quarter // QUARTERS // step * step for quarter in range(QUARTERS + 1))


def _levels(descriptors: tuple[str, ...], rules: Rules) -> tuple[GuideLevel, ...]:
    levels: list[GuideLevel] = []
    for points, text in zip(level_points(rules), descriptors, strict=True):
        if not levels or levels[-1].points != points:
            levels.append(GuideLevel(points, text))
    return tuple(levels)


def score_guide(rules: Rules) -> tuple[GuideQuestion, ...]:
    """The score guide under ``rules``: per question its label and levels (points and text).

    The chapter renders this, the form's help lists it and the result table names the level a
    score reaches, so the three never disagree.
    """
    return tuple(
        GuideQuestion(name, label, _levels(descriptors, rules))
        for name, label, descriptors in DIMENSIONS
    )


def descriptor(name: str, points: int, rules: Rules) -> str:
    """The descriptor of the highest level a score reaches."""
    question = next(item for item in score_guide(rules) if item.name == name)
    return [level.text for level in question.levels if level.points <= points][-1]


def _dimension_field(name: str, label: str, rules: Rules) -> Field:
    step, top = rules.score.step, rules.score.question_points
    guide = next(item for item in score_guide(rules) if item.name == name)
    scale = " · ".join(f"{level.points} = {level.text}" for level in guide.levels)
    middle = level_points(rules)[QUARTERS // 2]
    return Field(
        name=name,
        label=f"{label} ({format_range(0, top, 'Punkte')})",
        kind="integer",
        unit="Punkte",
        minimum=Decimal(0),
        maximum=Decimal(top),
        step=Decimal(step),
        default=str(middle),
        help=f"{scale}. Vergeben Sie die Punkte in Schritten von {step}.",
        fact="B3",
        # Every score a question can get, with the guide's words for the level it reaches:
        # the form offers these as options instead of a number to type.
        levels=tuple(
            (str(points), descriptor(name, points, rules)) for points in range(0, top + 1, step)
        ),
    )


def _ruled_dimension(name: str, label: str) -> RuledField:
    return RuledField(name, lambda rules: _dimension_field(name, label, rules))


INPUTS: tuple[Field | RuledField, ...] = (
    *(_ruled_dimension(name, label) for name, label, _ in DIMENSIONS),
    Field(
        name="heute",
        label="Heute",
        kind="date",
        help="Das Datum, zu dem Sie bewerten, z.\u00a0B. 14.03.2026.",
        fact="B3",
        default="02.03.2026",
    ),
    Field(
        name="naechster_schritt",
        label="Nächster Schritt im Kalender am",
        kind="date",
        required=False,
        slip="workday",
        help="Lassen Sie das Feld leer, wenn kein Termin vereinbart ist.",
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
        help="Zählen Sie nur, was länger anhält: vage Aussagen, wechselnde Ansprechpersonen ohne "
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


def _band(total: int, rules: Rules) -> tuple[str, str, Tone, str]:
    pursue, nurture = rules.score.pursue_from, rules.score.nurture_from
    if total >= pursue:
        return "aktiv", "Aktiv vorantreiben", "good", f"weil {total} ≥ {pursue}"
    if total >= nurture:
        reason = f"weil {nurture} ≤ {total} < {pursue}"
        return "pflegen", "Pflegen mit gelegentlichen, hilfreichen Inhalten", "warn", reason
    return "parken", "Parken oder aufgeben", "bad", f"weil {total} < {nurture}"


def _nearest_changes(points: Mapping[str, int], total: int, rules: Rules) -> list[str]:
    pursue, nurture = rules.score.pursue_from, rules.score.nurture_from
    top = rules.score.question_points
    changes: list[str] = []
    targets = [(pursue, "aktiv vorantreiben"), (nurture, "pflegen")]
    for threshold, label in targets:
        if total >= threshold:
            continue
        missing = threshold - total
        able = [(name, title) for name, title, _ in DIMENSIONS if top - points[name] >= missing]
        if able:
            name, title = min(able, key=lambda item: points[item[0]])
            changes.append(
                f"{signed_plural(missing, 'Punkt', 'Punkte')} bei „{title}“ "
                f"({points[name]} → {points[name] + missing}) "
                f"→ {label}"
            )
        elif missing <= sum(top - value for value in points.values()):
            more = signed_plural(missing, "Punkt", "Punkte")
            changes.append(f"{more}, verteilt auf mehrere Fragen → {label}")
    if total >= pursue:
        slack = total - pursue + 1
        changes.append(f"{signed_plural(-slack, 'Punkt', 'Punkte')} → nur noch pflegen")
    elif total >= nurture:
        slack = total - nurture + 1
        changes.append(f"{signed_plural(-slack, 'Punkt', 'Punkte')} → parken oder aufgeben")
    return changes


def compute(values: Mapping[str, Value], _templates: Templates, rules: Rules) -> Result:
    """Score, band, expiry rule and warning signals, the strictest of them decides."""
    expiry_days = rules.score.days_without_next_step
    signals_limit = rules.score.warning_signals
    attempts_limit = rules.score.unanswered_attempts
    points = {name: as_int(values[name]) for name, _, _ in DIMENSIONS}
    total = sum(points.values())
    today = as_date(values["heute"])
    next_step = values["naechster_schritt"]
    last_move = as_date(values["letzte_bewegung"])
    if last_move > today:
        raise FieldError("letzte_bewegung", "Die letzte Bewegung kann nicht nach „Heute“ liegen.")
    status, verdict, tone, reason = _band(total, rules)
    explanation = [f"{plural(total, 'Punkt', 'Punkte')}: {verdict}, {reason}."]
    what_if = _nearest_changes(points, total, rules)

    has_next_step = isinstance(next_step, dt.date) and next_step >= today
    reference = last_move
    if isinstance(next_step, dt.date) and not has_next_step:
        reference = max(last_move, next_step)
    days_idle = (today - reference).days
    if has_next_step:
        assert isinstance(next_step, dt.date)
        explanation.append(f"Nächster Schritt steht im Kalender: {format_date(next_step)}.")
    elif days_idle >= expiry_days:
        status, tone = "wartend", "bad"
        verdict = "Auf „wartend“ setzen oder schließen"
        explanation.append(
            f"Ablaufregel: seit {plural(days_idle, 'Tag', 'Tagen')} kein nächster Schritt im "
            f"Kalender (ab {plural(expiry_days, 'Tag', 'Tagen')} wechselt der Status)."
        )
        what_if.append("Ein vereinbarter nächster Schritt mit Datum hebt die Ablaufregel auf.")
    else:
        deadline = reference + dt.timedelta(days=expiry_days)
        explanation.append(
            f"Kein nächster Schritt im Kalender: Ohne Termin wechselt der Status am "
            f"{format_date(deadline)} auf „wartend“ "
            f"(in {plural(expiry_days - days_idle, 'Tag', 'Tagen')})."
        )

    signals = as_int(values["warnsignale"])
    attempts = as_int(values["kontaktversuche"])
    if signals >= signals_limit:
        explanation.append(
            f"{plural(signals, 'anhaltendes Warnsignal', 'anhaltende Warnsignale')} "
            f"(ab {signals_limit}): "
            "Aufgeben ist oft die vernünftige Entscheidung."
        )
    if attempts >= attempts_limit:
        explanation.append(
            f"{plural(attempts, 'Kontaktversuch', 'Kontaktversuche')} ohne nächsten Schritt "
            f"(ab {attempts_limit}): "
            "Die Chance sinkt deutlich."
        )
    if (signals >= signals_limit or attempts >= attempts_limit) and status in (
        "aktiv",
        "pflegen",
    ):
        status, verdict, tone = "parken", "Parken oder aufgeben – trotz Punktzahl", "bad"
        if signals >= signals_limit:
            what_if.append(f"Weniger als {signals_limit} Warnsignale → Punktzahl entscheidet.")

    rows = tuple(
        (title, str(points[name]), descriptor(name, points[name], rules))
        for name, title, _ in DIMENSIONS
    )
    most = len(DIMENSIONS) * rules.score.question_points
    table = Table(("Frage", "Punkte", "Stufe"), (*rows, ("Summe", str(total), f"von {most}")))
    return Result(
        verdict=verdict,
        tone=tone,
        status=status,
        explanation=tuple(explanation),
        what_if=tuple(what_if),
        table=table,
        values={"punkte": str(total), "tage_ohne_schritt": str(max(days_idle, 0))},
        summary=f"{total} von {plural(most, 'Punkt', 'Punkten')}",
    )


def summary(rules: Rules) -> str:
    """The one-line summary above the form."""
    top = rules.score.question_points
    return (
        f"Fünf Fragen mit je bis zu {top}{NBSP}Punkten zeigen, wie viel Zeit ein Kontakt verdient."
    )


def formula(rules: Rules) -> str:
    """The rule in one paragraph, with the team's figures."""
    score = rules.score
    signals = counted(
        score.warning_signals,
        "anhaltenden Warnsignal",
        "anhaltenden Warnsignalen",
        article="einem",
    )
    attempts = counted(
        score.unanswered_attempts, "Kontaktversuch", "Kontaktversuchen", article="einem"
    )
    expiry = amount(score.days_without_next_step, "Tag", "Tage")
    return (
        f"Summe der fünf Fragen (je {format_range(0, score.question_points, 'Punkte')}, in "
        f"Schritten von {score.step}). Ab {score.pursue_from}: aktiv vorantreiben; "
        f"{format_range(score.nurture_from, score.pursue_from - 1)}: pflegen; unter "
        f"{score.nurture_from}: "
        f"parken oder aufgeben. {expiry} ohne nächsten Schritt im Kalender: Status „wartend“ "
        f"oder schließen. Ab {signals} oder {attempts} ohne nächsten Schritt: parken oder "
        "aufgeben."
    )


def _at_levels(rules: Rules, quarters: tuple[int, ...]) -> dict[str, str]:
    """The five answers at the given levels (quarters of the maximum), as typed."""
    points = level_points(rules)
    return {
        name: str(points[quarter])
        for (name, _, _), quarter in zip(DIMENSIONS, quarters, strict=True)
    }


def examples(rules: Rules) -> tuple[Example, ...]:
    """Worked examples whose answers sit on the guide's levels under any rules."""
    return (
        Example(
            "Gut qualifiziert, nächster Termin steht",
            {
                **_at_levels(rules, (4, 3, 3, 3, 2)),
                "heute": "02.03.2026",
                "naechster_schritt": "09.03.2026",
                "letzte_bewegung": "24.02.2026",
                "warnsignale": "0",
                "kontaktversuche": "0",
            },
        ),
        Example(
            "Mittlere Antworten, seit Januar kein Termin",
            {
                **_at_levels(rules, (3, 2, 2, 2, 3)),
                "heute": "02.03.2026",
                "naechster_schritt": "",
                "letzte_bewegung": "30.01.2026",
                "warnsignale": "1",
                "kontaktversuche": "1",
            },
        ),
    )


CALCULATOR = Calculator(
    id="qualification-score",
    title="Qualifizierungs-Score",
    summary=summary,
    facts=("B2", "B3"),
    formula=formula,
    inputs=INPUTS,
    compute=compute,
    examples=examples,
)
