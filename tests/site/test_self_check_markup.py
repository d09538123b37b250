"""The self-check as a reader without JavaScript gets it, read from a built fixture page.

Every question is a fieldset with a legend and native controls; a choice question's radio
buttons share one name, an ordering question's selects are named by their step's text; the
answers and explanations sit in a <details>; the buttons and result line stay hidden until
the script binds them. ``markup_problems`` lists what is missing; the built page has nothing
to report, and a page with planted defects (the negative control) has each one reported.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from content_model.contract import CONTRACT
from tests.site.conftest import build_project

SC = CONTRACT.self_check
PART = CONTRACT.part.attribute


class _Element:
    def __init__(self, tag: str, attributes: dict[str, str], parent: _Element | None) -> None:
        self.tag = tag
        self.attributes = attributes
        self.parent = parent
        self.children: list[_Element] = []
        self.text = ""

    def within(self, tag: str) -> bool:
        node = self.parent
        while node is not None:
            if node.tag == tag:
                return True
            node = node.parent
        return False

    def descendants(self) -> list[_Element]:
        found: list[_Element] = []
        for child in self.children:
            found.extend([child, *child.descendants()])
        return found


class _Tree(HTMLParser):
    """A small element tree of a page (the standard library has no HTML DOM)."""

    VOID = frozenset({"input", "br", "img", "meta", "link", "hr", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.root = _Element("#root", {}, None)
        self.current = self.root
        self.all: list[_Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        self.all.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_endtag(self, tag: str) -> None:
        node: _Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        node: _Element | None = self.current
        while node is not None:
            node.text += data
            node = node.parent


def _question_problems(question: _Element, ids: set[str]) -> list[str]:
    """What one question lacks: fieldset and legend, named controls, answer, explanations."""
    key = question.attributes[SC.question_attribute]
    below = question.descendants()
    problems: list[str] = []
    if question.tag != "fieldset":
        problems.append(f"{key}: not a fieldset")
    if not any(e.tag == "legend" and e.text.strip() for e in question.children):
        problems.append(f"{key}: no legend")
    choices = [e for e in below if e.tag == "input"]
    selects = [e for e in below if e.tag == "select"]
    if not choices and not selects:
        problems.append(f"{key}: nothing to answer with")
    if len({e.attributes.get("name") for e in choices}) > 1:
        problems.append(f"{key}: the choices do not share one name")
    problems.extend(f"{key}: a choice outside its label" for e in choices if not e.within("label"))
    problems.extend(
        f"{key}: a select without a name"
        for e in selects
        if e.attributes.get("aria-labelledby", "") not in ids
    )
    details = [e for e in below if e.tag == "details"]
    if not details or not any(e.tag == "summary" for e in details[0].children):
        problems.append(f"{key}: no <details> with a summary for the answer")
    whys = [e for e in below if e.attributes.get(PART) == SC.why_part]
    if choices and len(whys) != len(choices):
        problems.append(f"{key}: {len(whys)} explanations for {len(choices)} choices")
    if not any(e.tag == "a" and e.within("details") for e in below):
        problems.append(f"{key}: no link to the step that teaches it")
    return problems


def markup_problems(html: str) -> list[str]:
    """What a reader without JavaScript, or with a screen reader, would miss in a self-check."""
    tree = _Tree()
    tree.feed(html)
    ids = {element.attributes["id"] for element in tree.all if "id" in element.attributes}
    containers = [e for e in tree.all if SC.container_attribute in e.attributes]
    if not containers:
        return ["no self-check on the page"]
    problems: list[str] = []
    for container in containers:
        inside = container.descendants()
        tools = [e for e in inside if e.attributes.get(PART) == SC.tools_part]
        if not tools or "hidden" not in tools[0].attributes:
            problems.append("the buttons are not hidden until the script binds them")
        for question in inside:
            if SC.question_attribute in question.attributes:
                problems.extend(_question_problems(question, ids))
    return problems


def test_the_built_self_check_has_everything(fixture_project: Path, tmp_path: Path) -> None:
    """The fixture chapter's self-check: three questions, nothing missing, a shuffled order."""
    site = build_project(fixture_project, tmp_path / "site")
    html = (site / "teil-eins" / "alle-bausteine" / "index.html").read_text(encoding="utf-8")
    assert markup_problems(html) == []
    assert html.count(f"{SC.question_attribute}=") == 3
    assert 'type="radio"' in html
    assert 'type="checkbox"' in html
    positions = [
        html[index:].split('"', 2)[1]
        for index in [i for i in range(len(html)) if html.startswith(SC.position_attribute, i)]
    ]
    assert sorted(positions) == ["1", "2", "3"]
    assert positions != ["1", "2", "3"], "the steps are shown in their right order"
    onboarding = (site / "einstieg" / "index.html").read_text(encoding="utf-8")
    assert "0 von 1 Selbstchecks bestanden" in onboarding
    assert f'{SC.keys_attribute}="selbstcheck-bausteine/erster-schritt ' in onboarding


def test_planted_defects_are_reported(fixture_project: Path, tmp_path: Path) -> None:
    """Negative control: each defect planted in a built page is found."""
    site = build_project(fixture_project, tmp_path / "site")
    html = (site / "teil-eins" / "alle-bausteine" / "index.html").read_text(encoding="utf-8")
    start = html.index(f"{SC.container_attribute}=")
    head, self_check = html[:start], html[start:]
    planted = head + (
        self_check.replace("<legend>", "<p>", 1)
        .replace("</legend>", "</p>", 1)
        .replace("aria-labelledby=", "data-gone=", 1)
        .replace(f'{PART}="{SC.tools_part}" hidden="hidden"', f'{PART}="{SC.tools_part}"', 1)
        .replace("<summary>", "<p>", 1)
    )
    found = markup_problems(planted)
    assert "the buttons are not hidden until the script binds them" in found
    assert "selbstcheck-bausteine/erster-schritt: no legend" in found
    assert (
        "selbstcheck-bausteine/erster-schritt: no <details> with a summary for the answer" in found
    )
    assert "selbstcheck-bausteine/reihenfolge: a select without a name" in found
