"""Older names of the item read model, kept for the reminder engine and the unit lists.

New code reads `storage.items` (the query, the live-item rule, the unit tally) and
`scheduler.tally` (the completion rule) directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from zoneinfo import ZoneInfo

from sqlmodel import Session

from messages import texts
from scheduler.clock import VIETNAM_TZ
from scheduler.items import Item as ItemView
from scheduler.tally import Tally as UnitSummary
from scheduler.tally import combine as _combine
from storage.items import (
    due_between,
    item_order,
    items_by_ids,
    live_item_filter,
    overdue_items,
    plan_ids_for_year,
    unit_items,
    unit_tallies,
    week_end,
)

__all__ = [
    "ItemView",
    "UnitSummary",
    "combine",
    "due_between",
    "item_order",
    "items_by_ids",
    "live_item_filter",
    "overdue_items",
    "plan_ids_for_year",
    "unit_items",
    "unit_summaries",
    "week_end",
]


def combine(summaries: Iterable[UnitSummary], *, name: str | None = None) -> UnitSummary:
    """The totals row ("Tổng cộng" unless named)."""
    return _combine(summaries, name=texts.text("storage", "totals_row") if name is None else name)


def unit_summaries(
    session: Session,
    *,
    today: date,
    plan_id: int | None = None,
    unit_id: int | None = None,
    due_until: date | None = None,
    tz: ZoneInfo = VIETNAM_TZ,
) -> list[UnitSummary]:
    """Per-unit tallies of every live item.

    `due_until` is accepted for older callers and not applied: completion is done over due
    so far whatever the view, so a digest cut at today would count other items than `/status`.
    """
    del due_until
    return unit_tallies(session, today=today, plan_id=plan_id, unit_id=unit_id, tz=tz)
