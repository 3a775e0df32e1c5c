"""One incoming message being handled: who wrote, from which chat, and what they may do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.context import AppContext
from bot.core.pending import Key, PendingActions
from bot.core.protocol import IncomingMessage
from messages import texts
from messages.errors import UserFacingError
from scheduler.vocabulary import Audience, Role
from storage import membership
from storage.models import ChatLink, Person
from storage.tracking import Item, get_item

READERS = (Role.LEADER, Role.ADMIN)


@dataclass
class Turn:
    app: AppContext
    message: IncomingMessage
    session: Session
    person: Person | None
    links: list[ChatLink]
    pending: PendingActions
    now: datetime
    # The person said yes to "did you mean this item?": no second question.
    confirmed: bool = False
    # The item picked from a numbered list, and the words that go with it.
    chosen: tuple[int, str] | None = None

    @property
    def key(self) -> Key:
        return (self.message.channel, self.message.chat_id, self.message.user_id)

    @property
    def actor(self) -> str:
        return f"{self.message.channel}:{self.message.user_id}"

    @property
    def unit_link(self) -> ChatLink | None:
        return next((link for link in self.links if link.audience == Audience.UNIT), None)

    @property
    def in_leaders_chat(self) -> bool:
        return any(link.audience == Audience.LEADERS for link in self.links)

    @property
    def unit_id(self) -> int | None:
        """The unit this conversation speaks for: the group's unit, else the person's."""
        link = self.unit_link
        if link is not None and link.unit_id is not None:
            return link.unit_id
        return self.person.unit_id if self.person is not None else None

    @property
    def role(self) -> str | None:
        return self.person.role if self.person is not None else None

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_known(self) -> bool:
        """Linked personally, or writing in a chat linked to a unit or to the leaders."""
        return self.person is not None or bool(self.links)

    @property
    def reads_everything(self) -> bool:
        return self.role in READERS or self.in_leaders_chat

    @property
    def person_id(self) -> int | None:
        return self.person.id if self.person is not None else None

    def acting_person(self) -> Person | None:
        """The person a change is attributed to; members of a unit group are enrolled."""
        if self.person is None and self.unit_link is not None and self.unit_link.unit_id:
            self.person = membership.enrol_group_member(
                self.session,
                unit_id=self.unit_link.unit_id,
                channel=self.message.channel,
                external_id=self.message.user_id,
                display_name=self.message.user_name,
                now=self.now,
            )
        return self.person

    def can_read(self, item: Item) -> bool:
        return self.reads_everything or item.assignment.unit_id in self._own_units()

    def can_change(self, item: Item) -> bool:
        return self.is_admin or item.assignment.unit_id in self._own_units()

    def _own_units(self) -> set[int]:
        units: set[int] = set()
        if self.person is not None and self.person.unit_id is not None:
            units.add(self.person.unit_id)
        link = self.unit_link
        if link is not None and link.unit_id is not None:
            units.add(link.unit_id)
        return units

    def readable_item(self, occurrence_id: int) -> Item:
        item = get_item(self.session, occurrence_id=occurrence_id)
        if item is None:
            raise UserFacingError(texts.text("chat", "item_not_found", number=occurrence_id))
        if not self.can_read(item):
            raise UserFacingError(texts.text("chat", "item_not_yours", number=occurrence_id))
        return item

    def may_read(self, occurrence_id: int) -> bool:
        """Whether this person may see the item (it exists and is theirs to read)."""
        item = get_item(self.session, occurrence_id=occurrence_id)
        return item is not None and self.can_read(item)

    def changeable_item(self, occurrence_id: int) -> Item:
        item = self.readable_item(occurrence_id)
        if item.occurrence.withdrawn or item.assignment.withdrawn or item.task.withdrawn:
            raise UserFacingError(texts.text("chat", "item_withdrawn", number=occurrence_id))
        if not self.can_change(item):
            raise UserFacingError(
                texts.text("chat", "item_other_unit", number=occurrence_id, unit=item.unit.name)
            )
        return item
