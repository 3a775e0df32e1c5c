"""python-telegram-bot handlers that pass every update to the conversation core and back."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

from telegram import Bot, ChatMember, Message, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.channels.telegram import outgoing
from bot.channels.telegram.incoming import (
    FileTooLarge,
    announced_file,
    command_text,
    download,
    has_file,
    to_incoming,
)
from bot.core.protocol import IncomingFile, IncomingMessage, Response
from messages.errors import UserFacingError, user_message
from messages.outgoing import OutgoingMessage
from messages.render import render
from scheduler.vocabulary import Channel

log = logging.getLogger(__name__)

_TOAST_LIMIT = 200  # characters answerCallbackQuery shows
# How long the core waits for a file it asked for (20 MB over a slow line).
DOWNLOAD_TIMEOUT_SECONDS = 300


class ConversationPort(Protocol):
    """The part of the conversation core a chat channel talks to."""

    async def handle(self, message: IncomingMessage) -> Response: ...

    def on_bot_removed(self, channel: str, chat_id: str) -> Awaitable[None] | None: ...

    def on_member_left(
        self, channel: str, chat_id: str, user_id: str
    ) -> Awaitable[None] | None: ...

    def on_chat_migrated(
        self, channel: str, old_chat_id: str, new_chat_id: str
    ) -> Awaitable[None] | None: ...

    def remember_sent(
        self, channel: str, chat_id: str, message_id: str, occurrence_id: int
    ) -> Awaitable[None] | None: ...


class TelegramBridge:
    """Turns updates into `IncomingMessage`s and the core's `Response` into Bot API calls."""

    def __init__(self, conversation: ConversationPort, *, max_upload_bytes: int) -> None:
        self._conversation = conversation
        self._max_upload_bytes = max_upload_bytes

    def register(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        application.add_handler(
            MessageHandler(filters.StatusUpdate.LEFT_CHAT_MEMBER, self.on_member_left)
        )
        application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, self.on_migrated))
        application.add_handler(
            MessageHandler(
                (filters.TEXT | filters.COMMAND | filters.Document.ALL | filters.PHOTO)
                & ~filters.UpdateType.EDITED,
                self.on_message,
            )
        )
        application.add_handler(CallbackQueryHandler(self.on_button))
        application.add_handler(
            ChatMemberHandler(self.on_bot_status, ChatMemberHandler.MY_CHAT_MEMBER)
        )
        application.add_error_handler(self.on_error)

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A text, a command, a document or a photo from a person."""
        message = update.effective_message
        user = update.effective_user
        if message is None or user is None or user.is_bot:
            return
        text = command_text(message.text or message.caption or "", context.bot.username)
        if text is None:
            return
        bot = context.bot
        file = self._announced(bot, message) if has_file(message) else None
        incoming = to_incoming(message, user=user, text=text, bot_id=bot.id, file=file)
        response = await self._ask(incoming)
        for reply in (*response.replies, *((response.edit,) if response.edit else ())):
            await self._send(bot, str(message.chat_id), reply)

    def _announced(self, bot: Bot, message: Message) -> IncomingFile:
        """The message's file, to be fetched only if the core asks for it (from its thread)."""
        file_id, name, size, mime_type = announced_file(message)
        loop = asyncio.get_running_loop()
        limit = self._max_upload_bytes

        def fetch(directory: Path) -> Path:
            if _on_loop(loop):
                raise RuntimeError("download() blocks: call it from a worker thread")
            future = asyncio.run_coroutine_threadsafe(
                download(bot, file_id, size, max_bytes=limit, directory=directory), loop
            )
            try:
                return future.result(timeout=DOWNLOAD_TIMEOUT_SECONDS)
            except FileTooLarge as exc:
                raise UserFacingError(_too_large(exc)) from None
            except (TelegramError, TimeoutError) as exc:
                log.warning("file download failed in chat %s: %s", message.chat_id, exc)
                raise UserFacingError(render("telegram/file_unavailable.txt")) from None

        return IncomingFile(path=None, file_name=name, mime_type=mime_type, size=size, fetch=fetch)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A press on an inline button: the core decides, the pressed message shows the result."""
        query = update.callback_query
        if query is None:
            return
        target = query.message if isinstance(query.message, Message) else None
        if target is None or not query.data:
            # Too old for Telegram to show us the message: nothing can be edited.
            await query.answer()
            return
        incoming = IncomingMessage(
            channel=Channel.TELEGRAM.value,
            chat_id=str(target.chat_id),
            user_id=str(query.from_user.id),
            user_name=query.from_user.full_name,
            is_private=target.chat.type == "private",
            reply_to_message_id=str(target.message_id),
            action=query.data,
        )
        response = await self._ask(incoming)
        # Answer first: Telegram shows a spinner on the button until it is answered.
        toast = (response.toast or "")[:_TOAST_LIMIT] or None
        await query.answer(text=toast)
        if response.edit is not None:
            await outgoing.edit(context.bot, target, response.edit)
        for reply in response.replies:
            await self._send(context.bot, str(target.chat_id), reply)

    async def on_bot_status(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The bot was removed from a group or blocked in a private chat."""
        change = update.my_chat_member
        if change is None:
            return
        if change.new_chat_member.status in (ChatMember.LEFT, ChatMember.BANNED):
            await _off_loop(
                self._conversation.on_bot_removed, Channel.TELEGRAM.value, str(change.chat.id)
            )

    async def on_member_left(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Someone left a linked group (the bot's own leaving comes as my_chat_member)."""
        message = update.effective_message
        if message is None or message.left_chat_member is None:
            return
        left = message.left_chat_member
        if left.id == context.bot.id:
            return
        await _off_loop(
            self._conversation.on_member_left,
            Channel.TELEGRAM.value,
            str(message.chat_id),
            str(left.id),
        )

    async def on_migrated(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A group became a supergroup and got a new id; its links must follow.

        Telegram announces it in both chats; handling both is harmless and covers the case
        where one of the two messages is missed.
        """
        message = update.effective_message
        if message is None:
            return
        if message.migrate_to_chat_id is not None:
            old, new = message.chat_id, message.migrate_to_chat_id
        elif message.migrate_from_chat_id is not None:
            old, new = message.migrate_from_chat_id, message.chat_id
        else:
            return
        await _off_loop(
            self._conversation.on_chat_migrated, Channel.TELEGRAM.value, str(old), str(new)
        )

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log with the chat, and tell the person something went wrong instead of silence."""
        log.error("update failed", exc_info=context.error)
        if not isinstance(update, Update):
            return
        if update.callback_query is not None:
            with contextlib.suppress(TelegramError):
                notice = render("channels/internal_error.txt")[:_TOAST_LIMIT]
                await update.callback_query.answer(text=notice)
            return
        chat = update.effective_chat
        if chat is not None and update.effective_message is not None:
            with contextlib.suppress(TelegramError):
                await context.bot.send_message(
                    chat_id=chat.id, text=render("channels/internal_error.txt")
                )

    async def _ask(self, incoming: IncomingMessage) -> Response:
        try:
            return await self._conversation.handle(incoming)
        except UserFacingError as exc:
            if incoming.action is not None:
                return Response(toast=user_message(exc))
            return Response(replies=(OutgoingMessage(text=user_message(exc)),))

    async def _send(self, bot: Bot, chat_id: str, message: OutgoingMessage) -> None:
        sent = await outgoing.send(bot, chat_id, message)
        if message.occurrence_id is not None:
            # A later reply to this message then applies to the item it speaks of.
            await _off_loop(
                self._conversation.remember_sent,
                Channel.TELEGRAM.value,
                chat_id,
                str(sent.message_id),
                message.occurrence_id,
            )


def _on_loop(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


def _too_large(exc: FileTooLarge) -> str:
    return render(
        "telegram/file_too_large.txt",
        size_mb=_megabytes(exc.size),
        limit_mb=_megabytes(exc.limit),
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


async def _off_loop(call: Callable[..., Awaitable[None] | None], *args: str | int) -> None:
    """Run a core callback (a database write) in a worker thread, not on the event loop."""
    result = await asyncio.to_thread(call, *args)
    if inspect.isawaitable(result):
        await result
