"""Who a sent notification went to, by name, for the operator's view of a tick."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from storage.models import Notification, Unit


def audience_names(session: Session, *, notification_ids: Iterable[int]) -> dict[int, str | None]:
    """Notification id → the unit's name; None for the leaders' chat (or a unit now gone)."""
    ids = list(notification_ids)
    if not ids:
        return {}
    rows = session.exec(
        select(Notification.id, Unit.name)
        .join(Unit, col(Unit.id) == col(Notification.unit_id), isouter=True)
        .where(col(Notification.id).in_(ids))
    ).all()
    return {int(row_id): name for row_id, name in rows if row_id is not None}
