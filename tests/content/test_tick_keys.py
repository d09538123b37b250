"""Keys for entries without ids (the dos of dos and don'ts): stable, valid, never shared."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from content_model.progress_keys import progress_key
from content_model.schema import ID_PATTERN, DosDontsBlock
from content_model.tick_keys import text_key

DOS = [
    "Kurz, sachlich und freundlich bleiben",
    "Das Wort „Pause“ verwenden, wenn es wirklich eine Pause ist",
    "Größe über Maß stellen",
]


def block(dos: list[str]) -> DosDontsBlock:
    return DosDontsBlock(type="dos_donts", id="vor-dem-absenden", dos=dos, donts=["Drängeln"])


def tick_entries(block: DosDontsBlock) -> list[tuple[str, str]]:
    ticks = block.ticks()
    assert ticks is not None
    assert ticks.list_id == "vor-dem-absenden"
    return ticks.entries


def test_a_key_reads_like_the_text_and_is_an_id() -> None:
    key = text_key(DOS[2])
    assert key.startswith("groesse-ueber-mass-stellen-")
    assert re.fullmatch(ID_PATTERN, key)
    assert progress_key("vor-dem-absenden", key) == f"vor-dem-absenden/{key}"


def test_reordering_and_adding_entries_keeps_every_key() -> None:
    before = {text: key for key, text in tick_entries(block(DOS))}
    after = {text: key for key, text in tick_entries(block(["Neu dazu", *reversed(DOS)]))}
    assert all(after[text] == key for text, key in before.items())


def test_rewording_an_entry_changes_only_its_key() -> None:
    changed = [DOS[0], DOS[1] + " und bleibt", DOS[2]]
    old = [key for key, _ in tick_entries(block(DOS))]
    new = [key for key, _ in tick_entries(block(changed))]
    assert [a == b for a, b in zip(old, new, strict=True)] == [True, False, True]


@given(st.text(min_size=1, max_size=200).filter(str.strip))
def test_any_text_gives_a_valid_key(text: str) -> None:
    assert re.fullmatch(ID_PATTERN, text_key(text))


def test_same_first_words_do_not_share_a_key() -> None:
    first = "Einen echten Anlass für später nennen, zum Beispiel die Budgetrunde"
    second = "Einen echten Anlass für später nennen, zum Beispiel den Jahresabschluss"
    assert text_key(first) != text_key(second)
