"""What every hook may need to know of the running MkDocs command: is it ``mkdocs serve``.

Not a hook (it is not listed under ``hooks:`` in mkdocs.yml): the one module hooks share.
MkDocs loads each hook file as its own module, so state kept in a hook could only be reached
by importing that hook a second time, under another name, with its own copy of the state.
MkDocs names the command in ``on_startup`` only, an event without the config, so
``site_hooks/build_command.py`` records it here, once, for all hooks.

A build run without the command line (``mkdocs.commands.build.build`` in the tests and
benchmarks) has no ``on_startup`` and counts as a build, which is what it is.
"""

from __future__ import annotations

from typing import Literal

Command = Literal["build", "gh-deploy", "serve"]

_command: dict[str, Command] = {}


def remember_command(command: Command) -> None:
    """Record the command of this process (called from ``on_startup``)."""
    _command["name"] = command


def forget_command() -> None:
    """Back to "no command line": for tests that played ``mkdocs serve``."""
    _command.clear()


def serving() -> bool:
    """True under ``mkdocs serve`` with live reload.

    Live reload injects an inline script and rebuilds into a temporary folder, so a
    security policy, a service worker or compressed copies would only be in the way.
    (``mkdocs serve --clean`` reports itself as ``build`` and gets all of them.)
    """
    return _command.get("name") == "serve"
