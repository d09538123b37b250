"""The case table: every rule and boundary of the calculators, with the expected outcome.

The same table runs in CPython (test_cases.py) and inside the shipped Pyodide under Node
(tests/pyodide), which must answer with identical JSON. The expectations are those of the
playbook's rules (``content/rules.yml``, the articles' figures).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calculators.registry import CALCULATORS
from tests.calculators.playbook_rules import PLAYBOOK_RULES, TEAM_RULES


@dataclass(frozen=True)
class Case:
    """One call of the boundary and what must come out of it."""

    name: str
    calculator: str
    fields: dict[str, str]
    status: str | None = None
    errors: tuple[str, ...] = ()
    verdict_contains: str = ""
    values: dict[str, str] = field(default_factory=dict)
    templates: dict[str, dict[str, str]] = field(default_factory=dict)


def with_defaults(calculator: str, **changes: str) -> dict[str, str]:
    """The calculator's default inputs with some of them changed."""
    return {**CALCULATORS[calculator].bind(PLAYBOOK_RULES).defaults(), **changes}


def score(total: int, **changes: str) -> dict[str, str]:
    """Qualification inputs whose five dimensions add up to ``total``."""
    points = [min(20, max(0, total - 20 * index)) for index in range(5)]
    names = ["problem", "entscheider", "zeitplan", "budget", "loesung"]
    base = {
        "heute": "02.03.2026",
        "naechster_schritt": "09.03.2026",
        "letzte_bewegung": "24.02.2026",
        "warnsignale": "0",
        "kontaktversuche": "0",
    }
    return {
        **base,
        **{name: str(value) for name, value in zip(names, points, strict=True)},
        **changes,
    }


Q, V, C, T, H, E = (
    "qualification-score",
    "value-per-hour",
    "collaboration-check",
    "commitment-tracker",
    "customer-health",
    "exit-planner",
)

MEASURES_9_OF_10 = "\n".join(
    f"Maßnahme {index}; Frau Kaya; {index + 2:02d}.03.2026; {'ja' if index < 9 else 'nein'}"
    for index in range(10)
)
MEASURES_10_OF_10 = MEASURES_9_OF_10.replace("; nein", "; ja")

CASES: tuple[Case, ...] = (
    # Qualification score: bands and their boundaries.
    Case("score 50 parks", Q, score(50), "parken", verdict_contains="Parken"),
    Case("score 55 nurtures", Q, score(55), "pflegen", verdict_contains="Pflegen"),
    Case("score 65 nurtures", Q, score(65), "pflegen"),
    Case("score 70 pursues", Q, score(70), "aktiv", verdict_contains="Aktiv"),
    Case("score 0", Q, score(0), "parken", values={"punkte": "0"}),
    Case("score 100", Q, score(100), "aktiv", values={"punkte": "100"}),
    Case(
        "29 days without next step stay active",
        Q,
        score(80, naechster_schritt="", letzte_bewegung="01.02.2026"),
        "aktiv",
        values={"tage_ohne_schritt": "29"},
    ),
    Case(
        "exactly 30 days without next step switch to waiting",
        Q,
        score(80, naechster_schritt="", letzte_bewegung="31.01.2026"),
        "wartend",
        values={"tage_ohne_schritt": "30"},
    ),
    Case(
        "a past next step counts from its date",
        Q,
        score(80, naechster_schritt="31.01.2026", letzte_bewegung="10.01.2026"),
        "wartend",
    ),
    Case("one warning signal keeps the band", Q, score(80, warnsignale="1"), "aktiv"),
    Case("two warning signals tip to park", Q, score(80, warnsignale="2"), "parken"),
    Case("two attempts keep the band", Q, score(60, kontaktversuche="2"), "pflegen"),
    Case("three attempts tip to park", Q, score(60, kontaktversuche="3"), "parken"),
    Case("points above 20 are rejected", Q, score(50, problem="21"), errors=("problem",)),
    Case("points off the step are rejected", Q, score(50, problem="12"), errors=("problem",)),
    Case(
        "every bad field is reported at once",
        Q,
        score(50, problem="abc", budget="1.5", heute="", warnsignale="-1"),
        errors=("budget", "heute", "problem", "warnsignale"),
    ),
    Case(
        "last movement after today",
        Q,
        score(50, letzte_bewegung="03.03.2026"),
        errors=("letzte_bewegung",),
    ),
    # Value per hour: the article's example and its variants.
    Case(
        "article example",
        V,
        {"kontakte": "A; 30 %; 6.000; 6\nB; 15 %; 8.000; 10", "team_median": "250"},
        "parken",
        verdict_contains="Priorisieren: A · Parken: B",
        values={
            "wert:A": "300.00",
            "wert:B": "120.00",
            "status:A": "priorisieren",
            "status:B": "parken",
        },
    ),
    Case(
        "median of the list when no team median",
        V,
        {"kontakte": "A; 30; 6000; 6\nB; 15; 8000; 10\nC; 50; 1.000; 2", "team_median": ""},
        values={"median": "250.00", "status:C": "priorisieren", "status:B": "parken"},
    ),
    Case(
        "even count takes the mean of the middle values",
        V,
        {"kontakte": "A; 30; 6000; 6\nB; 15; 8000; 10", "team_median": ""},
        values={"median": "210.00", "status:B": "parken", "status:A": "priorisieren"},
    ),
    Case(
        "slightly below the median is limited, not parked",
        V,
        {"kontakte": "A; 20; 6000; 6", "team_median": "250"},
        values={"wert:A": "200.00", "status:A": "begrenzen"},
    ),
    Case(
        "commercial rounding of cents",
        V,
        {"kontakte": "A; 1 %; 2,50 EUR; 1 h", "team_median": "100"},
        values={"wert:A": "0.03"},
    ),
    Case(
        "time eaters: five with most hours and no movement",
        V,
        {
            "kontakte": "\n".join(
                f"K{index}; 10; 1000; {index}; {'nein' if index != 7 else 'ja'}"
                for index in range(1, 9)
            ),
            "team_median": "",
        },
        values={"zeitfresser": "K8,K6,K5,K4,K3"},
    ),
    Case("zero hours", V, {"kontakte": "A; 30; 6000; 0", "team_median": ""}, errors=("kontakte",)),
    Case("probability above 100", V, {"kontakte": "A; 130; 6000; 5"}, errors=("kontakte",)),
    Case("negative hours", V, {"kontakte": "A; 30; 6000; -5"}, errors=("kontakte",)),
    Case(
        "duplicate contacts", V, {"kontakte": "A; 30; 6000; 5\nA; 20; 100; 1"}, errors=("kontakte",)
    ),
    Case("empty list", V, {"kontakte": "   ", "team_median": "250"}, errors=("kontakte",)),
    Case(
        "median zero",
        V,
        {"kontakte": "A; 30; 6000; 5", "team_median": "0"},
        errors=("team_median",),
    ),
    # Collaboration check: the six-week window.
    Case(
        "three deadlines exactly six weeks apart",
        C,
        {
            "heute": "20.03.2026",
            "vorfaelle": "01.02.2026; termin\n20.02.2026; termin\n15.03.2026; termin",
        },
        "faellig",
        values={"faellig_seit": "2026-03-15"},
    ),
    Case(
        "three deadlines six weeks and a day apart",
        C,
        {
            "heute": "20.03.2026",
            "vorfaelle": "01.02.2026; termin\n20.02.2026; termin\n16.03.2026; termin",
        },
        "beobachten",
    ),
    Case(
        "two delayed decisions",
        C,
        {
            "heute": "20.03.2026",
            "vorfaelle": "02.03.2026; entscheidung; Budget offen\n16.03.2026; Entscheidung vertagt",
        },
        "faellig",
    ),
    Case(
        "quiet log",
        C,
        {"heute": "20.06.2026", "vorfaelle": "02.03.2026; ansprechperson"},
        "ruhig",
    ),
    # Saved links and pasted lists from before the rename still compute.
    Case(
        "former kind value ansprechpartner",
        C,
        {"heute": "20.06.2026", "vorfaelle": "02.03.2026; ansprechpartner; ohne Übergabe"},
        "ruhig",
        values={"beispiele": "1"},
    ),
    Case(
        "former kind label Ansprechpartner gewechselt",
        C,
        {"heute": "20.06.2026", "vorfaelle": "02.03.2026; Ansprechpartner gewechselt"},
        "ruhig",
    ),
    Case(
        "a near miss of the former kind is still unknown",
        C,
        {"heute": "20.06.2026", "vorfaelle": "02.03.2026; ansprechpartner gewechselt am"},
        errors=("vorfaelle",),
    ),
    # The defaults tell the running case: Hansen Großhandel on the day of the conversation.
    Case(
        "Hansen log on 17.03.2026",
        C,
        with_defaults(C),
        "faellig",
        verdict_contains="fällig seit 10.03.2026",
        values={"faellig_seit": "2026-03-10", "beispiele": "1,2,3,4,6"},
    ),
    Case(
        "at most five examples, strongest first",
        C,
        {
            "heute": "30.03.2026",
            "vorfaelle": "\n".join(
                [
                    "02.03.2026; ansprechperson; neue Projektleitung",
                    "03.03.2026; termin; Abnahme verschoben",
                    "05.03.2026; freigabe; Sprint verschoben",
                    "10.03.2026; anforderung",
                    "12.03.2026; termin; Schulung ausgefallen",
                    "20.03.2026; entscheidung; Rollout offen",
                    "25.03.2026; termin; Livegang verschoben",
                ]
            ),
        },
        "faellig",
        values={"beispiele": "2,3,5,6,7"},
    ),
    Case(
        "incident after today",
        C,
        {"heute": "20.03.2026", "vorfaelle": "21.03.2026; termin"},
        errors=("vorfaelle",),
    ),
    Case(
        "unknown kind",
        C,
        {"heute": "20.03.2026", "vorfaelle": "01.03.2026; Ärger"},
        errors=("vorfaelle",),
    ),
    # Commitment tracker: the 90 % bar after 30 days.
    Case(
        "exactly 90 % is not above the bar",
        T,
        {"vereinbart_am": "01.03.2026", "heute": "31.03.2026", "massnahmen": MEASURES_9_OF_10},
        "ausstieg",
        values={"quote": "90.0", "review": "2026-03-15", "entscheidung": "2026-03-31"},
    ),
    Case(
        "all kept after 30 days",
        T,
        {"vereinbart_am": "01.03.2026", "heute": "31.03.2026", "massnahmen": MEASURES_10_OF_10},
        "weiter",
    ),
    Case(
        "below the bar before day 30 is a warning",
        T,
        {"vereinbart_am": "01.03.2026", "heute": "30.03.2026", "massnahmen": MEASURES_9_OF_10},
        "gefaehrdet",
    ),
    Case(
        "nothing due yet",
        T,
        {
            "vereinbart_am": "01.03.2026",
            "heute": "02.03.2026",
            "massnahmen": "Plan; Herr Brandt; 10.03.2026; offen",
        },
        "offen",
    ),
    Case(
        "we is nobody",
        T,
        {
            "vereinbart_am": "01.03.2026",
            "heute": "02.03.2026",
            "massnahmen": "Plan; wir; 10.03.2026; offen",
        },
        errors=("massnahmen",),
    ),
    Case(
        "open after its due date",
        T,
        {
            "vereinbart_am": "01.03.2026",
            "heute": "20.03.2026",
            "massnahmen": "Plan; Herr Brandt; 10.03.2026; offen",
        },
        errors=("massnahmen",),
    ),
    Case(
        "more punctual approvals than requested",
        T,
        with_defaults(T, freigaben_gesamt="2", freigaben_puenktlich="3"),
        errors=("freigaben_puenktlich",),
    ),
    Case("today before the agreement", T, with_defaults(T, heute="01.01.2026"), errors=("heute",)),
    Case(
        "Hansen measures of option A at the review on 31.03.2026",
        T,
        with_defaults(T),
        "gefaehrdet",
        values={"quote": "80.0", "review": "2026-03-31", "entscheidung": "2026-04-16"},
    ),
    # Customer health: colours.
    Case("green", H, with_defaults(H), "gruen"),
    Case("three changes a month are yellow", H, with_defaults(H, aenderungen="3"), "gelb"),
    Case("two changes a month stay green", H, with_defaults(H, aenderungen="2"), "gruen"),
    Case("late payment is yellow", H, with_defaults(H, zahlung="verspaetet"), "gelb"),
    Case("an escalation is red", H, with_defaults(H, eskalationen="1"), "sanierung"),
    Case("no visible benefit is red", H, with_defaults(H, nutzen="nein"), "sanierung"),
    Case(
        "two reviews without improvement end it",
        H,
        with_defaults(H, offene_posten="1", reviews_ohne_besserung="2"),
        "ausstieg",
    ),
    Case(
        "remediation of five weeks is refused",
        H,
        with_defaults(H, sanierung_wochen="5"),
        errors=("sanierung_wochen",),
    ),
    # Exit planner: the follow-up window and the filled templates.
    Case(
        "follow-up after 60 days",
        E,
        with_defaults(E, abstand_tage="60"),
        "geplant",
        values={"wiedervorlage": "2026-07-11"},
    ),
    Case(
        "follow-up after 90 days",
        E,
        with_defaults(E, abstand_tage="90"),
        "geplant",
        values={"wiedervorlage": "2026-08-10"},
    ),
    Case("59 days are too early", E, with_defaults(E, abstand_tage="59"), errors=("abstand_tage",)),
    Case("91 days are too late", E, with_defaults(E, abstand_tage="91"), errors=("abstand_tage",)),
    Case(
        "templates are filled",
        E,
        with_defaults(E),
        "geplant",
        templates={
            "vorlage-crm-notiz": {
                "body": "{kunde}: {grund}. Wiedervorlage {wiedervorlage} ({einwilligung})."
            },
            "vorlage-abschiedsmail": {
                "subject": "Danke, {ansprechpartner}",
                "body": "Gruß, {absender}",
            },
        },
    ),
    Case(
        "unknown placeholder in a template",
        E,
        with_defaults(E),
        errors=("_form",),
        templates={"vorlage-crm-notiz": {"body": "{unbekannt}"}},
    ),
    # The boundary itself.
    Case("unknown calculator", "no-such-calculator", {}, errors=("_form",)),
    # Likely slips: computed as typed, with a hint (tests/calculators/test_hints.py); here so
    # that Pyodide answers them, holidays and the text to take along included, like CPython.
    Case(
        "slips: 0,3 without %, 90 h, a margin like an order value",
        V,
        {"kontakte": "A; 0,3; 6.000; 6\nB; 15 %; 80.000; 90", "team_median": "250"},
        "parken",
        values={"wert:A": "3.00", "wert:B": "133.33"},
    ),
    Case(
        "slips: next step on Easter Monday, last movement two years back",
        Q,
        score(75, naechster_schritt="06.04.2026", letzte_bewegung="16.02.2024"),
        "aktiv",
    ),
    Case("slips: follow-up on a Saturday", E, with_defaults(E, abstand_tage="88")),
    Case(
        "slips: the reader's date heads the text to take along",
        E,
        with_defaults(E, _datum="2026-03-17"),
        "geplant",
    ),
)


def team_defaults(calculator: str, **changes: str) -> dict[str, str]:
    """The calculator's default inputs under the team's rules, with some of them changed."""
    return {**CALCULATORS[calculator].bind(TEAM_RULES).defaults(), **changes}


MEASURES_8_OF_10 = MEASURES_9_OF_10.replace("10.03.2026; ja", "10.03.2026; nein")

#: Cases under the team's rules (``TEAM_RULES``). Each one answers differently under the
#: playbook's rules, so each proves that the calculator took the rule from the data.
TEAM_CASES: tuple[Case, ...] = (
    Case("bands 75/60: 70 points only nurture", Q, score(70), "pflegen"),
    Case("bands 75/60: 55 points park", Q, score(55), "parken"),
    Case(
        "21 days without next step switch to waiting",
        Q,
        score(80, naechster_schritt="", letzte_bewegung="09.02.2026"),
        "wartend",
        values={"tage_ohne_schritt": "21"},
    ),
    Case("two warning signals keep the band", Q, score(80, warnsignale="2"), "aktiv"),
    Case("three attempts keep the band", Q, score(60, kontaktversuche="3"), "pflegen"),
    Case(
        "76 % of the median is not clearly below 70 %",
        V,
        {"kontakte": "A; 19; 6000; 6", "team_median": "250"},
        values={"wert:A": "190.00", "status:A": "begrenzen"},
    ),
    Case(
        "three deadlines are not four",
        C,
        {
            "heute": "20.03.2026",
            "vorfaelle": "01.02.2026; termin\n20.02.2026; termin\n15.03.2026; termin",
        },
        "beobachten",
    ),
    Case(
        "four deadlines inside four weeks",
        C,
        {
            "heute": "29.03.2026",
            "vorfaelle": "\n".join(f"{day}.03.2026; termin" for day in ("01", "08", "15", "22")),
        },
        "faellig",
        values={"faellig_seit": "2026-03-22"},
    ),
    Case(
        "two delayed decisions are not three",
        C,
        {
            "heute": "20.03.2026",
            "vorfaelle": "02.03.2026; entscheidung; Budget offen\n16.03.2026; Entscheidung vertagt",
        },
        "beobachten",
    ),
    Case(
        "90 % is above an 80 % bar after 20 days",
        T,
        {"vereinbart_am": "01.03.2026", "heute": "31.03.2026", "massnahmen": MEASURES_9_OF_10},
        "weiter",
        values={"quote": "90.0", "review": "2026-03-22", "entscheidung": "2026-03-21"},
    ),
    Case(
        "exactly 80 % is not above an 80 % bar",
        T,
        {"vereinbart_am": "01.03.2026", "heute": "31.03.2026", "massnahmen": MEASURES_8_OF_10},
        "ausstieg",
        values={"quote": "80.0"},
    ),
    Case("three changes a month stay green", H, team_defaults(H, aenderungen="3"), "gruen"),
    Case(
        "two reviews without improvement are not yet three",
        H,
        team_defaults(H, offene_posten="1", reviews_ohne_besserung="2"),
        "sanierung",
    ),
    Case("a remediation of four weeks", H, team_defaults(H, sanierung_wochen="4"), "gruen"),
    Case(
        "follow-up after 30 days",
        E,
        team_defaults(E, abstand_tage="30"),
        "geplant",
        values={"wiedervorlage": "2026-06-11"},
    ),
    Case("61 days are too late", E, team_defaults(E, abstand_tage="61"), errors=("abstand_tage",)),
)
