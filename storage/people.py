"""People, their chat identities, linked chats and one-time invites: every query about who is who.

An invite code is the only secret an office hands out: whoever redeems it in a private chat
becomes a person of the invite's unit and role; redeemed with `/link` in a group, it makes the
group the unit's chat or the leaders' chat. Codes are single-use and expire.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import nfc
from scheduler.vocabulary import Audience, Role
from storage import units
from storage.audit import record
from storage.models import ChannelIdentity, ChatLink, Invite, Person, Unit

# Letters and digits that cannot be mistaken for each other when read aloud or retyped.
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_CODE_LENGTH = 8
INVITE_ROLES = (Role.STAFF, Role.FOCAL_POINT, Role.LEADER)
# Identity invites carry no unit: they add a second channel to the person who asked for them.
IDENTITY_AUDIENCE = "identity"


@dataclass(frozen=True)
class Redeemed:
    """What redeeming a code did, for the reply."""

    kind: str  # "person" | "identity" | "unit_chat" | "leaders_chat"
    unit_name: str | None
    role: str
    person: Person | None = None


def normalise_code(text: str) -> str:
    """Codes are typed by hand: ignore case, spaces and dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def new_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))


# --- units (resolution by name) -------------------------------------------------------------


def find_unit(session: Session, *, name: str) -> Unit | None:
    """A unit by its name or alias (the unit registry's matching); merges lead to the survivor."""
    return units.find_unit(session, name=name)


def active_units(session: Session) -> list[Unit]:
    """Units that receive reminders, in name order (for one invite per unit)."""
    return list(
        session.exec(
            select(Unit)
            .where(col(Unit.active).is_(True), col(Unit.merged_into_id).is_(None))
            .order_by(col(Unit.folded_name))
        )
    )


def require_unit(session: Session, *, name: str) -> Unit:
    unit = find_unit(session, name=name)
    if unit is None:
        raise UserFacingError(texts.text("people", "unit_not_found", name=nfc(name.strip())))
    return unit


# --- persons and identities -----------------------------------------------------------------


def person_for_identity(session: Session, *, channel: str, external_id: str) -> Person | None:
    """The active person behind a chat account, or None when the account is not linked."""
    statement = (
        select(Person)
        .join(ChannelIdentity, col(ChannelIdentity.person_id) == col(Person.id))
        .where(ChannelIdentity.channel == channel, ChannelIdentity.external_id == external_id)
    )
    person = session.exec(statement).first()
    if person is None or not person.active:
        return None
    return person


def identities_of(session: Session, *, person_id: int) -> list[ChannelIdentity]:
    return list(
        session.exec(
            select(ChannelIdentity)
            .where(ChannelIdentity.person_id == person_id)
            .order_by(col(ChannelIdentity.id))
        )
    )


def _attach_identity(
    session: Session,
    *,
    person: Person,
    channel: str,
    external_id: str,
    display_name: str | None,
) -> None:
    """Point the account at `person`, moving it away from whoever held it before."""
    identity = session.exec(
        select(ChannelIdentity).where(
            ChannelIdentity.channel == channel, ChannelIdentity.external_id == external_id
        )
    ).first()
    if identity is None:
        identity = ChannelIdentity(
            person_id=person.id or 0, channel=channel, external_id=external_id
        )
    identity.person_id = person.id or 0
    identity.display_name = nfc(display_name) if display_name else None
    session.add(identity)


def is_configured_admin(admin_ids: list[str], *, channel: str, external_id: str) -> bool:
    """`NHACVIEC_ADMIN_IDS` lists bare ids or `channel:id` (when the two networks could clash)."""
    return external_id in admin_ids or f"{channel}:{external_id}" in admin_ids


def add_admin(
    session: Session,
    *,
    channel: str,
    external_id: str,
    full_name: str,
    now: datetime,
    actor: str,
) -> Person:
    """Make the account an admin, creating the person if needed (idempotent)."""
    external_id = external_id.strip()
    if not external_id:
        raise UserFacingError(texts.text("people", "admin_id_missing"))
    name = nfc(full_name.strip())
    if not name:
        raise UserFacingError(texts.text("people", "admin_name_missing"))
    person = _any_person_for_identity(session, channel=channel, external_id=external_id)
    if person is None:
        person = Person(full_name=name, role=Role.ADMIN, created_at=now)
        session.add(person)
        session.flush()
        _attach_identity(
            session, person=person, channel=channel, external_id=external_id, display_name=name
        )
    else:
        person.role = Role.ADMIN
        person.active = True
        person.full_name = name
        session.add(person)
    session.flush()
    record(
        session,
        at=now,
        actor=actor,
        action="admin.add",
        entity="person",
        entity_id=person.id,
        details={"channel": channel, "external_id": external_id},
    )
    return person


def _any_person_for_identity(session: Session, *, channel: str, external_id: str) -> Person | None:
    statement = (
        select(Person)
        .join(ChannelIdentity, col(ChannelIdentity.person_id) == col(Person.id))
        .where(ChannelIdentity.channel == channel, ChannelIdentity.external_id == external_id)
    )
    return session.exec(statement).first()


def bootstrap_admin(
    session: Session, *, channel: str, external_id: str, display_name: str, now: datetime
) -> Person:
    """An account listed in the settings writes for the first time: it becomes an admin."""
    return add_admin(
        session,
        channel=channel,
        external_id=external_id,
        full_name=display_name or f"{channel}:{external_id}",
        now=now,
        actor="settings:NHACVIEC_ADMIN_IDS",
    )


def list_admins(session: Session) -> list[tuple[Person, list[ChannelIdentity]]]:
    admins = session.exec(
        select(Person).where(Person.role == Role.ADMIN).order_by(col(Person.id))
    ).all()
    return [(person, identities_of(session, person_id=person.id or 0)) for person in admins]


def enrol_group_member(
    session: Session,
    *,
    unit_id: int,
    channel: str,
    external_id: str,
    display_name: str,
    now: datetime,
) -> Person:
    """A member of a unit's linked group acts for the first time: record them as its staff.

    The unit controls who is in its group, so membership is the same proof an invite gives;
    it spares an office handing a code to every clerk.
    """
    existing = _any_person_for_identity(session, channel=channel, external_id=external_id)
    if existing is not None:
        existing.active = True
        if existing.unit_id is None:
            existing.unit_id = unit_id
        session.add(existing)
        session.flush()
        return existing
    person = Person(
        full_name=nfc(display_name.strip()) or f"{channel}:{external_id}",
        unit_id=unit_id,
        role=Role.STAFF,
        created_at=now,
    )
    session.add(person)
    session.flush()
    _attach_identity(
        session, person=person, channel=channel, external_id=external_id, display_name=display_name
    )
    record(
        session,
        at=now,
        actor=f"{channel}:{external_id}",
        actor_person_id=person.id,
        action="person.join_by_group",
        entity="person",
        entity_id=person.id,
        details={"unit_id": unit_id},
    )
    return person


# --- chat links -----------------------------------------------------------------------------


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


def _link_chat(
    session: Session,
    *,
    channel: str,
    chat_id: str,
    audience: str,
    unit_id: int | None,
    title: str | None,
    now: datetime,
) -> ChatLink:
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


# Who gets the unit's reminders in private too: the focal point, whose job is to follow them
# up. Leaders hear late work once, in the leaders' chat; staff in the unit's group.
PRIVATE_REMINDER_ROLES = (Role.FOCAL_POINT,)


def _link_private_chat(
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
    _link_chat(
        session,
        channel=channel,
        chat_id=chat_id,
        audience=Audience.UNIT,
        unit_id=unit_id,
        title=None,
        now=now,
    )


# --- invites --------------------------------------------------------------------------------


def create_invite(
    session: Session,
    *,
    unit_id: int | None,
    role: str = Role.STAFF,
    audience: str = Audience.UNIT,
    hours: int = 72,
    now: datetime,
    actor: str,
    created_by_id: int | None = None,
) -> Invite:
    """A new single-use code valid for `hours`."""
    if audience not in (Audience.UNIT, Audience.LEADERS, IDENTITY_AUDIENCE):
        raise UserFacingError(texts.text("people", "invite_kind_invalid"))
    if audience == Audience.UNIT and unit_id is None:
        raise UserFacingError(texts.text("people", "invite_unit_missing"))
    if audience != IDENTITY_AUDIENCE and role not in INVITE_ROLES:
        raise UserFacingError(texts.text("people", "invite_role_invalid"))
    if not 1 <= hours <= 24 * 30:
        raise UserFacingError(texts.text("people", "invite_hours_invalid"))
    code = new_code()
    while session.exec(select(Invite).where(Invite.code == code)).first() is not None:
        code = new_code()
    invite = Invite(
        code=code,
        unit_id=unit_id,
        role=role,
        audience=audience,
        created_by_id=created_by_id,
        created_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    session.add(invite)
    session.flush()
    record(
        session,
        at=now,
        actor=actor,
        actor_person_id=created_by_id,
        action="invite.create",
        entity="invite",
        entity_id=invite.id,
        details={"unit_id": unit_id, "role": role, "audience": audience, "hours": hours},
    )
    return invite


def _usable_invite(session: Session, *, code: str, now: datetime) -> Invite:
    normalised = normalise_code(code)
    invite = (
        session.exec(select(Invite).where(Invite.code == normalised)).first()
        if normalised
        else None
    )
    if invite is None:
        raise UserFacingError(texts.text("people", "invite_wrong"))
    if invite.used_at is not None:
        raise UserFacingError(texts.text("people", "invite_used"))
    if invite.expires_at <= now:
        raise UserFacingError(texts.text("people", "invite_expired"))
    return invite


def redeem_invite(
    session: Session,
    *,
    code: str,
    channel: str,
    external_id: str,
    display_name: str,
    chat_id: str,
    is_private: bool,
    chat_title: str | None = None,
    now: datetime,
) -> Redeemed:
    """Use a code: in a private chat it links the person, in a group it links the group."""
    invite = _usable_invite(session, code=code, now=now)
    unit = session.get(Unit, invite.unit_id) if invite.unit_id is not None else None
    actor = f"{channel}:{external_id}"
    if invite.audience == IDENTITY_AUDIENCE:
        if not is_private:
            raise UserFacingError(texts.text("people", "link_private_only"))
        owner = session.get(Person, invite.created_by_id) if invite.created_by_id else None
        if owner is None:
            raise UserFacingError(texts.text("people", "link_gone"))
        _attach_identity(
            session,
            person=owner,
            channel=channel,
            external_id=external_id,
            display_name=display_name,
        )
        result = Redeemed(
            kind="identity",
            unit_name=unit.name if unit else None,
            role=owner.role,
            person=owner,
        )
        used_by: int | None = owner.id
    elif is_private:
        person = _any_person_for_identity(session, channel=channel, external_id=external_id)
        if person is None:
            person = Person(
                full_name=nfc(display_name.strip()) or actor,
                unit_id=invite.unit_id,
                role=invite.role,
                created_at=now,
            )
            session.add(person)
            session.flush()
            _attach_identity(
                session,
                person=person,
                channel=channel,
                external_id=external_id,
                display_name=display_name,
            )
        else:
            person.active = True
            if invite.unit_id is not None:
                person.unit_id = invite.unit_id
            # An admin keeps admin rights when joining a unit.
            if person.role != Role.ADMIN:
                person.role = invite.role
            session.add(person)
        session.flush()
        if invite.unit_id is not None and invite.audience == Audience.UNIT:
            _link_private_chat(
                session,
                channel=channel,
                chat_id=chat_id,
                unit_id=invite.unit_id if person.role in PRIVATE_REMINDER_ROLES else None,
                now=now,
            )
        unit = session.get(Unit, person.unit_id) if person.unit_id is not None else None
        result = Redeemed(
            kind="person",
            unit_name=unit.name if unit else None,
            role=person.role,
            person=person,
        )
        used_by = person.id
    else:
        audience = Audience.LEADERS if invite.audience == Audience.LEADERS else Audience.UNIT
        _link_chat(
            session,
            channel=channel,
            chat_id=chat_id,
            audience=audience,
            unit_id=None if audience == Audience.LEADERS else invite.unit_id,
            title=chat_title,
            now=now,
        )
        result = Redeemed(
            kind="leaders_chat" if audience == Audience.LEADERS else "unit_chat",
            unit_name=unit.name if unit else None,
            role=invite.role,
        )
        used_by = None
    invite.used_at = now
    invite.used_by_id = used_by
    session.add(invite)
    record(
        session,
        at=now,
        actor=actor,
        actor_person_id=used_by,
        action="invite.redeem",
        entity="invite",
        entity_id=invite.id,
        details={"kind": result.kind, "chat_id": chat_id, "unit_id": invite.unit_id},
    )
    return result


def expire_invites(session: Session, *, now: datetime) -> int:
    """Delete unused codes past their expiry (used ones stay: they say who joined when)."""
    stale = session.exec(
        select(Invite).where(col(Invite.used_at).is_(None), col(Invite.expires_at) <= now)
    ).all()
    for invite in stale:
        session.delete(invite)
    return len(stale)


def open_invites(session: Session, *, now: datetime) -> list[Invite]:
    return list(
        session.exec(
            select(Invite)
            .where(col(Invite.used_at).is_(None), col(Invite.expires_at) > now)
            .order_by(col(Invite.created_at))
        )
    )


# --- leaving --------------------------------------------------------------------------------


def chat_removed(session: Session, *, channel: str, chat_id: str, now: datetime) -> int:
    """The bot was removed from a group or blocked in a private chat: stop sending there."""
    links = chat_links(session, channel=channel, chat_id=chat_id)
    for link in links:
        link.active = False
        session.add(link)
    record(
        session,
        at=now,
        actor=f"{channel}:{chat_id}",
        action="chat.removed",
        entity="chat",
        entity_id=f"{channel}:{chat_id}",
        details={"links": [link.id for link in links]},
    )
    return len(links)


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
        record(
            session,
            at=now,
            actor=f"{channel}:{old_chat_id}",
            action="chat.migrated",
            entity="chat",
            entity_id=f"{channel}:{new_chat_id}",
            details={"from": old_chat_id, "links": moved},
        )
    return moved


def member_left(
    session: Session, *, channel: str, chat_id: str, external_id: str, now: datetime
) -> Person | None:
    """A member left a unit's linked group: staff of that unit leave the unit with it.

    Leaders and admins keep their rights (they read everything anyway); a staff member who
    comes back needs a new invite or a new message in the group. History stays attributed.
    """
    person = _any_person_for_identity(session, channel=channel, external_id=external_id)
    if person is None or not person.active:
        return None
    unit_ids = {
        link.unit_id
        for link in chat_links(session, channel=channel, chat_id=chat_id)
        if link.audience == Audience.UNIT and link.unit_id is not None
    }
    if person.unit_id not in unit_ids or person.role not in (Role.STAFF, Role.FOCAL_POINT):
        return None
    person.active = False
    session.add(person)
    record(
        session,
        at=now,
        actor=f"{channel}:{external_id}",
        actor_person_id=person.id,
        action="person.left",
        entity="person",
        entity_id=person.id,
        details={"chat_id": chat_id, "unit_id": person.unit_id},
    )
    return person
