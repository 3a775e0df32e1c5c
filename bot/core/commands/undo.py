"""/huy N (chưa xong N): undo today's change of an item, back to how it stood this morning."""

from __future__ import annotations

from datetime import datetime, time

from bot.core.commands.base import Command
from bot.core.commands.items import item_and_rest
from bot.core.protocol import Response
from bot.core.turn import Turn
from bot.core.updates import change, changed_reply
from messages import texts
from messages.errors import UserFacingError
from scheduler.vocabulary import Status
from storage.tracking import history


def run(turn: Turn, args: str) -> Response:
    item, _ = item_and_rest(turn, args, example=texts.text("chat", "example_undo"))
    item = turn.changeable_item(item.id)
    tz = turn.app.clock.tz
    morning = datetime.combine(turn.now.astimezone(tz).date(), time(0), tzinfo=tz)
    entries = history(turn.session, occurrence_id=item.id)
    today = [entry for entry in entries if entry.update.created_at >= morning]
    if not today:
        raise UserFacingError(texts.text("chat", "undo_nothing_today", number=item.id))
    before = [entry for entry in entries if entry.update.created_at < morning]
    status = before[-1].update.status if before else Status.NOT_STARTED
    percent = (before[-1].update.percent or 0) if before else 0
    note = texts.text("chat", "undo_note")
    item = change(
        turn,
        item,
        status=status,
        percent=percent if status == Status.IN_PROGRESS else None,
        note=note,
    )
    return changed_reply(turn, item, undone=True)


COMMAND = Command("undo", ("huy", "chua xong", "hoan tac"), run, item_command=True)
