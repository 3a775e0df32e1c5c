"""/start [MÃ]: greet, or redeem an invite code (deep links from t.me arrive this way)."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.commands.link import redeem
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from storage.models import Unit


def run(turn: Turn, args: str) -> Response:
    code = args.strip()
    if code:
        return redeem(turn, code)
    if not turn.is_known:
        return Response(replies=say("not_linked", private=turn.message.is_private))
    return Response(
        replies=say(
            "welcome",
            name=turn.person.full_name if turn.person else turn.message.user_name,
            unit_name=_unit_name(turn),
            role=turn.role,
            leaders_chat=turn.in_leaders_chat,
        )
    )


def _unit_name(turn: Turn) -> str | None:
    unit_id = turn.unit_id
    unit = turn.session.get(Unit, unit_id) if unit_id is not None else None
    return unit.name if unit is not None else None


COMMAND = Command("start", ("batdau", "bat dau"), run, access=Access.ANYONE)
