"""/link MÃ (/lienket): in a group, make it the unit's chat or the leaders' chat."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from messages import texts
from messages.errors import UserFacingError
from storage import people


def redeem(turn: Turn, code: str) -> Response:
    """Use an invite code here: a private chat links the person, a group links the group."""
    message = turn.message
    result = people.redeem_invite(
        turn.session,
        code=code,
        channel=message.channel,
        external_id=message.user_id,
        display_name=message.user_name,
        chat_id=message.chat_id,
        is_private=message.is_private,
        chat_title=None,
        now=turn.now,
    )
    if result.person is not None:
        turn.person = result.person
    return Response(
        replies=say(
            "redeemed",
            kind=result.kind,
            unit_name=result.unit_name,
            role=result.role,
            channel=message.channel,
        )
    )


def run(turn: Turn, args: str) -> Response:
    code = args.strip()
    if not code:
        raise UserFacingError(texts.text("chat", "link_needs_code"))
    return redeem(turn, code)


COMMAND = Command("link", ("lienket", "lien ket"), run, access=Access.ANYONE)
