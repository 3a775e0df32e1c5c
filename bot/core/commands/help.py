"""/help (/trogiup): what this person can do here, in their words."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn


def run(turn: Turn, args: str) -> Response:
    if not turn.is_known:
        return Response(replies=say("not_linked", private=turn.message.is_private))
    return Response(
        replies=say(
            "help",
            leader=turn.reads_everything,
            admin=turn.is_admin,
            channel=turn.message.channel,
        )
    )


COMMAND = Command(
    "help", ("trogiup", "tro giup", "huongdan", "huong dan", "giup"), run, access=Access.ANYONE
)
