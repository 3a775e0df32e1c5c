"""Which item a message means when it names none for sure: a reply to a check-in of several
lines, a number that is no item of this chat. The answer is a line it names, or a question
with a short numbered list; never a guess.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

from bot.core.parsing import item_ref, looks_like_update, split_item
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import item_view
from messages import texts
from messages.checkin import one_line
from messages.errors import UserFacingError
from scheduler.folding import fold
from storage.items import unit_items
from storage.listed_items import latest_checkin_items, message_items, recently_listed
from storage.outbox import CHECKIN
from storage.tracking import Item, get_item

# A list to pick from stays short: a phone screen, typed answers 1–5.
MOST_CHOICES = 5
# Items of this chat looked at for a near-miss number: listed in the chat this long ago.
NEAR_MISS_DAYS = 14
TITLE_CHARS = 60
# Words of a line's title typed in a row that name it.
TITLE_RUN = 3


class NeedsChoice(Exception):
    """The message may mean any of `choices`: ask, keeping the message for the answer.

    `missed` is the number typed that names no item of this chat (a near miss), and `rest`
    the words that go with the item once picked.
    """

    def __init__(
        self, choices: list[Item], rest: str, *, missed: int | None = None, missing: bool = False
    ) -> None:
        super().__init__([item.id for item in choices])
        self.choices = choices
        self.rest = rest
        self.missed = missed
        # The number typed is no item at all (else: an item of another unit).
        self.missing = missing


def ask_which(turn: Turn, ask: NeedsChoice) -> Response:
    """The numbered question; the message waits with it for the answer (see Conversation)."""
    if not ask.choices:
        example = texts.text("chat", "example_done")
        raise UserFacingError(texts.text("chat", "item_number_needed", example=example))
    # The message waits as it came, less the reply it was (answered by the pick now).
    kept = replace(turn.message, reply_to_message_id=None, quote=None)
    turn.pending.expect_pick(turn.key, tuple(item.id for item in ask.choices), (kept, ask.rest))
    clock = turn.app.clock
    return Response(
        replies=say(
            "item_choices",
            items=[item_view(item, clock) for item in ask.choices],
            missed=ask.missed,
            missing=ask.missing,
        )
    )


def line_of(turn: Turn, listed: list[int], text: str) -> int | None:
    """The check-in line a reply of words is about: the only one, the one it names (by its
    number, its place, its title or a quote), else the person is asked.

    In a group, a reply naming no line that does not look like an update ("đã nhận", "cảm
    ơn anh") is chatter: None, nothing is asked."""
    if len(listed) == 1:
        return listed[0]
    number, _ = split_item(text)
    if number is not None and number in listed:
        return number
    chatter = not turn.message.is_private and not looks_like_update(text)
    by_place = (
        line_number(turn, listed, number, text) if number is not None and not chatter else None
    )
    named = by_place or named_line(turn, listed, text)
    if named is None and not chatter:
        raise NeedsChoice(items_of(turn, listed), text)
    return named


def replied_items(turn: Turn) -> list[int]:
    """The items of the bot message this one replies to, one per line (empty: no reply)."""
    message = turn.message
    if message.reply_to_message_id is None:
        return []
    return message_items(
        turn.session,
        channel=message.channel,
        chat_id=message.chat_id,
        message_id=message.reply_to_message_id,
    )


def todays_checkin(turn: Turn) -> list[int]:
    """The lines of today's check-in in this chat (or, in a private chat without one, the
    person's unit's): what a bare "xong" most likely answers where a chat has no replies
    (Zalo) or the person did not use one."""
    tz = turn.app.clock.tz
    morning = datetime.combine(turn.now.astimezone(tz).date(), time(0), tzinfo=tz)
    return latest_checkin_items(
        turn.session,
        channel=turn.message.channel,
        chat_id=turn.message.chat_id,
        kind=CHECKIN,
        since=morning,
        unit_id=turn.person.unit_id if turn.message.is_private and turn.person else None,
    )


def named_line(turn: Turn, listed: list[int], words: str) -> int | None:
    """The one line of a check-in that the reply names: by its number after "#" in the words
    or the quoted part, by the quoted title, or by words of its title typed in a row. None
    when it names none or several."""
    quote = turn.message.quote or ""
    for text in (words, quote):
        refs = {n for word in text.split() if (n := item_ref(word)) is not None and n in listed}
        if len(refs) == 1:
            return refs.pop()
    titles = {}
    for occurrence_id in listed:
        item = get_item(turn.session, occurrence_id=occurrence_id)
        if item is not None:
            titles[occurrence_id] = fold(one_line(item.task.title, TITLE_CHARS)).strip(" .…")
    wanted = fold(quote).strip(" .…")
    if wanted:
        quoted = [
            n for n, title in titles.items() if title and (wanted in title or title in wanted)
        ]
        return quoted[0] if len(quoted) == 1 else None
    # Words of a title typed in a row ("xong báo cáo kiểm soát"): a run of three is specific
    # enough; two are often shared ("báo cáo", "xây dựng").
    runs = _runs(fold(words).split())
    named = [n for n, title in titles.items() if runs & _runs(title.split())]
    return named[0] if len(named) == 1 else None


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + TITLE_RUN]) for i in range(len(words) - TITLE_RUN + 1)}


def line_number(turn: Turn, listed: list[int], number: int, rest: str) -> int | None:
    """ "xong 2" replying to a check-in: its second line (None: no line has that place).
    When 2 is also an item of this chat, the person is asked which of the two is meant."""
    if not 1 <= number <= len(listed) or number in listed:
        return None
    line = listed[number - 1]
    other = get_item(turn.session, occurrence_id=number)
    if other is not None and turn.can_read(other) and other.assignment.unit_id in own_units(turn):
        raise NeedsChoice(items_of(turn, [line, number]), rest)
    return line


def own_units(turn: Turn) -> set[int]:
    units = {link.unit_id for link in turn.links if link.unit_id is not None}
    if turn.person is not None and turn.person.unit_id is not None:
        units.add(turn.person.unit_id)
    return units


def items_of(turn: Turn, occurrence_ids: list[int]) -> list[Item]:
    found = [get_item(turn.session, occurrence_id=number) for number in occurrence_ids]
    return [item for item in found if item is not None and turn.can_read(item)]


def near_misses(turn: Turn, number: int) -> list[Item]:
    """This chat's items whose number is one slip away from `number` (a swapped, missing,
    extra or wrong digit; two for long numbers), nearest first."""
    typed = str(number)
    allowed = 1 if len(typed) <= 3 else 2
    clock = turn.app.clock
    pool: dict[int, int] = {}
    for unit_id in sorted(own_units(turn)):
        for view in unit_items(turn.session, unit_id=unit_id, today=clock.today(), tz=clock.tz):
            pool[view.occurrence_id] = 1
    since = turn.now - timedelta(days=NEAR_MISS_DAYS)
    for occurrence_id in recently_listed(
        turn.session, channel=turn.message.channel, chat_id=turn.message.chat_id, since=since
    ):
        # Items the chat was told about lately come first among equally near ones.
        pool[occurrence_id] = 0
    # Nearest first; among equals a number of the same length (a swap, a wrong digit).
    ranked = sorted(
        (distance, abs(len(str(occurrence_id)) - len(typed)), recent, occurrence_id)
        for occurrence_id, recent in pool.items()
        if occurrence_id != number and (distance := slips(typed, str(occurrence_id))) <= allowed
    )
    return items_of(turn, [ranked_id for *_, ranked_id in ranked[:MOST_CHOICES]])


def slips(a: str, b: str) -> int:
    """Typing slips between two numbers: digits swapped with the next, missing, extra or
    wrong (optimal string alignment distance)."""
    rows = [list(range(len(b) + 1))]
    for i, left in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, right in enumerate(b, 1):
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (left != right))
            if i > 1 and j > 1 and left == b[j - 2] and a[i - 2] == right:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]
