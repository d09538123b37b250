"""Rows from pasted text and from a CRM or spreadsheet export, for a list input (``lines``).

A list input's value stays one text: one line per row, cells separated by semicolons. The
page shows it as editable rows and can import a CSV file, but it parses neither: it sends the
text (or the file's bytes) to the worker, and this module answers with the rows, so the one
parser of rows and cells is Python's, in the browser as in the tests.

Two entries, both JSON in and JSON out, never raising for bad input:

* :func:`rows_json` splits text into rows of cells (a pasted block from a spreadsheet with
  tabs, or text with semicolons); a recognised header row is dropped.
* :func:`import_json` reads an export file with the ``csv`` module: encoding (UTF-8 with or
  without BOM, else Windows-1252), separator (comma, semicolon or tab), header row matched by
  name (German and English column names, any order, extra columns ignored; the reader may map
  columns by hand), German and English number formats, currency signs and percent. It answers
  a preview (how each column was read, the first rows), the value text to take over, and every
  problem by row and column in German.

Nothing here reads a file or the network: the bytes arrive in the request (Base64).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import contextlib
import csv
import encodings.cp1252  # noqa: F401  (decoding needs it; imported here so the trimmed runtime ships it)
import io
import json
import re
import unicodedata
from dataclasses import dataclass

from calculators.fields import MAX_DECIMALS, MAX_ROWS, Field, join_cells, split_cells
from calculators.german_numbers import NumberError, format_number, parse_number
from calculators.problems import FieldError
from calculators.registry import CALCULATORS

#: Larger files are not a pipeline export a rep brings to a call.
MAX_BYTES = 2_000_000
#: Rows the preview shows before the reader takes them over.
PREVIEW_ROWS = 5
#: Problems listed at most (the rest are counted).
MAX_PROBLEMS = 10
#: How many lines decide the separator.
SAMPLE_LINES = 20

SEPARATORS: dict[str, str] = {";": "Semikolon", ",": "Komma", "\t": "Tabulator"}

#: Column names of common CRM and spreadsheet exports, by the name of the cell they fill.
#: The cell's own name and label always match too. Compared without case, accents, spaces
#: and punctuation; a bracketed unit ("Betrag (EUR)") is ignored.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "name": (
        "Kontakt",
        "Firma",
        "Unternehmen",
        "Kunde",
        "Account",
        "Account Name",
        "Company",
        "Company Name",
        "Organisation",
        "Organization",
        "Opportunity",
        "Opportunity Name",
        "Deal",
        "Deal Name",
        "Verkaufschance",
        "Name",
    ),
    "wahrscheinlichkeit": (
        "Wahrscheinlichkeit",
        "Abschlusswahrscheinlichkeit",
        "Probability",
        "Chance",
        "Win Probability",
        "Deal Probability",
        "Wahrscheinlichkeit %",
        "Prozent",
    ),
    "marge": (
        "Marge",
        "Deckungsbeitrag",
        "DB",
        "Amount",
        "Betrag",
        "Margin",
        "Gross Margin",
        "Deal Value",
        "Value",
        "Wert",
        "Umsatz",
        "Revenue",
        "Expected Revenue",
    ),
    "stunden": (
        "Stunden",
        "Aufwand",
        "Hours",
        "Effort",
        "Stunden bis zur Entscheidung",
        "Hours to Decision",
        "Zeitaufwand",
        "Std",
    ),
    "bewegung": ("Bewegung", "Movement", "Moving", "Fortschritt", "Progress", "Aktivitaet"),
    "datum": ("Datum", "Date", "Tag", "Day"),
    "art": ("Art", "Typ", "Type", "Kind", "Kategorie", "Category"),
    "auswirkung": ("Auswirkung", "Impact", "Folge", "Effect", "Beschreibung", "Description"),
    "massnahme": ("Massnahme", "Aufgabe", "Task", "Action", "Measure", "Titel", "Title"),
    "verantwortlich": ("Verantwortlich", "Owner", "Zustaendig", "Assignee", "Responsible"),
    "faellig": ("Faellig am", "Faellig", "Due", "Due Date", "Termin", "Deadline"),
    "stand": ("Stand", "Status", "State"),
}

NUMBER_KINDS = frozenset({"decimal", "integer", "percent", "money", "hours"})
#: Currency signs, units and spaces a cell may carry around its figure.
DECORATION = re.compile(r"(?i)(eur|euro|usd|chf|gbp|std\.?|stunden|hours|[€$£%h\s\u00a0\u202f'])")
GERMAN_ONLY = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+,\d{1,2}$|^-?\d+,\d{4,}$")
ENGLISH_ONLY = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+\.\d{1,2}$|^-?\d+\.\d{4,}$")
YES = frozenset({"ja", "yes", "y", "j", "true", "wahr", "x", "1"})
NO = frozenset({"nein", "no", "n", "false", "falsch", "0"})


def folded(text: str) -> str:
    """A column name as compared: no case, accents, brackets, spaces or punctuation."""
    text = re.sub(r"\(.*?\)|\[.*?\]", "", text).replace("ß", "ss")
    plain = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    return re.sub(r"[^0-9a-z]", "", plain.casefold())


def _names(cell: Field) -> set[str]:
    return {folded(name) for name in (cell.name, cell.label, *HEADER_NAMES.get(cell.name, ()))}


def match_header(
    header: str, cells: tuple[Field, ...], *, exact: bool | None = None
) -> tuple[str, bool] | None:
    """The cell a column name fills and whether that is sure (exact) or only likely.

    ``exact=True`` tries only exact names, ``False`` only names contained in the header.
    """
    wanted = folded(header)
    if not wanted:
        return None
    if exact is not False:
        for cell in cells:
            if wanted in _names(cell):
                return cell.name, True
    if exact is not True:
        for cell in cells:
            if any(len(name) >= 4 and name in wanted for name in _names(cell)):
                return cell.name, False
    return None


def split_rows(field: Field, text: str) -> list[list[str]]:
    """Text as rows of exactly as many cells as the row declares.

    Cells are separated by semicolons or tabs (what a spreadsheet puts on the clipboard); a
    first line that names the columns (a pasted header row) is dropped. The rest is
    ``Field.split_rows``, the same split the form shows at build time.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and _is_header(split_cells(lines[0]), field.row):
        lines = lines[1:]
    return field.split_rows("\n".join(lines))


def _is_header(cells: list[str], row: tuple[Field, ...]) -> bool:
    filled = [cell for cell in cells if cell.strip()]
    matched = sum(match_header(cell, row) is not None for cell in filled)
    return len(filled) > 1 and matched * 2 >= len(filled)


def joined(cells: list[str]) -> str:
    """One imported row as a line of the value (``join_cells``: a cell with a ";" is quoted)."""
    return join_cells(cells)


class TableImportError(ValueError):
    """A file that cannot be read as a table at all; ``message`` is German."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def decode(data: bytes) -> tuple[str, str]:
    """The file's text and the name of its encoding: UTF-8 (with or without BOM), else 1252."""
    if not data.strip():
        raise TableImportError("Die Datei ist leer.")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableImportError(
            "Das ist eine Excel-Arbeitsmappe, keine CSV-Datei. Bitte speichern Sie die Tabelle "
            "als „CSV (Trennzeichen-getrennt)“ und importieren Sie diese Datei."
        )
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8 mit BOM"
    if b"\x00" in data:
        raise TableImportError(
            "Die Datei ist keine Text-Tabelle (CSV). Bitte wählen Sie eine CSV-Datei."
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def separator(text: str, cells: tuple[Field, ...]) -> str:
    """Comma, semicolon or tab: whichever splits the header into known names.

    Else the one that splits the first lines most evenly; ``csv.Sniffer`` decides a tie.
    """
    sample = "\n".join(text.splitlines()[:SAMPLE_LINES])
    scores: dict[str, tuple[int, int, int]] = {}
    for candidate in SEPARATORS:
        rows = [row for row in csv.reader(io.StringIO(sample), delimiter=candidate) if any(row)]
        if not rows:
            continue
        known = sum(match_header(cell, cells) is not None for cell in rows[0])
        widths = [len(row) for row in rows]
        common = max(set(widths), key=widths.count)
        even = widths.count(common) if common > 1 else 0
        scores[candidate] = (known, even, common)
    best = max(scores.values(), default=(0, 0, 0))
    tied = [candidate for candidate, score in scores.items() if score == best]
    if len(tied) == 1:
        return tied[0]
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(SEPARATORS)).delimiter
    except csv.Error:
        return tied[0] if tied else ";"


@dataclass(frozen=True)
class Column:
    """One column of the file and the cell it fills ("" for none)."""

    header: str
    cell: str
    sure: bool


def map_columns(
    header: list[str] | None, width: int, cells: tuple[Field, ...], chosen: dict[int, str]
) -> list[Column]:
    """Each column's cell: as chosen by hand, else by exact name, else by a contained name.

    A file without a header is read by position. Each cell is filled by one column at most.
    """
    names = [
        header[index].strip() if header and index < len(header) else "" for index in range(width)
    ]
    found: dict[int, tuple[str, bool]] = dict.fromkeys(chosen, ("", True))
    found.update({index: (cell, True) for index, cell in chosen.items()})
    taken = {cell for cell, _ in found.values() if cell}
    passes = (True, False) if header is not None else ()
    for exact in passes:
        for index in range(width):
            if index in found:
                continue
            match = match_header(names[index], cells, exact=exact)
            if match and match[0] not in taken:
                found[index] = match
                taken.add(match[0])
    if header is None:
        for index in range(min(width, len(cells))):
            if index not in found and cells[index].name not in taken:
                found[index] = (cells[index].name, False)
                taken.add(cells[index].name)
    return [
        Column(names[index] or f"Spalte {index + 1}", *found.get(index, ("", True)))
        for index in range(width)
    ]


def number_style(values: list[str], sep: str) -> str:
    """Whether figures are German ("de") or English ("en").

    The unambiguous figures decide; where they do not, the separator (a comma suggests English).
    """
    german = sum(bool(GERMAN_ONLY.match(value)) for value in values)
    english = sum(bool(ENGLISH_ONLY.match(value)) for value in values)
    if german != english:
        return "de" if german > english else "en"
    return "en" if sep == "," else "de"


def _figure(raw: str) -> tuple[str, bool]:
    """The digits of a cell without currency, unit or spaces, and whether it had "%"."""
    return DECORATION.sub("", raw).replace("\u2212", "-"), "%" in raw


def normalised(raw: str, cell: Field, style: str) -> str:
    """A cell as the calculator reads it: German figures ("1234,5"), "30 %", "ja"/"nein".

    Line breaks and runs of spaces inside a cell become one space: a value has one line per
    row, so a CRM note over two lines must not become two rows.
    """
    text = " ".join(raw.split())
    if not text:
        return ""
    if cell.kind in NUMBER_KINDS:
        digits, had_percent = _figure(text)
        if not re.fullmatch(r"-?[\d.,]+", digits):
            return text
        if GERMAN_ONLY.match(digits):
            chosen = "de"
        elif ENGLISH_ONLY.match(digits):
            chosen = "en"
        else:
            chosen = style
        if chosen == "en":
            digits = digits.replace(",", "").replace(".", ",")
        else:
            digits = digits.replace(".", "")
        with contextlib.suppress(NumberError):  # else left as it stands; its check says why
            digits = format_number(parse_number(digits), MAX_DECIMALS)
        return (
            f"{digits} %"
            if had_percent or (cell.kind == "percent" and not _fraction(digits))
            else digits
        )
    if cell.kind == "choice":
        values = {value for value, _ in cell.choices}
        word = text.casefold()
        if {"ja", "nein"} <= values and word in YES | NO:
            return "ja" if word in YES else "nein"
        return text
    return text


def _fraction(digits: str) -> bool:
    """A probability written as a share ("0,3"): left without "%" so its check asks."""
    return digits.startswith(("0,", "-0,")) or digits == "0"


def read_table(
    data: bytes, field: Field, chosen: dict[int, str] | None = None
) -> dict[str, object]:
    """The preview and value of an export for ``field`` (raises TableImportError if unreadable)."""
    if len(data) > MAX_BYTES:
        raise TableImportError(
            f"Die Datei ist größer als {MAX_BYTES // 1_000_000} MB. Bitte exportieren Sie nur "
            "die Spalten und Zeilen, die Sie vergleichen wollen."
        )
    text, encoding = decode(data)
    cells = field.row
    sep = separator(text, cells)
    records = [
        (line, row) for line, row in _records(text, sep) if any(cell.strip() for cell in row)
    ]
    if not records:
        raise TableImportError("In der Datei steht keine Zeile.")
    first = records[0][1]
    has_header = sum(match_header(cell, cells) is not None for cell in first) > 0
    header = first if has_header else None
    body = records[1:] if has_header else records
    width = max(len(row) for _, row in records)
    columns = map_columns(header, width, cells, chosen or {})
    by_cell = {column.cell: index for index, column in enumerate(columns) if column.cell}
    problems: list[str] = []
    for cell in cells:
        if cell.required and cell.name not in by_cell:
            problems.append(
                f"Keine Spalte für „{cell.label}“ gefunden. Bitte wählen Sie unten aus, welche "
                "Spalte sie enthält."
            )
    if len(body) > MAX_ROWS:
        problems.append(
            f"Die Datei hat {len(body)} Zeilen; übernommen werden die ersten {MAX_ROWS}."
        )
        body = body[:MAX_ROWS]
    numeric = [
        row[index].strip()
        for _, row in body
        for cell in cells
        if cell.kind in NUMBER_KINDS
        and (index := by_cell.get(cell.name)) is not None
        and index < len(row)
    ]
    style = number_style([_figure(value)[0] for value in numeric], sep)
    rows: list[list[str]] = []
    for line, row in body:
        values = []
        for cell in cells:
            index = by_cell.get(cell.name)
            raw = row[index] if index is not None and index < len(row) else ""
            value = normalised(raw, cell, style)
            values.append(value)
            if index is None:
                continue  # reported once above (or optional)
            try:
                cell.parse(value)
            except FieldError as problem:
                where = columns[index].header if index is not None else cell.label
                problems.append(f"Zeile {line}, Spalte „{where}“: {problem.message}")
        rows.append(values)
    more = len(problems) - MAX_PROBLEMS
    shown = problems[:MAX_PROBLEMS] + ([f"… und {more} weitere Probleme."] if more > 0 else [])
    return {
        "ok": True,
        "encoding": encoding,
        "separator": SEPARATORS[sep],
        "numbers": "deutsch (1.234,50)" if style == "de" else "englisch (1,234.50)",
        "header": has_header,
        "columns": [
            {"header": column.header, "cell": column.cell, "sure": column.sure}
            for column in columns
        ],
        "cells": [{"name": cell.name, "label": cell.label} for cell in cells],
        "preview": rows[:PREVIEW_ROWS],
        "count": len(rows),
        "problems": shown,
        "text": "\n".join(joined(row) for row in rows),
    }


def _records(text: str, sep: str) -> list[tuple[int, list[str]]]:
    """Each record with the file line it starts on (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, skipinitialspace=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    for row in reader:
        records.append((start, row))
        start = reader.line_num + 1
    return records


def _field(request: dict[str, object]) -> Field:
    declaration = CALCULATORS.get(str(request.get("calculator")))
    if declaration is None:
        raise TableImportError("Unbekannter Rechner.")
    for field in declaration.inputs:
        if isinstance(field, Field) and field.name == request.get("field") and field.row:
            return field
    raise TableImportError("Dieses Feld nimmt keine Zeilen auf.")


def _answer(answer: dict[str, object]) -> str:
    return json.dumps(answer, ensure_ascii=False, sort_keys=True)


def _request(payload: str) -> dict[str, object]:
    try:
        request = json.loads(payload)
    except ValueError:
        raise TableImportError("Die Anfrage war unlesbar.") from None
    if not isinstance(request, dict):
        raise TableImportError("Die Anfrage war unlesbar.")
    return request


def rows_json(payload: str) -> str:
    """``{"calculator", "field", "text"}`` in; ``{"ok", "rows"}`` (or ``message``) out."""
    try:
        request = _request(payload)
        field = _field(request)
        text = request.get("text")
        if not isinstance(text, str):
            raise TableImportError("Die Anfrage war unlesbar.")
    except TableImportError as problem:
        return _answer({"ok": False, "message": problem.message})
    return _answer({"ok": True, "rows": split_rows(field, text)})


def import_json(payload: str) -> str:
    """``{"calculator", "field", "data" (Base64), "mapping"}`` in; the preview out.

    ``mapping`` (optional) sets columns by hand: column number (from 0, as a string) -> cell
    name, or "" to leave a column out.
    """
    try:
        request = _request(payload)
        field = _field(request)
        data = base64.b64decode(str(request.get("data", "")), validate=True)
        mapping = request.get("mapping") or {}
        if not isinstance(mapping, dict):
            raise TableImportError("Die Anfrage war unlesbar.")
        known = {cell.name for cell in field.row} | {""}
        chosen = {
            int(index): str(cell)
            for index, cell in mapping.items()
            if str(index).isdigit() and cell in known
        }
        return _answer(read_table(data, field, chosen))
    except binascii.Error:
        return _answer({"ok": False, "message": "Die Datei kam unvollständig an."})
    except TableImportError as problem:
        return _answer({"ok": False, "message": problem.message})
