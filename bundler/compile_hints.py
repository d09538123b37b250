"""Ask V8 to compile a script eagerly, off the main thread, while it downloads.

V8 compiles most functions lazily: it pre-parses a script to find where each function ends,
and compiles a function on the main thread the first time it is called. Material's bundle
calls most of its code on every page load (its components are mounted at once), so each page
paid for that bundle twice on the main thread: about 170 ms of evaluation and 100 ms of
DOMContentLoaded work under Lighthouse's mobile CPU slowdown (issue 20). A file that starts
with the comment ``//# allFunctionsCalledOnLoad`` (Chrome 136 and later; other browsers read
a comment) is compiled whole on a background thread while it streams in; the same page then
spent about 120 and 65 ms there.

The comment goes on a line of its own before the first line, so the script's source map gets
an empty first line too: every mapping stays on the code it described.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

#: The magic comment, which V8 only honours as the very first thing in the file.
EAGER_COMPILE_COMMENT = "//# allFunctionsCalledOnLoad"

#: The last line of a minified script that names its source map.
SOURCE_MAP_COMMENT = re.compile(r"^//# sourceMappingURL=(?P<uri>\S+)\s*\Z", re.MULTILINE)


def is_marked(text: str) -> bool:
    """Whether a script already starts with the eager-compile comment."""
    return text.startswith(EAGER_COMPILE_COMMENT + "\n")


def mark_for_eager_compile(script: Path) -> bool:
    """Put the comment on the first line of ``script``; False if it was already there.

    A source map named by the script's last line, beside it, gets one empty line in front
    (a leading ``;`` in ``mappings``) so it still matches the shifted code.
    """
    text = script.read_text(encoding="utf-8")
    if is_marked(text):
        return False
    script.write_text(f"{EAGER_COMPILE_COMMENT}\n{text}", encoding="utf-8")
    named = SOURCE_MAP_COMMENT.search(text)
    if named and "://" not in named["uri"] and not named["uri"].startswith("data:"):
        source_map = script.parent / named["uri"]
        if source_map.is_file():
            data = json.loads(source_map.read_text(encoding="utf-8"))
            data["mappings"] = ";" + data["mappings"]
            source_map.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return True
