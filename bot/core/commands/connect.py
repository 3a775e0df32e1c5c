"""/connect (/ketnoi): a code to use the same account from the other chat network."""

from __future__ import annotations

from bot.core.commands.base import Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from messages import texts
from messages.errors import UserFacingError
from storage import invites

CONNECT_HOURS = 24


def run(turn: Turn, args: str) -> Response:
    if turn.person is None:
        raise UserFacingError(texts.text("chat", "connect_needs_account"))
    invite = invites.create_invite(
        turn.session,
        unit_id=turn.person.unit_id,
        role=turn.person.role,
        audience=invites.IDENTITY_AUDIENCE,
        hours=CONNECT_HOURS,
        now=turn.now,
        actor=turn.actor,
        created_by_id=turn.person.id,
    )
    return Response(
        replies=say(
            "connect_code",
            code=invite.code,
            channel=turn.message.channel,
            expires_at=invite.expires_at.astimezone(turn.app.clock.tz),
        )
    )


COMMAND = Command("connect", ("ketnoi", "ket noi"), run)
