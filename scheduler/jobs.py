"""The few periodic jobs of a running bot; the database, not APScheduler, holds what is due.

No job per reminder: jobs kept in memory vanish on restart and APScheduler's job stores must
never be shared by two processes. A tick every minute plans and sends whatever the outbox
says is due; the weekly digest job only makes sure digests are planned at their hour.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from scheduler.clock import Clock
from scheduler.engine import ReminderEngine, TickReport

log = logging.getLogger(__name__)


def build_scheduler(
    engine: ReminderEngine,
    clock: Clock,
    *,
    on_report: Callable[[TickReport], Awaitable[None]] | None = None,
) -> AsyncIOScheduler:
    """The bot's scheduler; the caller starts it inside its running event loop.

    `on_report` hears every tick that sent something (the bot prints one line per message).
    """
    scheduler = AsyncIOScheduler(timezone=clock.tz)

    async def tick() -> None:
        report = await engine.tick()
        if on_report is not None and report.sent:
            await on_report(report)
        if report.sent or report.retried or report.parked:
            log.info(
                "tick: %d sent, %d to retry, %d parked, %d superseded",
                len(report.sent),
                len(report.retried),
                len(report.parked),
                len(report.superseded),
            )

    async def plan_digests() -> None:
        await asyncio.to_thread(engine.plan)

    # One tick at a time; ticks missed while the loop was busy collapse into one.
    scheduler.add_job(
        tick,
        IntervalTrigger(minutes=1, timezone=clock.tz),
        id="reminder-tick",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=50,
    )
    policy = engine.policy
    scheduler.add_job(
        plan_digests,
        CronTrigger(
            day_of_week=policy.digest_weekday,
            hour=policy.digest_hour,
            minute=0,
            timezone=clock.tz,
        ),
        id="weekly-digest",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=3600,
    )
    return scheduler
