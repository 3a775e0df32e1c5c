"""The Telegram channel: python-telegram-bot at the edge, the conversation core inside."""

from bot.channels.telegram.runner import (
    TelegramRunner,
    build_application,
    build_bot,
    sender_from_settings,
)
from bot.channels.telegram.sender import TelegramSender

__all__ = [
    "TelegramRunner",
    "TelegramSender",
    "build_application",
    "build_bot",
    "sender_from_settings",
]
