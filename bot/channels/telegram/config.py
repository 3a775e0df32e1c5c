"""Where the Bot API lives and how the webhook listens, read from the settings."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.settings import Settings
from messages.errors import ConfigurationError
from messages.render import render

OFFICIAL_API_BASE_URL = "https://api.telegram.org/bot"
# Bots may download at most 20 MB from the official server; a self-hosted one has no such cap.
OFFICIAL_DOWNLOAD_LIMIT = 20 * 1024 * 1024


def file_base_url(api_base_url: str, explicit: str | None = None) -> str:
    """The file download base: ".../bot" becomes ".../file/bot" unless set on its own."""
    if explicit:
        return explicit.rstrip("/")
    base = api_base_url.rstrip("/")
    head, sep, tail = base.rpartition("/")
    if sep and tail == "bot":
        return f"{head}/file/bot"
    raise ConfigurationError(render("telegram/config_file_url.txt"))


def download_limit(settings: Settings) -> int:
    """Bytes the bot may fetch: the upload setting, and 20 MB on the official server."""
    limit = settings.max_upload_mb * 1024 * 1024
    if settings.telegram_api_base_url.rstrip("/") == OFFICIAL_API_BASE_URL:
        limit = min(limit, OFFICIAL_DOWNLOAD_LIMIT)
    return limit


@dataclass(frozen=True)
class WebhookConfig:
    url: str
    listen: str
    port: int
    url_path: str
    secret_token: str


def webhook_config(settings: Settings) -> WebhookConfig | None:
    """None means long polling; a webhook always checks Telegram's secret-token header."""
    if not settings.telegram_webhook_url:
        return None
    url = settings.telegram_webhook_url.strip()
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ConfigurationError(render("telegram/config_webhook_url.txt"))
    host, _, port_text = settings.telegram_webhook_listen.strip().rpartition(":")
    if not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ConfigurationError(render("telegram/config_webhook_listen.txt"))
    secret = settings.telegram_webhook_secret
    # Without a configured secret a fresh one per start works: setWebhook sends it each time.
    secret_token = secret.get_secret_value() if secret else secrets.token_urlsafe(32)
    if not secret_token or len(secret_token) > 256 or not _secret_chars_ok(secret_token):
        raise ConfigurationError(render("telegram/config_webhook_secret.txt"))
    return WebhookConfig(
        url=url,
        listen=host.strip("[]"),
        port=int(port_text),
        url_path=parts.path.lstrip("/"),
        secret_token=secret_token,
    )


def _secret_chars_ok(value: str) -> bool:
    return all(ch.isascii() and (ch.isalnum() or ch in "_-") for ch in value)
