"""Writing the audit log: every change made through a command or a chat lands here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from storage.models import AuditEntry


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: object,
    details: dict[str, Any] | None = None,
    *,
    at: datetime,
    actor: str,
    actor_person_id: int | None = None,
) -> AuditEntry:
    """Note that `actor` did `action` to the `entity` numbered `entity_id` at `at`, in the
    caller's transaction (it commits with the change itself)."""
    entry = AuditEntry(
        at=at,
        actor=actor,
        actor_person_id=actor_person_id,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        details=details,
    )
    session.add(entry)
    return entry
