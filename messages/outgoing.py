"""Channel-neutral outgoing messages: every channel adapter turns these into its own calls."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path


@dataclass(frozen=True)
class Button:
    """An inline button; `action` is an opaque string the core understands (e.g. "done:42")."""

    label: str
    action: str


@dataclass(frozen=True)
class Attachment:
    path: Path
    file_name: str
    mime_type: str | None = None
    # Channels that cannot send files (Zalo) fall back to the caption text.
    is_photo: bool = False
    # An illustration of the text (a chart): channels that cannot show it send the text alone,
    # without the "get this file elsewhere" note a real document deserves.
    optional: bool = False


@dataclass(frozen=True)
class OutgoingMessage:
    """Text in the channel's format (`html` for Telegram, plain otherwise), optional buttons/file.

    `occurrence_id` ties the sent message to the item it speaks of, so that a reply or a
    button press on it can be applied to that item.
    """

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    attachment: Attachment | None = None
    html: bool = False
    occurrence_id: int | None = None
    extra: dict[str, str] = field(default_factory=dict)
    # A short typed alternative to the buttons ("hoặc gõ: xong 1453"), in the text's format.
    # Only channels that show the buttons add it; the others print their own line of typed
    # replies in place of the buttons, and the same advice twice would be noise.
    button_note: str | None = None
    # The items of a message listing several, one per line in order (a check-in): a reply to
    # it may name a line, and a reply naming none is asked which.
    listed: tuple[int, ...] = ()


def with_button_note(message: OutgoingMessage) -> OutgoingMessage:
    """The message as a channel showing its buttons sends it: the note under the text."""
    if not message.button_note or not message.buttons:
        return message
    text = f"{message.text.rstrip()}\n\n{message.button_note}"
    return replace(message, text=text, button_note=None)
