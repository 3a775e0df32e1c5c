"""Which chats serve which unit, and the leaders' chat: the rows reminders are sent to."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from scheduler.folding import nfc
from scheduler.vocabulary import Audience, Role
from storage.models import ChatLink

# Who gets the unit's reminders in private too: the focal point, whose job is to follow them
# up. Leaders hear late work once, in the leaders' chat; staff in the unit's group.
PRIVATE_REMINDER_ROLES = (Role.FOCAL_POINT,)


def chat_links(session: Session, *, channel: str, chat_id: str) -> list[ChatLink]:
    """The active links of one chat (a chat may serve a unit and the leaders at once)."""
    return list(
        session.exec(
            select(ChatLink)
            .where(
                ChatLink.channel == channel,
                ChatLink.chat_id == chat_id,
                col(ChatLink.active).is_(True),
            )
            .order_by(col(ChatLink.id))
        )
    )


def links_of_unit(session: Session, *, unit_id: int) -> list[ChatLink]:
    return list(
        session.exec(
            select(ChatLink).where(ChatLink.unit_id == unit_id, col(ChatLink.active).is_(True))
        )
    )


def link_chat(
    session: Session,
    *,
    channel: str,
    chat_id: str,
    audience: str,
    unit_id: int | None,
    title: str | None = None,
    now: datetime,
) -> ChatLink:
    """Make the chat serve `audience` (of `unit_id`), reviving an old link when there is one;
    a `title` (a group's name) replaces the one it had."""
    statement = select(ChatLink).where(
        ChatLink.channel == channel, ChatLink.chat_id == chat_id, ChatLink.audience == audience
    )
    statement = statement.where(
        col(ChatLink.unit_id).is_(None) if unit_id is None else ChatLink.unit_id == unit_id
    )
    link = session.exec(statement).first()
    if link is None:
        link = ChatLink(
            channel=channel, chat_id=chat_id, audience=audience, unit_id=unit_id, created_at=now
        )
    link.active = True
    link.title = nfc(title)[:255] if title else link.title
    session.add(link)
    session.flush()
    return link


def link_private_chat(
    session: Session, *, channel: str, chat_id: str, unit_id: int | None, now: datetime
) -> None:
    """A focal point who joins by code in a private chat gets the unit's reminders there too;
    joining another unit moves them, so one chat never hears two units. `unit_id` None only
    switches the old ones off."""
    linked = session.exec(
        select(ChatLink).where(
            ChatLink.channel == channel,
            ChatLink.chat_id == chat_id,
            ChatLink.audience == Audience.UNIT,
            col(ChatLink.active).is_(True),
        )
    ).all()
    for link in (link for link in linked if link.unit_id != unit_id):
        link.active = False
        session.add(link)
    if unit_id is None:
        return
    link_chat(
        session,
        channel=channel,
        chat_id=chat_id,
        audience=Audience.UNIT,
        unit_id=unit_id,
        now=now,
    )
