"""CRM and spreadsheet exports read into a list input, and text split into rows, in CPython.

Every file in ``import_files/`` is a real file of one kind a rep brings from a CRM or a
spreadsheet (UTF-8 with BOM, semicolons, quoted separators and CRLF; Windows-1252 with
umlauts; an English comma export with extra columns; tabs; a missing column; a bad cell).
The same files run through Pyodide in ``tests/pyodide/test_table_import_parity.py``.

Each check is a function so that its negative control can run it against a planted defect
(a parser made to decode, split or read numbers wrongly) and see it fail.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from calculators import table_import
from calculators.boundary import run
from calculators.table_import import import_json, rows_json
from tests.calculators.playbook_rules import PLAYBOOK_RULES

FILES = Path(__file__).with_name("import_files")
CALCULATOR = "value-per-hour"
FIELD = "kontakte"

#: The contacts of each export as a rep would type them by hand.
TYPED_BY_HAND = {
    "crm_utf8_bom_semicolon.csv": (
        '"Hansen Großhandel; Relaunch"; 30 %; 6.000; 6; ja\n'
        "Berger Logistik GmbH; 15 %; 8.000; 10; nein\n"
        'Müller "Bau" KG; 45 %; 1.234,50; 4,5; ja'
    ),
    "crm_english_comma_extra_columns.csv": (
        "Hansen Wholesale; 30 %; 6.000; 6\n"
        "Berger Logistics; 15 %; 8.000; 10\n"
        "Keller, Jonas & Co; 45 %; 1.234,50; 4,5"
    ),
    "windows1252_umlauts.csv": "Krüger & Söhne; 30 %; 6.000; 6\nBäckerei Öztürk; 15 %; 8.000; 10",
    "spreadsheet_tabs.tsv": "A; 30 %; 6.000; 6\nB; 15 %; 8.000; 10",
}

Reader = Callable[[str, dict[str, str] | None], dict[str, object]]


def read(name: str, mapping: dict[str, str] | None = None) -> dict[str, object]:
    """The worker's answer for one file, through the browser's JSON entry."""
    data = base64.b64encode((FILES / name).read_bytes()).decode("ascii")
    request = {"calculator": CALCULATOR, "field": FIELD, "data": data, "mapping": mapping or {}}
    answer: dict[str, object] = json.loads(import_json(json.dumps(request)))
    return answer


def answer_for(text: str) -> dict[str, object]:
    """The calculator's answer for this list of contacts (no team median: their own)."""
    return run(CALCULATOR, {FIELD: text, "team_median": ""}, rules=PLAYBOOK_RULES)


def check_same_as_typed(reader: Reader, name: str) -> None:
    """Importing the file gives the same answer as typing its contacts by hand."""
    answer = reader(name, None)
    assert answer["ok"] is True, answer
    assert answer["problems"] == [], answer["problems"]
    imported, typed = answer_for(str(answer["text"])), answer_for(TYPED_BY_HAND[name])
    assert typed["ok"] is True, typed
    assert imported == typed


def check_bom_file(reader: Reader) -> None:
    """BOM, semicolons, a separator and doubled quotes inside quotes, CRLF, German numbers."""
    answer = reader("crm_utf8_bom_semicolon.csv", None)
    assert answer["encoding"] == "UTF-8 mit BOM"
    assert answer["separator"] == "Semikolon"
    assert answer["numbers"] == "deutsch (1.234,50)"
    preview = answer["preview"]
    assert isinstance(preview, list)
    assert preview[0] == ["Hansen Großhandel; Relaunch", "30 %", "6.000", "6", "ja"]
    assert preview[2] == ['Müller "Bau" KG', "45 %", "1.234,5", "4,5", "ja"]
    assert [column["header"] for column in answer["columns"]] == [  # type: ignore[attr-defined]
        "Firma", "Wahrscheinlichkeit", "Deckungsbeitrag", "Aufwand (h)", "Bewegung",
    ]  # fmt: skip


def check_windows_1252(reader: Reader) -> None:
    answer = reader("windows1252_umlauts.csv", None)
    assert answer["encoding"] == "Windows-1252"
    names = [row[0] for row in answer["preview"]]  # type: ignore[attr-defined]
    assert names == ["Krüger & Söhne", "Bäckerei Öztürk"]


def check_english_export(reader: Reader) -> None:
    """Comma-separated, "$6,000.00", "30%", "4.5", extra columns ignored, any order."""
    answer = reader("crm_english_comma_extra_columns.csv", None)
    assert answer["separator"] == "Komma"
    assert answer["numbers"] == "englisch (1,234.50)"
    mapped = {column["header"]: column["cell"] for column in answer["columns"]}  # type: ignore[attr-defined]
    assert mapped == {
        "Opportunity ID": "", "Account Name": "name", "Stage": "", "Amount": "marge",
        "Close Date": "", "Probability (%)": "wahrscheinlichkeit", "Owner": "", "Hours": "stunden",
    }  # fmt: skip
    assert answer["preview"][2] == ["Keller, Jonas & Co", "45 %", "1.234,5", "4,5", ""]  # type: ignore[index]


def test_bom_semicolon_crlf_german_numbers() -> None:
    check_bom_file(read)


def test_windows_1252_with_umlauts() -> None:
    check_windows_1252(read)


def test_english_crm_export_with_extra_columns() -> None:
    check_english_export(read)


def test_tab_separated() -> None:
    answer = read("spreadsheet_tabs.tsv")
    assert answer["separator"] == "Tabulator"
    assert answer["count"] == 2


@pytest.mark.parametrize("name", sorted(TYPED_BY_HAND))
def test_import_gives_the_same_answer_as_typing(name: str) -> None:
    check_same_as_typed(read, name)


def test_missing_column_is_named_and_can_be_mapped_by_hand() -> None:
    answer = read("missing_hours_column.csv")
    assert answer["ok"] is True
    problems = answer["problems"]
    assert isinstance(problems, list)
    assert problems == [
        "Keine Spalte für „Stunden bis zur Entscheidung“ gefunden. Bitte wählen Sie unten aus, "
        "welche Spalte sie enthält."
    ]
    # The reader maps a column by hand: here the margin column, read as hours instead.
    remapped = read("missing_hours_column.csv", {"2": "stunden"})
    columns = remapped["columns"]
    assert isinstance(columns, list)
    assert [column["cell"] for column in columns] == ["name", "wahrscheinlichkeit", "stunden"]
    assert any("„Marge“" in problem for problem in remapped["problems"])  # type: ignore[attr-defined]


def test_bad_cell_is_reported_by_row_and_column() -> None:
    answer = read("bad_cell.csv")
    assert answer["problems"] == [
        "Zeile 4, Spalte „Wahrscheinlichkeit“: „viel“ ist keine Zahl. Beispiele: 6.000 oder 0,5."
    ]
    assert answer["count"] == 3


def test_a_file_without_header_is_read_by_position_and_marked_unsure() -> None:
    data = b"A;30 %;6.000;6\r\nB;15 %;8.000;10\r\n"
    answer = json.loads(
        import_json(
            json.dumps(
                {"calculator": CALCULATOR, "field": FIELD, "data": base64.b64encode(data).decode()}
            )
        )
    )
    assert answer["header"] is False
    assert [column["sure"] for column in answer["columns"]] == [False] * 4
    assert answer["text"] == "A; 30 %; 6.000; 6\nB; 15 %; 8.000; 10"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Die Datei ist leer."),
        (b"PK\x03\x04rest of a workbook", "Excel-Arbeitsmappe"),
        (b"\x00\x01\x02\x03", "keine Text-Tabelle"),
    ],
)
def test_unreadable_files_are_answered_in_german(data: bytes, message: str) -> None:
    encoded = base64.b64encode(data).decode()
    request = {"calculator": CALCULATOR, "field": FIELD, "data": encoded}
    answer = json.loads(import_json(json.dumps(request)))
    assert answer["ok"] is False
    assert message in answer["message"]


def test_bad_requests_are_answered_not_raised() -> None:
    assert json.loads(import_json("{"))["ok"] is False
    wrong_field = {"calculator": CALCULATOR, "field": "team_median", "data": ""}
    assert "keine Zeilen" in json.loads(import_json(json.dumps(wrong_field)))["message"]
    broken = {"calculator": CALCULATOR, "field": FIELD, "data": "%%%"}
    assert (
        json.loads(import_json(json.dumps(broken)))["message"] == "Die Datei kam unvollständig an."
    )


def split(text: str, calculator: str = CALCULATOR, field: str = FIELD) -> list[list[str]]:
    answer = json.loads(
        rows_json(json.dumps({"calculator": calculator, "field": field, "text": text}))
    )
    assert answer["ok"] is True, answer
    rows: list[list[str]] = answer["rows"]
    return rows


def test_five_spreadsheet_rows_with_header_become_five_rows() -> None:
    pasted = "Kontakt\tWahrscheinlichkeit\tMarge\tStunden\n" + "\n".join(
        f"K{number}\t{number * 10} %\t{number}.000\t{number}" for number in range(1, 6)
    )
    rows = split(pasted)
    assert len(rows) == 5
    assert rows[0] == ["K1", "10 %", "1.000", "1", ""]


def test_semicolon_text_and_surplus_cells_keep_every_character() -> None:
    assert split("A; 30 %; 6.000; 6; ja; zu viel\n\nB;15 %") == [
        ["A", "30 %", "6.000", "6", "ja; zu viel"],
        ["B", "15 %", "", "", ""],
    ]


def test_a_data_line_is_never_taken_for_a_header() -> None:
    assert split("Kontakt; 30 %; 6.000; 6") == [["Kontakt", "30 %", "6.000", "6", ""]]


def test_rows_of_the_other_list_inputs() -> None:
    rows = split("24.03.2026\ttermin\tFreigabe fehlt", "collaboration-check", "vorfaelle")
    assert rows == [["24.03.2026", "termin", "Freigabe fehlt"]]


# Negative controls: each check must fail against a parser with the defect it guards against.


def test_control_windows_1252_check_finds_a_utf8_only_decoder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        table_import, "decode", lambda data: (data.decode("utf-8", errors="replace"), "UTF-8")
    )
    with pytest.raises(AssertionError):
        check_windows_1252(read)


def test_control_bom_check_finds_a_parser_that_splits_inside_quotes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def naive(text: str, _sep: str) -> list[tuple[int, list[str]]]:
        return [(n, line.split(";")) for n, line in enumerate(text.splitlines(), 1)]

    monkeypatch.setattr(table_import, "_records", naive)
    with pytest.raises(AssertionError):
        check_bom_file(read)


def test_control_english_check_finds_german_only_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_import, "ENGLISH_ONLY", re.compile(r"(?!)"))
    monkeypatch.setattr(table_import, "number_style", lambda _values, _sep: "de")
    with pytest.raises(AssertionError):
        check_english_export(read)


def test_control_same_answer_check_finds_a_lost_row(monkeypatch: pytest.MonkeyPatch) -> None:
    original = table_import.joined
    monkeypatch.setattr(
        table_import,
        "joined",
        lambda cells: "" if cells[0].startswith("Berger") else original(cells),
    )
    with pytest.raises(AssertionError):
        check_same_as_typed(read, "crm_utf8_bom_semicolon.csv")


def test_a_cell_over_two_lines_stays_in_its_row() -> None:
    """A CRM note with a line break inside its quotes is one cell, and its row one line."""
    export = 'Firma;Wahrscheinlichkeit;Deckungsbeitrag;Aufwand (h)\r\n"Hansen\r\nGroßhandel";30 %;6.000;6\r\nBerger;15 %;8.000;10\r\n'
    data = base64.b64encode(export.encode("utf-8")).decode("ascii")
    request = {"calculator": CALCULATOR, "field": FIELD, "data": data, "mapping": {}}
    answer = json.loads(import_json(json.dumps(request)))
    assert answer["ok"] is True, answer
    assert str(answer["text"]).splitlines() == [
        "Hansen Großhandel; 30 %; 6.000; 6",
        "Berger; 15 %; 8.000; 10",
    ]
