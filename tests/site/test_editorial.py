"""Editorial checks: what a trainer would correct before handing a page out, found by the suite.

Every rendered page of the real site and every message the calculators give for many inputs
is read for German typography (a non-breaking space between a number and its unit, "%", "EUR"
or "€" and inside "z. B."; an en dash in number ranges; German quotation marks never doubled;
no ISO dates), doubled labels, counts with the wrong number ("1 Punkte"), "(en)"-style
brackets, one form of address ("Sie") and one term per concept (``preferred_terms.yml``).
Each check has a negative control: a planted defect it must find, and the correct form it must
let pass.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from calculators.boundary import run
from calculators.fields import Field
from calculators.registry import CALCULATORS, field_names
from content_model.calculator_embed import CalculatorEmbeds, worked_example_check
from content_model.loader import UNLABELLED_REF, load_playbook, unlabelled_refs, walk
from content_model.problems import ContentError
from content_model.schema import AgendaBlock, CalculatorBlock, Step
from content_model.strict_yaml import parse_yaml
from content_model.templating import html_environment
from tests.calculators.cases import CASES
from tests.calculators.playbook_rules import (
    PLAYBOOK_RULES,
    rules_yaml,
    without_worked_example_outcomes,
)
from tests.site.conftest import ROOT, build_project, make_fixture_project

HERE = Path(__file__).parent
SPACE = r"[ \t\n]"
"""A normal (breaking) space; the non-breaking U+00A0 and the narrow U+202F are not in it."""
NUMBER = r"(?<![\w.,])\d+(?:[.,]\d+)*"
UNITS = (
    r"%|EUR\b|€|Euro\b|Uhr\b|h\b|Std\.|Min\.|Minuten?\b|Stunden?\b|Tagen?\b|Tage\b|Wochen?\b"
    r"|Monate?n?\b|Jahren?\b|Punkten?\b(?! abgehakt)|Punkt\b"
)
"""Units and measures; "0 von 81 Punkten abgehakt" counts checklist items and is no measure."""
#: Plural nouns that must not follow the count 1 (with at most one adjective in between).
PLURALS = (
    r"Punkte|Punkten|Tage|Tagen|Wochen|Monate|Stunden|Minuten|Termine|Eskalationen|"
    r"Verzögerungen|Entscheidungen|Beispiele|Belege|Zeilen|Kontakte|Maßnahmen|Fragen|Vorfälle|"
    r"Warnsignale|Kontaktversuche|Review-Termine|Änderungswünschen"
)


@dataclass(frozen=True)
class Check:
    """One editorial rule: a pattern that marks a defect, what to write instead, and controls."""

    name: str
    pattern: re.Pattern[str]
    advice: str
    planted: str
    correct: str

    def findings(self, text: str) -> list[str]:
        """Each defect with a little text around it, so the report says where to look."""
        found = []
        for match in self.pattern.finditer(text):
            start, end = max(0, match.start() - 30), min(len(text), match.end() + 30)
            found.append(f"{self.name}: …{text[start:end]}… ({self.advice})".replace("\n", " "))
        return found


def _preferred_terms() -> list[Check]:
    entries = yaml.safe_load((HERE / "preferred_terms.yml").read_text(encoding="utf-8"))
    return [
        Check(
            f"Begriff „{entry['use']}“",
            re.compile(entry["avoid"]),
            f"das Playbook schreibt „{entry['use']}“",
            planted=entry.get("planted", ""),
            correct=entry["use"],
        )
        for entry in entries
    ]


TYPOGRAPHY = (
    Check(
        "geschütztes Leerzeichen vor Einheit",
        re.compile(rf"{NUMBER}{SPACE}+(?:{UNITS})"),
        "Zahl und Einheit mit U+00A0 verbinden",
        planted="ab 30 % Abschlusswahrscheinlichkeit, 6.000 EUR Marge, um 9 Uhr",
        correct="ab 30\u00a0% Abschlusswahrscheinlichkeit, 6.000\u00a0EUR Marge, um 9\u00a0Uhr",
    ),
    Check(
        "geschütztes Leerzeichen in Abkürzung",
        re.compile(r"\b(?:z|d|u|o|s)\.(?:[ \t\n]+|(?=[A-Za-z]))(?:B|h|a|ä|Ä|g|o)\.(?!\w)"),
        "„z.\u00a0B.“ mit U+00A0 schreiben",
        planted="Belege, z. B. Protokolle, d.h. alles Schriftliche",
        correct="Belege, z.\u00a0B. Protokolle, d.\u00a0h. alles Schriftliche",
    ),
    Check(
        "Halbgeviertstrich in Spannen",
        re.compile(r"(?<![\w.,\-/–])\d+(?:,\d+)?-\d+(?:,\d+)?(?![\w\-/])"),
        "Spannen mit „–“ (U+2013) schreiben",
        planted="6-8 Beispiele, 55-69 Punkte",
        correct="6–8 Beispiele, 55–69 Punkte",
    ),
    Check(
        "doppelte Anführungszeichen",
        re.compile(r"„\s*„|“\s*“|\"\s*\"|“\s*\"|\"\s*“|„\s*\""),
        "Anführungszeichen nur einmal setzen",
        planted="Sagen Sie: „„Wir sehen drei Wege.““",
        correct="Sagen Sie: „Wir sehen drei Wege.“",
    ),
    Check(
        "gerade Anführungszeichen",
        re.compile(r"\"[^\"\n]{1,80}\""),
        "deutsche Anführungszeichen „…“ verwenden",
        planted='Das "Wir kümmern uns" ist keine Zuständigkeit.',
        correct="Das „Wir kümmern uns“ ist keine Zuständigkeit.",
    ),
    Check(
        "ISO-Datum im Text",
        re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])"),
        "Datum als 14.03.2026 oder 14. März 2026 schreiben",
        planted="Die Wiedervorlage ist am 2026-03-14 fällig.",
        correct="Die Wiedervorlage ist am 14.03.2026 fällig.",
    ),
    Check(
        "doppeltes Etikett",
        re.compile(r"(?<![\w-])([A-ZÄÖÜ][\wäöüß-]*):\s+\1:"),
        "das Etikett steht schon in der Vorlage",
        planted="Grün: Grün: alles im Plan. Checkliste: Checkliste: Vorbereitung",
        correct="Grün: alles im Plan. Checkliste: Vorbereitung",
    ),
)

GRAMMAR = (
    Check(
        "Klammer-Plural",
        re.compile(r"\w\((?:en|e|r|n|s|in|innen|nen)\)"),
        "Einzahl oder Mehrzahl nach der Anzahl wählen (plural)",
        planted="1 Eskalation(en), 1 überfällige(r) Posten, Noch 2 verpasste(r) Termin(e)",
        correct="1 Eskalation, 1 überfälliger Posten, Noch zwei verpasste Termine",
    ),
    Check(
        "Mehrzahl nach 1",
        re.compile(
            rf"(?<![\w.,])[+\-\u2212]?1(?![.,]\d)[ \u00a0]+(?:[a-zäöüß]+[ \u00a0]+)?(?:{PLURALS})\b"
        ),
        "nach 1 steht die Einzahl",
        planted="+1 Punkte bei „Budget“, (1 Tage), 1 verpasste Termine",
        correct="+1\u00a0Punkt bei „Budget“, (1\u00a0Tag), 1\u00a0verpasster Termin",
    ),
    Check(
        "Anrede mit Sie",
        re.compile(
            r"\b[Bb]itte\b(?![ \u00a0]+(?:\w+[ \u00a0]+)?Sie\b)|\b(?:du|dein\w*|dich|dir)\b"
            r"|(?:^|[.!?:] )(?:\w+ )?(?:lassen|ausfüllen|eingeben|eintragen|angeben)\b[,.]"
        ),
        "„Bitte geben Sie … ein.“ statt Infinitiv oder Du",
        planted="Bitte eine ganze Zahl eingeben. Trag dein Datum ein. Leer lassen, wenn offen.",
        correct="Bitte geben Sie eine ganze Zahl ein. Tragen Sie Ihr Datum ein. Lassen Sie es leer.",
    ),
)

PAGE_CHECKS = (*TYPOGRAPHY, *_preferred_terms())
MESSAGE_CHECKS = (*TYPOGRAPHY, *GRAMMAR, *_preferred_terms())
ALL_CHECKS = {check.name: check for check in (*TYPOGRAPHY, *GRAMMAR, *_preferred_terms())}


# --- negative controls: every check finds its planted defect and passes the correct form ---


@pytest.mark.parametrize("check", ALL_CHECKS.values(), ids=list(ALL_CHECKS))
def test_each_check_finds_its_planted_defect(check: Check) -> None:
    planted = check.planted or _planted_term(check)
    assert check.findings(planted), f"{check.name} misses {planted!r}"
    assert check.findings(check.correct) == [], f"{check.name} flags the correct {check.correct!r}"


def _planted_term(check: Check) -> str:
    """A preferred-terms entry plants the first word its pattern names."""
    samples = {
        "Ansprechperson": "Der Ansprechpartner wechselt.",
        "Livegang": "Der Go-live rückt näher.",
        "Stimmige Lösung": "Der Lösungs-Fit passt.",
        "Abschlusswahrscheinlichkeit": "Die Abschlusschance liegt bei 30\u00a0%.",
        "Status-Ampel": "Die Statusampel steht auf Gelb.",
        "Kunden-Ampel": "Die Kundenampel zeigt Rot.",
        "Selbstbedienung": "Ein Self-Service-Portal hilft.",
        "die CAC": "Der CAC steigt, der CAC sinkt.",
        "Option A, B oder C": "Weg B passt.",
        "Don’ts (typografischer Apostroph)": "Dos und Don'ts",
        "E-Mail": "Schicken Sie eine Email.",
        "Vorfallsliste": "Führen Sie ein Vorfallprotokoll.",
    }
    return next(text for use, text in samples.items() if use in check.name)


def test_every_preferred_term_has_a_planted_defect() -> None:
    for check in _preferred_terms():
        assert check.findings(_planted_term(check)), check.name


# --- rendered pages ---


class _ArticleText(HTMLParser):
    """The visible text of a page's article, one line per block element."""

    BLOCKS = frozenset(
        {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "br", "tr", "dt", "dd"}
    )
    #: Scripts and graphics are not read; a textarea holds what a reader types, not prose.
    SKIPPED = frozenset({"script", "style", "svg", "textarea"})
    #: Form controls: each option is a text of its own ("Platz 5"), not the start of the
    #: sentence beside the list ("Stunden je Kontakt …"), so a separator no check reads across.
    CONTROLS = frozenset({"select", "option", "button"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if (tag == "article" and "md-content__inner" in classes) or (
            self.depth and tag == "article"
        ):
            self.depth += 1
        if tag in self.SKIPPED:
            self.skipping += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag in self.CONTROLS:
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag in self.CONTROLS:
            self.parts.append(" | ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        return "".join(self.parts)


def article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    return parser.text()


def page_texts(site: Path) -> Iterator[tuple[str, str]]:
    for page in sorted(site.rglob("index.html")):
        relative = page.relative_to(site)
        if relative.parts[0] == "assets":
            continue
        yield str(relative.parent), article_text(page.read_text(encoding="utf-8"))


def findings_in(texts: Iterator[tuple[str, str]], checks: tuple[Check, ...]) -> list[str]:
    return [
        f"{where}: {finding}"
        for where, text in texts
        for check in checks
        for finding in check.findings(text)
    ]


def test_article_text_is_what_a_reader_sees() -> None:
    html = (
        '<html><body><nav>30 % Navigation</nav><article class="md-content__inner md-typeset">'
        "<h1>Titel</h1><p>Ab 30&nbsp;% <strong>Marge</strong></p><script>var a = '6-8';</script>"
        "</article></body></html>"
    )
    text = article_text(html)
    assert "Ab 30\u00a0% Marge" in text
    assert "Navigation" not in text
    assert "6-8" not in text


def test_an_option_is_not_read_into_the_sentence_beside_it() -> None:
    """A self-check's "Platz 5" option is no figure of the item text "Stunden je Kontakt"."""
    html = (
        '<article class="md-content__inner"><select><option>Platz 4</option>'
        "<option>Platz 5</option></select> Stunden je Kontakt auswerten<p>Noch 5 Stunden</p>"
        "</article>"
    )
    found = findings_in(iter([("seite", article_text(html))]), PAGE_CHECKS)
    # Only the planted defect in the paragraph is found, not the option beside the item.
    assert len(found) == 1
    assert "Noch 5 Stunden" in found[0]


def test_a_planted_defect_in_a_page_is_found(tmp_path: Path) -> None:
    """Negative control over the page reader: a defect in a built page is reported with it."""
    page = tmp_path / "kapitel" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<article class="md-content__inner"><p>Grün: Grün: 6-8 Beispiele, z. B. 30 %</p></article>',
        encoding="utf-8",
    )
    found = findings_in(page_texts(tmp_path), PAGE_CHECKS)
    assert len(found) == 4
    assert all(finding.startswith("kapitel: ") for finding in found)


def test_rendered_pages_read_as_a_trainer_hands_them_out(real_site: Path) -> None:
    found = findings_in(page_texts(real_site), PAGE_CHECKS)
    assert found == [], "\n".join(found)


# --- the calculators' messages over many inputs ---


def _inputs_for(field: Field) -> list[str]:
    """Typed values that reach every message a field can cause."""
    if field.kind == "choice":
        return (
            [value for value, _ in field.choices]
            + [label for _, label in field.choices]
            + [
                "spät",
                "xyz",
            ]
        )
    if field.kind == "date":
        return ["01.03.2026", "31.12.2026", "31.02.2026", "morgen", "01.01.1800"]
    if field.kind in ("text", "lines"):
        return [""]
    values = ["0", "1", "2", "3", "5", "-1", "abc", "1.5", "0,3", "1,5", ""]
    for bound in (field.minimum, field.maximum):
        if bound is not None:
            values += [str(bound).replace(".", ","), str(bound + 1), str(bound - 1)]
    return values


def _line_variants(field: Field, default: str) -> list[str]:
    """A list input as given, one line only, and each cell of the first line changed."""
    lines = default.splitlines()
    variants = [default, lines[0], "\n".join(lines[:2]), ""]
    first = lines[0].split(";")
    for index, cell in enumerate(field.row):
        for value in _inputs_for(cell):
            changed = [*first]
            if index < len(changed):
                changed[index] = f" {value}"
                variants.append("\n".join([";".join(changed), *lines[1:]]))
    return variants


def calculator_requests() -> Iterator[tuple[str, dict[str, str]]]:
    """Each calculator's defaults with one field changed at a time, and every case of the table."""
    for calculator_id, declaration in CALCULATORS.items():
        calculator = declaration.bind(PLAYBOOK_RULES)
        defaults = calculator.defaults()
        yield calculator_id, defaults
        for field in calculator.inputs:
            if field.kind == "lines":
                values = _line_variants(field, defaults.get(field.name, ""))
            else:
                values = _inputs_for(field)
            for value in values:
                yield calculator_id, {**defaults, field.name: value}
    for case in CASES:
        yield case.calculator, case.fields


def _strings(node: object, key: str = "") -> Iterator[str]:
    if key in ("values", "html", "status", "tone"):
        return
    if isinstance(node, str):
        yield node
    elif isinstance(node, Mapping):
        for name, item in node.items():
            yield from _strings(item, str(name))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _strings(item)


def calculator_messages() -> dict[str, str]:
    """Every distinct text a calculator shows, with the request that made it."""
    messages: dict[str, str] = {}
    for calculator_id, declaration in CALCULATORS.items():
        calculator = declaration.bind(PLAYBOOK_RULES)
        for field in calculator.inputs:
            texts = [field.label, field.help, *(label for _, label in field.choices)]
            for text in (*texts, *(cell.label for cell in field.row), *(c.help for c in field.row)):
                messages.setdefault(text, f"{calculator_id}: Feld {field.name}")
    for calculator_id, fields in calculator_requests():
        answer = run(calculator_id, fields, rules=PLAYBOOK_RULES)
        for text in _strings(answer):
            messages.setdefault(text, f"{calculator_id}: {fields}")
    return messages


@pytest.fixture(scope="module")
def messages() -> dict[str, str]:
    return calculator_messages()


def test_many_inputs_reach_many_messages(messages: dict[str, str]) -> None:
    """The sweep reaches errors, verdicts and what-ifs of every calculator, not only defaults."""
    assert len(messages) > 400
    joined = "\n".join(messages)
    for expected in ("Bitte geben Sie eine ganze Zahl ein.", "meinten Sie", "passt nicht"):
        assert expected in joined


def test_calculator_messages_are_correct_german(messages: dict[str, str]) -> None:
    found = [
        f"{finding}\n    bei {request[:160]}"
        for text, request in messages.items()
        for check in MESSAGE_CHECKS
        for finding in check.findings(text)
    ]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    ("calculator_id", "fields", "expected"),
    [
        ("commitment-tracker", {"massnahmen": "Test; Frau Kaya; 04.03.2026; spät"}, None),
        (
            "commitment-tracker",
            {"massnahmen": "A; wir; 04.03.2026; ja\nB; Vertrieb; 04.03.2026; ja"},
            "Zeilen 1 und 2: Bitte benennen Sie eine Person",
        ),
        (
            "value-per-hour",
            {"kontakte": "A; 0,3; 6.000; 6"},
            "0,3\u00a0% – meinten Sie 30\u00a0%?",
        ),
        ("value-per-hour", {"kontakte": "A; 0,3 %; 6.000; 6"}, None),
    ],
)
def test_slips_and_german_spellings(
    calculator_id: str, fields: dict[str, str], expected: str | None
) -> None:
    """ "spät" is a state like "spaet"; a share typed as a fraction is computed as typed, with
    a hint that names the likely meaning (calculators/slips.py), never silently 3 EUR/h."""
    defaults = CALCULATORS[calculator_id].bind(PLAYBOOK_RULES).defaults()
    answer = run(calculator_id, {**defaults, **fields}, rules=PLAYBOOK_RULES)
    if expected is None:
        assert answer["ok"], answer
        assert answer["hints"] == {}, answer
    else:
        told = {**answer.get("errors", {}), **answer["hints"]}  # type: ignore[dict-item]
        assert any(expected in text for text in _strings(told)), answer


# --- references in running text carry a short label ---


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("text: Mehr dazu steht in [[drei-wege]] im Detail.\n", 1),
        ("text: |-\n  Erster Absatz.\n\n  Wie in [[drei-wege]] gezeigt.\n", 1),
        ("text: Mehr dazu steht in [[drei-wege|den drei Optionen]].\n", 0),
        ('items:\n  - "[[drei-wege]]"\n  - Schritt 1\n', 0),
        ("text: |-\n  Weiterlesen:\n  [[drei-wege]]\n", 0),
    ],
)
def test_a_reference_in_a_sentence_needs_a_label(text: str, problems: int) -> None:
    document = parse_yaml(text, "kapitel.yml")
    found = unlabelled_refs(document, text)
    assert len(found) == problems
    for problem in found:
        assert UNLABELLED_REF in problem.message
        line = text.splitlines()[problem.line - 1]
        assert line[problem.column - 1 :].startswith("[[drei-wege]]")


def test_every_reference_in_running_text_has_a_label() -> None:
    """``python -m content_model content`` lists the same places with file:line:col."""
    try:
        load_playbook(ROOT / "content", calculators=field_names(), editorial=True)
    except ContentError as error:
        unlabelled = [
            str(problem) for problem in error.problems if UNLABELLED_REF in problem.message
        ]
        assert unlabelled == [], "\n".join(unlabelled)


# --- worked examples agree with their calculators ---


def test_the_playbook_declares_worked_examples_that_compute() -> None:
    """The chapters' worked examples are declared (preset with outcome) and agree."""
    try:
        load_playbook(ROOT / "content", calculators=field_names(), editorial=True)
    except ContentError as error:
        disagree = [str(p) for p in error.problems if UNLABELLED_REF not in p.message]
        assert disagree == [], "\n".join(disagree)
    playbook = load_playbook(ROOT / "content", calculators=field_names())
    declared = [
        preset
        for chapter in playbook.chapters
        for _, node in walk(chapter)
        if isinstance(node, CalculatorBlock)
        for preset in node.presets
        if preset.outcome is not None
    ]
    assert declared


def test_a_worked_example_the_calculator_answers_otherwise_is_reported(tmp_path: Path) -> None:
    """Negative control: the chapter states an outcome the calculator does not give."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    chapter = content / "chapters" / "gespraech-als-steuerung.yml"
    text = chapter.read_text(encoding="utf-8")
    assert "status: faellig" in text
    chapter.write_text(text.replace("status: faellig", "status: beobachten", 1), encoding="utf-8")
    load_playbook(content, calculators=field_names())  # the build does not compute examples
    with pytest.raises(ContentError) as raised:
        load_playbook(content, calculators=field_names(), editorial=True)
    messages = [str(p) for p in raised.value.problems if UNLABELLED_REF not in p.message]
    assert len(messages) == 1
    assert "gespraech-als-steuerung.yml:" in messages[0]
    assert "Das Kapitel nennt „fällig seit 10.03.2026“, der Rechner antwortet" in messages[0]


# --- the build refuses worked examples the team's rules contradict ---


def _project_with_rules(tmp: Path, missed_deadlines: int) -> Path:
    """The real content with ``escalation.missed_deadlines`` set as a team might set it."""
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    rules = content / "rules.yml"
    values = {"escalation": {"missed_deadlines": missed_deadlines}}
    rules.write_text(rules_yaml(values, rules.read_text(encoding="utf-8")), encoding="utf-8")
    (tmp / "build").mkdir()
    return make_fixture_project(tmp / "build", content)


def test_the_build_checks_the_worked_examples_with_the_playbooks_rules() -> None:
    """The real content passes the check the build runs (positive control of the next test)."""
    playbook = load_playbook(ROOT / "content", calculators=field_names())
    worked_example_check(playbook, ROOT / "content")
    CalculatorEmbeds(playbook, html_environment(ROOT / "templates"))


def test_the_build_fails_when_the_rules_contradict_a_worked_example(
    tmp_path: Path, mkdocs_log: pytest.LogCaptureFixture
) -> None:
    """Negative control: a team needs a fourth missed deadline; the Hansen example has three.

    The chapter still says "fällig seit 10.03.2026", the calculator now answers otherwise, so
    the build stops with the file, the line of the outcome and the preset's id.
    """
    project = _project_with_rules(tmp_path, missed_deadlines=4)
    with pytest.raises((ContentError, Abort)) as raised:
        build_project(project, tmp_path / "site")
    reported = str(raised.value) + "\n".join(record.getMessage() for record in mkdocs_log.records)
    assert re.search(r"content/chapters/gespraech-als-steuerung\.yml:\d+:\d+: ", reported)
    assert ":1:1:" not in reported.split("gespraech-als-steuerung.yml", 1)[1][:8]
    assert "„preset-hansen-webshop“" in reported
    assert "Das Kapitel nennt „fällig seit 10.03.2026“" in reported
    assert not (tmp_path / "site" / "index.html").exists()


# --- the steps of the options agree with the conversation's agenda ---

#: The steps on "Die Optionen im Gespräch vorstellen" and the agenda items they fill.
STEP_AGENDA: dict[str, tuple[str, ...]] = {
    "Optionen": (
        "drei-wege-schritt-rahmen",
        "drei-wege-schritt-vorstellen",
        "drei-wege-schritt-fragen",
    ),
    "Entscheidung": ("drei-wege-schritt-entscheiden",),
}


def time_box_mismatches(content: Path) -> list[str]:
    """Where the options' steps take other minutes than the agenda item they belong to."""
    playbook = load_playbook(content, calculators=field_names())
    agenda = next(
        node
        for chapter in playbook.chapters
        if chapter.id == "gespraech-eroeffnen"
        for _, node in walk(chapter)
        if isinstance(node, AgendaBlock)
    )
    planned = dict(zip((item.label for item in agenda.items), agenda.filled_minutes(), strict=True))
    steps = {
        str(node.id): node.minutes
        for chapter in playbook.chapters
        if chapter.id == "drei-wege"
        for _, node in walk(chapter)
        if isinstance(node, Step)
    }
    found = []
    for label, ids in STEP_AGENDA.items():
        taken = sum(steps[step] or 0 for step in ids)
        if taken != planned[label]:
            found.append(f"„{label}“: Agenda {planned[label]} Min., Schritte {taken} Min.")
    return found


def test_the_option_steps_fill_their_agenda_items() -> None:
    assert time_box_mismatches(ROOT / "content") == []


def test_the_option_steps_agree_whatever_the_conversation_lasts(tmp_path: Path) -> None:
    """A team that plans a longer conversation gives the time to the customer's view."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    rules = content / "rules.yml"
    values = {"conversation": {"minutes": 45}}
    rules.write_text(rules_yaml(values, rules.read_text(encoding="utf-8")), encoding="utf-8")
    assert time_box_mismatches(content) == []


def test_a_step_longer_than_its_agenda_item_is_found(tmp_path: Path) -> None:
    """Negative control: one option step takes a minute more than the agenda leaves."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    chapter = content / "chapters" / "drei-wege.yml"
    text = chapter.read_text(encoding="utf-8")
    planted = text.replace("            minutes: 6\n", "            minutes: 7\n", 1)
    assert planted != text
    chapter.write_text(planted, encoding="utf-8")
    assert time_box_mismatches(content) == ["„Optionen“: Agenda 10 Min., Schritte 11 Min."]


def test_without_outcomes_the_contradicted_examples_build(tmp_path: Path) -> None:
    """The helper above removes exactly the declarations the altered rules contradict."""
    project = _project_with_rules(tmp_path, missed_deadlines=4)
    content = project / "content"
    playbook = load_playbook(content, calculators=field_names())
    with pytest.raises(ContentError):
        worked_example_check(playbook, content)
    without_worked_example_outcomes(content)
    playbook = load_playbook(content, calculators=field_names())
    worked_example_check(playbook, content)
    assert all(
        preset.outcome is None
        for chapter in playbook.chapters
        for _, node in walk(chapter)
        if isinstance(node, CalculatorBlock)
        for preset in node.presets
    )
