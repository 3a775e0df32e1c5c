"""Turning templates into outgoing chat messages (Telegram-HTML; plain channels strip tags)."""

from __future__ import annotations

from typing import Any

from messages.buttons import Buttons, label
from messages.outgoing import Attachment, Button, OutgoingMessage
from messages.render import render
from messages.split import TELEGRAM_LIMIT, split_text


def say(
    template: str,
    *,
    buttons: Buttons = (),
    occurrence_id: int | None = None,
    attachment: Attachment | None = None,
    **context: Any,
) -> tuple[OutgoingMessage, ...]:
    """Render `chat/<template>.html`; long texts become several messages, buttons on the last."""
    text = render(f"chat/{template}.html", **context)
    pieces = split_text(text, TELEGRAM_LIMIT)
    messages = [
        OutgoingMessage(text=piece, html=True, occurrence_id=occurrence_id) for piece in pieces
    ]
    last = messages[-1]
    messages[-1] = OutgoingMessage(
        text=last.text,
        html=True,
        occurrence_id=occurrence_id,
        buttons=buttons,
        attachment=attachment,
    )
    return tuple(messages)


def one(
    template: str,
    *,
    buttons: Buttons = (),
    occurrence_id: int | None = None,
    **context: Any,
) -> OutgoingMessage:
    """A message that must stay one (an edited reminder): cut at the limit if ever too long."""
    text = render(f"chat/{template}.html", **context)
    return OutgoingMessage(
        text=split_text(text, TELEGRAM_LIMIT)[0],
        html=True,
        buttons=buttons,
        occurrence_id=occurrence_id,
    )


def percent_buttons(occurrence_id: int) -> Buttons:
    return (
        # Not "progress:": plain channels turn those into typed hints, and these have none.
        tuple(Button(f"{value}%", f"percent:{occurrence_id}:{value}") for value in (25, 50, 75)),
        (
            Button(label("done"), f"done:{occurrence_id}"),
            Button(label("blocked"), f"blocked:{occurrence_id}"),
        ),
    )
