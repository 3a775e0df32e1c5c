"""Reminder engine at province scale, against the one-job-per-reminder approach (run by hand).

    python benchmarks/bench_engine.py --db sqlite
    python benchmarks/bench_engine.py --db postgresql://postgres@127.0.0.1:5432/test

A synthetic province: UNITS units × TASKS tasks, each assignment with 12 monthly and 4
quarterly occurrences (1,000 × 40 gives 640,000). Due days are spread over the month; by the
benchmark day (Wednesday 12/6/2024) everything due before June is done, and open items are
marked done until about 1 % of all occurrences have a notice that morning.

Measured, each with wall time and peak Python memory (tracemalloc, in a second identical run so
that tracing does not slow the timed one): materialising the year (bulk insert of the rows),
the morning tick (plan, claim, render, send to a sender that only counts, record), a steady
tick a minute later (nothing new), `agenda` for a month, and, for the same reminders of the
year, the start-up of an APScheduler scheduler holding one job per reminder.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import resource
import sys
import time
import tracemalloc
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from sqlalchemy import delete, insert, text, update
from sqlalchemy.engine import Engine

from bot.engine import ReminderEngine
from bot.engine.sender import ChatAddress, SentReceipt
from messages.outgoing import OutgoingMessage
from scheduler.clock import VIETNAM_TZ, ManualClock
from scheduler.policy import ItemState, ReminderPolicy, schedule
from scheduler.workdays import WorkCalendar
from storage.database import make_engine
from storage.migrate import upgrade
from storage.models import (
    Assignment,
    ChatLink,
    MessageRef,
    Notification,
    Occurrence,
    Plan,
    Task,
    Unit,
)
from storage.units import unit_key

DAY = date(2024, 6, 12)
MORNING = datetime(2024, 6, 12, 8, 0, tzinfo=VIETNAM_TZ)
T0 = datetime(2024, 1, 1, tzinfo=VIETNAM_TZ)
CAL = WorkCalendar()


# Telegram's published limits: about 30 messages a second overall, and in one group no more
# than 20 a minute (one a second in a private chat).
TELEGRAM_PER_SECOND = 30
TELEGRAM_GROUP_PER_MINUTE = 20


class CountingSender:
    def __init__(self) -> None:
        self.count = 0
        self.per_chat: Counter[str] = Counter()
        self.chars = 0

    @property
    def channel(self) -> str:
        return "console"

    async def send(self, address: ChatAddress, message: OutgoingMessage) -> SentReceipt:
        self.count += 1
        self.per_chat[address.chat_id] += 1
        self.chars = max(self.chars, len(message.text))
        return SentReceipt(message_id=uuid.uuid4().hex)


def telegram_seconds(per_chat: Counter[str]) -> float:
    """The least time Telegram's limits allow to deliver these messages: the overall rate, or
    the busiest group's 20 a minute, whichever is slower."""
    total = sum(per_chat.values())
    busiest = max(per_chat.values(), default=0)
    return max(total / TELEGRAM_PER_SECOND, (busiest - 1) * 60 / TELEGRAM_GROUP_PER_MINUTE)


def measure(label: str, run: Callable[[], Any], again: Callable[[], Any] | None = None) -> Any:
    """Time `run`, then run `again` (or `run`) under tracemalloc for its peak memory."""
    gc.collect()
    started = time.perf_counter()
    result = run()
    wall = time.perf_counter() - started
    gc.collect()
    tracemalloc.start()
    (again or run)()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<48} {wall * 1000:>10.1f} ms   peak {peak / 2**20:>8.1f} MiB", flush=True)
    return result


def due_dates(unit: int, task: int) -> Iterator[tuple[str, str, date]]:
    day = 1 + (unit * 40 + task) % 28
    for month in range(1, 13):
        year, due_month = (2024, month + 1) if month < 12 else (2025, 1)
        yield f"2024-M{month:02d}", f"Tháng {month:02d}/2024", date(year, due_month, day)
    for quarter in range(1, 5):
        yield f"2024-Q{quarter}", f"Quý {quarter}/2024", date(2024, quarter * 3, day)


def build(engine: Engine, units: int, tasks: int) -> int:
    """Bulk-insert the province; returns the number of occurrences."""
    effective: dict[date, date] = {}
    with engine.begin() as connection:
        connection.execute(
            insert(Plan),
            [
                {
                    "id": 1,
                    "code": "KH-TINH-2024",
                    "title": "Kế hoạch CCHC tỉnh năm 2024",
                    "year": 2024,
                    "created_at": T0,
                    "updated_at": T0,
                }
            ],
        )
        connection.execute(
            insert(Unit),
            [
                {
                    "id": u,
                    "name": f"Đơn vị số {u}",
                    "folded_name": unit_key(f"Đơn vị số {u}"),
                    "kind": "office",
                    "active": True,
                    "created_at": T0,
                }
                for u in range(1, units + 1)
            ],
        )
        connection.execute(
            insert(ChatLink),
            [
                {
                    "id": u,
                    "channel": "console",
                    "chat_id": f"chat-{u}",
                    "audience": "unit",
                    "unit_id": u,
                    "active": True,
                    "created_at": T0,
                }
                for u in range(1, units + 1)
            ]
            + [
                {
                    "id": units + 1,
                    "channel": "console",
                    "chat_id": "lanh-dao",
                    "audience": "leaders",
                    "unit_id": None,
                    "active": True,
                    "created_at": T0,
                }
            ],
        )
        connection.execute(
            insert(Task),
            [
                {
                    "id": t,
                    "plan_id": 1,
                    "number": str(t),
                    "position": t,
                    "title": f"Báo cáo định kỳ số {t}",
                    "expected_output": "Báo cáo",
                    "deadline_text": "Hằng tháng, hằng quý",
                    "deadline_kind": "recurring",
                    "withdrawn": False,
                    "created_at": T0,
                    "updated_at": T0,
                }
                for t in range(1, tasks + 1)
            ],
        )
        assignment_rows = []
        occurrence_rows: list[dict[str, Any]] = []
        count = 0
        assignment_id = 0
        occurrence_id = 0
        for u in range(1, units + 1):
            for t in range(1, tasks + 1):
                assignment_id += 1
                assignment_rows.append(
                    {
                        "id": assignment_id,
                        "task_id": t,
                        "unit_id": u,
                        "role": "lead",
                        "withdrawn": False,
                    }
                )
                for key, label, nominal in due_dates(u, t):
                    if nominal not in effective:
                        effective[nominal] = CAL.effective_due(nominal)
                    eff = effective[nominal]
                    done = eff < date(2024, 6, 1)
                    occurrence_id += 1
                    occurrence_rows.append(
                        {
                            "id": occurrence_id,
                            "assignment_id": assignment_id,
                            "period_key": key,
                            "period_label": label,
                            "kind": "recurring",
                            "nominal_due": nominal,
                            "effective_due": eff,
                            "status": "done" if done else "not_started",
                            "percent": 100 if done else 0,
                            "completed_at": datetime.combine(eff, datetime.min.time(), VIETNAM_TZ)
                            if done
                            else None,
                            "withdrawn": False,
                        }
                    )
                if len(occurrence_rows) >= 20_000:
                    connection.execute(insert(Assignment), assignment_rows)
                    connection.execute(insert(Occurrence), occurrence_rows)
                    count += len(occurrence_rows)
                    assignment_rows, occurrence_rows = [], []
        if assignment_rows:
            connection.execute(insert(Assignment), assignment_rows)
        if occurrence_rows:
            connection.execute(insert(Occurrence), occurrence_rows)
            count += len(occurrence_rows)
    return count


def calibrate(engine: Engine, reminder: ReminderEngine, total: int) -> int:
    """Mark open items done until about 1 % of all occurrences have a notice on DAY."""
    notices = [n for n in reminder.agenda(DAY, DAY) if n.occurrence_id is not None]
    target = total // 100
    ids = sorted({n.occurrence_id for n in notices if n.occurrence_id is not None})
    keep = ids[:target]
    drop = ids[target:]
    with engine.begin() as connection:
        for start in range(0, len(drop), 5000):
            connection.execute(
                update(Occurrence)
                .where(Occurrence.id.in_(drop[start : start + 5000]))  # type: ignore[union-attr]
                .values(status="done", percent=100, completed_at=MORNING - timedelta(days=1))
            )
    return len(keep)


def reset_outbox(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(delete(MessageRef))
        connection.execute(delete(Notification))


def year_reminders(units: int, tasks: int) -> list[datetime]:
    """Every reminder moment of the year, for the job-per-reminder comparison."""
    policy = ReminderPolicy()
    moments: list[datetime] = []
    cache: dict[date, list[date]] = {}
    for u in range(1, units + 1):
        for t in range(1, tasks + 1):
            for _, _, nominal in due_dates(u, t):
                if nominal not in cache:
                    state = ItemState(effective_due=CAL.effective_due(nominal))
                    cache[nominal] = [n.day for n in schedule(state, policy=policy, calendar=CAL)]
                moments.extend(
                    datetime.combine(day, datetime.min.time(), VIETNAM_TZ).replace(hour=8)
                    for day in cache[nominal]
                )
    return moments


async def _noop() -> None:
    return None


def job_per_reminder(moments: list[datetime]) -> None:
    async def start() -> None:
        scheduler = AsyncIOScheduler(timezone=VIETNAM_TZ)
        for index, moment in enumerate(moments):
            scheduler.add_job(
                _noop, DateTrigger(run_date=moment), id=str(index), misfire_grace_time=None
            )
        scheduler.start(paused=True)
        scheduler.shutdown(wait=False)

    asyncio.run(start())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="sqlite")
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--tasks", type=int, default=40)
    parser.add_argument("--jobs-sample", type=int, default=200_000, help="0: skip APScheduler")
    args = parser.parse_args()

    schema = None
    if args.db == "sqlite":
        path = Path("/tmp/nhacviec-bench.db")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        engine = make_engine(f"sqlite:///{path}")
    else:
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        admin = make_engine(args.db)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
        engine = make_engine(args.db, options=f"-csearch_path={schema}")
    try:
        upgrade(engine)
        print(f"{engine.dialect.name}: {args.units} units × {args.tasks} tasks", flush=True)
        started = time.perf_counter()
        total = build(engine, args.units, args.tasks)
        print(
            f"{'materialise the year (' + format(total, ',') + ' occurrences)':<48} "
            f"{(time.perf_counter() - started) * 1000:>10.1f} ms",
            flush=True,
        )
        if engine.dialect.name == "postgresql":
            with engine.begin() as connection:
                connection.execute(text("ANALYZE"))
        clock = ManualClock(MORNING)
        sender = CountingSender()
        reminder = ReminderEngine(engine, clock, {"console": sender}, calendar=CAL, catch_up_days=0)
        due = calibrate(engine, reminder, total)
        print(f"items with a notice on {DAY}: {due} ({due / total:.2%})", flush=True)

        def morning_tick() -> Any:
            fresh = ReminderEngine(
                engine, ManualClock(MORNING), {"console": sender}, calendar=CAL, catch_up_days=0
            )
            return asyncio.run(fresh.tick())

        def morning_again() -> Any:
            reset_outbox(engine)
            return morning_tick()

        sender.per_chat.clear()
        report = measure("morning tick: plan + send + record", morning_tick, morning_again)
        chats = Counter(record.chat_id for record in report.sent)
        print(
            f"    messages per morning: {len(report.sent):,} to {len(chats):,} chats "
            f"(at most {max(chats.values(), default=0)} in one chat, longest "
            f"{sender.chars:,} characters)",
            flush=True,
        )
        print(
            f"    time to send them at Telegram's limits ({TELEGRAM_PER_SECOND}/s overall, "
            f"{TELEGRAM_GROUP_PER_MINUTE}/min per group): {telegram_seconds(chats):.0f} s",
            flush=True,
        )

        steady = ReminderEngine(
            engine, ManualClock(MORNING), {"console": sender}, calendar=CAL, catch_up_days=0
        )
        asyncio.run(steady.tick())
        steady.clock.advance(timedelta(minutes=1))  # type: ignore[attr-defined]
        measure("steady tick a minute later (nothing new)", lambda: asyncio.run(steady.tick()))

        def plan_only() -> int:
            fresh = ReminderEngine(engine, ManualClock(MORNING), {}, calendar=CAL, catch_up_days=0)
            return fresh.plan()

        def plan_again() -> int:
            reset_outbox(engine)
            return plan_only()

        reset_outbox(engine)
        planned = measure("plan only (write the morning's outbox rows)", plan_only, plan_again)
        print(f"    {planned} rows", flush=True)
        notices = measure(
            "agenda for a month (1–30/6)",
            lambda: reminder.agenda(date(2024, 6, 1), date(2024, 6, 30)),
        )
        print(f"    {len(notices)} notices", flush=True)

        if args.jobs_sample <= 0:
            return
        moments = year_reminders(args.units, args.tasks)
        sample = moments[: args.jobs_sample]
        gc.collect()
        started = time.perf_counter()
        job_per_reminder(sample)
        wall = time.perf_counter() - started
        tracemalloc.start()
        job_per_reminder(sample)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        factor = len(moments) / len(sample)
        print(
            f"{'APScheduler, one job per reminder (' + format(len(sample), ',') + ' jobs)':<48} "
            f"{wall * 1000:>10.1f} ms   peak {peak / 2**20:>8.1f} MiB",
            flush=True,
        )
        print(
            f"    the year has {len(moments):,} reminders: about {wall * factor:.0f} s and "
            f"{peak * factor / 2**30:.1f} GiB at start-up, again after every restart",
            flush=True,
        )
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"max RSS of this process: {rss:.0f} MiB", flush=True)
    finally:
        engine.dispose()
        if schema is not None:
            admin = make_engine(args.db)
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()


if __name__ == "__main__":
    main()
