"""The team's identity in one file: ``content/team.yml``.

A sales team that adopts the playbook wants its own name on it, its logo, its colours and its
own names in the text templates (the sender of the exit e-mail is somebody in that team, not
an invented colleague). All of it lives in one file a sales lead can edit without knowing
where MkDocs keeps its theme settings; every field is optional, and without the file the site
is the plain Klartext playbook.

What each field changes:

- ``name`` (or, without it, ``company``) extends the site name: "Klartext – Vertrieb Nord".
- ``company`` appears in every page's footer ("Herausgegeben von …").
- ``logo`` (an SVG or PNG under ``docs/``) replaces Material's icon in the header and is the
  favicon.
- ``colors.primary`` / ``colors.accent`` take a Material palette name or a hex colour; a hex
  colour becomes Material's ``custom`` palette with the variables in a generated style sheet.
- ``placeholders`` maps a template placeholder (``absender``) to the team's own example; every
  template that uses that placeholder shows it.

Plain functions without MkDocs: ``site_hooks/team.py`` applies the result to the config, the
loader applies the placeholder examples to the chapters (``with_team_defaults``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationError, WithJsonSchema

from content_model.problems import ContentError, Problem
from content_model.schema import Chapter, Model, PlaceholderName, TemplateBlock, Text
from content_model.strict_yaml import Data, PathKey, YamlDocument, parse_yaml

#: Where the file lives, relative to the content folder.
TEAM_FILE = "team.yml"
#: The site's name without a team, and how a team's name is joined to it.
PLAYBOOK_NAME = "Klartext"
NAME_SEPARATOR = " – "
#: The footer line with a company name.
PUBLISHER_LINE = "Herausgegeben von {company}"
#: The generated style sheet that carries hex colours (Material's ``custom`` palette).
TEAM_STYLESHEET_URI = "assets/klartext/team/colors.css"

#: Material's palette names (``data-md-color-primary``), as its style sheet spells them.
PRIMARY_NAMES = (
    "red",
    "pink",
    "purple",
    "deep-purple",
    "indigo",
    "blue",
    "light-blue",
    "cyan",
    "teal",
    "green",
    "light-green",
    "lime",
    "yellow",
    "amber",
    "orange",
    "deep-orange",
    "brown",
    "grey",
    "blue-grey",
    "black",
    "white",
)
#: Material has no accent in the five neutral tones.
ACCENT_NAMES = tuple(
    name for name in PRIMARY_NAMES if name not in {"brown", "grey", "blue-grey", "black", "white"}
)
HEX_PATTERN = r"^#[0-9a-fA-F]{6}$"


def _color(names: tuple[str, ...]) -> AfterValidator:
    """A check that accepts one of ``names`` or a hex colour, with a German message."""

    def check(value: str) -> str:
        if value in names or re.fullmatch(HEX_PATTERN, value):
            return value
        raise ValueError(
            f"„{value}“ ist keine Farbe von Material: erlaubt sind {', '.join(names)} "
            "oder ein Hex-Wert wie #1f6f5c"
        )

    return AfterValidator(check)


def _color_schema(names: tuple[str, ...]) -> WithJsonSchema:
    """The same choice for the editor: the names to complete, or a hex pattern."""
    return WithJsonSchema(
        {"anyOf": [{"enum": list(names)}, {"type": "string", "pattern": HEX_PATTERN}]}
    )


PrimaryColor = Annotated[str, _color(PRIMARY_NAMES), _color_schema(PRIMARY_NAMES)]
AccentColor = Annotated[str, _color(ACCENT_NAMES), _color_schema(ACCENT_NAMES)]
LOGO_PATTERN = r"^(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.(?:svg|png)$"


def _logo_path(value: str) -> str:
    if re.fullmatch(LOGO_PATTERN, value) and len(value) <= 200:
        return value
    raise ValueError(
        f"„{value}“ ist kein Logo-Pfad: erwartet ist eine SVG- oder PNG-Datei unter docs/, "
        "angegeben ohne docs/, etwa assets/team/logo.svg"
    )


#: A picture under ``docs/``, written as the site publishes it: ``assets/team/logo.svg``.
LogoPath = Annotated[
    str,
    AfterValidator(_logo_path),
    WithJsonSchema({"type": "string", "pattern": LOGO_PATTERN, "maxLength": 200}),
]


class Colors(Model):
    """The header's colour (``primary``) and the colour of links on hover (``accent``)."""

    primary: PrimaryColor | None = None
    accent: AccentColor | None = None


class Team(Model):
    """``content/team.yml``: who publishes this playbook (every field is optional)."""

    name: Text | None = None
    company: Text | None = None
    logo: LogoPath | None = None
    colors: Colors = Field(default_factory=Colors)
    placeholders: dict[PlaceholderName, Text] = Field(default_factory=dict)

    def site_name(self, playbook: str = PLAYBOOK_NAME) -> str:
        """The site's name: the team's (or else the company's) joined to the playbook's."""
        label = self.name or self.company
        return f"{playbook}{NAME_SEPARATOR}{label}" if label else playbook

    def footer(self) -> str | None:
        """The footer line naming the company, if one is set."""
        return PUBLISHER_LINE.format(company=self.company) if self.company else None


@dataclass(frozen=True)
class TeamFile:
    """The validated team and where its values were written (``None`` without a file)."""

    team: Team
    document: YamlDocument | None


def _has_content(text: str) -> bool:
    """Whether the file sets anything (a file of comments only is an empty team)."""
    return any(
        line.strip() and not line.lstrip().startswith("#") and line.strip() != "---"
        for line in text.splitlines()
    )


def _located(document: YamlDocument, path: PathKey, message: str) -> Problem:
    position = document.position_of(path)
    return Problem(document.path, position.line, position.column, ".".join(map(str, path)), message)


def _data_path(data: Data, location: tuple[str | int, ...]) -> PathKey:
    """The part of pydantic's error location that exists in the YAML (no validator tags)."""
    path: list[str | int] = []
    for part in location:
        if not (isinstance(data, dict) and isinstance(part, str) and part in data):
            break
        data = data[part]
        path.append(part)
    return tuple(path)


def _validate(document: YamlDocument) -> Team:
    """The team, or ContentError with every problem where the author wrote it.

    The loader's ``validate`` cannot be used: the loader reads this module (no import cycles).
    """
    try:
        return Team.model_validate(document.data)
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            location = tuple(detail["loc"])
            path = _data_path(document.data, location)
            if detail["type"] == "extra_forbidden":
                position = document.position_of(location, key=True)
                dotted = ".".join(map(str, location))
                problems.append(
                    Problem(
                        document.path,
                        position.line,
                        position.column,
                        dotted,
                        "unbekannter Schlüssel",
                    )
                )
            else:
                message = detail["msg"].removeprefix("Value error, ")
                problems.append(_located(document, path, message))
        raise ContentError(problems) from None


def read_team(content: Path) -> TeamFile:
    """Read and validate ``content/team.yml``; raise ContentError with every located problem."""
    path = content / TEAM_FILE
    shown = (
        str(path.relative_to(content.parent)) if path.is_relative_to(content.parent) else str(path)
    )
    if not path.exists():
        return TeamFile(Team(), None)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            [Problem(shown, 1, 1, "", f"kein UTF-8-Text ({error.reason})")]
        ) from None
    if not _has_content(text):
        return TeamFile(Team(), None)
    document = parse_yaml(text, shown)
    return TeamFile(_validate(document), document)


def logo_problems(read: TeamFile, docs: Path) -> list[Problem]:
    """The logo must exist under ``docs/``, or the header would show a broken picture."""
    logo = read.team.logo
    if logo is None or read.document is None or (docs / logo).is_file():
        return []
    message = f"Das Logo „{logo}“ fehlt: Legen Sie die Datei unter docs/{logo} ab."
    return [_located(read.document, ("logo",), message)]


def _templates(chapters: Sequence[Chapter]) -> Iterator[TemplateBlock]:
    for chapter in chapters:
        for section in chapter.sections:
            for block in section.blocks:
                if isinstance(block, TemplateBlock):
                    yield block


def placeholder_problems(read: TeamFile, chapters: Sequence[Chapter]) -> list[Problem]:
    """A team default for a placeholder no template has is a typo; name the known ones."""
    if read.document is None:
        return []
    known = sorted({p.name for block in _templates(chapters) for p in block.placeholders})
    return [
        _located(
            read.document,
            ("placeholders", name),
            f"Keine Vorlage hat den Platzhalter {{{name}}} (vorhanden: {', '.join(known)})",
        )
        for name in read.team.placeholders
        if name not in known
    ]


def _with_examples(block: TemplateBlock, examples: dict[str, str]) -> TemplateBlock:
    placeholders = [
        placeholder.model_copy(update={"example": examples[placeholder.name]})
        if placeholder.name in examples
        else placeholder
        for placeholder in block.placeholders
    ]
    return block.model_copy(update={"placeholders": placeholders})


def apply_placeholders(chapters: Sequence[Chapter], team: Team) -> list[Chapter]:
    """The chapters with the team's example in every placeholder the team names."""
    if not team.placeholders:
        return list(chapters)
    examples = team.placeholders
    return [
        chapter.model_copy(
            update={
                "sections": [
                    section.model_copy(
                        update={
                            "blocks": [
                                _with_examples(block, examples)
                                if isinstance(block, TemplateBlock)
                                else block
                                for block in section.blocks
                            ]
                        }
                    )
                    for section in chapter.sections
                ]
            }
        )
        for chapter in chapters
    ]


def with_team_defaults(
    content: Path, chapters: Sequence[Chapter]
) -> tuple[list[Chapter], list[Problem]]:
    """The chapters with the team's placeholder examples, and every problem of ``team.yml``.

    For the loader: it adds the problems to the ones it reports all at once.
    """
    try:
        read = read_team(content)
    except ContentError as error:
        return list(chapters), error.problems
    problems = placeholder_problems(read, chapters)
    return apply_placeholders(chapters, read.team), problems


def load_team(content: Path, docs: Path) -> Team:
    """The validated team for the site's config; raise ContentError with located problems."""
    read = read_team(content)
    problems = logo_problems(read, docs)
    if problems:
        raise ContentError(problems)
    return read.team
