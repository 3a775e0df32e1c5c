"""Chat channels at the edge; `build_senders` gives the reminder engine one sender per channel."""

from __future__ import annotations

from bot.context import AppContext
from bot.engine.sender import Sender


def build_senders(app: AppContext) -> dict[str, Sender]:
    """A sender for every configured channel; the console always prints what it is given.

    Rows for a channel with no sender stay in the outbox until that channel is configured:
    they are never marked sent without being delivered.
    """
    from bot.channels.console_sender import ConsoleSender

    senders: dict[str, Sender] = {"console": ConsoleSender()}
    token = app.settings.telegram_bot_token
    if token is not None and token.get_secret_value().strip():
        from bot.channels.telegram import sender_from_settings

        senders["telegram"] = sender_from_settings(app.settings)
    from bot.channels.zalo.runner import zalo_sender

    zalo = zalo_sender(app)
    if zalo is not None:
        senders["zalo"] = zalo
    return senders
