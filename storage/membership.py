"""What happens in linked chats: members who act or leave, the bot removed, groups renumbered.

A unit controls who is in its group, so membership of the unit's group is the same proof an
invite gives — but only for that unit: leaving unit A's group and writing in unit B's group
must never bring unit A's rights back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from scheduler.vocabulary import Audience, Role
from storage.audit import record
from storage.chat_links import chat_links, link_private_chat
from storage.identities import any_person_for_identity, person_for_account
from storage.models import ChatLink, Person
from storage.recipients import ADMIN_AUDIENCE

# Roles a group membership gives and takes away; leaders and admins are appointed by code.
MEMBER_ROLES = (Role.STAFF, Role.FOCAL_POINT)


def enrol_group_member(
    session: Session,
    *,
    unit_id: int,
    channel: str,
    external_id: str,
    display_name: str,
    now: datetime,
) -> Person:
    """A member of a unit's linked group acts: record them as staff of that group's unit.

    Someone who left comes back with their old rights only in their own unit's group; in
    another unit's group they become staff of that unit (their old unit's private reminders
    stop), exactly as a newcomer would.
    """
    actor = f"{channel}:{external_id}"
    existing, created = person_for_account(
        session, channel, external_id, display_name, unit_id=unit_id, role=Role.STAFF, now=now
    )
    if created:
        details = {"unit_id": existing.unit_id}
        _audit_person(session, existing, "person.join_by_group", details, actor=actor, now=now)
        return existing
    if existing.active:
        if existing.unit_id is None:
            existing.unit_id = unit_id
            session.add(existing)
            session.flush()
        return existing
    previous_unit = existing.unit_id
    if previous_unit != unit_id:
        existing.unit_id = unit_id
        existing.role = Role.STAFF
        link_private_chat(session, channel=channel, chat_id=external_id, unit_id=None, now=now)
    existing.active = True
    session.add(existing)
    session.flush()
    details = {"unit_id": existing.unit_id, "previous_unit_id": previous_unit}
    _audit_person(session, existing, "person.rejoin_by_group", details, actor=actor, now=now)
    return existing


def _audit_person(
    session: Session,
    person: Person,
    action: str,
    details: dict[str, Any],
    *,
    actor: str,
    now: datetime,
) -> None:
    """Audit a change of a person's membership, made by that person's own account."""
    record(
        session,
        action,
        "person",
        person.id,
        details,
        at=now,
        actor=actor,
        actor_person_id=person.id,
    )


def chat_removed(session: Session, *, channel: str, chat_id: str, now: datetime) -> int:
    """The bot was removed from a group or blocked in a private chat: stop sending there."""
    links = chat_links(session, channel=channel, chat_id=chat_id)
    _switch(session, links, False, channel=channel, chat_id=chat_id, now=now)
    return len(links)


def chat_back(
    session: Session, *, person: Person, channel: str, chat_id: str, now: datetime
) -> int:
    """A person writes again in their private chat, switched off when they blocked the bot:
    it serves them again (their admin messages, their own unit's reminders), so the unit is
    no longer flagged unreachable. A link to a unit they left stays off."""
    if not person.active:
        return 0
    links = session.exec(
        select(ChatLink).where(
            ChatLink.channel == channel,
            ChatLink.chat_id == chat_id,
            col(ChatLink.active).is_(False),
        )
    ).all()
    back = [
        link
        for link in links
        if link.audience == ADMIN_AUDIENCE
        or (link.unit_id is not None and link.unit_id == person.unit_id)
    ]
    if back:
        _switch(session, back, True, channel=channel, chat_id=chat_id, now=now)
    return len(back)


def _switch(
    session: Session,
    links: Sequence[ChatLink],
    active: bool,
    *,
    channel: str,
    chat_id: str,
    now: datetime,
) -> None:
    """Turn a chat's links on or off, audited as the chat's own doing."""
    for link in links:
        link.active = active
        session.add(link)
    chat = f"{channel}:{chat_id}"
    details = {"links": [link.id for link in links]}
    action = "chat.back" if active else "chat.removed"
    record(session, action, "chat", chat, details, at=now, actor=chat)


def chat_migrated(
    session: Session, *, channel: str, old_chat_id: str, new_chat_id: str, now: datetime
) -> int:
    """A group got a new id (Telegram turns groups into supergroups): its links follow it."""
    moved = 0
    for link in chat_links(session, channel=channel, chat_id=old_chat_id):
        already = session.exec(
            select(ChatLink).where(
                ChatLink.channel == channel,
                ChatLink.chat_id == new_chat_id,
                ChatLink.audience == link.audience,
                col(ChatLink.unit_id).is_(None)
                if link.unit_id is None
                else ChatLink.unit_id == link.unit_id,
            )
        ).first()
        if already is not None:
            already.active = True
            link.active = False
            session.add(already)
        else:
            link.chat_id = new_chat_id
        session.add(link)
        moved += 1
    if moved:
        details = {"from": old_chat_id, "links": moved}
        chat = f"{channel}:{new_chat_id}"
        actor = f"{channel}:{old_chat_id}"
        record(session, "chat.migrated", "chat", chat, details, at=now, actor=actor)
    return moved


def member_left(
    session: Session, *, channel: str, chat_id: str, external_id: str, now: datetime
) -> Person | None:
    """A member left a unit's linked group: staff of that unit leave the unit with it.

    Leaders and admins keep their rights (they read everything anyway); a staff member who
    comes back needs a new invite or a new message in the group. History stays attributed.
    """
    person = any_person_for_identity(session, channel=channel, external_id=external_id)
    if person is None or not person.active:
        return None
    unit_ids = {
        link.unit_id
        for link in chat_links(session, channel=channel, chat_id=chat_id)
        if link.audience == Audience.UNIT and link.unit_id is not None
    }
    if person.unit_id not in unit_ids or person.role not in MEMBER_ROLES:
        return None
    person.active = False
    session.add(person)
    # A focal point's private copy of the unit's reminders ends with their membership.
    link_private_chat(session, channel=channel, chat_id=external_id, unit_id=None, now=now)
    details = {"chat_id": chat_id, "unit_id": person.unit_id}
    _audit_person(
        session, person, "person.left", details, actor=f"{channel}:{external_id}", now=now
    )
    return person
