"""Writing a plan's assignments in bulk: tens of thousands per import, a few statements in all."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, insert, update
from sqlalchemy import select as select_columns
from sqlmodel import Session

from storage.models import Assignment, Task, Unit


@dataclass
class Assigned:
    """An assignment as a plain row: tens of thousands of them are read and written per import."""

    id: int | None
    role: str
    withdrawn: bool


@dataclass
class AssignmentChanges:
    new: list[tuple[int, int, Assigned]]
    updated: list[Assigned]


def current_assignments(session: Session, plan_id: int) -> dict[int, dict[int, Assigned]]:
    """Every assignment of the plan's tasks, withdrawn ones included: task id → unit id → row."""
    table = Assignment.__table__  # type: ignore[attr-defined]
    tasks = Task.__table__  # type: ignore[attr-defined]
    query = (
        select_columns(
            table.c.id, table.c.task_id, table.c.unit_id, table.c.role, table.c.withdrawn
        )
        .join(tasks, tasks.c.id == table.c.task_id)
        .where(tasks.c.plan_id == plan_id)
    )
    found: dict[int, dict[int, Assigned]] = {}
    for row in session.execute(query):
        found.setdefault(row.task_id, {})[row.unit_id] = Assigned(row.id, row.role, row.withdrawn)
    return found


def assign_units(
    task_id: int,
    current: dict[int, Assigned],
    lead: list[Unit],
    coordinating: list[Unit],
    changes: AssignmentChanges,
) -> bool:
    """Make the task's assignments match the file in `current`, noting what to write.

    Returns whether anything changed.
    """
    wanted: dict[int, str] = {}
    for unit in coordinating:
        assert unit.id is not None
        wanted[unit.id] = "coordinating"
    for unit in lead:
        assert unit.id is not None
        wanted[unit.id] = "lead"
    changed = False
    for unit_id, role in wanted.items():
        assignment = current.get(unit_id)
        if assignment is None:
            assignment = current[unit_id] = Assigned(None, role, False)
            changes.new.append((task_id, unit_id, assignment))
            changed = True
        elif assignment.role != role or assignment.withdrawn:
            assignment.role, assignment.withdrawn = role, False
            changes.updated.append(assignment)
            changed = True
    for unit_id, assignment in current.items():
        if unit_id not in wanted and not assignment.withdrawn:
            assignment.withdrawn = True
            changes.updated.append(assignment)
            changed = True
    return changed


def write_assignments(session: Session, changes: AssignmentChanges) -> None:
    """New assignments in one statement that returns their ids; changed ones by id."""
    table = Assignment.__table__  # type: ignore[attr-defined]
    if changes.new:
        rows = [
            {"task_id": task_id, "unit_id": unit_id, "role": item.role, "withdrawn": False}
            for task_id, unit_id, item in changes.new
        ]
        returning = insert(table).returning(
            table.c.id, table.c.task_id, table.c.unit_id, sort_by_parameter_order=True
        )
        returned = session.execute(returning, rows).all()
        for (_, _, item), row in zip(changes.new, returned, strict=True):
            item.id = row.id
    if changes.updated:
        statement = (
            update(table)
            .where(table.c.id == bindparam("assignment_id"))
            .values(role=bindparam("new_role"), withdrawn=bindparam("new_withdrawn"))
        )
        params = [
            {"assignment_id": a.id, "new_role": a.role, "new_withdrawn": a.withdrawn}
            for a in changes.updated
        ]
        session.execute(statement, params)
        # Assignment objects loaded earlier in the caller's session must not keep old values.
        session.expire_all()
