"""Turning templates into outgoing chat messages (Telegram-HTML; plain channels strip tags)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from messages.outgoing import Attachment, Button, OutgoingMessage
from messages.render import environment, render
from messages.split import TELEGRAM_LIMIT, split_text
from scheduler.folding import nfc

Buttons = tuple[tuple[Button, ...], ...]


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


@lru_cache(maxsize=1)
def _labels() -> Any:
    return environment().get_template("chat/labels.txt").module


def label(name: str) -> str:
    """A short fixed text (button caption) from messages/templates/chat/labels.txt."""
    return nfc(str(getattr(_labels(), name)))


def item_buttons(occurrence_id: int) -> Buttons:
    """The buttons every reminder carries; the reminder engine uses the same ones."""
    return (
        (
            Button(label("done"), f"done:{occurrence_id}"),
            Button(label("progress"), f"progress:{occurrence_id}"),
        ),
        (
            Button(label("blocked"), f"blocked:{occurrence_id}"),
            Button(label("evidence"), f"evidence:{occurrence_id}"),
        ),
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
