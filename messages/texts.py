"""Short user-facing sentences kept in a catalogue: one template per area, one macro per message.

A non-programmer edits `messages/templates/texts/<area>.txt`; the code only names the message.
"""

from __future__ import annotations

from typing import Any

from jinja2.runtime import Macro

from messages.render import environment
from scheduler.folding import nfc

TEXTS_DIR = "texts"


def catalogue_macro(area: str, name: str, /) -> Macro:
    """The macro `name` of `texts/<area>.txt`; a typo fails loudly instead of showing a blank."""
    module = environment().get_template(f"{TEXTS_DIR}/{area}.txt").module
    macro = getattr(module, name, None)
    if not isinstance(macro, Macro):
        raise LookupError(f"no message {name!r} in {TEXTS_DIR}/{area}.txt")
    return macro


def text(area: str, name: str, /, **values: Any) -> str:
    """The message `name` of `area` filled with `values`, NFC; a missing value raises."""
    rendered = str(catalogue_macro(area, name)(**values))
    # Macros are written one per line block; the newlines around the body are layout, not text.
    return nfc(rendered.strip("\n"))
