"""Errors whose message is meant for the user, in Vietnamese, and says what to fix.

Rules below this floor refuse with a `RuleError` (a code and values); `user_message` is where
that becomes the catalogue's sentence, at the boundary that shows it.
"""

from __future__ import annotations

from messages import texts
from scheduler.errors import RuleError, UserFacingError

__all__ = ["ConfigurationError", "RuleError", "UserFacingError", "user_message"]


class ConfigurationError(UserFacingError):
    """A setting is missing or wrong; start-up stops with one sentence naming it."""


def user_message(error: UserFacingError) -> str:
    """The sentence a person reads for `error`: a rule's code rendered from the catalogue."""
    if isinstance(error, RuleError):
        area, name = error.code.split(".", 1)
        return texts.text(area, name, **error.values)
    return error.message
