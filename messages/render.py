"""Jinja2 rendering of every user-facing text; undefined variables are errors."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from scheduler.folding import nfc


def vn_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy, the way Vietnamese documents write dates."""
    if value is None:
        return "—"
    return value.strftime("%d/%m/%Y")


def vn_datetime(value: datetime | None) -> str:
    if value is None:
        return "—"
    return value.strftime("%H:%M %d/%m/%Y")


def cell_line(text: str) -> str:
    """A plan cell of several lines on one line: each line's own bullet dropped, "; " between.

    Only a bullet at the start of a line goes: "Tháng 5 - tháng 10" keeps its dash.
    """
    lines = (
        line.strip().removeprefix("-").removeprefix("•").removeprefix("+").strip()
        for line in text.splitlines()
    )
    return "; ".join(line for line in lines if line)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("messages", "templates"),
        undefined=StrictUndefined,
        # Telegram templates (*.html) escape user text; plain-text templates do not need to.
        autoescape=select_autoescape(enabled_extensions=("html",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["vn_date"] = vn_date
    env.filters["vn_datetime"] = vn_datetime
    env.filters["cell_line"] = cell_line
    return env


def render(template: str, **context: Any) -> str:
    """Render a named template from messages/templates to NFC text without trailing blanks."""
    text = environment().get_template(template).render(**context)
    return nfc(text).strip()
