"""Check the content folder from the command line: ``python -m content_model [content]``."""

from __future__ import annotations

import sys
from pathlib import Path

from calculators.registry import field_names
from content_model.loader import load_playbook
from content_model.problems import ContentError


def main(argv: list[str]) -> int:
    """Print every problem, one per line, and exit non-zero if there is any."""
    root = Path(argv[0] if argv else "content")
    try:
        playbook = load_playbook(root, calculators=field_names(), editorial=True)
    except ContentError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(playbook.chapters)} chapters, {len(playbook.glossary)} glossary terms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
