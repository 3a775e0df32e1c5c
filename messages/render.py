"""Jinja2 rendering of every user-facing text; undefined variables are errors."""

from __future__ import annotations

from collections.abc import Callable
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


def template_environment(*, autoescape: bool | Callable[[str | None], bool]) -> Environment:
    """The settings every template of messages/templates is read with (the chat texts here,
    the Word draft's in messages/report_docx.py): undefined variables are errors, block tags
    take no line of their own, dates are written the Vietnamese way."""
    env = Environment(
        loader=PackageLoader("messages", "templates"),
        undefined=StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["vn_date"] = vn_date
    return env


@lru_cache(maxsize=1)
def environment() -> Environment:
    # Telegram templates (*.html) escape user text; plain-text templates do not need to.
    env = template_environment(
        autoescape=select_autoescape(enabled_extensions=("html",), default=False)
    )
    env.filters["vn_datetime"] = vn_datetime
    env.filters["cell_line"] = cell_line
    return env


def render(template: str, **context: Any) -> str:
    """Render a named template from messages/templates to NFC text without trailing blanks."""
    text = environment().get_template(template).render(**context)
    return nfc(text).strip()
