"""Who receives what: the chats linked to each unit and to the leaders, and unit lookup.

A unit with no chat of its own (no group, no focal point's private chat) is not forgotten:
its messages go privately to each of its people who talk to the bot. A chat that blocked the
bot or vanished is switched off, and a unit left with no chat at all is unreachable: the
units list and the leaders' messages say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session, col

from scheduler.vocabulary import Role
from storage.models import ChannelIdentity, ChatLink, Notification, Person, Unit

# Audience of the private chat of one of a unit's people standing in for a unit chat.
PRIVATE_FALLBACK = "unit_private"
# Audience of an admin's private chat, where the engine reports who it cannot reach.
ADMIN_AUDIENCE = "admin"


@dataclass(frozen=True)
class ChatTarget:
    """One active chat: a unit's group (unit_id set) or a leaders' chat (unit_id None)."""

    chat_link_id: int
    channel: str
    chat_id: str
    unit_id: int | None


@dataclass(frozen=True)
class Recipients:
    by_unit: dict[int, list[ChatTarget]]
    leaders: list[ChatTarget]

    def for_unit(self, unit_id: int | None) -> list[ChatTarget]:
        if unit_id is None:
            return self.leaders
        return self.by_unit.get(unit_id, [])


def active_recipients(session: Session, *, now: datetime | None = None) -> Recipients:
    """Every active chat link of an active unit, and the leaders' chats.

    With `now`, a unit without a chat of its own first gets its people's private chats as
    stand-ins (see `link_private_fallbacks`). A stand-in is used only while the unit has no
    chat of its own: once a group is linked, the group alone hears the unit's messages.
    """
    if now is not None:
        link_private_fallbacks(session, now=now)
    query = (
        select(ChatLink)
        .outerjoin(Unit, col(Unit.id) == col(ChatLink.unit_id))
        .where(col(ChatLink.active).is_(True))
        .where((col(ChatLink.unit_id).is_(None)) | (col(Unit.active).is_(True)))
        .order_by(col(ChatLink.id))
    )
    by_unit: dict[int, list[ChatTarget]] = {}
    stand_ins: dict[int, list[ChatTarget]] = {}
    leaders: list[ChatTarget] = []
    for link in session.scalars(query):
        assert link.id is not None
        unit_id, audience = link.unit_id, link.audience
        target = ChatTarget(link.id, link.channel, link.chat_id, unit_id)
        if audience == "leaders":
            leaders.append(target)
        elif unit_id is not None and audience == PRIVATE_FALLBACK:
            stand_ins.setdefault(unit_id, []).append(target)
        elif unit_id is not None:
            by_unit.setdefault(unit_id, []).append(target)
    for unit_id, targets in stand_ins.items():
        by_unit.setdefault(unit_id, targets)
    return Recipients(by_unit=by_unit, leaders=leaders)


def link_private_fallbacks(session: Session, *, now: datetime) -> int:
    """Give each active unit with no chat of its own its people's private chats; returns how
    many were linked. A stand-in switched off (the person blocked the bot) stays off."""
    own = select(col(ChatLink.unit_id)).where(
        col(ChatLink.active).is_(True),
        col(ChatLink.unit_id).is_not(None),
        col(ChatLink.audience) == "unit",
    )
    known = {
        (channel, chat_id, unit_id)
        for channel, chat_id, unit_id in session.execute(
            select(col(ChatLink.channel), col(ChatLink.chat_id), col(ChatLink.unit_id)).where(
                col(ChatLink.audience) == PRIVATE_FALLBACK
            )
        )
    }
    query = (
        select(
            col(Person.unit_id),
            col(ChannelIdentity.channel),
            col(ChannelIdentity.external_id),
            col(Person.full_name),
        )
        .join(ChannelIdentity, col(ChannelIdentity.person_id) == col(Person.id))
        .join(Unit, col(Unit.id) == col(Person.unit_id))
        .where(col(Person.active).is_(True), col(Unit.active).is_(True))
        .where(col(Person.unit_id).not_in(own))
        .order_by(col(Person.id), col(ChannelIdentity.id))
    )
    added = 0
    for unit_id, channel, external_id, name in session.execute(query):
        if (channel, external_id, unit_id) in known:
            continue
        known.add((channel, external_id, unit_id))
        session.add(_private_chat(channel, external_id, name, PRIVATE_FALLBACK, unit_id, now))
        added += 1
    if added:
        session.flush()
    return added


def mark_unreachable(session: Session, *, chat_link_id: int, reason: str) -> None:
    """Switch off a chat that blocked the bot or no longer exists."""
    link = session.get(ChatLink, chat_link_id)
    if link is not None and link.active:
        link.active = False
        session.add(link)
        session.flush()


def unreachable_units(session: Session, *, unit_ids: Iterable[int] | None = None) -> set[int]:
    """Active units (among `unit_ids`, or all) with no active chat at all."""
    reached = select(col(ChatLink.unit_id)).where(
        col(ChatLink.active).is_(True), col(ChatLink.unit_id).is_not(None)
    )
    query = select(col(Unit.id)).where(col(Unit.active).is_(True), col(Unit.id).not_in(reached))
    if unit_ids is not None:
        query = query.where(col(Unit.id).in_(list(unit_ids)))
    return {unit_id for (unit_id,) in session.execute(query)}


def chat_links_for_unit(session: Session, *, unit_id: int) -> list[ChatTarget]:
    return active_recipients(session).for_unit(unit_id)


def leader_chat_links(session: Session) -> list[ChatTarget]:
    return active_recipients(session).leaders


def unit_names(session: Session, *, unit_ids: Iterable[int] | None = None) -> dict[int, str]:
    query = select(col(Unit.id), col(Unit.name))
    if unit_ids is not None:
        query = query.where(col(Unit.id).in_(list(unit_ids)))
    return {unit_id: name for unit_id, name in session.execute(query)}


def unit_reach(session: Session) -> dict[int, str]:
    """How each active unit that cannot be reached in a chat of its own hears the bot:
    "private" (its people's private chats stand in) or "none" (no chat at all)."""
    reach: dict[int, str] = {unit_id: "none" for unit_id in unreachable_units(session)}
    targets = active_recipients(session)
    own = {
        unit_id
        for (unit_id,) in session.execute(
            select(col(ChatLink.unit_id)).where(
                col(ChatLink.active).is_(True),
                col(ChatLink.unit_id).is_not(None),
                col(ChatLink.audience) == "unit",
            )
        )
    }
    for unit_id in targets.by_unit:
        if unit_id not in own:
            reach[unit_id] = "private"
    return reach


def admin_chats(session: Session, *, now: datetime) -> list[ChatTarget]:
    """The private chats of the active admins, linked on first use; one the admin blocked
    stays off. Admins named in the settings become admins when they first write."""
    known = {
        (channel, chat_id): (link_id, active)
        for link_id, channel, chat_id, active in session.execute(
            select(
                col(ChatLink.id), col(ChatLink.channel), col(ChatLink.chat_id), col(ChatLink.active)
            ).where(col(ChatLink.audience) == ADMIN_AUDIENCE)
        )
    }
    query = (
        select(
            col(ChannelIdentity.channel), col(ChannelIdentity.external_id), col(Person.full_name)
        )
        .join(Person, col(Person.id) == col(ChannelIdentity.person_id))
        .where(col(Person.active).is_(True), col(Person.role) == Role.ADMIN)
        .order_by(col(Person.id), col(ChannelIdentity.id))
    )
    targets: list[ChatTarget] = []
    for channel, external_id, name in session.execute(query):
        found = known.get((channel, external_id))
        if found is None:
            link = _private_chat(channel, external_id, name, ADMIN_AUDIENCE, None, now)
            session.add(link)
            session.flush()
            assert link.id is not None
            found = (link.id, True)
            known[(channel, external_id)] = found
        link_id, active = found
        if active:
            targets.append(ChatTarget(link_id, channel, external_id, None))
    return targets


@dataclass(frozen=True)
class SwitchedOff:
    """A chat switched off because a send failed for good (bot blocked, chat gone)."""

    chat_link_id: int
    title: str
    unit_id: int | None
    reason: str


def switched_off_chats(
    session: Session,
    *,
    since: datetime,
    before: datetime,
    chat_link_ids: Iterable[int] | None = None,
) -> list[SwitchedOff]:
    """Chats still off whose message due in [since, before) was parked for good."""
    query = (
        select(
            col(ChatLink.id),
            col(ChatLink.title),
            col(ChatLink.chat_id),
            col(ChatLink.unit_id),
            col(Notification.last_error),
        )
        .join(Notification, col(Notification.chat_link_id) == col(ChatLink.id))
        .where(col(ChatLink.active).is_(False), col(ChatLink.audience) != ADMIN_AUDIENCE)
        .where(col(Notification.state) == "parked")
        .where(col(Notification.due_at) >= since, col(Notification.due_at) < before)
        .order_by(col(ChatLink.id), col(Notification.due_at))
    )
    if chat_link_ids is not None:
        query = query.where(col(ChatLink.id).in_(list(chat_link_ids)))
    found: dict[int, SwitchedOff] = {}
    for link_id, title, chat_id, unit_id, reason in session.execute(query):
        found.setdefault(link_id, SwitchedOff(link_id, title or chat_id, unit_id, reason or ""))
    return list(found.values())


def _private_chat(
    channel: str,
    external_id: str,
    name: str | None,
    audience: str,
    unit_id: int | None,
    now: datetime,
) -> ChatLink:
    """A link to a person's private chat (the chat's id is the account's), titled with their
    name."""
    return ChatLink(
        channel=channel,
        chat_id=external_id,
        audience=audience,
        unit_id=unit_id,
        title=name[:255] if name else None,
        created_at=now,
    )
