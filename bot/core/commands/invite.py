"""/invite ĐƠN_VỊ [cán bộ|lãnh đạo] (/moi) and /invite lanhdao: admins hand out codes."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import fold
from scheduler.vocabulary import Audience, Role
from storage import identities, invites, units
from storage.models import Unit

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


def invite_readings(args: str) -> list[tuple[str, str, str]]:
    """Possible (unit name, role, audience) readings, most literal first.

    The whole text is tried as a unit name before a trailing role word is split off, because
    real names end in such words ("Phòng Tổ chức cán bộ").
    """
    folded = fold(args)
    if not folded:
        raise UserFacingError(texts.text("chat", "invite_needs_unit"))
    readings = [(args.strip(), Role.STAFF.value, Audience.UNIT.value)]
    words = args.split()
    for length in (2, 1):
        suffix = fold(" ".join(words[-length:]))
        if len(words) > length and suffix in ROLE_WORDS:
            unit_name = " ".join(words[:-length])
            readings.append((unit_name, ROLE_WORDS[suffix].value, Audience.UNIT.value))
    if folded in LEADERS_CHAT_WORDS:
        readings.append(("", Role.LEADER.value, Audience.LEADERS.value))
    return readings


def invite_link(bot_username: str | None, code: str) -> str | None:
    if not bot_username:
        return None
    return f"https://t.me/{bot_username.lstrip('@')}?start={code}"


def group_link(bot_username: str | None, code: str) -> str | None:
    if not bot_username:
        return None
    return f"https://t.me/{bot_username.lstrip('@')}?startgroup={code}"


def _choose_reading(
    turn: Turn, readings: list[tuple[str, str, str]]
) -> tuple[Unit | None, str, str]:
    for unit_name, role, audience in readings:
        if not unit_name:
            return None, role, audience
        unit = units.find_unit(turn.session, name=unit_name)
        if unit is not None:
            return unit, role, audience
    # No reading names a unit: report the literal text as the unknown name.
    identities.require_unit(turn.session, name=readings[0][0])
    raise AssertionError("require_unit raises for an unknown unit")


def run(turn: Turn, args: str) -> Response:
    unit, role, audience = _choose_reading(turn, invite_readings(args))
    invite = invites.create_invite(
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
