"""The command menu a channel registers (Telegram set_my_commands): Vietnamese ASCII names.

The Vietnamese names come first because that is what staff type; the English names still
work in chat (every alias does), they are just not advertised twice.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from messages.render import environment
from scheduler.folding import nfc


@lru_cache(maxsize=1)
def _descriptions() -> dict[str, str]:
    module = environment().get_template("chat/commands_menu.txt").module
    return {name: nfc(str(text)) for name, text in module.menu}  # type: ignore[attr-defined]


def commands(*, leader: bool = True, admin: bool = True) -> list[tuple[str, str]]:
    """(command, description) pairs; leaders' and admins' entries only when asked for."""
    leader_only = {"tinhhinh", "trehan", "tonghop", "xuatbaocao", "baocao"}
    admin_only = {"moi"}
    return [
        (name, text)
        for name, text in _descriptions().items()
        if (leader or name not in leader_only) and (admin or name not in admin_only)
    ]


if TYPE_CHECKING:
    COMMANDS: list[tuple[str, str]]


def __getattr__(name: str) -> list[tuple[str, str]]:
    # Built on first use, not at import: templates are read lazily like everything else.
    if name == "COMMANDS":
        return commands()
    raise AttributeError(name)
