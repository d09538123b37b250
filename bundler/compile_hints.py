"""Ask V8 to compile a script eagerly, off the main thread, while it downloads.

V8 compiles most functions lazily: it pre-parses a script to find where each function ends,
and compiles a function on the main thread the first time it is called. Material's bundle
calls most of its code on every page load (its components are mounted at once), so each page
paid for that bundle twice on the main thread: about 170 ms of evaluation and 100 ms of
DOMContentLoaded work under Lighthouse's mobile CPU slowdown (issue 20). A file whose first
token is preceded by the comment ``//# allFunctionsCalledOnLoad`` (Chrome 136 and later;
other browsers read a comment) is compiled whole on a background thread while it streams in;
the same page then spent about 120 and 65 ms there.

The comment goes on a line of its own before the first line, so the script's source map gets
an empty first line too: every mapping stays on the code it described. A comment does not
end the directive prologue, so the bundle's ``"use strict"`` still applies.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

#: The magic comment; V8 reads it only before the script's first token.
EAGER_COMPILE_COMMENT = "//# allFunctionsCalledOnLoad"

#: The last line of a minified script that names its source map.
SOURCE_MAP_COMMENT = re.compile(r"^//# sourceMappingURL=(?P<uri>\S+)\s*\Z", re.MULTILINE)


class CompileHintError(RuntimeError):
    """The script's source map could not be read."""


def is_marked(text: str) -> bool:
    """Whether a script already starts with the eager-compile comment."""
    return text.startswith(EAGER_COMPILE_COMMENT + "\n")


def mark_for_eager_compile(script: Path) -> bool:
    """Put the comment on the first line of ``script``; False if it was already there.

    A source map named by the script's last line, beside it, gets one empty line in front
    (a leading ``;`` in ``mappings``) so it still matches the shifted code. The map is
    written first: a build stopped in between leaves an unmarked script, which the next
    build marks, never a marked script with an unshifted map.
    """
    text = script.read_bytes().decode("utf-8")  # as it is, line endings included
    if is_marked(text):
        return False
    named = SOURCE_MAP_COMMENT.search(text)
    if named and "://" not in named["uri"] and not named["uri"].startswith("data:"):
        source_map = script.parent / named["uri"]
        if source_map.is_file():
            source_map.write_text(_shifted_map(source_map), encoding="utf-8", newline="")
    script.write_bytes(f"{EAGER_COMPILE_COMMENT}\n{text}".encode())
    return True


def _shifted_map(source_map: Path) -> str:
    """The source map's text with one empty generated line in front."""
    try:
        data = json.loads(source_map.read_text(encoding="utf-8"))
        data["mappings"] = ";" + data["mappings"]
    except (ValueError, KeyError, TypeError) as error:
        raise CompileHintError(f"{source_map}: keine lesbare Source-Map ({error})") from None
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
