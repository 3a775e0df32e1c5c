"""Neutral outgoing messages → Bot API calls: split long text, buttons, files, edits."""

from __future__ import annotations

import logging
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import MessageLimit, ParseMode
from telegram.error import BadRequest

from messages.outgoing import OutgoingMessage, with_button_note
from messages.split import TELEGRAM_LIMIT, split_text

log = logging.getLogger(__name__)

_CALLBACK_DATA_LIMIT = 64  # bytes, a Bot API limit
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def keyboard(message: OutgoingMessage) -> InlineKeyboardMarkup | None:
    if not message.buttons:
        return None
    for row in message.buttons:
        for button in row:
            if len(button.action.encode("utf-8")) > _CALLBACK_DATA_LIMIT:
                raise ValueError(f"button action longer than 64 bytes: {button.action!r}")
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(button.label, callback_data=button.action) for button in row]
            for row in message.buttons
        ]
    )


def _parse_mode(message: OutgoingMessage) -> str | None:
    return ParseMode.HTML if message.html else None


async def send(bot: Bot, chat_id: str, message: OutgoingMessage) -> Message:
    """Send one neutral message; returns the Telegram message that carries the buttons.

    Text over 4,096 characters goes out in pieces cut at line breaks, buttons on the last
    piece, so a reply to that piece still finds the item.
    """
    message = with_button_note(message)
    markup = keyboard(message)
    attachment = message.attachment
    if attachment is not None:
        caption_fits = len(message.text) <= MessageLimit.CAPTION_LENGTH
        if not caption_fits:
            await _send_text(bot, chat_id, message, None)
        caption = message.text if caption_fits and message.text else None
        # What a photo and a document take alike; only the file's own field differs.
        fields: dict[str, Any] = {
            "chat_id": chat_id,
            "filename": attachment.file_name,
            "caption": caption,
            "parse_mode": _parse_mode(message) if caption else None,
            "reply_markup": markup,
        }
        with attachment.path.open("rb") as handle:
            if attachment.is_photo:
                return await bot.send_photo(photo=handle, **fields)
            return await bot.send_document(document=handle, **fields)
    return await _send_text(bot, chat_id, message, markup)


async def _send_text(
    bot: Bot, chat_id: str, message: OutgoingMessage, markup: InlineKeyboardMarkup | None
) -> Message:
    pieces = split_text(message.text, TELEGRAM_LIMIT)
    sent: Message | None = None
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        sent = await bot.send_message(
            chat_id=chat_id,
            text=piece,
            parse_mode=_parse_mode(message),
            link_preview_options=_NO_PREVIEW,
            reply_markup=markup if last else None,
        )
    assert sent is not None
    return sent


async def edit(bot: Bot, target: Message, message: OutgoingMessage) -> None:
    """Replace the text (or caption) and the buttons of a message the bot sent earlier.

    A longer new text keeps its first piece in place and follows up with the rest.
    """
    message = with_button_note(message)
    markup = keyboard(message)
    has_caption = target.text is None and (target.document or target.photo) is not None
    limit = MessageLimit.CAPTION_LENGTH if has_caption else TELEGRAM_LIMIT
    pieces = split_text(message.text, limit)
    first_markup = markup if len(pieces) == 1 else None
    fields: dict[str, Any] = {
        "chat_id": target.chat_id,
        "message_id": target.message_id,
        "parse_mode": _parse_mode(message),
        "reply_markup": first_markup,
    }
    try:
        if has_caption:
            await bot.edit_message_caption(caption=pieces[0], **fields)
        else:
            await bot.edit_message_text(text=pieces[0], link_preview_options=_NO_PREVIEW, **fields)
    except BadRequest as exc:
        # Pressing the same button twice asks for the same content: not an error for the user.
        if "message is not modified" not in exc.message.lower():
            raise
        log.debug("edit skipped: content unchanged")
    if len(pieces) > 1:
        rest = OutgoingMessage(
            text="\n".join(pieces[1:]), buttons=message.buttons, html=message.html
        )
        await _send_text(bot, str(target.chat_id), rest, markup)
