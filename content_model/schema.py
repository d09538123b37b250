"""The YAML schema of the playbook, as typed models.

Every content file is validated against these models: unknown keys are errors (a typo such
as ``titel:`` must fail, not vanish), ids are kebab-case ASCII so they can serve as stable
heading anchors, and every block may name the fact ids (A1-A11, B1-B9) it carries so that a
test can prove that the whole source material is covered.

Block kinds map one to one to the needs of a sales playbook: ordered steps with time boxes,
agendas, phrasing examples, observation/impact/question triples, checklists, options,
dated example tables, fillable templates, dos and don'ts, KPI definitions, traffic lights,
cross-references and embedded calculators.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from calculators.template_text import compose, placeholders

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
FACT_PATTERN = r"^(?:A(?:[1-9]|1[01])|B[1-9])$"
REF_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60)]
FactId = Annotated[str, StringConstraints(pattern=FACT_PATTERN)]
Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
PlaceholderName = Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*$")]
#: A page address relative to the site root, as published: ``gespraeche/alte-seite/``.
SITE_PATH_PATTERN = r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$"
SitePath = Annotated[str, StringConstraints(pattern=SITE_PATH_PATTERN, max_length=200)]


def _iso_date(value: str) -> str:
    """Accept only ISO dates that exist in the calendar (YAML's own date typing is off)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected a date written as YYYY-MM-DD")
    dt.date.fromisoformat(value)
    return value


IsoDate = Annotated[str, AfterValidator(_iso_date)]


class Model(BaseModel):
    """Base for all content models: strict about keys, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class BlockBase(Model):
    """What every block has: the facts it carries."""

    facts: list[FactId] = Field(default_factory=list)


class TextBlock(BlockBase):
    """Running text; paragraphs are separated by blank lines, ``[[ref]]`` links elsewhere."""

    type: Literal["text"]
    text: Text


class ListBlock(BlockBase):
    """A plain bulleted or numbered list."""

    type: Literal["list"]
    title: Text | None = None
    style: Literal["bullets", "numbers"] = "bullets"
    items: list[Text] = Field(min_length=1)


class CalloutBlock(BlockBase):
    """A highlighted note, rendered as a Material admonition."""

    type: Literal["callout"]
    kind: Literal["note", "tip", "info", "warning", "example", "success", "question"] = "note"
    title: Text
    text: Text


class Step(Model):
    """One step of an ordered procedure, optionally time-boxed."""

    id: Id
    title: Text
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    text: Text | None = None
    points: list[Text] = Field(default_factory=list)


class StepsBlock(BlockBase):
    """An ordered procedure whose steps can be linked one by one."""

    type: Literal["steps"]
    title: Text | None = None
    items: list[Step] = Field(min_length=1)


class AgendaItem(Model):
    """One agenda point with its share of the time."""

    label: Text
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    note: Text | None = None


class AgendaBlock(BlockBase):
    """A meeting agenda; the total time is computed, never typed."""

    type: Literal["agenda"]
    title: Text | None = None
    items: list[AgendaItem] = Field(min_length=1)


class Phrasing(Model):
    """A situation with the wording to use and, where useful, the wording to avoid."""

    situation: Text
    recommended: Text
    avoid: Text | None = None
    why: Text | None = None


class PhrasingBlock(BlockBase):
    """Phrasing examples for the conversation."""

    type: Literal["phrasing"]
    title: Text | None = None
    items: list[Phrasing] = Field(min_length=1)


class Observation(Model):
    """The feedback pattern: what happened, what it costs, what we ask."""

    observation: Text
    impact: Text
    question: Text


class ObservationsBlock(BlockBase):
    """Observation / impact / question triples."""

    type: Literal["observations"]
    title: Text | None = None
    items: list[Observation] = Field(min_length=1)


class ChecklistItem(Model):
    """A tickable item; its id keys the saved tick, so edits elsewhere never scramble it."""

    id: Id
    text: Text


class ChecklistBlock(BlockBase):
    """A checklist; also gathered on the checklist overview page."""

    type: Literal["checklist"]
    id: Id
    title: Text
    intro: Text | None = None
    items: list[ChecklistItem] = Field(min_length=1)


class Option(Model):
    """One of the paths offered to the customer."""

    id: Id
    letter: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
    title: Text
    summary: Text
    steps: list[Text] = Field(min_length=1)
    timeframe: Text
    success: Text
    if_then: Text


class OptionsBlock(BlockBase):
    """Alternative paths, each with steps, time frame, success definition and if-then."""

    type: Literal["options"]
    title: Text | None = None
    items: list[Option] = Field(min_length=2)


class ExampleRow(Model):
    """One dated incident with its consequence."""

    date: IsoDate
    incident: Text
    consequence: Text


class ExampleTableBlock(BlockBase):
    """A dated example table (date, incident, consequence)."""

    type: Literal["example_table"]
    title: Text | None = None
    rows: list[ExampleRow] = Field(min_length=1)


class Placeholder(Model):
    """A named gap in a template, with a label and an example filling."""

    name: PlaceholderName
    label: Text
    example: Text


class TemplateBlock(BlockBase):
    """A fillable text template (e-mail, protocol, CRM note) with named placeholders."""

    type: Literal["template"]
    id: Id
    title: Text
    kind: Literal["email", "protocol", "crm_note"]
    purpose: Text | None = None
    subject: Text | None = None
    body: Text
    placeholders: list[Placeholder] = Field(default_factory=list)

    def used_placeholders(self) -> list[str]:
        """Placeholder names in order of first use in subject and body."""
        return placeholders(compose(self.subject, self.body))

    def texts(self) -> dict[str, str]:
        """Subject and body as ``calculators.template_text`` takes them."""
        return {"body": self.body} | ({"subject": self.subject} if self.subject else {})


class DosDontsBlock(BlockBase):
    """What to do and what to leave.

    With an ``id`` the dos become a list to tick before a call, remembered like a checklist.
    """

    type: Literal["dos_donts"]
    id: Id | None = None
    title: Text | None = None
    dos: list[Text] = Field(min_length=1)
    donts: list[Text] = Field(min_length=1)


class Kpi(Model):
    """A key figure with its definition and, where there is one, its target."""

    id: Id
    name: Text
    definition: Text
    target: Text | None = None


class KpisBlock(BlockBase):
    """KPI definitions."""

    type: Literal["kpis"]
    title: Text | None = None
    items: list[Kpi] = Field(min_length=1)


class Light(Model):
    """One colour of a traffic light: how to recognise it and what to do."""

    color: Literal["green", "yellow", "red"]
    label: Text
    signals: list[Text] = Field(min_length=1)
    measures: list[Text] = Field(min_length=1)


class TrafficLightBlock(BlockBase):
    """A traffic-light definition with exactly one entry per colour."""

    type: Literal["traffic_light"]
    title: Text | None = None
    items: list[Light] = Field(min_length=3, max_length=3)


class SeeAlso(Model):
    """A cross-reference to a chapter or an anchor in one."""

    ref: Ref
    note: Text | None = None


class SeeAlsoBlock(BlockBase):
    """Cross-references to other chapters, steps or calculators."""

    type: Literal["see_also"]
    items: list[SeeAlso] = Field(min_length=1)


class Preset(Model):
    """Preset values for a calculator, e.g. a worked example for a workshop."""

    id: Id
    label: Text
    values: dict[str, str]


class CalculatorBlock(BlockBase):
    """Embeds a calculator by id, optionally with presets."""

    type: Literal["calculator"]
    calculator: Id
    title: Text | None = None
    presets: list[Preset] = Field(default_factory=list)


Block = Annotated[
    TextBlock
    | ListBlock
    | CalloutBlock
    | StepsBlock
    | AgendaBlock
    | PhrasingBlock
    | ObservationsBlock
    | ChecklistBlock
    | OptionsBlock
    | ExampleTableBlock
    | TemplateBlock
    | DosDontsBlock
    | KpisBlock
    | TrafficLightBlock
    | SeeAlsoBlock
    | CalculatorBlock,
    Field(discriminator="type"),
]


class Section(Model):
    """A linkable section of a chapter."""

    id: Id
    title: Text
    facts: list[FactId] = Field(default_factory=list)
    blocks: list[Block] = Field(min_length=1)


class Chapter(Model):
    """One chapter file in ``content/chapters/``."""

    id: Id
    part: Id
    order: Annotated[int, Field(ge=1, le=999)]
    title: Text
    summary: Text
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    facts: list[FactId] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)


class Part(Model):
    """A part of the playbook, grouping chapters."""

    id: Id
    order: Annotated[int, Field(ge=1, le=99)]
    title: Text
    summary: Text


class PartsFile(Model):
    """``content/parts.yml``."""

    parts: list[Part] = Field(min_length=1)


class Term(Model):
    """A glossary entry; ``short`` is the one-line explanation shown where the term occurs."""

    id: Id
    term: Text
    short: Text
    definition: Text
    see: list[Ref] = Field(default_factory=list)


class GlossaryFile(Model):
    """``content/glossary.yml``."""

    terms: list[Term] = Field(min_length=1)


class OnboardingStop(Model):
    """One stop on the onboarding path: what to read and what to do there."""

    ref: Ref
    task: Text


class OnboardingStage(Model):
    """A group of stops, e.g. the first day."""

    id: Id
    title: Text
    stops: list[OnboardingStop] = Field(min_length=1)


class OnboardingFile(Model):
    """``content/onboarding.yml``."""

    intro: Text
    stages: list[OnboardingStage] = Field(min_length=1)


class Redirect(Model):
    """A page address that was published once and now leads elsewhere.

    Trainers print links and QR codes; when a chapter is renamed or moved, its old address
    is declared here so that every printed link keeps working.
    """

    old: SitePath
    ref: Ref


class RedirectsFile(Model):
    """``content/redirects.yml`` (optional: a playbook without history needs none)."""

    redirects: list[Redirect] = Field(default_factory=list)
