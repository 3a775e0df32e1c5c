"""The unit a leader names after /tinhhinh or /trehan, or a numbered list to choose from."""

from __future__ import annotations

from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import nfc
from storage.models import Unit
from storage.unit_lookup import MAX_CHOICES, lookup_unit


def pick_unit(turn: Turn, text: str, *, command: str) -> Unit | Response:
    """The one unit `text` names; several matches give the pick-list reply, none an error."""
    found = lookup_unit(turn.session, text=text)
    if found.unit is not None:
        return found.unit
    if not found.found:
        raise UserFacingError(texts.text("people", "unit_not_found", name=nfc(text.strip())))
    shown = found.found[:MAX_CHOICES]
    return Response(
        replies=say(
            "unit_choices",
            text=nfc(found.text.strip()),
            units=[unit.name for unit in shown],
            more=len(found.found) - len(shown),
            command=command,
        )
    )
