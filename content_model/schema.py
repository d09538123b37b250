"""The YAML schema of the playbook, as typed models.

Every content file is validated against these models: unknown keys are errors (a typo such
as ``titel:`` must fail, not vanish), ids are kebab-case ASCII so they can serve as stable
heading anchors, and every block may name the fact ids (A1-A11, B1-B9) it carries so that a
test can prove that the whole source material is covered.

Block kinds map one to one to the needs of a sales playbook: ordered steps with time boxes,
agendas, phrasing examples, observation/impact/question triples, checklists, options,
dated example tables, fillable templates, dos and don'ts, KPI definitions, traffic lights,
cross-references and embedded calculators.

A block type is registered by its class alone: the marks on its field types
(``content_model.roles``) say which ids are link targets and which texts readers see, and its
methods say what it adds to the workshop page (``workshop_stops``), which entries a reader can
tick (``ticks``) and what else must hold (``problems``). Its Markdown is
``templates/blocks/<type>.md.j2``.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema

from calculators.rules import Rules
from calculators.template_text import compose, placeholders
from content_model.calculator_links import preset_fragment
from content_model.roles import ANCHOR, LINE, LINK, PARAGRAPHS
from content_model.rule_text import RULE_NUMBER_PATTERN
from content_model.tick_keys import text_key

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
#: An id readers link to: a heading or list anchor on its chapter page, unique playbook-wide.
AnchorId = Annotated[Id, ANCHOR]
#: Reader-facing text shown as paragraphs (blank lines separate them), ``[[ref]]`` resolved.
Prose = Annotated[Text, PARAGRAPHS]
#: Reader-facing text shown on one line (items, cells, titles in bold), ``[[ref]]`` resolved.
Line = Annotated[Text, LINE]
#: A reference shown as a link named by its target's title.
LinkRef = Annotated[Ref, LINK]
#: A content problem found by a model itself: the path below the model and the message.
LocalProblem = tuple[tuple[str | int, ...], str]


def _iso_date(value: str) -> str:
    """Accept only ISO dates that exist in the calendar (YAML's own date typing is off)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected a date written as YYYY-MM-DD")
    dt.date.fromisoformat(value)
    return value


IsoDate = Annotated[str, AfterValidator(_iso_date)]

#: A time in minutes (a time box, a reading time). Where it is a rule's, the YAML names the rule
#: (``minutes: "[[regel:exit_call.preparation_minutes|zahl]]"``), which the loader replaces by
#: the figure before validation; the editor's schema accepts both spellings.
Minutes = Annotated[
    int,
    Field(ge=1, le=600),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 600},
                {"type": "string", "pattern": RULE_NUMBER_PATTERN},
            ]
        }
    ),
]


class Model(BaseModel):
    """Base for all content models: strict about keys, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def target_title(self) -> str:
        """The link text of a reference to this model's ``AnchorId`` (by default its title)."""
        title = getattr(self, "title", None)
        if not isinstance(title, str):
            raise TypeError(f"{type(self).__name__} has an anchor but no title to link with")
        return title

    def problems(self) -> Iterator[LocalProblem]:
        """Rules the field types cannot express (unique letters, placeholders in use, ...)."""
        return iter(())


@dataclass(frozen=True)
class WorkshopStop:
    """A place inside a chapter a trainer can hand out as a link with a QR code."""

    kind: str
    title: str
    #: The fragment of the chapter page's address (without ``#``).
    fragment: str


@dataclass(frozen=True)
class Ticks:
    """Entries a reader can tick, each saved under ``<list_id>/<entry id>`` on the device."""

    list_id: str
    #: (entry id, text) in reading order.
    entries: list[tuple[str, str]]


class BlockBase(Model):
    """What every block has: the facts it carries."""

    #: Whether ticked entries count in the onboarding page's progress panels.
    counts_towards_progress: ClassVar[bool] = False

    facts: list[FactId] = Field(default_factory=list)

    def workshop_stops(self, rules: Rules) -> list[WorkshopStop]:
        """The places inside this block the workshop page links to, in reading order.

        ``rules`` are the playbook's: a calculator's link fills its defaults, which follow them.
        """
        return []

    def ticks(self) -> Ticks | None:
        """The entries a reader can tick in this block, if any."""
        return None


def _duplicates(values: list[str]) -> Iterator[int]:
    """The index of every value that already occurred before it."""
    return (index for index, value in enumerate(values) if values.index(value) != index)


class TextBlock(BlockBase):
    """Running text; paragraphs are separated by blank lines, ``[[ref]]`` links elsewhere."""

    type: Literal["text"]
    text: Prose


class ListBlock(BlockBase):
    """A plain bulleted or numbered list."""

    type: Literal["list"]
    title: Line | None = None
    style: Literal["bullets", "numbers"] = "bullets"
    items: list[Line] = Field(min_length=1)


class CalloutBlock(BlockBase):
    """A highlighted note, rendered as a Material admonition."""

    type: Literal["callout"]
    kind: Literal["note", "tip", "info", "warning", "example", "success", "question"] = "note"
    title: Text
    text: Prose


class Step(Model):
    """One step of an ordered procedure, optionally time-boxed."""

    id: AnchorId
    title: Text
    minutes: Minutes | None = None
    text: Prose | None = None
    points: list[Line] = Field(default_factory=list)


class StepsBlock(BlockBase):
    """An ordered procedure whose steps can be linked one by one."""

    type: Literal["steps"]
    title: Line | None = None
    items: list[Step] = Field(min_length=1)

    def workshop_stops(self, rules: Rules) -> list[WorkshopStop]:
        """Each step, numbered as the page numbers it."""
        return [
            WorkshopStop(f"Schritt {number}", step.title, step.id)
            for number, step in enumerate(self.items, start=1)
        ]


class AgendaItem(Model):
    """One agenda point with its share of the time."""

    label: Text
    minutes: Minutes | None = None
    note: Text | None = None


class AgendaBlock(BlockBase):
    """A meeting agenda; its total is computed, or named from a rule, never typed.

    Where the length is a rule (the difficult conversation's minutes), ``total`` names it and
    one item may leave its minutes open: that item gets what the others leave, so the agenda
    fills the planned time whatever the team sets it to.
    """

    type: Literal["agenda"]
    title: Line | None = None
    total: Minutes | None = None
    items: list[AgendaItem] = Field(min_length=1)

    def filled_minutes(self) -> list[int | None]:
        """Each item's minutes, the open one (with a ``total``) filled with what is left."""
        given = sum(item.minutes or 0 for item in self.items)
        if self.total is None:
            return [item.minutes for item in self.items]
        return [self.total - given if item.minutes is None else item.minutes for item in self.items]

    def problems(self) -> Iterator[LocalProblem]:
        """With a total, the items fit into it (German: it breaks when a team changes a rule)."""
        if self.total is None:
            return
        open_items = [index for index, item in enumerate(self.items) if item.minutes is None]
        given = sum(item.minutes or 0 for item in self.items)
        if len(open_items) > 1:
            yield (
                ("items", open_items[1], "minutes"),
                "bei einer Gesamtdauer darf nur ein Agendapunkt ohne Minuten bleiben",
            )
        elif open_items and given >= self.total:
            yield (
                ("total",),
                f"die übrigen Agendapunkte brauchen schon {given}\u00a0Minuten, "
                f"geplant sind {self.total}\u00a0Minuten",
            )
        elif not open_items and given != self.total:
            yield (
                ("total",),
                f"die Agendapunkte ergeben {given}\u00a0Minuten, "
                f"geplant sind {self.total}\u00a0Minuten",
            )


class Phrasing(Model):
    """A situation with the wording to use and, where useful, the wording to avoid."""

    situation: Text
    recommended: Line
    avoid: Line | None = None
    why: Line | None = None
    #: A key sentence: the card "auf einen Blick" of the chapter's part shows it
    #: (``content_model/views/at_a_glance.py``), so the card never copies the wording.
    key: bool = False


class PhrasingBlock(BlockBase):
    """Phrasing examples for the conversation."""

    type: Literal["phrasing"]
    title: Line | None = None
    items: list[Phrasing] = Field(min_length=1)


def _unquoted(text: str) -> bool:
    """Whether ``text`` carries no quotation marks at its ends (templates add „…“ themselves)."""
    stripped = text.strip()
    return not (stripped[:1] in '„“"' or stripped[-1:] in '“”"')


class Objection(Model):
    """A sentence customers say at this step, with the answer that keeps the talk on course.

    It has the phrasing block's parts (what to say, why, what not to say); its id is an anchor,
    so trainers can link one objection and the objections page can gather it.
    """

    id: AnchorId
    #: The customer's sentence, without quotation marks (the page sets them).
    objection: Line
    answer: Line
    why: Line
    avoid: Line

    def target_title(self) -> str:
        """A link names the objection by the customer's sentence, as its heading does."""
        return f"Einwand „{self.objection}“"

    def problems(self) -> Iterator[LocalProblem]:
        """Quoted sentences would show doubled marks („„…““), since the page quotes them."""
        for name in ("objection", "answer", "avoid"):
            if not _unquoted(getattr(self, name)):
                yield (name,), "ohne Anführungszeichen schreiben, die Seite setzt „…“ selbst"


class ObjectionsBlock(BlockBase):
    """Objections customers raise at one step, each answered; gathered on the objections page."""

    type: Literal["objections"]
    title: Line | None = None
    items: list[Objection] = Field(min_length=1)


class DialogueSpeaker(Model):
    """Someone who speaks in a model dialogue: on our side or the customer's."""

    id: Id
    name: Text
    role: Text
    side: Literal["ours", "customer"]


class DialogueTurn(Model):
    """One turn of a model dialogue; ``speaker`` is the id of a declared speaker."""

    speaker: Id
    text: Line


class DialoguePassage(Model):
    """A part of a model dialogue that shows one step of the conversation.

    ``step`` names the step as a link (``[[kapitel#anker|Schritt 3]]``). ``timebox`` names the
    agenda items (by label) or steps (by id) of the dialogue's ``timing`` section whose minutes
    this passage takes; the page adds them up from there, so they are never typed twice.
    """

    id: AnchorId
    title: Text
    step: Line
    setting: Line | None = None
    timebox: list[Text] = Field(default_factory=list)
    turns: list[DialogueTurn] = Field(min_length=1)
    note: Line | None = None


class DialogueTiming(Model):
    """Where a dialogue's time boxes come from: a section holding an agenda or timed steps."""

    ref: LinkRef


class DialogueBlock(BlockBase):
    """A model conversation, in passages that each show one step within its time box."""

    type: Literal["dialogue"]
    id: AnchorId
    title: Text
    intro: Prose | None = None
    timing: DialogueTiming | None = None
    speakers: list[DialogueSpeaker] = Field(min_length=2)
    passages: list[DialoguePassage] = Field(min_length=1)

    def workshop_stops(self, rules: Rules) -> list[WorkshopStop]:
        """The dialogue itself: trainers hand it out before a role play."""
        return [WorkshopStop("Beispielgespräch", self.title, self.id)]

    def problems(self) -> Iterator[LocalProblem]:
        """Each speaker is declared once, and every turn's speaker is declared."""
        ids = [speaker.id for speaker in self.speakers]
        for index in _duplicates(ids):
            yield ("speakers", index, "id"), f"Sprecher {ids[index]!r} ist doppelt angelegt"
        for number, passage in enumerate(self.passages):
            for index, turn in enumerate(passage.turns):
                if turn.speaker not in ids:
                    yield (
                        ("passages", number, "turns", index, "speaker"),
                        f"unbekannter Sprecher {turn.speaker!r} (angelegt: {', '.join(ids)})",
                    )
            if passage.timebox and self.timing is None:
                yield (
                    ("passages", number, "timebox"),
                    "eine Zeitbox braucht timing: mit dem Abschnitt, der die Minuten festlegt",
                )


class Observation(Model):
    """The feedback pattern: what happened, what it costs, what we ask."""

    observation: Line
    impact: Line
    question: Line


class ObservationsBlock(BlockBase):
    """Observation / impact / question triples."""

    type: Literal["observations"]
    title: Line | None = None
    items: list[Observation] = Field(min_length=1)


class ChecklistItem(Model):
    """A tickable item; its id keys the saved tick, so edits elsewhere never scramble it."""

    id: Id
    text: Line


class ChecklistBlock(BlockBase):
    """A checklist; also gathered on the checklist overview page."""

    counts_towards_progress: ClassVar[bool] = True

    type: Literal["checklist"]
    id: AnchorId
    title: Text
    intro: Prose | None = None
    items: list[ChecklistItem] = Field(min_length=1)

    def ticks(self) -> Ticks:
        """Every item under its own id."""
        return Ticks(self.id, [(item.id, item.text) for item in self.items])

    def problems(self) -> Iterator[LocalProblem]:
        """Item ids key the saved ticks, so they are unique within the list."""
        ids = [item.id for item in self.items]
        for index in _duplicates(ids):
            yield ("items", index, "id"), f"duplicate id {ids[index]!r}"


class Option(Model):
    """One of the paths offered to the customer."""

    id: AnchorId
    letter: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
    title: Text
    summary: Prose
    steps: list[Line] = Field(min_length=1)
    timeframe: Line
    success: Line
    if_then: Line

    def target_title(self) -> str:
        """Links name the option with its letter, as its heading does."""
        return f"Option {self.letter}: {self.title}"


class OptionsBlock(BlockBase):
    """Alternative paths, each with steps, time frame, success definition and if-then."""

    type: Literal["options"]
    title: Line | None = None
    items: list[Option] = Field(min_length=2)

    def problems(self) -> Iterator[LocalProblem]:
        """Each letter names one option."""
        letters = [option.letter for option in self.items]
        for index in _duplicates(letters):
            yield ("items", index, "letter"), f"duplicate letter {letters[index]!r}"


class ExampleRow(Model):
    """One dated incident with its consequence."""

    date: IsoDate
    incident: Line
    consequence: Line


class ExampleTableBlock(BlockBase):
    """A dated example table (date, incident, consequence)."""

    type: Literal["example_table"]
    title: Line | None = None
    rows: list[ExampleRow] = Field(min_length=1)


class Placeholder(Model):
    """A named gap in a template, with a label and an example filling."""

    name: PlaceholderName
    label: Line
    example: Line


class TemplateBlock(BlockBase):
    """A fillable text template (e-mail, protocol, CRM note) with named placeholders."""

    type: Literal["template"]
    id: AnchorId
    title: Text
    kind: Literal["email", "protocol", "crm_note"]
    purpose: Prose | None = None
    subject: Text | None = None
    body: Text
    placeholders: list[Placeholder] = Field(default_factory=list)

    def used_placeholders(self) -> list[str]:
        """Placeholder names in order of first use in subject and body."""
        return placeholders(compose(self.subject, self.body))

    def texts(self) -> dict[str, str]:
        """Subject and body as ``calculators.template_text`` takes them."""
        return {"body": self.body} | ({"subject": self.subject} if self.subject else {})

    def plain_text(self) -> str:
        """Subject and body as one text to copy, placeholders still in braces."""
        return compose(self.subject, self.body)

    def problems(self) -> Iterator[LocalProblem]:
        """Each placeholder is declared once and used, and each used one is declared."""
        declared = [placeholder.name for placeholder in self.placeholders]
        for index in _duplicates(declared):
            yield ("placeholders", index, "name"), f"duplicate placeholder {declared[index]!r}"
        used = self.used_placeholders()
        for name in used:
            if name not in declared:
                yield ("body",), f"placeholder {{{name}}} is not declared"
        for index, name in enumerate(declared):
            if name not in used:
                yield (
                    ("placeholders", index, "name"),
                    (f"placeholder {{{name}}} is declared but not used"),
                )


class DosDontsBlock(BlockBase):
    """What to do and what to leave.

    With an ``id`` the dos become a list to tick before a call, remembered like a checklist.
    """

    type: Literal["dos_donts"]
    id: AnchorId | None = None
    title: Line | None = None
    dos: list[Line] = Field(min_length=1)
    donts: list[Line] = Field(min_length=1)

    def target_title(self) -> str:
        """Without a title of its own, a link names the dos box."""
        return self.title or "Das hilft"

    def ticks(self) -> Ticks | None:
        """With an id, each of the dos under a key derived from its text (it has no id)."""
        if self.id is None:
            return None
        return Ticks(self.id, [(text_key(text), text) for text in self.dos])


class Kpi(Model):
    """A key figure with its definition and, where there is one, its target."""

    id: Id
    name: Text
    definition: Line
    target: Text | None = None


class KpisBlock(BlockBase):
    """KPI definitions."""

    type: Literal["kpis"]
    title: Line | None = None
    items: list[Kpi] = Field(min_length=1)


class Light(Model):
    """One colour of a traffic light: how to recognise it and what to do."""

    color: Literal["green", "yellow", "red"]
    label: Text
    signals: list[Line] = Field(min_length=1)
    measures: list[Line] = Field(min_length=1)


class TrafficLightBlock(BlockBase):
    """A traffic-light definition with exactly one entry per colour."""

    type: Literal["traffic_light"]
    title: Line | None = None
    items: list[Light] = Field(min_length=3, max_length=3)

    def problems(self) -> Iterator[LocalProblem]:
        """One entry per colour."""
        colours = [light.color for light in self.items]
        if len(set(colours)) != len(colours):
            yield ("items",), "each colour must appear exactly once"


class SeeAlso(Model):
    """A cross-reference to a chapter or an anchor in one."""

    ref: LinkRef
    note: Line | None = None


class ScoreGuideBlock(BlockBase):
    """What each level of the qualification score's five questions means.

    The guide is declared once, with the calculator's inputs (``score_guide`` in
    ``calculators/qualification_score.py``), and follows the playbook's rules; the chapter
    shows it from there, so chapter, form and result table can never disagree.
    """

    type: Literal["score_guide"]
    title: Line | None = None


class SeeAlsoBlock(BlockBase):
    """Cross-references to other chapters, steps or calculators."""

    type: Literal["see_also"]
    items: list[SeeAlso] = Field(min_length=1)


class Outcome(Model):
    """What the chapter says the calculator answers for a preset.

    A preset with an outcome is the chapter's worked example declared as the calculator's:
    the loader computes it and reports where the calculator answers otherwise.
    """

    status: Id
    """The calculator's status key, e.g. ``faellig``, ``pflegen``, ``aktiv``."""
    verdict: Text | None = None
    """A part of the verdict as the chapter states it, e.g. "fällig seit 10.03.2026"."""


class Preset(Model):
    """Preset values for a calculator, e.g. a worked example for a workshop."""

    id: Id
    label: Text
    values: dict[str, str]
    outcome: Outcome | None = None


class CalculatorBlock(BlockBase):
    """Embeds a calculator by id, optionally with presets."""

    type: Literal["calculator"]
    calculator: Id
    title: Text | None = None
    presets: list[Preset] = Field(default_factory=list)

    def workshop_stops(self, rules: Rules) -> list[WorkshopStop]:
        """Each preset: its link opens the calculator with the preset's values filled in."""
        return [
            WorkshopStop(
                "Rechner-Beispiel",
                preset.label,
                preset_fragment(self.calculator, preset.values, rules),
            )
            for preset in self.presets
        ]


class SelfCheckOption(Model):
    """An answer of a choice question, with why it is right or wrong (shown after checking)."""

    text: Line
    correct: bool = False
    why: Line


class SelfCheckQuestion(Model):
    """One question of a self-check; its id keys the reader's result, like a checklist item's.

    ``single`` and ``multiple`` offer ``options``; ``order`` lists ``steps`` in the right order
    (the page shows them shuffled) and says in ``why`` why that order holds. ``learn`` links
    to the step that teaches the answer (``[[kapitel#schritt|Linktext]]``).
    """

    id: Id
    kind: Literal["single", "multiple", "order"]
    question: Line
    options: list[SelfCheckOption] = Field(default_factory=list)
    steps: list[Line] = Field(default_factory=list)
    why: Line | None = None
    learn: Line

    def problems(self) -> Iterator[LocalProblem]:
        """What the kind needs: one right answer, enough steps, an explanation, a link."""
        if "[[" not in self.learn:
            yield ("learn",), "link the step that teaches this: [[kapitel#anker|Linktext]]"
        if self.kind == "order":
            yield from self._order_problems()
            return
        if self.steps:
            yield ("steps",), f"a {self.kind}-choice question has options, not steps"
        if len(self.options) < 2:
            yield ("options",), "a choice question needs at least two options"
        right = sum(option.correct for option in self.options)
        if self.kind == "single" and right != 1:
            message = f"a single-choice question has exactly one right answer, not {right}"
            yield ("options",), message
        if self.kind == "multiple" and right == 0:
            yield ("options",), "a multiple-choice question needs at least one right answer"
        texts = [option.text for option in self.options]
        for index in _duplicates(texts):
            yield ("options", index, "text"), f"duplicate option {texts[index]!r}"

    def _order_problems(self) -> Iterator[LocalProblem]:
        if self.options:
            yield ("options",), "an ordering question has steps, not options"
        if len(self.steps) < 3:
            count = len(self.steps)
            yield ("steps",), f"an ordering question needs at least three steps, not {count}"
        if self.why is None:
            yield ("why",), "explanation missing: say why the steps come in this order"
        for index in _duplicates(list(self.steps)):
            yield ("steps", index), f"duplicate step {self.steps[index]!r}"


class SelfCheckBlock(BlockBase):
    """Three to five questions at a chapter's end, checked in the page and counted on onboarding.

    The block id and each question id key the reader's result on the device
    (``<block id>/<question id>``), so reordering or adding questions never moves a result.
    """

    type: Literal["self_check"]
    id: AnchorId
    #: A heading of its own; without one the block sits under its section's heading.
    title: Text | None = None
    intro: Prose | None = None
    questions: list[SelfCheckQuestion] = Field(min_length=3, max_length=5)

    def target_title(self) -> str:
        """Without a title of its own, a link names the self-check."""
        return self.title or "Selbstcheck"

    def problems(self) -> Iterator[LocalProblem]:
        """Question ids key the saved results, so they are unique within the block."""
        ids = [question.id for question in self.questions]
        for index in _duplicates(ids):
            yield ("questions", index, "id"), f"duplicate id {ids[index]!r}"


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
    | CalculatorBlock
    | ScoreGuideBlock
    | SelfCheckBlock
    | ObjectionsBlock
    | DialogueBlock,
    Field(discriminator="type"),
]


def block_types() -> dict[str, type[BlockBase]]:
    """Every block class of the ``Block`` union by its ``type`` name, in the union's order."""
    union = typing.get_args(Block)[0]
    found: dict[str, type[BlockBase]] = {}
    for cls in typing.get_args(union):
        (name,) = typing.get_args(cls.model_fields["type"].annotation)
        found[name] = cls
    return found


class Section(Model):
    """A linkable section of a chapter."""

    id: AnchorId
    title: Text
    facts: list[FactId] = Field(default_factory=list)
    blocks: list[Block] = Field(min_length=1)


class TrainerNotes(Model):
    """How a trainer teaches a chapter: goal, time, one exercise, the mistakes beginners make.

    Trainers otherwise keep these on their own slides, where they drift from the chapter; here
    they sit next to what they teach. They are shown on the trainer page and the workshop page,
    never in the reader's chapter.
    """

    goal: Line
    minutes: Minutes
    exercise: Prose
    mistakes: list[Line] = Field(min_length=1, max_length=5)


class Chapter(Model):
    """One chapter file in ``content/chapters/``."""

    id: Id
    part: Id
    order: Annotated[int, Field(ge=1, le=999)]
    title: Text
    summary: Text
    trainer: TrainerNotes | None = None
    minutes: Minutes | None = None
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
