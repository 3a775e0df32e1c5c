"""Finding which item a command speaks of: a number typed, or the message replied to."""

from __future__ import annotations

from datetime import timedelta

from bot.core.parsing import item_ref, split_item, split_percent
from bot.core.turn import Turn
from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import fold
from storage.listed_items import recently_shown
from storage.tracking import Item, occurrence_for_message

# Words between numbers in "xong 12 va 13" (folded).
_JOINERS = frozenset({"va", "+"})


def replied_item_id(turn: Turn) -> int | None:
    message = turn.message
    if message.reply_to_message_id is None:
        return None
    return occurrence_for_message(
        turn.session,
        channel=message.channel,
        chat_id=message.chat_id,
        message_id=message.reply_to_message_id,
    )


def item_and_rest(
    turn: Turn, args: str, *, example: str, percent_follows: bool = False
) -> tuple[Item, str]:
    """ "12 rest" → item #12; with no number, the reminder this message replies to.

    `percent_follows`: in a reply, "tiendo 90" means 90 % of the replied item, not item #90;
    "#90" or two numbers still name the item.
    """
    number, rest = split_item(args)
    replied = replied_item_id(turn)
    if (
        percent_follows
        and replied is not None
        and number is not None
        and not args.lstrip().startswith("#")
        and split_percent(rest)[0] is None
    ):
        number, rest = replied, args.strip()
    if number is None:
        number = replied
    if number is None:
        raise UserFacingError(texts.text("chat", "item_number_needed", example=example))
    item = turn.readable_item(number)
    if number != replied and not turn.confirmed and far_from_chat(turn, item):
        raise NeedsConfirmation(item)
    return item, rest


# An item due further ahead than this, and not shown in the chat lately, is asked about first:
# a number typed from the plan ("Nhiệm vụ 32") must not change another item unasked.
NEAR_DAYS = 30
RECENT_DAYS = 14


class NeedsConfirmation(Exception):
    def __init__(self, item: Item) -> None:
        super().__init__(item.id)
        self.item = item


def far_from_chat(turn: Turn, item: Item) -> bool:
    due = item.occurrence.effective_due
    if due is None or due <= turn.app.clock.today() + timedelta(days=NEAR_DAYS):
        return False
    return not recently_shown(
        turn.session,
        channel=turn.message.channel,
        chat_id=turn.message.chat_id,
        occurrence_id=item.id,
        since=turn.now - timedelta(days=RECENT_DAYS),
    )


def several_items(args: str) -> tuple[list[int], str | None]:
    """ "12 13 14 đã gửi" → [12, 13, 14] and the note; numbers may be joined by "," or "và"."""
    words = args.replace(",", " ").split()
    numbers: list[int] = []
    while words:
        number = item_ref(words[0])
        if number is None and fold(words[0]) in _JOINERS and numbers:
            words.pop(0)
            continue
        if number is None:
            break
        numbers.append(number)
        words.pop(0)
    return numbers, " ".join(words) or None
