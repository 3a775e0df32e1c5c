"""Outgoing messages for channels with no formatting, no buttons and no file upload.

Zalo and the console show the same words as Telegram: tags are dropped, each button row becomes
a line of short replies the user can type instead, and a file the channel cannot carry becomes
a sentence saying where to get it. Nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from messages.outgoing import Button, OutgoingMessage
from messages.plain import html_to_plain
from messages.render import render
from messages.split import split_text

# Button actions the conversation core understands, as "kind:occurrence_id"; each has a typed
# equivalent ("xong 12") that works in every channel.
_TYPED_KINDS = ("done", "progress", "blocked", "evidence")

# `OutgoingMessage.extra` key under which a producer may give a public URL of the photo, the
# only way the Zalo Bot API accepts a picture.
PHOTO_URL_KEY = "photo_url"


@dataclass(frozen=True)
class PlainText:
    text: str


@dataclass(frozen=True)
class PlainPhoto:
    url: str
    caption: str | None = None


PlainPart = PlainText | PlainPhoto


def reply_hint(buttons: Iterable[Iterable[Button]]) -> str | None:
    """One line of typed replies standing in for the buttons, or None when none apply."""
    items: list[dict[str, str]] = []
    for row in buttons:
        for button in row:
            kind, _, ref = button.action.partition(":")
            if kind in _TYPED_KINDS and ref.strip():
                items.append({"kind": kind, "ref": ref.strip()})
    if not items:
        return None
    return render("channels/reply_hint.txt", items=items)


def plain_text(message: OutgoingMessage, *, channel_name: str, photos_by_url: bool) -> str:
    """The whole message as one plain text, before splitting."""
    text = html_to_plain(message.text) if message.html else message.text
    lines = [text.strip()] if text.strip() else []
    hint = reply_hint(message.buttons)
    if hint:
        lines.append(hint)
    attachment = message.attachment
    if (
        attachment is not None
        and not attachment.optional
        and not (photos_by_url and _photo_url(message))
    ):
        lines.append(
            render(
                "channels/file_elsewhere.txt",
                file_name=attachment.file_name,
                channel_name=channel_name,
            )
        )
    return "\n\n".join(lines)


def plain_parts(
    message: OutgoingMessage, *, limit: int, channel_name: str, photos_by_url: bool
) -> list[PlainPart]:
    """What to send, in order: the photo first when it can go by URL, then text pieces."""
    parts: list[PlainPart] = []
    url = _photo_url(message) if photos_by_url else None
    if url is not None:
        parts.append(PlainPhoto(url=url))
    text = plain_text(message, channel_name=channel_name, photos_by_url=photos_by_url)
    if text.strip():
        parts.extend(PlainText(piece) for piece in split_text(text, limit))
    return parts


def _photo_url(message: OutgoingMessage) -> str | None:
    attachment = message.attachment
    if attachment is None or not attachment.is_photo:
        return None
    url = message.extra.get(PHOTO_URL_KEY, "").strip()
    return url if url.startswith(("https://", "http://")) else None
