"""Building blocks for conversation tests: an app on the test database and a small plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.context import AppContext
from bot.core.protocol import IncomingFile, IncomingMessage
from bot.settings import Settings
from scheduler.clock import ManualClock
from storage.models import Assignment, Occurrence, Plan, Task, Unit
from storage.units import unit_key


def make_app(engine: Engine, clock: ManualClock, files_dir: Path, **settings: object) -> AppContext:
    values: dict[str, object] = {"database_url": "sqlite://", "files_dir": files_dir}
    values.update(settings)
    return AppContext(
        settings=Settings(**values),  # type: ignore[arg-type]
        engine=engine,
        clock=clock,
        files_dir=files_dir,
    )


@dataclass
class World:
    unit_a: int
    unit_b: int
    plan: int
    # occurrence ids
    late_a: int  # unit A, due 2024-03-05 (overdue on 2024-03-11)
    week_a: int  # unit A, due 2024-03-15
    later_a: int  # unit A, due 2024-04-20
    open_a: int  # unit A, continuous duty (no date)
    item_b: int  # unit B, due 2024-03-08 (overdue)


def add_unit(session: Session, name: str, now: datetime) -> Unit:
    unit = Unit(name=name, folded_name=unit_key(name), created_at=now)
    session.add(unit)
    session.flush()
    return unit


def build_world(engine: Engine, now: datetime) -> World:
    with Session(engine) as session:
        unit_a = add_unit(session, "Văn phòng Sở", now)
        unit_b = add_unit(session, "Phòng Tổ chức cán bộ", now)
        plan = Plan(
            code="KH-01/2024", title="Kế hoạch CCHC 2024", year=2024, created_at=now, updated_at=now
        )
        session.add(plan)
        session.flush()

        def occurrence(number: str, title: str, unit: Unit, due: date | None) -> int:
            task = Task(
                plan_id=plan.id or 0,
                number=number,
                position=int(number),
                title=title,
                deadline_text="Quý I/2024" if due else "Thường xuyên",
                created_at=now,
                updated_at=now,
            )
            session.add(task)
            session.flush()
            assignment = Assignment(task_id=task.id or 0, unit_id=unit.id or 0)
            session.add(assignment)
            session.flush()
            occ = Occurrence(
                assignment_id=assignment.id or 0,
                period_key="2024-Q1",
                period_label="Quý I/2024",
                nominal_due=due,
                effective_due=due,
                kind="once" if due else "continuous",
            )
            session.add(occ)
            session.flush()
            return occ.id or 0

        world = World(
            unit_a=unit_a.id or 0,
            unit_b=unit_b.id or 0,
            plan=plan.id or 0,
            late_a=occurrence("1", "Báo cáo CCHC quý I", unit_a, date(2024, 3, 5)),
            week_a=occurrence("2", "Rà soát thủ tục hành chính", unit_a, date(2024, 3, 15)),
            later_a=occurrence("3", "Tự đánh giá chỉ số CCHC", unit_a, date(2024, 4, 20)),
            open_a=occurrence("4", "Tuyên truyền CCHC <thường xuyên>", unit_a, None),
            item_b=occurrence("5", "Kiện toàn tổ chức bộ máy", unit_b, date(2024, 3, 8)),
        )
        session.commit()
        return world


def private(
    user_id: str,
    text: str = "",
    *,
    name: str = "Nguyễn Văn An",
    channel: str = "telegram",
    **kwargs: object,
) -> IncomingMessage:
    return IncomingMessage(
        channel=channel,
        chat_id=user_id,
        user_id=user_id,
        user_name=name,
        text=text,
        is_private=True,
        **kwargs,
    )  # type: ignore[arg-type]


def group(
    chat_id: str,
    user_id: str,
    text: str = "",
    *,
    name: str = "Trần Thị Bình",
    channel: str = "telegram",
    **kwargs: object,
) -> IncomingMessage:
    return IncomingMessage(
        channel=channel,
        chat_id=chat_id,
        user_id=user_id,
        user_name=name,
        text=text,
        is_private=False,
        **kwargs,
    )  # type: ignore[arg-type]


def incoming_file(
    directory: Path, name: str, content: bytes, mime_type: str | None = "application/pdf"
) -> IncomingFile:
    path = directory / f"upload-{name}"
    path.write_bytes(content)
    return IncomingFile(path=path, file_name=name, mime_type=mime_type, size=len(content))
