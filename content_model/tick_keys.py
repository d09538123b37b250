"""Stable ids for tickable entries that have no id of their own (the dos of dos and don'ts).

Reordering or adding entries must never move a saved tick to another entry.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

#: Letters German spells out when they lose their dots.
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SLUG_WORDS = 6


def text_key(text: str) -> str:
    """An item id for a list entry: its first words plus a short hash of all of it.

    Reordering or adding entries keeps every tick where it was; rewording an entry clears only
    that entry's tick.
    """
    ascii_text = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLITERATION))
    words = re.findall(r"[a-z0-9]+", ascii_text.encode("ascii", "ignore").decode())
    digest = hashlib.sha1(text.strip().encode("utf-8"), usedforsecurity=False).hexdigest()[:6]
    return "-".join([*words[:_SLUG_WORDS], digest])
