"""What a rule says when it refuses its input: a code and the values, never a sentence.

`UserFacingError` lives on this lowest floor so that one `except UserFacingError` on any floor
catches a refusal of a rule as well as a sentence raised above; `messages.errors.user_message`
turns either into the Vietnamese sentence a person reads.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An error a person can fix; `message` is the sentence shown, already in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class RuleError(UserFacingError):
    """A rule refused its input. `code` is "area.name" of the catalogue message that explains
    it (messages/templates/texts/<area>.txt), `values` fill it in."""

    def __init__(self, code: str, /, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values

    def __str__(self) -> str:
        # Logs only: what a person reads is rendered by messages.errors.user_message.
        details = ", ".join(f"{key}={value!r}" for key, value in self.values.items())
        return f"{self.code}({details})"
