"""Load the whole content folder into one validated ``Playbook``.

Problems are collected across all files (syntax, schema, duplicate ids, dangling
references, unused placeholders) and raised together as one ``ContentError`` so the author
sees everything wrong at once, each with file, line and column.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from calculators.boundary import run
from calculators.registry import CALCULATORS
from calculators.rules import Rules
from content_model.contract import CONTRACT
from content_model.dialogue import located_timebox_problems
from content_model.pages import chapter_uri, page_url, part_uri, with_fragment
from content_model.problems import ContentError, Problem
from content_model.role_plays import RolePlaysFile, practice_problems
from content_model.roles import anchor_fields
from content_model.rule_refs import resolve_rule_refs
from content_model.rules import RuleBook, read_rules, rule_names
from content_model.schema import (
    CalculatorBlock,
    Chapter,
    GlossaryFile,
    Model,
    OnboardingFile,
    Part,
    PartsFile,
    Redirect,
    RedirectsFile,
    TemplateBlock,
    Term,
)
from content_model.site_map import SPECIAL_PAGE_BY_ID, SPECIAL_PAGES, SitePage, site_pages
from content_model.strict_yaml import Data, PathKey, Position, YamlDocument, parse_yaml
from content_model.team import with_team_defaults

M = TypeVar("M", bound=BaseModel)

INLINE_REF = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")

#: Calculator headings take the anchors with the contract's link prefix; content ids must not.
RESERVED_ANCHOR_PREFIX = CONTRACT.calculator.link_prefix


@dataclass(frozen=True)
class Target:
    """Where a reference lands, resolved once when the content is loaded.

    ``page`` is a chapter, part or special page id; ``uri`` the source URI (with the anchor
    as fragment) where the site map puts it; ``title`` the default text of a link to it.
    """

    page: str
    anchor: str | None
    title: str
    uri: str


@dataclass
class Playbook:
    """Everything the site is generated from, validated and cross-linked."""

    parts: list[Part]
    chapters: list[Chapter]
    glossary: list[Term]
    onboarding: OnboardingFile
    #: The validated ``content/rules.yml``: each rule with unit, range, fact and description.
    rule_book: RuleBook
    sources: dict[str, str] = field(default_factory=dict)  # chapter id -> file path
    targets: dict[str, Target] = field(default_factory=dict)
    redirects: list[Redirect] = field(default_factory=list)
    #: ``content/role_plays.yml``, when the playbook has role plays.
    role_plays: RolePlaysFile | None = None

    @property
    def rules(self) -> Rules:
        """The rules' values as the calculators take them."""
        return self.rule_book.rules

    @cached_property
    def chapter_by_id(self) -> dict[str, Chapter]:
        """Chapters by id: references are resolved once per link, so no linear search."""
        return {chapter.id: chapter for chapter in self.chapters}

    @cached_property
    def templates_by_id(self) -> dict[str, TemplateBlock]:
        """Every text template of every chapter by its id."""
        return {
            block.id: block
            for chapter in self.chapters
            for section in chapter.sections
            for block in section.blocks
            if isinstance(block, TemplateBlock)
        }

    @cached_property
    def pages(self) -> list[SitePage]:
        """Every generated page of the site, in navigation order (see ``site_map``)."""
        return site_pages(self.parts, self.chapters)

    def chapters_of(self, part: Part) -> list[Chapter]:
        """Chapters of one part in reading order."""
        return [chapter for chapter in self.chapters if chapter.part == part.id]

    def part_of(self, chapter: Chapter) -> Part:
        """The part a chapter belongs to."""
        return next(part for part in self.parts if part.id == chapter.part)


def walk(node: object, path: PathKey = ()) -> Iterator[tuple[PathKey, object]]:
    """Yield every model, list item and value with its path (the same path as in the YAML)."""
    yield path, node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from walk(getattr(node, name), (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from walk(item, (*path, index))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from walk(item, (*path, key))


def _problem(document: YamlDocument, path: PathKey, message: str, *, key: bool = False) -> Problem:
    position = document.position_of(path, key=key)
    dotted = ".".join(str(part) for part in path)
    return Problem(document.path, position.line, position.column, dotted, message)


def _data_path(document: YamlDocument, location: tuple[int | str, ...]) -> PathKey:
    """Drop the discriminator tags pydantic adds to locations (``blocks.0.checklist.id``)."""
    path: list[str | int] = []
    node: Data = document.data
    for part in location:
        if isinstance(node, dict) and isinstance(part, str):
            if part not in node and node.get("type") == part:
                continue
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
        path.append(part)
    return tuple(path)


def validate(document: YamlDocument, model: type[M]) -> M:
    """Validate one parsed document; raise ContentError with every located problem."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            path = _data_path(document, tuple(detail["loc"]))
            kind = detail["type"]
            if kind == "extra_forbidden":
                problems.append(_problem(document, path, "unknown key", key=True))
            elif kind == "missing":
                problems.append(_problem(document, path, "field required"))
            else:
                problems.append(_problem(document, path, detail["msg"]))
        raise ContentError(problems) from None


def _shown_path(path: Path, root: Path) -> str:
    return str(path.relative_to(root.parent)) if path.is_relative_to(root.parent) else str(path)


def _parse(path: Path, root: Path, problems: list[Problem]) -> tuple[YamlDocument, str] | None:
    shown = _shown_path(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(shown, 1, 1, "", "file is missing"))
        return None
    except UnicodeDecodeError as error:
        problems.append(Problem(shown, 1, 1, "", f"not UTF-8 text ({error.reason})"))
        return None
    try:
        return parse_yaml(text, shown), text
    except ContentError as error:
        problems.extend(error.problems)
        return None


def _read(
    path: Path,
    root: Path,
    model: type[M],
    problems: list[Problem],
    rules: RuleBook | None,
    *,
    editorial: bool = False,
) -> tuple[M, YamlDocument] | None:
    """Parse, put in the rules' figures and validate one content file.

    ``rules`` is ``None`` when ``rules.yml`` has problems: references are still checked
    against the rules that exist, but not replaced.
    """
    parsed = _parse(path, root, problems)
    if parsed is None:
        return None
    document, text = parsed
    if editorial:
        problems.extend(unlabelled_refs(document, text))
    references = resolve_rule_refs(document, text, rule_names(), rules)
    problems.extend(references.problems)
    try:
        return validate(document, model), document
    except ContentError as error:
        # A field that still holds a reference (broken, or rules.yml has problems) may fail its
        # type too; the reference's own problem says why.
        problems.extend(
            problem for problem in error.problems if problem.field not in references.unresolved
        )
        return None


#: A reference written into a sentence shows its label, not the target's full title.
UNLABELLED_REF = "Verweis im Fließtext braucht eine kurze Beschriftung"
#: What may stand around a reference that is a list item or a line of its own.
_STANDALONE = re.compile(r"[\s\-–•*→.:;]*")


def unlabelled_refs(document: YamlDocument, source: str) -> list[Problem]:
    """Every ``[[ref]]`` without ``|Linktext`` inside running text, placed at the reference.

    A reference that stands alone (a list item, a line or paragraph of its own, a ``see``
    entry) may show the target's title; in a sentence the full title breaks the sentence
    ("in der Schritt 2: Die Gesprächsmappe vorbereiten skizziert"), so it needs a label.
    """
    line_starts = [0, *(index + 1 for index, char in enumerate(source) if char == "\n")]
    problems: list[Problem] = []
    for path, node in walk(document.data):
        if not isinstance(node, str) or "[[" not in node:
            continue
        position = document.position_of(path)
        search_from = line_starts[position.line - 1] + position.column - 1
        for line in node.splitlines():
            for match in INLINE_REF.finditer(line):
                if match.group(2) is not None or match.group(1).startswith("regel:"):
                    continue
                found = source.find(match.group(0), search_from)
                if found >= 0:
                    search_from = found + len(match.group(0))
                rest = line[: match.start()] + line[match.end() :]
                if _STANDALONE.fullmatch(rest):
                    continue
                where = position
                if found >= 0:
                    row = bisect.bisect_right(line_starts, found) - 1
                    where = Position(row + 1, found - line_starts[row] + 1)
                ref = match.group(1).strip()
                message = f"{UNLABELLED_REF}: [[{ref}|…]] statt [[{ref}]]"
                dotted = ".".join(str(part) for part in path)
                problems.append(Problem(document.path, where.line, where.column, dotted, message))
    return problems


def _read_rules(root: Path, problems: list[Problem]) -> RuleBook | None:
    parsed = _parse(root / "rules.yml", root, problems)
    if parsed is None:
        return None
    try:
        return read_rules(parsed[0])
    except ContentError as error:
        problems.extend(error.problems)
        return None


class _Checker:
    """Cross-file rules: unique ids, resolvable references, consistent templates."""

    def __init__(self, calculators: Mapping[str, Collection[str]] | None) -> None:
        self.problems: list[Problem] = []
        self.calculators = calculators
        self.targets: dict[str, Target] = {
            page.id: Target(page.id, None, page.title, page.uri) for page in SPECIAL_PAGES
        }
        self.anchor_owner: dict[str, tuple[YamlDocument, PathKey]] = {}

    def add_target(self, document: YamlDocument, path: PathKey, target: Target) -> None:
        key = target.page if target.anchor is None else f"{target.page}#{target.anchor}"
        if target.anchor is not None and target.anchor.startswith(RESERVED_ANCHOR_PREFIX):
            message = f"ids starting with {RESERVED_ANCHOR_PREFIX!r} are reserved for calculators"
            self.problems.append(_problem(document, path, message))
        if target.anchor is not None:
            if target.anchor in self.anchor_owner:
                other, other_path = self.anchor_owner[target.anchor]
                line = other.position_of(other_path).line
                message = f"duplicate id {target.anchor!r} (already used in {other.path}:{line})"
                self.problems.append(_problem(document, path, message))
                return
            self.anchor_owner[target.anchor] = (document, path)
        elif key in self.targets:
            self.problems.append(_problem(document, path, f"duplicate id {key!r}"))
            return
        self.targets[key] = target

    def register_chapter(self, chapter: Chapter, document: YamlDocument) -> None:
        """Register the chapter and every anchor in it; apply each model's own rules.

        Which ids are anchors, and under which title links show them, the schema declares
        (``AnchorId`` fields, ``target_title``); so does each model's extra rules (``problems``).
        """
        uri = chapter_uri(chapter.part, chapter.id)
        self.add_target(document, ("id",), Target(chapter.id, None, chapter.title, uri))
        for path, node in walk(chapter):
            if not isinstance(node, Model):
                continue
            for name in anchor_fields(type(node)):
                anchor = getattr(node, name)
                if anchor is not None:
                    target = Target(
                        chapter.id, anchor, node.target_title(), with_fragment(uri, anchor)
                    )
                    self.add_target(document, (*path, name), target)
            for where, message in node.problems():
                self.problems.append(_problem(document, (*path, *where), message))

    def check_references(self, model: BaseModel, document: YamlDocument) -> None:
        """Every ``ref`` field, ``see`` entry, inline ``[[ref]]`` and calculator id must resolve."""
        for path, node in walk(model):
            if not path:
                continue
            if (path[-1] == "ref" and isinstance(node, str)) or (
                len(path) >= 2 and path[-2] == "see" and isinstance(node, str)
            ):
                self._resolve(document, path, node)
            elif isinstance(node, CalculatorBlock):
                self._calculator(document, path, node)
            elif isinstance(node, str):
                for match in INLINE_REF.finditer(node):
                    self._resolve(document, path, match.group(1).strip())

    def _calculator(self, document: YamlDocument, path: PathKey, block: CalculatorBlock) -> None:
        if self.calculators is None:
            return
        if block.calculator not in self.calculators:
            known = ", ".join(sorted(self.calculators))
            message = f"unknown calculator {block.calculator!r} (known: {known})"
            self.problems.append(_problem(document, (*path, "calculator"), message))
            return
        fields = self.calculators[block.calculator]
        for index, preset in enumerate(block.presets):
            for name in preset.values:
                if name not in fields:
                    message = (
                        f"unknown field {name!r} of {block.calculator} (known: {', '.join(fields)})"
                    )
                    self.problems.append(
                        _problem(
                            document, (*path, "presets", index, "values", name), message, key=True
                        )
                    )

    def check_redirects(
        self,
        redirects: RedirectsFile,
        document: YamlDocument,
        parts: list[Part],
        chapters: list[tuple[Chapter, YamlDocument]],
    ) -> None:
        """An old address is declared once and is not the address of a page that exists now."""
        current = {page_url(page.uri) for page in SPECIAL_PAGES}
        current.update(page_url(part_uri(part.id)) for part in parts)
        current.update(page_url(chapter_uri(chapter.part, chapter.id)) for chapter, _ in chapters)
        seen: set[str] = set()
        for index, redirect in enumerate(redirects.redirects):
            path = ("redirects", index, "old")
            if redirect.old in current:
                message = f"{redirect.old!r} is the address of a current page, not an old one"
                self.problems.append(_problem(document, path, message))
            elif redirect.old in seen:
                self.problems.append(
                    _problem(document, path, f"{redirect.old!r} is declared twice")
                )
            seen.add(redirect.old)

    def _resolve(self, document: YamlDocument, path: PathKey, ref: str) -> None:
        if ref not in self.targets:
            self.problems.append(_problem(document, path, f"reference {ref!r} points nowhere"))


def load_playbook(
    root: Path,
    *,
    calculators: Mapping[str, Collection[str]] | None = None,
    editorial: bool = False,
) -> Playbook:
    """Load and validate ``root`` (the content folder); raise ContentError listing all problems.

    ``calculators`` maps each known calculator id to its field names, so that calculator
    blocks and their presets can be checked; ``None`` skips that check. ``editorial`` also
    reports every reference in running text without a short label (``unlabelled_refs``) and
    every declared worked example its calculator answers otherwise (``worked_example_problems``,
    needs ``calculators``). ``python -m content_model`` and ``make test`` check both; the site
    build checks the worked examples when it computes the calculator embeds
    (``content_model.calculator_embed``), so a team whose rules contradict a chapter's example
    learns which example to change before anything is published.
    """
    problems: list[Problem] = []
    rules = _read_rules(root, problems)
    parts_read = _read(root / "parts.yml", root, PartsFile, problems, rules)
    glossary_read = _read(
        root / "glossary.yml",
        root,
        GlossaryFile,
        problems,
        rules,
        editorial=editorial,
    )
    onboarding_read = _read(
        root / "onboarding.yml",
        root,
        OnboardingFile,
        problems,
        rules,
        editorial=editorial,
    )
    redirects_read = (
        _read(root / "redirects.yml", root, RedirectsFile, problems, rules)
        if (root / "redirects.yml").exists()
        else None
    )
    role_plays_read = (
        _read(root / "role_plays.yml", root, RolePlaysFile, problems, rules, editorial=editorial)
        if (root / "role_plays.yml").exists()
        else None
    )
    chapters_read: list[tuple[Chapter, YamlDocument]] = []
    chapter_files = sorted((root / "chapters").glob("*.yml"))
    if not chapter_files:
        problems.append(Problem(str(root / "chapters"), 1, 1, "", "no chapter files (*.yml)"))
    for path in chapter_files:
        read = _read(path, root, Chapter, problems, rules, editorial=editorial)
        if read is None:
            continue
        chapter, document = read
        if chapter.id != path.stem:
            problems.append(_problem(document, ("id",), f"must match the file name {path.stem!r}"))
        chapters_read.append(read)
    # The team's own examples for placeholders (content/team.yml), checked against the templates.
    team_chapters, team_problems = with_team_defaults(
        root, [chapter for chapter, _ in chapters_read]
    )
    problems.extend(team_problems)
    chapters_read = [
        (chapter, document)
        for chapter, (_, document) in zip(team_chapters, chapters_read, strict=True)
    ]
    if (
        problems
        or rules is None
        or parts_read is None
        or glossary_read is None
        or onboarding_read is None
    ):
        raise ContentError(problems)

    checker = _Checker(calculators)
    parts, parts_document = parts_read
    part_ids = [part.id for part in parts.parts]
    for index, part in enumerate(parts.parts):
        checker.add_target(
            parts_document,
            ("parts", index, "id"),
            Target(part.id, None, part.title, part_uri(part.id)),
        )
    for chapter, document in chapters_read:
        checker.register_chapter(chapter, document)
        if chapter.part not in part_ids:
            checker.problems.append(
                _problem(
                    document,
                    ("part",),
                    f"unknown part {chapter.part!r} (known: {', '.join(part_ids)})",
                )
            )
    glossary, glossary_document = glossary_read
    glossary_page = SPECIAL_PAGE_BY_ID["glossar"]
    for index, term in enumerate(glossary.terms):
        target = Target(
            glossary_page.id, term.id, term.term, with_fragment(glossary_page.uri, term.id)
        )
        checker.add_target(glossary_document, ("terms", index, "id"), target)
    role_plays = _checked_role_plays(role_plays_read, chapters_read, checker)
    _check_order(chapters_read, checker)
    for chapter, document in chapters_read:
        checker.check_references(chapter, document)
        checker.problems += worked_example_problems(
            chapter, document, rules.rules, calculators if editorial else None
        )
    checker.problems += located_timebox_problems(chapters_read)
    checker.check_references(glossary, glossary_document)
    onboarding, onboarding_document = onboarding_read
    checker.check_references(onboarding, onboarding_document)
    redirects = _checked_redirects(redirects_read, parts.parts, chapters_read, checker)
    if checker.problems:
        raise ContentError(checker.problems)

    part_order = {part.id: part.order for part in parts.parts}
    chapters = sorted(
        (chapter for chapter, _ in chapters_read), key=lambda c: (part_order[c.part], c.order)
    )
    return Playbook(
        parts=sorted(parts.parts, key=lambda part: part.order),
        chapters=chapters,
        glossary=glossary.terms,
        onboarding=onboarding,
        rule_book=rules,
        sources={chapter.id: document.path for chapter, document in chapters_read},
        targets=checker.targets,
        redirects=redirects,
        role_plays=role_plays,
    )


def _checked_redirects(
    read: tuple[RedirectsFile, YamlDocument] | None,
    parts: list[Part],
    chapters: list[tuple[Chapter, YamlDocument]],
    checker: _Checker,
) -> list[Redirect]:
    """The redirects of ``redirects.yml`` (if there is one), their references checked."""
    if read is None:
        return []
    redirects_file, document = read
    checker.check_references(redirects_file, document)
    checker.check_redirects(redirects_file, document, parts, chapters)
    return redirects_file.redirects


def _checked_role_plays(
    read: tuple[RolePlaysFile, YamlDocument] | None,
    chapters: list[tuple[Chapter, YamlDocument]],
    checker: _Checker,
) -> RolePlaysFile | None:
    """Scenarios are link targets on their page; their references and observed lists resolve."""
    if read is None:
        return None
    role_plays, document = read
    page = SPECIAL_PAGE_BY_ID["rollenspiele"]
    for index, scenario in enumerate(role_plays.scenarios):
        target = Target(page.id, scenario.id, scenario.title, with_fragment(page.uri, scenario.id))
        checker.add_target(document, ("scenarios", index, "id"), target)
    for path, node in walk(role_plays):
        if isinstance(node, Model):
            for where, message in node.problems():
                checker.problems.append(_problem(document, (*path, *where), message))
    checker.check_references(role_plays, document)
    for where, message in practice_problems(role_plays, [chapter for chapter, _ in chapters]):
        checker.problems.append(_problem(document, where, message))
    return role_plays


def worked_example_problems(
    chapter: Chapter,
    document: YamlDocument,
    rules: Rules,
    calculators: Mapping[str, Collection[str]] | None = None,
) -> list[Problem]:
    """Every preset with a stated ``outcome`` gets exactly that answer from its calculator.

    The preset's values fill the calculator's defaults, as the form does; a chapter whose
    worked example the calculator answers differently is reported at the outcome. Without
    ``calculators`` (calculator blocks unchecked) nothing is computed.
    """
    problems: list[Problem] = []
    if calculators is None:
        return problems
    for path, node in walk(chapter):
        if not isinstance(node, CalculatorBlock) or node.calculator not in CALCULATORS:
            continue
        calculator = CALCULATORS[node.calculator].bind(rules)
        for index, preset in enumerate(node.presets):
            if preset.outcome is None:
                continue
            where = (*path, "presets", index, "outcome")
            answer = run(node.calculator, {**calculator.defaults(), **preset.values}, rules=rules)
            result = answer.get("result")
            if not isinstance(result, dict):
                message = f"Das Rechenbeispiel rechnet nicht: {answer.get('errors')}"
                problems.append(_problem(document, where, message))
                continue
            status, verdict = str(result["status"]), str(result["verdict"])
            expected = preset.outcome
            if status != expected.status or (
                expected.verdict is not None and expected.verdict not in verdict
            ):
                message = (
                    f"Das Kapitel nennt „{expected.verdict or expected.status}“, der Rechner "
                    f"antwortet „{verdict}“ (Status {status})"
                )
                problems.append(_problem(document, where, message))
    return problems


def _check_order(chapters: list[tuple[Chapter, YamlDocument]], checker: _Checker) -> None:
    seen: dict[tuple[str, int], str] = {}
    for chapter, document in chapters:
        key = (chapter.part, chapter.order)
        if key in seen:
            checker.problems.append(
                _problem(
                    document, ("order",), f"order {chapter.order} is already taken by {seen[key]!r}"
                )
            )
        else:
            seen[key] = chapter.id
