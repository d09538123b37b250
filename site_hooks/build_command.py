"""Record whether this process builds or serves, for every hook (see ``build_state``).

Listed first under ``hooks:`` so the command is known before any other event runs.
"""

from __future__ import annotations

from site_hooks.build_state import Command, remember_command


def on_startup(*, command: Command, dirty: bool) -> None:
    """Tell ``build_state`` the command MkDocs was started with."""
    remember_command(command)
