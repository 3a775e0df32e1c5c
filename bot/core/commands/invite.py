"""/invite ĐƠN_VỊ [cán bộ|lãnh đạo] (/moi) and /invite lanhdao: admins hand out codes."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from messages.errors import UserFacingError
from scheduler.folding import fold
from scheduler.vocabulary import Audience, Role
from storage import people

INVITE_HOURS = 72
# Trailing words that choose the role of the person invited.
ROLE_WORDS = {
    "staff": Role.STAFF,
    "can bo": Role.STAFF,
    "canbo": Role.STAFF,
    "focal_point": Role.FOCAL_POINT,
    "dau moi": Role.FOCAL_POINT,
    "daumoi": Role.FOCAL_POINT,
    "leader": Role.LEADER,
    "lanh dao": Role.LEADER,
    "lanhdao": Role.LEADER,
}
LEADERS_CHAT_WORDS = {"lanh dao", "lanhdao", "leaders", "nhom lanh dao", "nhomlanhdao"}


def parse_invite_args(args: str) -> tuple[str, str, str]:
    """→ (unit name, role, audience). A bare "lãnh đạo" asks for a leaders'-chat code."""
    folded = fold(args)
    if not folded:
        raise UserFacingError(
            "Hãy ghi tên đơn vị, ví dụ: /moi Văn phòng Sở, hoặc /moi Văn phòng Sở lãnh đạo; "
            "mã cho nhóm lãnh đạo: /moi lanhdao."
        )
    if folded in LEADERS_CHAT_WORDS:
        return "", Role.LEADER, Audience.LEADERS
    words = args.split()
    for length in (2, 1):
        if len(words) > length and fold(" ".join(words[-length:])) in ROLE_WORDS:
            role = ROLE_WORDS[fold(" ".join(words[-length:]))]
            return " ".join(words[:-length]), role, Audience.UNIT
    return args.strip(), Role.STAFF, Audience.UNIT


def invite_link(bot_username: str | None, code: str) -> str | None:
    if not bot_username:
        return None
    return f"https://t.me/{bot_username.lstrip('@')}?start={code}"


def group_link(bot_username: str | None, code: str) -> str | None:
    if not bot_username:
        return None
    return f"https://t.me/{bot_username.lstrip('@')}?startgroup={code}"


def run(turn: Turn, args: str) -> Response:
    unit_name, role, audience = parse_invite_args(args)
    unit = people.require_unit(turn.session, name=unit_name) if unit_name else None
    invite = people.create_invite(
        turn.session,
        unit_id=unit.id if unit else None,
        role=role,
        audience=audience,
        hours=INVITE_HOURS,
        now=turn.now,
        actor=turn.actor,
        created_by_id=turn.person_id,
    )
    username = turn.app.settings.telegram_bot_username
    return Response(
        replies=say(
            "invite_created",
            code=invite.code,
            unit_name=unit.name if unit else None,
            role=role,
            leaders=audience == Audience.LEADERS,
            expires_at=invite.expires_at.astimezone(turn.app.clock.tz),
            link=invite_link(username, invite.code),
            group_link=group_link(username, invite.code),
        )
    )


COMMAND = Command("invite", ("moi", "mamoi", "ma moi"), run, access=Access.ADMIN)
