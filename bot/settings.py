"""Configuration from environment variables and an optional `.env` file."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from messages import texts
from messages.errors import ConfigurationError

DEFAULT_DATABASE_URL = "sqlite:///data/nhacviec.db"


def _env(name: str) -> AliasChoices:
    return AliasChoices(name, name.lower())


class Settings(BaseSettings):
    """Every setting names its environment variable; secrets are SecretStr and never printed."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    database_url: str = Field(DEFAULT_DATABASE_URL, validation_alias=_env("NHACVIEC_DATABASE_URL"))
    timezone: str = Field("Asia/Ho_Chi_Minh", validation_alias=_env("NHACVIEC_TIMEZONE"))
    files_dir: Path = Field(Path("data/files"), validation_alias=_env("NHACVIEC_FILES_DIR"))
    # Telegram or Zalo user ids (comma-separated) that are admins from the first start.
    admin_ids: str = Field("", validation_alias=_env("NHACVIEC_ADMIN_IDS"))
    reminder_hour: int = Field(8, ge=0, le=23, validation_alias=_env("NHACVIEC_REMINDER_HOUR"))
    max_upload_mb: int = Field(20, ge=1, le=2000, validation_alias=_env("NHACVIEC_MAX_UPLOAD_MB"))

    telegram_bot_token: SecretStr | None = Field(None, validation_alias=_env("TELEGRAM_BOT_TOKEN"))
    # Without the @; used to print t.me deep links for invite codes.
    telegram_bot_username: str | None = Field(None, validation_alias=_env("TELEGRAM_BOT_USERNAME"))
    telegram_api_base_url: str = Field(
        "https://api.telegram.org/bot", validation_alias=_env("TELEGRAM_API_BASE_URL")
    )
    telegram_file_base_url: str | None = Field(
        None, validation_alias=_env("TELEGRAM_FILE_BASE_URL")
    )
    telegram_webhook_url: str | None = Field(None, validation_alias=_env("TELEGRAM_WEBHOOK_URL"))
    telegram_webhook_secret: SecretStr | None = Field(
        None, validation_alias=_env("TELEGRAM_WEBHOOK_SECRET")
    )
    telegram_webhook_listen: str = Field(
        "0.0.0.0:8443", validation_alias=_env("TELEGRAM_WEBHOOK_LISTEN")
    )

    zalo_bot_token: SecretStr | None = Field(None, validation_alias=_env("ZALO_BOT_TOKEN"))
    zalo_api_base_url: str = Field(
        "https://bot-api.zaloplatforms.com/bot", validation_alias=_env("ZALO_API_BASE_URL")
    )
    zalo_webhook_url: str | None = Field(None, validation_alias=_env("ZALO_WEBHOOK_URL"))
    zalo_webhook_secret: SecretStr | None = Field(
        None, validation_alias=_env("ZALO_WEBHOOK_SECRET")
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            from messages import texts  # only on this error: templates load slowly

            raise ValueError(texts.text("database", "timezone_unknown")) from exc
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def admin_id_list(self) -> list[str]:
        return [part.strip() for part in self.admin_ids.split(",") if part.strip()]


_ENV_NAMES = {
    "database_url": "NHACVIEC_DATABASE_URL",
    "timezone": "NHACVIEC_TIMEZONE",
    "files_dir": "NHACVIEC_FILES_DIR",
    "admin_ids": "NHACVIEC_ADMIN_IDS",
    "reminder_hour": "NHACVIEC_REMINDER_HOUR",
    "max_upload_mb": "NHACVIEC_MAX_UPLOAD_MB",
    "telegram_bot_token": "TELEGRAM_BOT_TOKEN",
    "telegram_bot_username": "TELEGRAM_BOT_USERNAME",
    "telegram_api_base_url": "TELEGRAM_API_BASE_URL",
    "telegram_file_base_url": "TELEGRAM_FILE_BASE_URL",
    "telegram_webhook_url": "TELEGRAM_WEBHOOK_URL",
    "telegram_webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
    "telegram_webhook_listen": "TELEGRAM_WEBHOOK_LISTEN",
    "zalo_bot_token": "ZALO_BOT_TOKEN",
    "zalo_api_base_url": "ZALO_API_BASE_URL",
    "zalo_webhook_url": "ZALO_WEBHOOK_URL",
    "zalo_webhook_secret": "ZALO_WEBHOOK_SECRET",
}


def load_settings(**overrides: object) -> Settings:
    """Read settings; a wrong value becomes one Vietnamese sentence naming the variable.

    The offending value is never echoed, because it may be a token.
    """
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        name = _ENV_NAMES.get(field, field.upper())
        raise ConfigurationError(
            texts.text("settings", "invalid", name=name, reason=_reason(first))
        ) from None


def _reason(error: object) -> str:
    kind = error.get("type", "") if isinstance(error, dict) else ""
    if kind == "value_error" and isinstance(error, dict):
        # Our own validators say what to write; their words never contain the value.
        given = error.get("ctx", {}).get("error")
        return str(given) if given is not None else texts.text("settings", "reason_unusable")
    if kind in ("int_parsing", "greater_than_equal", "less_than_equal"):
        return texts.text("settings", f"reason_{kind}")
    return texts.text("settings", "reason_unusable")
