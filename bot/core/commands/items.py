"""Finding which item a command speaks of: a number typed, or the message replied to."""

from __future__ import annotations

from datetime import timedelta

from bot.core.commands.which_item import (
    NeedsChoice,
    items_of,
    line_number,
    named_line,
    near_misses,
    replied_items,
    todays_checkin,
)
from bot.core.parsing import item_ref, split_item, split_percent
from bot.core.turn import Turn
from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import fold
from storage.listed_items import recently_shown
from storage.tracking import Item, get_item

# Words between numbers in "xong 12 va 13" (folded).
_JOINERS = frozenset({"va", "+"})


def item_and_rest(
    turn: Turn,
    args: str,
    *,
    example: str,
    percent_follows: bool = False,
) -> tuple[Item, str]:
    """ "12 rest" → item #12; with no number, the line of the check-in this message replies
    to that it names, or a question which one (`NeedsChoice`).

    `percent_follows`: in a reply, "tiendo 90" means 90 % of the replied item, not item #90,
    even when the replied item is #90 itself; "#90" or two numbers still name the item.
    """
    if turn.chosen is not None:
        return turn.readable_item(turn.chosen[0]), turn.chosen[1]
    number, rest = split_item(args)
    listed = replied_items(turn)
    explicit = bool(listed)
    if (
        percent_follows
        and listed
        and number is not None
        and not args.lstrip().startswith("#")
        and split_percent(rest)[0] is None
    ):
        # "tiendo 90" replying to a check-in: 90 is the percent.
        number, rest = None, args.strip()
    if number is None:
        listed = listed or todays_checkin(turn)
        number = _line_meant(turn, listed, rest, explicit=explicit, example=example)
    elif len(listed) > 1 and number not in listed:
        number = line_number(turn, listed, number, rest) or number
    item = find_item(turn, number, rest)
    if number not in listed and not turn.confirmed and far_from_chat(turn, item):
        raise NeedsConfirmation(item)
    return item, rest


def _line_meant(turn: Turn, listed: list[int], rest: str, *, explicit: bool, example: str) -> int:
    if not listed:
        raise UserFacingError(texts.text("chat", "item_number_needed", example=example))
    if explicit and len(listed) == 1:
        return listed[0]
    named = named_line(turn, listed, rest)
    if named is not None:
        return named
    # Several lines, or a check-in the person did not reply to: ask, never take the first.
    raise NeedsChoice(items_of(turn, listed), rest)


def find_item(turn: Turn, number: int, rest: str) -> Item:
    """Item `number`; a number naming no item this person may see is a slip: the nearest
    items of this chat are offered to choose from."""
    item = get_item(turn.session, occurrence_id=number)
    if item is None or not turn.can_read(item):
        near = near_misses(turn, number)
        if near:
            raise NeedsChoice(near, rest, missed=number, missing=item is None)
    return turn.readable_item(number)


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
