"""The names Python, the templates and the browser scripts share, each defined once.

A page works only while three languages agree on a handful of strings: the fragment prefix
of a calculator link, the folder the worker unpacks the calculators into, the data
attributes a script looks for, the kinds of message between page and worker, the names of
caches and stored keys, how long work waits for the runtime to settle. They are declared
here, typed, and nowhere else:

- Python imports ``CONTRACT``;
- templates read it as the Jinja2 global ``contract`` (or get the finished value from a view);
- scripts import the generated module ``assets/klartext/contract.mjs`` (``contract_module``),
  written at build time, so a script can only use a name that exists here;
- Node scripts run by the build or the tests get what they need as arguments.

``tests/site/test_contract.py`` fails when a template or script spells one of these values
literally instead of reading it from here.

Field names are snake_case here and camelCase in the generated module
(``link_prefix`` -> ``linkPrefix``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from calculators.fields import CELL_JOINER, CELL_OPENING_QUOTES, CELL_QUOTE, CELL_SEPARATORS
from calculators.result_text import READER_DATE

#: Where the site's own scripts, styles and generated browser files live (site-relative).
ASSETS = "assets/klartext"


@dataclass(frozen=True)
class RuntimeContract:
    """The calculator runtime: the worker, what it loads, and the messages page <-> worker.

    The page sends ``{id, kind, ...}`` with ``kind`` one of the request kinds; the worker
    answers ``{type, ...}`` with ``type`` one of the answer kinds (``result`` carries the
    request's ``id``).
    """

    #: The classic script in every page's head that starts the worker (``runtime/boot.js``).
    boot_uri: str = f"{ASSETS}/runtime/boot.js"
    #: The worker's module and what it imports statically (preloaded from the page head).
    worker_uri: str = f"{ASSETS}/runtime/worker.mjs"
    #: Packing and unpacking of the memory snapshot (pure, unit-tested under Node).
    snapshot_module_uri: str = f"{ASSETS}/runtime/snapshot.mjs"
    #: Build-time settings of the runtime (stdlib name, inline lock file, snapshot key).
    settings_uri: str = f"{ASSETS}/runtime/settings.mjs"
    #: The calculators package as a zip, with its Pyodide bytecode.
    archive_uri: str = f"{ASSETS}/runtime/calculators.zip"
    #: The self-hosted Pyodide files.
    pyodide_uri: str = "assets/pyodide"
    #: The trimmed, precompiled standard library, inside ``pyodide_uri``.
    stdlib_name: str = "klartext-stdlib.zip"
    #: The folder in Pyodide's file system the calculators are unpacked into.
    extract_dir: str = "/home/pyodide/klartext"
    #: The worker's name in the browser's developer tools.
    worker_name: str = "klartext-rechner"
    #: Cache Storage name for the memory snapshot a browser keeps of a started runtime.
    snapshot_cache: str = "kx-runtime-snapshot"
    #: Request kinds, page -> worker.
    request_calculate: str = "calculate"
    request_fill: str = "fill"
    #: A list input's text split into rows of cells, and an export file read as rows
    #: (``calculators.table_import``: the page never parses either itself).
    request_rows: str = "rows"
    request_import: str = "import"
    #: Answer kinds, worker -> page.
    answer_ready: str = "ready"
    answer_failed: str = "failed"
    answer_result: str = "result"
    #: How a ready runtime came up.
    start_fresh: str = "fresh"
    start_snapshot: str = "snapshot"
    #: Work that can wait (search index, offline copy) starts this long after the runtime
    #: is up or has failed, so it never competes with the first keystrokes.
    settle_ms: int = 2000
    #: Where the worker keeps its memory snapshot in Cache Storage: ``<prefix>/<key>``
    #: (a cache key only, never fetched; the key changes with the runtime and calculators).
    snapshot_key_prefix: str = f"{ASSETS}/runtime/snapshot"
    #: ``page.meta`` key of a page that shows a calculator: its head starts the runtime at
    #: once and preloads the worker's modules (``templates/theme/main.html``).
    page_flag: str = "klartext_calculator"
    #: On a calculator page, hold back Material's search index (an ``XMLHttpRequest`` the
    #: boot script recognises by its path) until the runtime has settled or the reader turns
    #: to the search. It patches an upstream internal, hence the switch: ``False`` lets the
    #: index load as Material asks for it.
    hold_search_index: bool = True


@dataclass(frozen=True)
class CalculatorContract:
    """A calculator form on a page, as the templates write it and the script binds it."""

    #: Fragment prefix of a calculator's heading and of links that fill its form
    #: (``#rechner-<id>`` and ``#rechner-<id>:<query>``); content ids must not take it.
    link_prefix: str = "rechner-"
    #: Element id suffixes of a field's help text and error message (``<field id>-hilfe``).
    help_suffix: str = "-hilfe"
    error_suffix: str = "-fehler"
    #: On the calculator's container; the value is the calculator id.
    container_attribute: str = "data-kx-calculator"
    #: On every input the calculator reads; the value is the field's German label.
    field_attribute: str = "data-kx-field"
    #: On the calculator's container: the runtime's state (``loading``, or the answer kind
    #: ``ready``/``failed`` that ended it); the stylesheet marks a failed start by it.
    state_attribute: str = "data-kx-state"
    #: On a stepper's text field: the values − and + step through, space-separated, as Python
    #: listed them (``Field.stepper_values``), so the page never counts itself.
    steps_attribute: str = "data-kx-steps"
    #: On the calculator's container while the result is still the build-time example (until
    #: the first live answer); the stylesheet marks the example by it.
    example_attribute: str = "data-kx-example"
    #: On the verdict bar: the tone of the verdict it shows (``good``, ``warn``, ``bad``,
    #: ``neutral``), for its colour; the tone's words stand beside it.
    tone_attribute: str = "data-kx-tone"


@dataclass(frozen=True)
class PartContract:
    """``data-kx-part`` values: the parts of a calculator or template form a script fills.

    Classes stay for styling; scripts find these elements by this attribute only.
    """

    attribute: str = "data-kx-part"
    #: A calculator's message for the whole form (next to the fields' own messages).
    form_error: str = "form-message"
    #: A calculator's result and the caption above it.
    result_body: str = "answer"
    result_label: str = "answer-caption"
    #: Says while the runtime loads, or that it failed.
    runtime_state: str = "runtime-state"
    #: A calculator's or template form's short status line (link taken over, text copied).
    notice: str = "status-line"
    #: JSON of the content templates a calculator's answer fills in.
    calculator_templates: str = "calculator-templates"
    #: A template form's filled text, the template's JSON, and a field's "from the
    #: calculator" note.
    template_output: str = "filled-text"
    template_source: str = "template-json"
    source_note: str = "taken-over-note"
    #: A calculator's field with its label, help and message (what its controls belong to).
    field_row: str = "field-row"
    #: The browser's date picker that writes a German date into the text field of its row.
    calendar: str = "date-companion"
    #: The compact verdict bar a phone keeps in view while a field has focus, and its parts:
    #: tone in words, verdict, deciding figure, the example mark, and the text shown while a
    #: field has a problem.
    verdict_bar: str = "sticky-verdict"
    bar_tone: str = "verdict-bar-tone"
    bar_verdict: str = "verdict-bar-verdict"
    bar_summary: str = "verdict-bar-figure"
    bar_example: str = "verdict-bar-example"
    bar_problem: str = "verdict-bar-problem"


@dataclass(frozen=True)
class ProgressContract:
    """Checklist ticks and reading progress, kept in ``localStorage`` on the device."""

    storage_prefix: str = "klartext.progress."
    #: On a checklist item; the value is ``<checklist id>/<item id>``.
    item_attribute: str = "data-kx-item"
    #: On a checklist's tools; the value is the checklist id.
    checklist_attribute: str = "data-kx-checklist"
    #: On a chapter's "read" control; the value is the chapter id.
    chapter_attribute: str = "data-kx-chapter"
    #: On a progress panel: its scope and the keys it counts (space-separated).
    scope_attribute: str = "data-kx-scope"
    chapters_attribute: str = "data-kx-chapters"
    items_attribute: str = "data-kx-items"
    #: On a counter inside a panel; the value says what it counts (the two fields below).
    count_attribute: str = "data-kx-count"
    count_chapters: str = "chapters"
    count_items: str = "items"
    #: The scope of the onboarding page's panel over the whole playbook.
    total_scope: str = "gesamt"
    #: On an onboarding stop's "(gelesen)" mark; the value is the chapter id.
    read_mark_attribute: str = "data-kx-read-mark"


@dataclass(frozen=True)
class SelfCheckContract:
    """The self-check at a chapter's end, and its counter on the onboarding page.

    A question answered right is kept like a checklist tick, under the progress storage
    prefix, as ``<block id>/<question id>``; a self-check is passed when all its questions are.
    """

    #: On the self-check's container; the value is the block id.
    container_attribute: str = "data-kx-self-check"
    #: On a question's fieldset; the value is ``<block id>/<question id>``.
    question_attribute: str = "data-kx-question"
    #: On a choice input that belongs to the right answer (present or absent).
    right_attribute: str = "data-kx-right"
    #: On an ordering question's select: the place its step takes in the right order.
    position_attribute: str = "data-kx-position"
    #: On the onboarding page's counter: the question keys of every self-check it counts.
    keys_attribute: str = "data-kx-self-checks"
    #: ``data-kx-part`` values: the announced result, the result kept on this device, and a
    #: question's own verdict, an explanation (one per option of a choice question, in the
    #: options' order; one for an ordering question) and the tools shown once bound.
    result_part: str = "self-check-result"
    saved_part: str = "self-check-saved"
    verdict_part: str = "question-verdict"
    why_part: str = "answer-why"
    tools_part: str = "self-check-tools"
    #: ``data-kx-action`` values of the check and reset buttons.
    check_action: str = "check-self-check"
    reset_action: str = "reset-self-check"


@dataclass(frozen=True)
class RowsContract:
    """A list input (``lines``) edited as rows, and its CSV import.

    Scripts ``calculators/rows.mjs`` and ``import.mjs``, partial ``calculators/rows.html.j2``.
    The textarea stays the one value; the rows write its text and are rebuilt from it by the
    worker (``runtime.request_rows``).
    """

    #: On a list input's row editor; the value is the field name.
    editor_attribute: str = "data-kx-rows"
    #: On one row of the editor, and on a row input; the value is the cell's name.
    row_attribute: str = "data-kx-row"
    cell_attribute: str = "data-kx-cell"
    #: On the file input of an import; the value is the field name.
    import_attribute: str = "data-kx-import"
    #: ``data-kx-part`` values: the rows with their "add" button (hidden while the text is
    #: edited), the row to clone, the editor's announcements, the area that takes dropped
    #: files, the import preview.
    row_list: str = "rows-list"
    row_template: str = "row-template"
    status: str = "rows-status"
    drop_zone: str = "drop-zone"
    preview: str = "import-preview"
    #: How the rows write a line of the value, so that ``calculators.fields.split_cells``
    #: reads each cell back as one, as typed: cells joined by the joiner, a cell that holds
    #: one of the separators (or starts with one of the opening quotes) in quotes, a quote
    #: inside it doubled.
    cell_joiner: str = CELL_JOINER
    cell_quote: str = CELL_QUOTE
    cell_opening_quotes: str = CELL_OPENING_QUOTES
    cell_separators: str = CELL_SEPARATORS
    #: ``data-kx-action`` values.
    add_row: str = "add-row"
    remove_row: str = "remove-row"
    move_up: str = "row-up"
    move_down: str = "row-down"
    toggle_text: str = "toggle-text"
    take_over: str = "take-over-import"
    discard: str = "discard-import"


@dataclass(frozen=True)
class ActionContract:
    """``data-kx-action`` values: what a button does, for the script that handles it."""

    attribute: str = "data-kx-action"
    reset_checklist: str = "reset-checklist"
    reset_ticks: str = "reset-ticks"
    reset_all: str = "reset-all"
    toggle_read: str = "toggle-read"
    copy_template: str = "copy-template"
    download_template: str = "download-template"
    clear_template: str = "clear-template"
    copy_link: str = "copy-link"
    clear_calculator: str = "clear-calculator"
    #: A stepper's − and + (they move its field to the previous or next listed value).
    step_down: str = "step-down"
    step_up: str = "step-up"
    #: The "Karte drucken" button of a card "auf einen Blick" (``at-a-glance/at-a-glance.mjs``).
    print_page: str = "print-page"


@dataclass(frozen=True)
class TextTemplateContract:
    """A fillable text template (exit e-mail, protocol) under its plain text."""

    #: On the template's container; the value is the template id.
    container_attribute: str = "data-kx-template"
    #: On every field that fills a placeholder.
    placeholder_attribute: str = "data-kx-placeholder"


@dataclass(frozen=True)
class OfflineContract:
    """The offline copy: the service worker and its caches."""

    service_worker_uri: str = "sw.js"
    #: Cache Storage names of the offline copy start with this, followed by the build's hash.
    cache_prefix: str = "klartext-"
    #: Message a page sends a waiting service worker to take over.
    skip_waiting: str = "skip-waiting"
    #: Pages without a runtime register the service worker this long after loading.
    fallback_ms: int = 8000
    #: After the runtime has settled, registration waits at most this long for idle time.
    idle_wait_ms: int = 2000


@dataclass(frozen=True)
class DeepLinkContract:
    """Deep links and the projector view."""

    #: Query flag that shows one step at a time (``…/drei-wege/?beamer#schritt``).
    projector_flag: str = "beamer"
    #: Class of the copy-link control the build writes into each heading
    #: (content_model/copy_links.py); the script handles its clicks.
    copy_control_class: str = "kx-copy-link"


@dataclass(frozen=True)
class RedirectContract:
    """Forwarding pages at old addresses."""

    #: Carries the ``#step`` of an old deep link to the new address (a file: CSP allows it).
    fragment_keeper_uri: str = f"{ASSETS}/redirects/redirect.js"


@dataclass(frozen=True)
class TakeAlongContract:
    """Hints on likely slips next to a calculator's fields, and the result to take along.

    Scripts ``calculators/hints.mjs`` and ``take-along.mjs``; the answer's ``hints`` come from
    ``calculators.hints``, its ``take_along`` text and card from ``calculators.result_text``.
    """

    #: Element id suffix of a field's hint (``<field id>-hinweis``), next to its message.
    hint_suffix: str = "-hinweis"
    #: Key of the reader's local date (ISO) sent with the fields, for the copied text's date.
    reader_date_field: str = READER_DATE
    #: ``data-kx-action`` values of the two buttons under a result.
    copy_result: str = "copy-result"
    print_result: str = "print-result"
    #: ``data-kx-part`` value of the result card printed on its own.
    card: str = "result-card"
    #: On ``<html>`` while only a result card is printed; the print styles hide the rest.
    printing_attribute: str = "data-kx-printing-card"


@dataclass(frozen=True)
class ManifestContract:
    """The web app manifest and its icons (``content_model/manifest.py``), linked in the head."""

    manifest_uri: str = "manifest.webmanifest"
    #: The icon drawn from ``templates/manifest/icon.svg`` in the team's colours.
    icon_svg_uri: str = f"{ASSETS}/manifest/icon.svg"
    icon_192_uri: str = f"{ASSETS}/manifest/icon-192.png"
    icon_512_uri: str = f"{ASSETS}/manifest/icon-512.png"
    #: Full-bleed background, for launchers that cut icons into their own shape.
    icon_maskable_uri: str = f"{ASSETS}/manifest/icon-maskable-512.png"
    #: What iOS puts on the home screen (it reads no manifest icons).
    apple_touch_icon_uri: str = f"{ASSETS}/manifest/apple-touch-icon.png"


@dataclass(frozen=True)
class Contract:
    """Every shared name, by feature."""

    runtime: RuntimeContract = field(default_factory=RuntimeContract)
    calculator: CalculatorContract = field(default_factory=CalculatorContract)
    part: PartContract = field(default_factory=PartContract)
    progress: ProgressContract = field(default_factory=ProgressContract)
    rows: RowsContract = field(default_factory=RowsContract)
    self_check: SelfCheckContract = field(default_factory=SelfCheckContract)
    action: ActionContract = field(default_factory=ActionContract)
    text_template: TextTemplateContract = field(default_factory=TextTemplateContract)
    offline: OfflineContract = field(default_factory=OfflineContract)
    deep_link: DeepLinkContract = field(default_factory=DeepLinkContract)
    redirect: RedirectContract = field(default_factory=RedirectContract)
    take_along: TakeAlongContract = field(default_factory=TakeAlongContract)
    manifest: ManifestContract = field(default_factory=ManifestContract)

    @property
    def worker_module_uris(self) -> tuple[str, ...]:
        """The worker and the modules it imports statically, preloaded by calculator pages.

        The worker would otherwise find each level of imports only after the one before has
        arrived, one round trip after the other, before it could ask for the large files.
        """
        return (
            self.runtime.worker_uri,
            f"{self.runtime.pyodide_uri}/pyodide.mjs",
            self.runtime.settings_uri,
            self.runtime.snapshot_module_uri,
            CONTRACT_MODULE_URI,
        )


#: The generated ES module the scripts import the contract from.
CONTRACT_MODULE_URI = f"{ASSETS}/contract.mjs"

CONTRACT = Contract()


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def as_data(value: Any) -> Any:
    """The contract (or one of its sections) as plain JSON data with camelCase keys."""
    if is_dataclass(value) and not isinstance(value, type):
        return {_camel(item.name): as_data(getattr(value, item.name)) for item in fields(value)}
    if isinstance(value, tuple):
        return [as_data(item) for item in value]
    return value


def contract_module(contract: Contract = CONTRACT) -> str:
    """``contract.mjs``: one frozen export per section, plus the worker's module list."""
    lines = [
        "// Generated at build time from content_model/contract.py; do not edit.",
        "const freeze = (value) => Object.freeze(value);",
    ]
    for item in fields(contract):
        data = json.dumps(as_data(getattr(contract, item.name)), ensure_ascii=False, indent=2)
        lines.append(f"export const {_camel(item.name)} = freeze({data});")
    modules = json.dumps(list(contract.worker_module_uris))
    lines.append(f"export const workerModuleUris = freeze({modules});")
    return "\n".join(lines) + "\n"


def shared_strings(contract: Contract = CONTRACT) -> dict[str, str]:
    """Every string value of the contract by its dotted name, for the drift test."""
    found: dict[str, str] = {}

    def visit(prefix: str, value: Any) -> None:
        if is_dataclass(value) and not isinstance(value, type):
            for item in fields(value):
                visit(f"{prefix}{item.name}.", getattr(value, item.name))
        elif isinstance(value, str):
            found[prefix.rstrip(".")] = value

    visit("", contract)
    return found
