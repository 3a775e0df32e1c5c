"""Logging for long-running commands: readable lines on stderr, and never a token."""

from __future__ import annotations

import logging

from bot.settings import Settings

# These libraries put request URLs in their records, and Telegram URLs contain the token.
_CHATTY_LOGGERS = ("httpx", "httpcore", "telegram", "apscheduler", "tornado.access")


class RedactSecrets(logging.Filter):
    """Replaces each secret in the formatted message (and traceback text) with «***»."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = [secret for secret in secrets if len(secret) >= 6]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = self._clean(record.getMessage())
        if record.exc_info and record.exc_info[1] is not None:
            # Format the traceback here, so the cleaned text is what the handler prints.
            trace = logging.Formatter().formatException(record.exc_info)
            message = f"{message}\n{self._clean(trace)}"
            record.exc_info = None
            record.exc_text = None
        record.msg, record.args = message, None
        return True

    def _clean(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text


def secrets_of(settings: Settings) -> list[str]:
    values = [
        settings.telegram_bot_token,
        settings.telegram_webhook_secret,
        settings.zalo_bot_token,
        settings.zalo_webhook_secret,
    ]
    return [value.get_secret_value() for value in values if value is not None]


def configure_logging(settings: Settings, *, level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets_of(settings)))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in _CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
