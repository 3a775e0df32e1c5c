"""Who is typing in the console chat: a person found by id or name, and their console account."""

from __future__ import annotations

from sqlmodel import Session, col, select

from scheduler.folding import fold
from scheduler.vocabulary import Channel
from storage.models import ChannelIdentity, Person


def find_people(session: Session, *, who: str) -> list[Person]:
    """Active people matching `who`: an id, a full name, or a part of a name (no accents needed).

    An exact name wins over partial matches, so "Lan" does not also pick "Lan Anh".
    """
    text = who.strip().lstrip("#")
    if text.isdigit():
        person = session.get(Person, int(text))
        return [person] if person is not None and person.active else []
    wanted = fold(text)
    if not wanted:
        return []
    people = list(
        session.exec(select(Person).where(col(Person.active).is_(True)).order_by(col(Person.id)))
    )
    exact = [p for p in people if fold(p.full_name) == wanted]
    if exact:
        return exact
    return [p for p in people if wanted in fold(p.full_name)]


def console_account(session: Session, *, person: Person) -> ChannelIdentity:
    """The person's console identity, created on first use (one per person)."""
    assert person.id is not None
    identity = session.exec(
        select(ChannelIdentity)
        .where(
            ChannelIdentity.person_id == person.id,
            ChannelIdentity.channel == Channel.CONSOLE.value,
        )
        .order_by(col(ChannelIdentity.id))
    ).first()
    if identity is not None:
        return identity
    identity = ChannelIdentity(
        person_id=person.id,
        channel=Channel.CONSOLE.value,
        external_id=f"person-{person.id}",
        display_name=person.full_name,
    )
    session.add(identity)
    session.flush()
    return identity
