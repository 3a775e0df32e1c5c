"""One-time invite codes: created by admins, redeemed once, guessed at most a few times.

An invite code is the only secret an office hands out: whoever redeems it in a private chat
becomes a person of the invite's unit and role; redeemed with `/link` in a group, it makes the
group the unit's chat or the leaders' chat. Codes are single-use and expire. Redeeming takes
the code in one conditional UPDATE, so two people sending the same code at once cannot both
get in; refused attempts are audited and limited per account and per chat.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, update
from sqlalchemy.engine import CursorResult
from sqlmodel import Session, col, select

from messages import texts
from messages.errors import UserFacingError
from scheduler.vocabulary import Audience, Role
from storage.audit import record
from storage.chat_links import PRIVATE_REMINDER_ROLES, link_chat, link_private_chat
from storage.identities import attach_identity, person_for_account
from storage.models import AuditEntry, Invite, Person, Unit

# Letters and digits that cannot be mistaken for each other when read aloud or retyped.
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_CODE_LENGTH = 8
INVITE_ROLES = (Role.STAFF, Role.FOCAL_POINT, Role.LEADER)
# Identity invites carry no unit: they add a second channel to the person who asked for them.
IDENTITY_AUDIENCE = "identity"
# Refused codes tolerated before a pause: enough for typos, far too few to guess one of
# 32^8 codes. A group counts everyone's attempts together.
FAILED_ATTEMPTS_PER_ACCOUNT = 5
FAILED_ATTEMPTS_PER_CHAT = 10
ATTEMPT_WINDOW = timedelta(hours=1)
FAILED_ACTION = "invite.failed"


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
    details = {"unit_id": unit_id, "role": role, "audience": audience, "hours": hours}
    record(
        session,
        "invite.create",
        "invite",
        invite.id,
        details,
        at=now,
        actor=actor,
        actor_person_id=created_by_id,
    )
    return invite


def _take_invite(session: Session, *, code: str, now: datetime) -> Invite:
    """Mark the code used in one conditional statement; exactly one caller can win it.

    On PostgreSQL a second UPDATE of the same row waits for the first transaction and then
    finds `used_at` set; on SQLite the statement holds the single write lock.
    """
    normalised = normalise_code(code)
    if not normalised:
        raise UserFacingError(texts.text("people", "invite_wrong"))
    result = session.execute(
        update(Invite)
        .where(
            col(Invite.code) == normalised,
            col(Invite.used_at).is_(None),
            col(Invite.expires_at) > now,
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    invite = session.exec(select(Invite).where(Invite.code == normalised)).first()
    if invite is not None:
        session.refresh(invite)
    if result.rowcount == 1 and invite is not None:
        return invite
    if invite is None:
        raise UserFacingError(texts.text("people", "invite_wrong"))
    if invite.used_at is not None:
        raise UserFacingError(texts.text("people", "invite_used"))
    raise UserFacingError(texts.text("people", "invite_expired"))


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
    """Use a code: in a private chat it links the person, in a group it links the group.

    A refusal raises before anything is kept: the caller's transaction, which holds the code
    taken, is rolled back with it.
    """
    invite = _take_invite(session, code=code, now=now)
    if invite.audience == IDENTITY_AUDIENCE:
        result = _link_identity(session, invite, channel, external_id, display_name, is_private)
    elif is_private:
        result = _join_unit(session, invite, channel, external_id, display_name, chat_id, now)
    else:
        result = _link_group(session, invite, channel, chat_id, chat_title, now)
    used_by = result.person.id if result.person is not None else None
    invite.used_by_id = used_by
    session.add(invite)
    details = {"kind": result.kind, "chat_id": chat_id, "unit_id": invite.unit_id}
    actor = f"{channel}:{external_id}"
    record(
        session,
        "invite.redeem",
        "invite",
        invite.id,
        details,
        at=now,
        actor=actor,
        actor_person_id=used_by,
    )
    return result


def _redeemed(
    session: Session, kind: str, unit_id: int | None, role: str, person: Person | None = None
) -> Redeemed:
    """What a code did, naming the unit it is for."""
    unit = session.get(Unit, unit_id) if unit_id is not None else None
    return Redeemed(kind, unit.name if unit is not None else None, role, person)


def _link_identity(
    session: Session,
    invite: Invite,
    channel: str,
    external_id: str,
    display_name: str,
    is_private: bool,
) -> Redeemed:
    if not is_private:
        raise UserFacingError(texts.text("people", "link_private_only"))
    owner = session.get(Person, invite.created_by_id) if invite.created_by_id else None
    if owner is None:
        raise UserFacingError(texts.text("people", "link_gone"))
    attach_identity(
        session, person=owner, channel=channel, external_id=external_id, display_name=display_name
    )
    return _redeemed(session, "identity", invite.unit_id, owner.role, owner)


def _join_unit(
    session: Session,
    invite: Invite,
    channel: str,
    external_id: str,
    display_name: str,
    chat_id: str,
    now: datetime,
) -> Redeemed:
    person, created = person_for_account(
        session,
        channel,
        external_id,
        display_name,
        unit_id=invite.unit_id,
        role=invite.role,
        now=now,
    )
    if not created:
        person.active = True
        if invite.unit_id is not None:
            person.unit_id = invite.unit_id
        # An admin keeps admin rights when joining a unit.
        if person.role != Role.ADMIN:
            person.role = invite.role
        session.add(person)
    session.flush()
    if invite.unit_id is not None and invite.audience == Audience.UNIT:
        link_private_chat(
            session,
            channel=channel,
            chat_id=chat_id,
            unit_id=invite.unit_id if person.role in PRIVATE_REMINDER_ROLES else None,
            now=now,
        )
    return _redeemed(session, "person", person.unit_id, person.role, person)


def _link_group(
    session: Session,
    invite: Invite,
    channel: str,
    chat_id: str,
    chat_title: str | None,
    now: datetime,
) -> Redeemed:
    leaders = invite.audience == Audience.LEADERS
    link_chat(
        session,
        channel=channel,
        chat_id=chat_id,
        audience=Audience.LEADERS if leaders else Audience.UNIT,
        unit_id=None if leaders else invite.unit_id,
        title=chat_title,
        now=now,
    )
    kind = "leaders_chat" if leaders else "unit_chat"
    return _redeemed(session, kind, invite.unit_id, invite.role)


# --- guessing -------------------------------------------------------------------------------


def _chat_entity(channel: str, chat_id: str) -> str:
    return f"{channel}:{chat_id}"


def check_attempts(
    session: Session, *, channel: str, external_id: str, chat_id: str, now: datetime
) -> None:
    """Refuse to try another code when this account or chat was refused too often lately."""
    since = now - ATTEMPT_WINDOW
    actor = f"{channel}:{external_id}"
    chat = _chat_entity(channel, chat_id)
    rows = session.exec(
        select(AuditEntry.actor, AuditEntry.entity_id, func.count())
        .where(
            AuditEntry.action == FAILED_ACTION,
            col(AuditEntry.at) > since,
            or_(col(AuditEntry.actor) == actor, col(AuditEntry.entity_id) == chat),
        )
        .group_by(col(AuditEntry.actor), col(AuditEntry.entity_id))
    ).all()
    by_account = sum(number for who, _, number in rows if who == actor)
    by_chat = sum(number for _, where, number in rows if where == chat)
    if by_account >= FAILED_ATTEMPTS_PER_ACCOUNT or by_chat >= FAILED_ATTEMPTS_PER_CHAT:
        minutes = int(ATTEMPT_WINDOW.total_seconds() // 60)
        raise UserFacingError(texts.text("people", "invite_too_many_attempts", minutes=minutes))


def record_failed_attempt(
    session: Session,
    *,
    channel: str,
    external_id: str,
    chat_id: str,
    code: str,
    reason: str,
    now: datetime,
) -> None:
    """Audit a refused code (never the code itself in full: a near miss stays a secret)."""
    normalised = normalise_code(code)
    details = {"reason": reason[:200], "code_length": len(normalised)}
    chat = _chat_entity(channel, chat_id)
    record(session, FAILED_ACTION, "chat", chat, details, at=now, actor=f"{channel}:{external_id}")


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
