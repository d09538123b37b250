"""Change every rule in ``content/rules.yml`` and no page keeps an old figure in its place.

The site is built twice from the real content: once with the real rules, once with a copy
where every rule has another valid value (values the default site shows nowhere). Then, in the
text of every page:

* no old figure with its unit ("70 Punkte", "60–90 Tage", "90 %" …) is left in the altered
  site, except in a few sentences listed below that state a figure which is not a rule;
* wherever the default site showed a rule's figure, the altered site shows the new one;
* the new figures appear nowhere in the default site, so finding them proves the rule.

The content's text (chapters, glossary, onboarding, overviews, navigation) and the calculators'
own text (form, help, formula, worked examples, input table) are checked separately: the
calculators' strings come from their declarations, the content's from the YAML.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from content_model.contract import CONTRACT
from content_model.data_tables import wrapped
from content_model.loader import load_playbook
from content_model.rule_text import EN_DASH, NBSP, RuleValue, format_rule
from tests.calculators.playbook_rules import rules_yaml, without_worked_example_outcomes
from tests.site.conftest import ROOT, build_project, make_fixture_project

#: Every rule changed to another valid value (25 points per question in steps of 1).
ALTERED: dict[str, RuleValue] = {
    "score.question_points": 25,
    "score.step": 1,
    "score.pursue_from": 75,
    "score.nurture_from": 60,
    "score.days_without_next_step": 21,
    "score.warning_signals": 4,
    "score.unanswered_attempts": 5,
    "value.clearly_below_median": 70,
    "escalation.missed_deadlines": 4,
    "escalation.window_weeks": 4,
    "escalation.delayed_decisions": 3,
    "commitment.kept_share": 85,
    "commitment.within_days": 45,
    "commitment.review_after_weeks": 3,
    "commitment.protocol_within_hours": 36,
    "approval.window_hours": 72,
    "remediation.weeks": (5, 7),
    "remediation.reviews_before_exit": 3,
    "remediation.frequent_changes_per_month": 5,
    "remediation.delays_for_yellow": 4,
    "follow_up.days": (30, 60),
    "conversation.minutes": 40,
    "exit_call.preparation_minutes": 9,
    "exit_call.approach_minutes": 4,
    "exit_call.message_minutes": 11,
    "exit_call.documentation_minutes": 4,
}

#: Sentences that state a figure which is not a rule, though it reads like one (patterns, with
#: the reason). Each is removed from the page text before the scan, so the same figure anywhere
#: else still fails.
NOT_RULES: dict[str, str] = {
    r"Für 30 Tage nach der Übergabe": "Weg C: Ansprechfenster nach der Übergabe (A9), keine Regel",
    r"danach 30 Tage Ansprechfenster": "Weg C: Ansprechfenster nach der Übergabe (A9)",
    r"bleiben 30 Tage für Fragen": "Weg C: Ansprechfenster nach der Übergabe (A9)",
    r"und 30 Tage Ansprechfenster": "Weg C: Ansprechfenster nach der Übergabe (A9)",
    r"etwa 80 % des Ergebnisses": "Pareto-Prinzip (B1), nicht die Median-Grenze (B4)",
    r"übrigen 80 % der Kontakte": "Pareto-Prinzip (B1)",
    r"um 10:00 Uhr für 30 Minuten": "Dauer eines Jour fixe im Beispiel (B5), kein heikles Gespräch",
    r"Etwa 30 Minuten, einmal im Quartal": "Dauer der Zeitfresser-Liste (B4)",
    r"Lesezeit etwa \d+ Minuten": "Lesezeit eines Kapitels, keine Regel",
    r"Maßnahmen eingehalten: \d+ %": "vom Tracker berechnete Quote, kein Schwellenwert",
    r"Termintreue \d+ %": "vom Tracker berechnete Kennzahl, kein Schwellenwert",
}
#: Time boxes of other procedures that happen to equal a rule's old figure: (page, figure) ->
#: how often the page may show it, and why.
OTHER_TIME_BOXES: dict[tuple[str, str], tuple[int, str]] = {
    ("gespraeche/drei-wege/index.html", "3 Minuten"): (1, "Schritt „Fragen klären“ (A9)"),
    ("gespraeche/drei-wege/index.html", "2 Minuten"): (1, "Schritt „Um die Entscheidung bitten“"),
    ("gespraeche/fazit-lernen/index.html", "30 Minuten"): (1, "Lernlog aufräumen (A11)"),
    # Trainer notes give each chapter's workshop time, which is no rule of the conversation.
    ("fuer-trainer/index.html", "30 Minuten"): (3, "Zeitbedarf im Workshop"),
    ("workshop/index.html", "30 Minuten"): (3, "Zeitbedarf im Workshop (Hinweise für Trainer)"),
    ("gespraeche/beispielgespraech/index.html", "3 Minuten"): (
        1,
        "Agenda-Punkt „Nächste Schritte“",
    ),
}

#: Figures the altered rules happen to share with a page's other numbers today. The sample
#: dialogue sums agenda items into its time boxes (Start and Ihre Sicht: 4 minutes; Sicht des
#: Kunden: 11), which tests/site/test_dialogue_pages.py checks against the chapters.
NEW_FIGURE_COINCIDENCES = frozenset(
    {
        ("gespraeche/beispielgespraech/index.html", "4 Minuten"),
        ("gespraeche/beispielgespraech/index.html", "11 Minuten"),
    }
)

CALCULATOR_PREFIX = CONTRACT.calculator.link_prefix
CALCULATOR_CONTAINER = CONTRACT.calculator.container_attribute
SKIPPED_TAGS = frozenset({"script", "style", "template"})
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass
class PageText:
    """The visible text of a page, split into what the content says and what calculators say."""

    content: str
    calculators: str
    #: The content's text outside navigation, with its non-breaking spaces kept.
    content_as_typeset: str


def _example_block(tag: str, values: dict[str, str | None]) -> bool:
    """A block right after a calculator that belongs to it: its worked example (a table, in
    the wrapper the build writes around tables) or its details."""
    wrapper = tag == "div" and "md-typeset__scrollwrap" in str(values.get("class") or "")
    return tag in ("table", "details") or wrapper


class TextSplitter(HTMLParser):
    """Collects text; a calculator (heading to form, then its tables) goes to its own bucket.

    The calculator block's layout is ``templates/blocks/calculator.md.j2``: a heading with the
    calculator's anchor, summary and formula, the form container, then the worked examples and
    (on the overview page) the inputs as tables. Everything from the heading to the end of
    those tables is the calculator's.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.content: list[str] = []
        self.calculators: list[str] = []
        #: The content outside navigation: Python-Markdown's table of contents joins a
        #: heading's words with plain spaces (``markdown.extensions.toc.strip_tags``).
        self.typeset: list[str] = []
        self.in_nav = 0
        self.skipping = 0
        self.state = "content"  # content | heading | form | after
        self.form_depth = 0
        self.after_depth = 0

    def _bucket(self) -> list[str]:
        return self.content if self.state == "content" else self.calculators

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in SKIPPED_TAGS:
            self.skipping += 1
            return
        if tag in VOID_TAGS:
            return
        self.in_nav += tag == "nav"
        if re.fullmatch(r"h[1-6]", tag) and str(values.get("id") or "").startswith(
            CALCULATOR_PREFIX
        ):
            self.state = "heading"
        elif self.state == "heading" and CALCULATOR_CONTAINER in values:
            self.state, self.form_depth = "form", 0
        elif self.state == "after":
            if self.after_depth == 0 and not _example_block(tag, values):
                self.state = "content"
            else:
                self.after_depth += 1
        if self.state == "form":
            self.form_depth += 1
        self._space()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping -= 1
            return
        if tag in VOID_TAGS:
            return
        self.in_nav -= tag == "nav"
        self._space()
        if self.state == "form":
            self.form_depth -= 1
            if self.form_depth == 0:
                self.state, self.after_depth = "after", 0
        elif self.state == "after" and self.after_depth > 0:
            self.after_depth -= 1

    def _space(self) -> None:
        """Tags separate words."""
        self._bucket().append(" ")
        if self.state == "content" and not self.in_nav:
            self.typeset.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._bucket().append(data)
            if self.state == "content" and not self.in_nav:
                self.typeset.append(data)


def normalised(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


def page_text(page: Path) -> PageText:
    splitter = TextSplitter()
    splitter.feed(page.read_text(encoding="utf-8"))
    typeset = re.sub(r"[ \t\r\n]+", " ", "".join(splitter.typeset))
    content = normalised("".join(splitter.content))
    calculators = normalised("".join(splitter.calculators))
    for pattern in NOT_RULES:
        content = re.sub(pattern, "", content)
        calculators = re.sub(pattern, "", calculators)
    return PageText(content, calculators, typeset)


def site_texts(site: Path) -> dict[str, PageText]:
    return {
        str(page.relative_to(site)): page_text(page)
        for page in sorted(site.rglob("*.html"))
        if page.name != "404.html"
    }


def figures(value: RuleValue, unit: str) -> list[str]:
    """How a figure with its unit reads in German, as the site and older texts wrote it."""
    shown = [normalised(format_rule(value, unit)), normalised(format_rule(value, unit, "dativ"))]
    if isinstance(value, tuple):
        words = normalised(format_rule(value, unit)).split(" ", 1)[1]
        shown.append(f"{value[0]} bis {value[1]} {words}")
    # Not deduplicated: the forms of two values pair up by position ("1 Punkt" has one form
    # for both cases where "5 Punkte"/"5 Punkten" has two).
    return shown


def occurrences(text: str, figure: str) -> int:
    """How often ``figure`` stands in ``text`` as a number of its own (not "170 Punkte")."""
    return len(re.findall(rf"(?<![\d.,{EN_DASH}]){re.escape(figure)}(?![\w])", text))


@dataclass(frozen=True)
class Changed:
    """One rule: its unit and its figure before and after."""

    name: str
    unit: str
    old: RuleValue
    new: RuleValue


def altered_rules_file(text: str) -> str:
    """``content/rules.yml`` with each rule's ``value`` line set to its altered value."""
    values: dict[str, dict[str, object]] = {}
    for name, value in ALTERED.items():
        section, rule = name.split(".")
        values.setdefault(section, {})[rule] = value
    return rules_yaml(values, text)


@pytest.fixture(scope="module")
def changed() -> list[Changed]:
    book = load_playbook(ROOT / "content").rule_book
    return [
        Changed(name, entry.unit, entry.value, ALTERED[name])
        for name, entry in book.entries.items()
        if name in ALTERED
    ]


def _project(tmp: Path, rules: str | None) -> Path:
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    if rules is not None:
        (content / "rules.yml").write_text(rules, encoding="utf-8")
        without_worked_example_outcomes(content)
    (tmp / "build").mkdir()
    project = make_fixture_project(tmp / "build", content)
    return project


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PageText]:
    tmp = tmp_path_factory.mktemp("default-rules")
    return site_texts(build_project(_project(tmp, None), tmp / "site"))


@pytest.fixture(scope="module")
def altered_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PageText]:
    tmp = tmp_path_factory.mktemp("altered-rules")
    rules = altered_rules_file((ROOT / "content" / "rules.yml").read_text(encoding="utf-8"))
    return site_texts(build_project(_project(tmp, rules), tmp / "site"))


def scanned(changed: list[Changed]) -> Iterator[tuple[Changed, str, str]]:
    """Each rule with a unit, with each old figure and the new figure in the same form."""
    for rule in changed:
        if rule.unit == "anzahl":
            continue  # a bare count ("3") cannot be told apart from any other 3 on a page
        for old, new in zip(
            figures(rule.old, rule.unit), figures(rule.new, rule.unit), strict=True
        ):
            yield rule, old, new


def test_every_rule_is_altered(changed: list[Changed]) -> None:
    """The altered set covers every rule, each with a new value."""
    assert {rule.name for rule in changed} == set(ALTERED)
    assert len(changed) == 26
    assert all(rule.old != rule.new for rule in changed)


def test_the_altered_rules_file_is_valid(tmp_path: Path) -> None:
    """Negative control for the scan: the altered file loads and states the new figures."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    text = (content / "rules.yml").read_text(encoding="utf-8")
    (content / "rules.yml").write_text(altered_rules_file(text), encoding="utf-8")
    rules = load_playbook(content).rules
    assert rules.score.pursue_from == 75
    assert rules.follow_up.days == (30, 60)
    assert rules.remediation.weeks == (5, 7)


def test_the_new_figures_are_nowhere_in_the_default_site(
    default_site: dict[str, PageText], changed: list[Changed]
) -> None:
    """So that finding a new figure in the altered site proves it came from the rule."""
    found = [
        f"{page}: {new}"
        for rule, _, new in scanned(changed)
        for page, text in default_site.items()
        if occurrences(text.content + " " + text.calculators, new)
        and (page, new) not in NEW_FIGURE_COINCIDENCES
    ]
    assert found == [], "\n".join(found)


def test_the_default_site_states_every_rule_with_a_unit(
    default_site: dict[str, PageText], changed: list[Changed]
) -> None:
    """Negative control: the scan finds the old figures where the rules are today."""
    stated = {
        rule.name
        for rule, old, _ in scanned(changed)
        for page, text in default_site.items()
        if left_over(text.content, page, old)
    }
    expected = {rule.name for rule in changed if rule.unit != "anzahl"}
    assert stated == expected


def left_over(text: str, page: str, figure: str) -> int:
    """Occurrences of an old figure beyond the page's other time boxes of that length."""
    allowed, _ = OTHER_TIME_BOXES.get((page, figure), (0, ""))
    return max(occurrences(text, figure) - allowed, 0)


def test_no_content_page_keeps_an_old_figure(
    altered_site: dict[str, PageText], changed: list[Changed]
) -> None:
    left = [
        f"{page}: {old!r} ({rule.name})"
        for rule, old, _ in scanned(changed)
        for page, text in altered_site.items()
        if left_over(text.content, page, old)
    ]
    assert left == [], "\n".join(left)


def test_the_allowances_are_still_needed(default_site: dict[str, PageText]) -> None:
    """Negative control for the allow-list: each allowed time box is on its page today."""
    missing = [
        f"{page}: {figure!r}"
        for (page, figure), (count, _) in OTHER_TIME_BOXES.items()
        if occurrences(default_site[page].content, figure) < count
    ]
    assert missing == []


def test_every_old_figure_is_replaced_by_the_new_one(
    default_site: dict[str, PageText], altered_site: dict[str, PageText], changed: list[Changed]
) -> None:
    """Where the default site stated a rule, the altered site states its new figure."""
    missing = [
        f"{page}: {old!r} -> {new!r} ({rule.name})"
        for rule, old, new in scanned(changed)
        for page, text in default_site.items()
        if left_over(text.content, page, old)
        and not occurrences(altered_site[page].content, new)
        # The same old figure may belong to two rules ("30 Tage"); one of them must show.
        and not any(
            occurrences(altered_site[page].content, other_new)
            for other, other_old, other_new in scanned(changed)
            if other_old == old and other is not rule
        )
    ]
    assert missing == []


def test_a_rule_figure_never_breaks_between_number_and_unit(
    altered_site: dict[str, PageText], changed: list[Changed]
) -> None:
    """Every new figure the content shows is typeset with its non-breaking space."""
    broken = [
        f"{page}: {new!r} ({rule.name})"
        for rule, _, new in scanned(changed)
        if " bis " not in new
        for page, text in altered_site.items()
        if occurrences(text.content_as_typeset, new)
    ]
    shown = [
        new
        for rule, _, new in scanned(changed)
        for text in altered_site.values()
        if occurrences(text.content_as_typeset, new.replace(" ", NBSP))
    ]
    assert broken == []
    assert shown  # negative control: the typeset figures are found


def test_no_calculator_keeps_an_old_figure(
    altered_site: dict[str, PageText], changed: list[Changed]
) -> None:
    """Labels, help, formula, worked examples and the inputs table of every calculator."""
    left = [
        f"{page}: {old!r} ({rule.name})"
        for rule, old, _ in scanned(changed)
        for page, text in altered_site.items()
        if occurrences(text.calculators, old)
    ]
    assert left == [], "\n".join(left)


def test_the_splitter_tells_calculators_from_content() -> None:
    """Negative control: text around a calculator block stays content."""
    html = (
        '<p>Vorher 70 Punkte.</p><h3 id="rechner-x">Rechner</h3><p>Formel 70 Punkte</p>'
        f'<div {CALCULATOR_CONTAINER}="x"><form><div><label>ab 70 Punkte</label></div></form>'
        "</div>"
        + wrapped("<table><tr><td>Beispiel 70 Punkte</td></tr></table>")
        + "<details><p>Eingaben 0 bis 20 Punkte</p></details><p>Nachher 55 Punkte.</p>"
    )
    splitter = TextSplitter()
    splitter.feed(html)
    assert normalised("".join(splitter.content)) == "Vorher 70 Punkte. Nachher 55 Punkte."
    assert normalised("".join(splitter.calculators)) == (
        "Rechner Formel 70 Punkte ab 70 Punkte Beispiel 70 Punkte Eingaben 0 bis 20 Punkte"
    )
