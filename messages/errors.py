"""Errors whose message is meant for the user, in Vietnamese, and says what to fix."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error safe to show in chat or on the command line as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ConfigurationError(UserFacingError):
    """A setting is missing or wrong; start-up stops with one sentence naming it."""
