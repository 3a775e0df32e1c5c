"""/link MÃ (/lienket): in a group, make it the unit's chat or the leaders' chat."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from messages import texts
from messages.errors import UserFacingError
from storage import invites


def redeem(turn: Turn, code: str) -> Response:
    """Use an invite code here: a private chat links the person, a group links the group.

    Refused codes are counted per account and per chat; past the limit no code is tried at
    all, so guessing one of 32^8 codes stays hopeless.
    """
    message = turn.message
    invites.check_attempts(
        turn.session,
        channel=message.channel,
        external_id=message.user_id,
        chat_id=message.chat_id,
        now=turn.now,
    )
    try:
        result = invites.redeem_invite(
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
    except UserFacingError as exc:
        # Nothing of the attempt is kept but its trace, which must outlive the refusal.
        turn.session.rollback()
        invites.record_failed_attempt(
            turn.session,
            channel=message.channel,
            external_id=message.user_id,
            chat_id=message.chat_id,
            code=code,
            reason=exc.message,
            now=turn.now,
        )
        turn.session.commit()
        raise
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
