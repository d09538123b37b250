"""The cells of a list input's line: how the row editor's text keeps a ";" typed into a cell.

A rep types "Preise prüfen; Angebot senden" into one cell of the commitments; written back
as plain "; "-joined text, that would come back as two cells and shift every cell after it.
The row editor and the import write such a cell in double quotes (``join_cells``), and
``split_cells`` reads it back as one.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.fields import join_cells, split_cells
from calculators.problems import FieldError
from calculators.registry import CALCULATORS

COMMITMENTS = CALCULATORS["commitment-tracker"]


def test_plain_cells_split_at_semicolons_and_tabs_with_spaces_trimmed() -> None:
    assert split_cells(" A ;B\t C ; ") == ["A", "B", "C", ""]


def test_a_quoted_cell_keeps_its_separators_and_doubled_quotes() -> None:
    assert split_cells('"Preise prüfen; Angebot senden"; Jonas') == [
        "Preise prüfen; Angebot senden",
        "Jonas",
    ]
    assert split_cells('"Müller ""Bau"" KG"\t45 %') == ['Müller "Bau" KG', "45 %"]


def test_a_quote_that_does_not_wrap_its_cell_is_just_a_character() -> None:
    assert split_cells('Bildschirm 27"; 2') == ['Bildschirm 27"', "2"]
    assert split_cells('"Bau" KG; 45 %') == ['"Bau" KG', "45 %"]
    assert split_cells('"Preise; prüfen; Jonas') == ['"Preise', "prüfen", "Jonas"]
    assert split_cells('"a"  ; b') == ["a", "b"]  # spaces before the separator are fine


def test_a_phones_quotes_keep_a_separator_in_its_cell() -> None:
    """iOS and Android type „…“ (German keyboard) or “…” (English) for a double quote."""
    assert split_cells("„Preise prüfen; Angebot senden“; Jonas") == [
        "Preise prüfen; Angebot senden",
        "Jonas",
    ]
    assert split_cells("“Preise; prüfen”\tJonas") == ["Preise; prüfen", "Jonas"]
    assert split_cells("Jonas; „Preise; prüfen”  ") == ["Jonas", "Preise; prüfen"]


def test_a_phones_quotes_around_plain_text_are_the_texts_own() -> None:
    assert split_cells("„Nordlicht“; 45 %") == ["„Nordlicht“", "45 %"]
    assert split_cells("„Bau“ KG; 45 %") == ["„Bau“ KG", "45 %"]
    assert split_cells("„Preise; prüfen; Jonas") == ["„Preise", "prüfen", "Jonas"]
    assert split_cells("„Preise; prüfen“ jetzt; Jonas") == ["„Preise", "prüfen“ jetzt", "Jonas"]
    assert split_cells("„Nordlicht; „Südwind“") == ["„Nordlicht", "„Südwind“"]


def test_join_quotes_a_cell_that_starts_with_a_phones_quote() -> None:
    """Else "„Nord" and "licht“" would come back as one cell "Nord; licht"."""
    assert join_cells(["„Nord", "licht“"]) == '"„Nord"; licht“'
    assert split_cells(join_cells(["„Nord", "licht“"])) == ["„Nord", "licht“"]
    assert split_cells("„Nord; licht“") == ["Nord; licht"]  # the control: unquoted


def test_join_quotes_only_the_cells_that_need_it_and_drops_empty_ends() -> None:
    cells = ["Preise prüfen; Angebot senden", "Jonas", '"Bau" KG', "", ""]
    assert join_cells(cells) == '"Preise prüfen; Angebot senden"; Jonas; """Bau"" KG"'


CELL = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")) | st.sampled_from(';\t"„“”')
)


@given(st.lists(CELL.map(str.strip), min_size=1, max_size=6))
def test_every_row_comes_back_cell_for_cell(cells: list[str]) -> None:
    line = join_cells(cells)
    expected = list(cells)
    while expected and not expected[-1]:
        expected.pop()
    assert split_cells(line) == (expected or [""])


def test_a_measure_with_a_semicolon_is_checked_as_one_measure() -> None:
    field = next(field for field in COMMITMENTS.inputs if field.kind == "lines")
    line = join_cells(["Preise prüfen; Angebot senden", "Jonas", "15.01.2027", "offen"])
    rows = field.parse(line)
    assert isinstance(rows, list)
    assert rows[0]["massnahme"] == "Preise prüfen; Angebot senden"
    assert rows[0]["verantwortlich"] == "Jonas"


def test_a_measure_typed_in_a_phones_quotes_is_checked_as_one_measure() -> None:
    field = next(field for field in COMMITMENTS.inputs if field.kind == "lines")
    rows = field.parse("„Preise prüfen; Angebot senden“; Jonas; 15.01.2027; offen")
    assert isinstance(rows, list)
    assert rows[0]["massnahme"] == "Preise prüfen; Angebot senden"
    assert rows[0]["verantwortlich"] == "Jonas"


def test_negative_control_the_same_line_unquoted_shifts_the_cells() -> None:
    """Without the quotes the measure's second half takes the owner's place."""
    field = next(field for field in COMMITMENTS.inputs if field.kind == "lines")
    assert field.split_rows("Preise prüfen; Angebot senden; Jonas")[0][:2] == [
        "Preise prüfen",
        "Angebot senden",
    ]


def test_a_missing_cell_is_named_in_plain_german() -> None:
    field = next(field for field in COMMITMENTS.inputs if field.kind == "lines")
    with pytest.raises(FieldError) as raised:
        field.parse("Preise prüfen; Jonas; 15.01.2027")
    assert raised.value.message == "Zeile 1, Stand: Die Angabe fehlt."
