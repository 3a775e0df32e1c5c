"""The conversation core: one set of commands for Telegram, Zalo and the console.

A channel adapter turns its update into an IncomingMessage and sends back the Response;
everything else — who the person is, what they may do, which item they mean — is decided here.

Answering is synchronous database and document work, up to seconds of CPU for a leader's
workbook or report. `handle` therefore runs it in a small pool of worker threads, so the event
loop keeps serving other chats and the reminder jobs meanwhile. Order within one chat is the
adapter's business: it awaits one message's answer before handing over the next.
"""

from __future__ import annotations

import asyncio
import difflib
import logging
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime

from sqlmodel import Session

from bot.context import AppContext
from bot.core import pending
from bot.core.actions import handle_action
from bot.core.commands import Access, Command, build_registry
from bot.core.commands.done import mark_done
from bot.core.commands.items import NeedsConfirmation, find_item
from bot.core.commands.which_item import NeedsChoice, ask_which, line_of, replied_items
from bot.core.files import handle_file
from bot.core.parsing import (
    ParsedCommand,
    item_ref,
    means_done,
    parse_command,
    split_item,
    split_percent,
)
from bot.core.pending import PendingActions
from bot.core.protocol import IncomingMessage, Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.updates import change, changed_reply
from bot.core.views import item_view
from messages import texts
from messages.errors import UserFacingError, user_message
from messages.render import render
from scheduler.folding import fold, nfc
from scheduler.vocabulary import Status
from storage import chat_links, identities, membership
from storage.listed_items import remember_message

log = logging.getLogger(__name__)
# Telegram shows at most 200 characters in a button's notice.
TOAST_LIMIT = 200
_LEADING_PERCENT = re.compile(r"^\d{1,3}\s?%")
# Answers worked out at the same time: a few leaders' heavy reports may run while others chat,
# yet they cannot take every database connection or the threads the reminder jobs use.
DEFAULT_WORKERS = 4
# In a group, a command typed without a slash and a number naming no item of the chat is
# asked about only from three digits on: smaller numbers are everyday counts.
NEAR_MISS_IN_GROUPS = 100


class _Quiet(Exception):
    """A command typed without a slash in a group did not make sense: say nothing."""


class Conversation:
    def __init__(self, app: AppContext, *, workers: int = DEFAULT_WORKERS) -> None:
        self.app = app
        self.registry = build_registry()
        self.pending = PendingActions(app.clock)
        # Threads start on first use and end with close() (or with the process).
        self._workers = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="nhacviec-chat")

    async def handle(self, message: IncomingMessage) -> Response:
        """Answer one message or button press off the event loop; never raises."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._workers, self.answer, message)

    def close(self) -> None:
        """Let the worker threads end once the answers under way are done."""
        self._workers.shutdown(wait=False)

    def answer(self, message: IncomingMessage) -> Response:
        """Answer one message or button press in the calling thread; never raises."""
        if message.is_private:
            # Writing again after blocking the bot: the chat serves them again, whatever
            # becomes of this message (a refusal rolls its own turn back, not this).
            self._record_chat_event(
                lambda session, now: _chat_back(session, message, now),
                "failed to switch %s chat %s back on",
                message.channel,
                message.chat_id,
            )
        try:
            with self.app.session() as session:
                turn = self._turn(session, message)
                try:
                    return self._dispatch(turn)
                except NeedsChoice as ask:
                    return ask_which(turn, ask)
        except _Quiet:
            return Response()
        except UserFacingError as exc:
            # The transaction was rolled back: nothing half-written stays.
            sentence = user_message(exc)
            if message.action and len(sentence) <= TOAST_LIMIT:
                # A refused button press: the notice on the button is enough, no chat noise.
                return Response(toast=sentence)
            return Response(replies=say("error", message=sentence))
        except Exception:
            log.exception(
                "failed to handle %s message in chat %s", message.channel, message.chat_id
            )
            return Response(replies=say("internal_error"))

    def on_bot_removed(self, channel: str, chat_id: str) -> None:
        """The bot left a group or was blocked in a private chat: stop sending there."""
        self._record_chat_event(
            lambda session, now: membership.chat_removed(
                session, channel=channel, chat_id=chat_id, now=now
            ),
            "failed to record removal from %s chat %s",
            channel,
            chat_id,
        )

    def on_member_left(self, channel: str, chat_id: str, user_id: str) -> None:
        """Someone left a group; staff leaving their unit's group leave the unit."""
        recorded = self._record_chat_event(
            lambda session, now: membership.member_left(
                session, channel=channel, chat_id=chat_id, external_id=user_id, now=now
            ),
            "failed to record %s leaving %s chat %s",
            user_id,
            channel,
            chat_id,
        )
        if recorded:
            self.pending.forget((channel, chat_id, user_id))

    def on_chat_migrated(self, channel: str, old_chat_id: str, new_chat_id: str) -> None:
        """A group changed its id (Telegram group → supergroup): keep it linked."""
        self._record_chat_event(
            lambda session, now: membership.chat_migrated(
                session,
                channel=channel,
                old_chat_id=old_chat_id,
                new_chat_id=new_chat_id,
                now=now,
            ),
            "failed to move %s chat %s to %s",
            channel,
            old_chat_id,
            new_chat_id,
        )

    def _record_chat_event(
        self, write: Callable[[Session, datetime], object], failure: str, *details: str
    ) -> bool:
        """Store a change a channel reported about a chat; a failure is logged, never raised
        (the channel's update loop must go on). True when it was stored."""
        try:
            with self.app.session() as session:
                write(session, self.app.clock.now())
        except Exception:
            log.exception(failure, *details)
            return False
        return True

    def remember_sent(
        self, channel: str, chat_id: str, message_id: str, occurrence_id: int
    ) -> None:
        """A channel sent a reply carrying `occurrence_id`: replies to it then reach that item."""
        try:
            with self.app.session() as session:
                remember_message(
                    session,
                    channel=channel,
                    chat_id=chat_id,
                    message_id=message_id,
                    occurrence_id=occurrence_id,
                    now=self.app.clock.now(),
                )
        except Exception:
            log.exception(
                "failed to remember message %s in %s chat %s", message_id, channel, chat_id
            )

    # --- internals ------------------------------------------------------------------------

    def _turn(self, session: Session, message: IncomingMessage) -> Turn:
        now = self.app.clock.now()
        person = identities.person_for_identity(
            session, channel=message.channel, external_id=message.user_id
        )
        if person is None and identities.is_configured_admin(
            self.app.settings.admin_id_list, channel=message.channel, external_id=message.user_id
        ):
            person = identities.bootstrap_admin(
                session,
                channel=message.channel,
                external_id=message.user_id,
                display_name=message.user_name,
                now=now,
            )
        links = (
            []
            if message.is_private
            else chat_links.chat_links(session, channel=message.channel, chat_id=message.chat_id)
        )
        return Turn(
            app=self.app,
            message=message,
            session=session,
            person=person,
            links=links,
            pending=self.pending,
            now=now,
        )

    def _dispatch(self, turn: Turn) -> Response:
        message = turn.message
        text = nfc(message.text or "").strip()
        if message.action:
            if not turn.is_known:
                return Response(toast=_not_linked_toast())
            return handle_action(turn, message.action)
        parsed = parse_command(text, self.registry.aliases) if text else None
        if message.file is not None:
            if not turn.is_known:
                # Files shared in a group the bot does not serve are none of its business.
                return self._not_linked(turn) if message.is_private else Response()
            stored = handle_file(turn, parsed)
            if parsed is not None and parsed.name == "done" and stored.replies:
                # "xong 12" as the caption of the proof: keep the file, then mark it done.
                number, note = split_item(parsed.args)
                if number is not None:
                    done = mark_done(turn, number, note or None)
                    return Response(replies=stored.replies + done.replies)
            return stored
        if parsed is not None and parsed.name:
            command = self.registry.commands[parsed.name]
            if parsed.slashed or message.is_private or self._about_an_item(turn, command, parsed):
                return self._run(turn, command, parsed)
        elif parsed is not None and parsed.slashed:
            # An unknown /command: in a group it may be meant for another bot.
            if message.is_private:
                return Response(replies=say("unknown", known=turn.is_known))
            return Response()
        return self._free_text(turn, text)

    @staticmethod
    def _about_an_item(turn: Turn, command: Command, parsed: ParsedCommand) -> bool:
        """ "xong 12", or "vướng mắc chờ số liệu" replying to a reminder: meant for the bot."""
        if not command.item_command:
            return False
        if turn.chosen is not None or split_item(parsed.args)[0] is not None:
            return True
        return bool(replied_items(turn))

    def _run(self, turn: Turn, command: Command, parsed: ParsedCommand) -> Response:
        if command.access != Access.ANYONE and not turn.is_known:
            if parsed.slashed or turn.message.is_private:
                return self._not_linked(turn)
            return Response()
        if command.access == Access.LEADER and not turn.reads_everything:
            raise UserFacingError(texts.text("chat", "leaders_only"))
        if command.access == Access.ADMIN and not turn.is_admin:
            raise UserFacingError(texts.text("chat", "admins_only"))
        if command.name != "blocked":
            # Another command: the person moved on, the next words are no longer a reason.
            turn.pending.take(turn.key, pending.BLOCKED_REASON)
        if turn.chosen is None:
            # Nor an answer to "which item?".
            turn.pending.take(turn.key, pending.PICK)
        try:
            if not parsed.slashed and not turn.message.is_private:
                # Typed without a slash in a group: a mistake is ignored rather than scolded.
                try:
                    return command.run(turn, parsed.args)
                except UserFacingError as exc:
                    raise _Quiet from exc
                except NeedsChoice as ask:
                    # "xong 2 cái rồi" is chatter; a slip in a long number is worth a question.
                    if ask.missed is not None and ask.missed < NEAR_MISS_IN_GROUPS:
                        raise _Quiet from ask
                    raise
            return command.run(turn, parsed.args)
        except NeedsConfirmation as ask:
            # Yes/no first, naming the item and its period: a number typed from the plan
            # must not change another item unasked.
            turn.pending.expect(
                turn.key, pending.CONFIRM, ask.item.id, nfc(turn.message.text or "")
            )
            return Response(
                replies=say(
                    "confirm_item",
                    item=item_view(ask.item, turn.app.clock),
                    occurrence_id=ask.item.id,
                )
            )

    def _free_text(self, turn: Turn, text: str) -> Response:
        """Text that is no command: a reply to a reminder, a reason asked for, "12 đã nộp"."""
        message = turn.message
        if not turn.is_known:
            return self._not_linked(turn) if message.is_private else Response()
        if turn.chosen is not None:
            return self._note_on(turn, *turn.chosen)
        answer = fold(text).strip(" .!")
        picked = self._picked(turn, answer)
        if picked is not None:
            return picked
        if answer in YES or answer in NO:
            confirmed = turn.pending.take_text(turn.key, pending.CONFIRM)
            if confirmed is not None and answer in YES:
                turn.confirmed = True
                turn.message = replace(turn.message, text=confirmed)
                return self._dispatch(turn)
            if confirmed is not None:
                return Response(replies=say("confirm_dropped"))
        replied = replied_items(turn)
        if replied:
            line = line_of(turn, replied, text)
            return Response() if line is None else self._note_on(turn, line, text)
        reason_for = turn.pending.take(turn.key, pending.BLOCKED_REASON)
        if reason_for is not None:
            item = turn.changeable_item(reason_for)
            item = change(turn, item, status=Status.BLOCKED, note=text)
            return changed_reply(turn, item, note=text)
        number, rest = split_item(text)
        # "12 người đã đến" in a group is chatter, not a note on item 12.
        if number is not None and rest and message.is_private:
            return self._note_on(turn, find_item(turn, number, rest).id, rest)
        if message.is_private:
            suggestion = did_you_mean(text, self.registry.aliases)
            return Response(replies=say("unknown", known=True, suggestion=suggestion))
        return Response()

    def _note_on(self, turn: Turn, occurrence_id: int, text: str) -> Response:
        """Words about an item: done phrases finish it, "80%" reports progress, else a note."""
        if not text:
            raise UserFacingError(texts.text("chat", "note_needs_text"))
        if means_done(text):
            return mark_done(turn, occurrence_id, text)
        percent, rest = split_percent(text)
        item = turn.changeable_item(occurrence_id)
        if percent is not None and percent <= 100 and _LEADING_PERCENT.match(text):
            item = change(turn, item, status=Status.IN_PROGRESS, percent=percent, note=rest or None)
            return changed_reply(turn, item, note=rest or None)
        item = change(turn, item, status=None, note=text)
        return changed_reply(turn, item, note=text, note_only=True)

    def _picked(self, turn: Turn, answer: str) -> Response | None:
        """The answer to "which item?": a number of the list (or "có" to a list of one)
        runs the message kept with the question on that item; "không" drops it."""
        choices = turn.pending.pick_choices(turn.key)
        if not choices:
            return None
        number = item_ref(answer)
        chosen: int | None = None
        if number is not None and 1 <= number <= len(choices):
            chosen = choices[number - 1]
        elif number is not None and number in choices:
            chosen = number
        elif answer in YES and len(choices) == 1:
            chosen = choices[0]
        if chosen is None and answer not in NO:
            return None
        # Another message of this person may have asked anew meanwhile (another worker):
        # the answer is for the question looked at, or for none.
        taken = turn.pending.take_pick(turn.key, choices)
        if taken is None:
            return None
        if chosen is None:
            return Response(replies=say("confirm_dropped"))
        message, rest = taken
        turn.message = message
        # Picked by the person from the list: no second question about it.
        turn.chosen, turn.confirmed = (chosen, rest), True
        return self._dispatch(turn)

    def _not_linked(self, turn: Turn) -> Response:
        return Response(replies=say("not_linked", private=turn.message.is_private))


YES = frozenset({"co", "dung", "dong y", "ok", "yes", "u", "uh", "vang", "da"})
NO = frozenset({"khong", "ko", "k", "no", "thoi", "huy"})


def did_you_mean(text: str, aliases: dict[tuple[str, ...], str]) -> str | None:
    """ "xongg 12" → "xong 12": a near miss of a one-word command followed by a number."""
    words = nfc(text).split()
    if len(words) < 2 or split_item(" ".join(words[1:]))[0] is None:
        return None
    first = fold(words[0].lstrip("/"))
    single = sorted(" ".join(key) for key in aliases if len(key) == 1 and len(key[0]) > 2)
    close = difflib.get_close_matches(first, single, n=1, cutoff=0.75)
    return " ".join([close[0], *words[1:]]) if close else None


def _chat_back(session: Session, message: IncomingMessage, now: datetime) -> None:
    person = identities.person_for_identity(
        session, channel=message.channel, external_id=message.user_id
    )
    if person is not None:
        membership.chat_back(
            session, person=person, channel=message.channel, chat_id=message.chat_id, now=now
        )


def _not_linked_toast() -> str:
    return render("chat/not_linked_toast.html")
