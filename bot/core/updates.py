"""Applying a status change from any route (command, short reply, button) the same way."""

from __future__ import annotations

from bot.core import pending
from bot.core.protocol import Response
from bot.core.replies import one, percent_buttons, say
from bot.core.turn import Turn
from bot.core.views import item_view
from messages.buttons import item_buttons
from scheduler.vocabulary import Status
from storage.tracking import Item, apply_status, get_item


def change(
    turn: Turn,
    item: Item,
    *,
    status: str | None,
    percent: int | None = None,
    note: str | None = None,
) -> Item:
    """Record the change for the acting person and return the item as it is now."""
    person = turn.acting_person()
    apply_status(
        turn.session,
        occurrence_id=item.id,
        status=status,
        percent=percent,
        note=note,
        person_id=person.id if person is not None else None,
        channel=turn.message.channel,
        actor=turn.actor,
        now=turn.now,
    )
    if status == Status.DONE:
        # A file sent right after "xong N" is the proof of it.
        turn.pending.expect(turn.key, pending.EVIDENCE, item.id)
    refreshed = get_item(turn.session, occurrence_id=item.id)
    assert refreshed is not None
    return refreshed


def already_done(item: Item) -> bool:
    return item.occurrence.status == Status.DONE


def changed_reply(
    turn: Turn,
    item: Item,
    *,
    note: str | None = None,
    note_only: bool = False,
    undone: bool = False,
) -> Response:
    """The answer to a typed update: the new state and what can follow (`undone`: the day's
    change was taken back, so the answer says where the item stands again)."""
    view = item_view(item, turn.app.clock)
    return Response(
        replies=say(
            "updated",
            item=view,
            note=note,
            note_only=note_only,
            undone=undone,
            who=_who(turn),
            channel=turn.message.channel,
            occurrence_id=item.id,
        )
    )


def state_message(turn: Turn, item: Item) -> Response:
    """After a button press: the reminder is replaced by the item's new state."""
    view = item_view(item, turn.app.clock)
    buttons = percent_buttons(item.id) if item.occurrence.status == Status.IN_PROGRESS else ()
    if item.occurrence.status == Status.BLOCKED:
        buttons = item_buttons(item.id)
    edit = one(
        "item_state",
        item=view,
        who=_who(turn),
        at=turn.now,
        buttons=buttons,
        occurrence_id=item.id,
    )
    return Response(edit=edit, toast=f"#{item.id}: {view['status_label']}")


def _who(turn: Turn) -> str:
    if turn.person is not None:
        return turn.person.full_name
    return turn.message.user_name or turn.actor
