"""Build the site into a temporary folder and swap it in only when the build succeeded.

A failed build must never leave a half-written site behind: the previous ``site/`` stays
untouched until a complete new one exists next to it.

Usage: ``python -m bundler.safe_build [target] [--config mkdocs.yml]``
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError


def safe_build(
    config_file: Path, target: Path, *, strict: bool = True, site_url: str | None = None
) -> None:
    """Build strictly into a sibling temporary folder, then replace ``target`` with it.

    ``site_url`` overrides mkdocs.yml's, for a site served elsewhere (Material's instant
    navigation only treats links below ``site_url`` as internal).
    """
    overrides = {"site_url": site_url} if site_url else {}
    target = target.resolve()
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict, **overrides)
        build(config)
        if target.exists():
            retired = target.with_name(f".{target.name}.old")
            shutil.rmtree(retired, ignore_errors=True)
            target.rename(retired)
            staging.rename(target)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str]) -> int:
    """Command-line entry: exit 1 with MkDocs' own message when the build fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("target", nargs="?", default="site", type=Path)
    parser.add_argument("--config", default="mkdocs.yml", type=Path)
    args = parser.parse_args(argv)
    try:
        safe_build(args.config, args.target)
    except (Abort, ConfigurationError) as error:
        print(f"Build fehlgeschlagen, {args.target}/ bleibt unverändert: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
