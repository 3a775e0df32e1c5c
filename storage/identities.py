"""Who is who: people, the chat accounts that stand for them, and the admins.

A person may write from Telegram and from Zalo; each account is one `ChannelIdentity` row
pointing at the person. Units are resolved by name through `storage.units.find_unit` only.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import nfc
from scheduler.vocabulary import Role
from storage.audit import record
from storage.models import ChannelIdentity, Person, Unit
from storage.units import find_unit


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


def person_for_identity(session: Session, *, channel: str, external_id: str) -> Person | None:
    """The active person behind a chat account, or None when the account is not linked."""
    person = any_person_for_identity(session, channel=channel, external_id=external_id)
    if person is None or not person.active:
        return None
    return person


def any_person_for_identity(session: Session, *, channel: str, external_id: str) -> Person | None:
    """The person behind a chat account, active or not (one who left keeps their history)."""
    statement = (
        select(Person)
        .join(ChannelIdentity, col(ChannelIdentity.person_id) == col(Person.id))
        .where(ChannelIdentity.channel == channel, ChannelIdentity.external_id == external_id)
    )
    return session.exec(statement).first()


def identities_of(session: Session, *, person_id: int) -> list[ChannelIdentity]:
    return list(
        session.exec(
            select(ChannelIdentity)
            .where(ChannelIdentity.person_id == person_id)
            .order_by(col(ChannelIdentity.id))
        )
    )


def attach_identity(
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


def person_for_account(
    session: Session,
    channel: str,
    external_id: str,
    display_name: str,
    *,
    unit_id: int | None,
    role: str,
    now: datetime,
) -> tuple[Person, bool]:
    """The person behind the account `external_id` on `channel`, active or not, or a new one
    named `display_name` (unit and role as given) with the account attached; True when the
    person is new."""
    person = any_person_for_identity(session, channel=channel, external_id=external_id)
    if person is not None:
        return person, False
    person = Person(
        full_name=nfc(display_name.strip()) or f"{channel}:{external_id}",
        unit_id=unit_id,
        role=role,
        created_at=now,
    )
    session.add(person)
    session.flush()
    attach_identity(
        session, person=person, channel=channel, external_id=external_id, display_name=display_name
    )
    return person, True


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
    person, created = person_for_account(
        session, channel, external_id, name, unit_id=None, role=Role.ADMIN, now=now
    )
    if not created:
        person.role = Role.ADMIN
        person.active = True
        person.full_name = name
        session.add(person)
    session.flush()
    details = {"channel": channel, "external_id": external_id}
    record(session, "admin.add", "person", person.id, details, at=now, actor=actor)
    return person


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
