"""A fake Telegram Bot API for tests: the same wire format, served on 127.0.0.1 or in-process."""

from fake_telegram.api import FakeBotApi, RecordedCall
from fake_telegram.http import FakeTelegramServer
from fake_telegram.limits import FloodLimits
from fake_telegram.offline import OfflineRequest

__all__ = ["FakeBotApi", "FakeTelegramServer", "FloodLimits", "OfflineRequest", "RecordedCall"]
