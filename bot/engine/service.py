"""The reminder engine: plans the mornings into the outbox, then claims, composes and sends.

The database is the source of truth. `plan` writes one outbox row per chat and morning with
a unique key (a unit's check-in, an escalation batch, the leaders' digest), so planning twice,
or in two processes, changes nothing. `tick` parses the calendar and every plan's policy once,
plans when a send time has come, then hands ready rows to delivery, which checks each item
again from fresh data before sending (see `bot.engine.composing`).
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.engine.composing import Composer
from bot.engine.delivery import Delivery, TickReport
from bot.engine.planning import (
    CHECKIN,
    Entry,
    Morning,
    Rules,
    group_mornings,
    parse_policies,
    planned_notices,
    single_rows,
)
from bot.engine.reach import admin_rows, unreached_items
from bot.engine.sender import Sender
from messages import texts
from messages.errors import UserFacingError
from scheduler.clock import Clock
from scheduler.planner import PlannedNotice, latest_per_topic
from scheduler.policy import (
    EARLIEST_HOUR,
    LATEST_HOUR,
    NoticeKind,
    ReminderPolicy,
    digest_moment,
    send_moment,
)
from scheduler.workdays import WorkCalendar
from storage import listed_items, outbox
from storage.calendar import load_work_calendar
from storage.database import session_scope
from storage.recipients import active_recipients, unit_names
from storage.reminders import plan_settings, units_with_open_items
from storage.units import find_unit


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class ReminderEngine:
    """Plans and delivers check-ins, escalations and the leaders' digest from the database."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        senders: Mapping[str, Sender],
        *,
        worker_id: str | None = None,
        calendar: WorkCalendar | None = None,
        policy: ReminderPolicy | None = None,
        batch_size: int = 100,
        max_per_tick: int = 10_000,
        lease: timedelta = timedelta(minutes=5),
        catch_up_days: int = 10,
        replan_every: timedelta = timedelta(minutes=15),
        max_attempts: int = 8,
        charts_dir: Path | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        pacing_horizon: timedelta = timedelta(minutes=5),
    ) -> None:
        self.engine = engine
        # Where the leaders' digest draws its completion chart; None sends the text alone.
        self.charts_dir = charts_dir
        self.clock = clock
        self.senders = dict(senders)
        # Without a fixed calendar, admins' overrides are read again at every pass.
        self._fixed_calendar = calendar
        self.policy = policy or ReminderPolicy()
        self.catch_up_days = catch_up_days
        self.replan_every = replan_every
        self.delivery = Delivery(
            engine=engine,
            clock=clock,
            senders=self.senders,
            worker_id=worker_id or default_worker_id(),
            batch_size=batch_size,
            lease=lease,
            max_attempts=max_attempts,
        )
        self.max_per_tick = max_per_tick
        # A channel pacing itself (Telegram's 20 a minute per group) hands rows back untried;
        # the tick waits for the earliest of them, up to `pacing_horizon`, rather than end.
        self._sleep = sleep
        self.pacing_horizon = pacing_horizon
        self._rules = Rules(
            calendar=calendar or WorkCalendar(), default=self.policy, policies={}, plans=()
        )
        self._planned_through: date | None = None
        self._next_plan_at: datetime | None = None
        self._lock = asyncio.Lock()

    @property
    def worker_id(self) -> str:
        return self.delivery.worker_id

    @property
    def calendar(self) -> WorkCalendar:
        return self._rules.calendar

    def load_rules(self) -> Rules:
        """Read the calendar and parse every plan's policy: once per tick."""
        with session_scope(self.engine) as session:
            calendar = (
                self._fixed_calendar
                if self._fixed_calendar is not None
                else load_work_calendar(session)
            )
            plans = tuple(plan_settings(session))
        self._rules = Rules(
            calendar=calendar,
            default=self.policy,
            policies=parse_policies(plans, default=self.policy),
            plans=plans,
        )
        return self._rules

    # ----------------------------------------------------------------- planning

    def plan(self, now: datetime | None = None, *, rules: Rules | None = None) -> int:
        """Write the mornings due by `now` into the outbox; returns how many rows are new.

        The first pass after start looks back `catch_up_days`; of everything missed, only the
        latest notice per item and chat is kept, and it joins today's morning message.
        """
        now = now or self.clock.now()
        rules = rules or self.load_rules()
        tz = self.clock.tz
        today = now.astimezone(tz).date()
        start = (
            today - timedelta(days=self.catch_up_days)
            if self._planned_through is None
            else min(self._planned_through, today)
        )
        with session_scope(self.engine) as session:
            recipients = active_recipients(session, now=now)
            linked = sorted(recipients.by_unit)
            names = unit_names(session, unit_ids=linked) if linked else {}
            # The week's list is a snapshot of its morning: one missed is not sent days later.
            notices = planned_notices(
                session,
                rules,
                start=start,
                end=today,
                tz=tz,
                unit_names=names,
                with_unit_digests=[(uid, names[uid]) for uid in linked],
                digests_from=today,
            )
            pairs = [
                (notice, target.chat_link_id)
                for notice in notices
                if notice.at <= now
                for target in recipients.for_unit(notice.audience_unit_id)
            ]
            pairs = _not_listed_before(session, pairs, today=today, start=start, tz=tz)
            single, mornings = group_mornings(latest_per_topic(pairs), today=today, tz=tz)
            mornings = _carry_over(session, mornings)
            rows = single_rows(single) + [morning.row() for morning in mornings]
            rows += admin_rows(
                session,
                unreached=unreached_items(notices, recipients, now=now),
                now=now,
                today=today,
                calendar=rules.calendar,
                policy=rules.default,
                tz=tz,
            )
            inserted = outbox.insert_absent(session, rows=rows, now=now)
            outbox.supersede_older(
                session,
                newest=[(r.occurrence_id, r.kind, r.chat_link_id, r.due_at) for r in rows],
                reason=texts.text("engine", "skip_superseded"),
            )
        self._planned_through = today
        self._next_plan_at = self._next_boundary(now, today, rules)
        return len(inserted)

    def _next_boundary(self, now: datetime, today: date, rules: Rules) -> datetime:
        tz = self.clock.tz
        moments = [now + self.replan_every]
        for policy in rules.in_use():
            for moment in (
                send_moment(today, policy=policy, tz=tz),
                digest_moment(today, policy=policy, tz=tz),
            ):
                if moment > now:
                    moments.append(moment)
        return min(moments)

    def _plan_needed(self, now: datetime) -> bool:
        today = now.astimezone(self.clock.tz).date()
        if self._planned_through is None or self._planned_through < today:
            return True
        return self._next_plan_at is None or now >= self._next_plan_at

    # ----------------------------------------------------------------- agenda

    def agenda(self, start: date, end: date, *, unit: str | None = None) -> list[PlannedNotice]:
        """Every notice the engine would send on days in [start, end], sending nothing.

        It assumes statuses stay as they are now. Reminders are listed per audience even
        before a chat is linked, so a plan can be checked right after import; on the day
        they fall, a unit's notices travel together in its morning check-in.
        """
        if end < start:
            raise UserFacingError(texts.text("engine", "agenda_range_reversed"))
        if (end - start).days > 400:
            raise UserFacingError(texts.text("engine", "agenda_range_too_long"))
        rules = self.load_rules()
        with session_scope(self.engine) as session:
            unit_id: int | None = None
            if unit is not None:
                found = find_unit(session, name=unit)
                if found is None or found.id is None:
                    raise UserFacingError(
                        texts.text("engine", "agenda_unit_not_found", unit=repr(unit))
                    )
                unit_id = found.id
            notices = planned_notices(
                session,
                rules,
                start=start,
                end=end,
                tz=self.clock.tz,
                unit_names=unit_names(session),
                with_unit_digests=units_with_open_items(session),
            )
        if unit_id is not None:
            notices = [
                notice
                for notice in notices
                if unit_id in (notice.audience_unit_id, notice.item_unit_id)
            ]
        return sorted(
            notices,
            key=lambda n: (
                n.at,
                n.kind != NoticeKind.DIGEST,
                n.audience_unit_id is not None,
                n.audience_name,
                n.task_number or "",
            ),
        )

    # ----------------------------------------------------------------- sending

    def _quiet_reason(self, now: datetime, rules: Rules) -> str | None:
        local = now.astimezone(self.clock.tz)
        if not rules.calendar.is_working_day(local.date()):
            return texts.text("engine", "quiet_day_off")
        if not time(EARLIEST_HOUR) <= local.time() < time(LATEST_HOUR + 1):
            return texts.text("engine", "quiet_after_hours")
        return None

    async def tick(self) -> TickReport:
        """One pass: plan if a send time has come, then send everything ready."""
        async with self._lock:
            now = self.clock.now()
            report = TickReport(at=now)
            self.delivery.wakes.clear()
            rules = await asyncio.to_thread(self.load_rules)
            report.quiet = self._quiet_reason(now, rules)
            if report.quiet is not None:
                return report
            if self._plan_needed(now):
                report.planned = await asyncio.to_thread(self.plan, now, rules=rules)
            composer = Composer(
                engine=self.engine,
                tz=self.clock.tz,
                rules=rules,
                catch_up_days=self.catch_up_days,
                charts_dir=self.charts_dir,
            )
            wakes = self.delivery.wakes
            while len(report.sent) + len(report.retried) < self.max_per_tick:
                # The lease counts from this claim, not from the start of a long tick.
                claimed_at = self.clock.now()
                claimed = await asyncio.to_thread(self.delivery.claim, claimed_at)
                if not claimed:
                    pending_wakes = {at for at in wakes if at > claimed_at}
                    wakes.intersection_update(pending_wakes)
                    wake = min(pending_wakes, default=None)
                    if wake is None or wake - claimed_at > self.pacing_horizon:
                        break
                    await self._sleep(max(0.0, (wake - self.clock.now()).total_seconds()))
                    if self.clock.now() < wake:
                        break  # a clock that does not follow the sleep (`tick --now`)
                    continue
                await self.delivery.deliver(claimed, composer, claimed_at, report)
            report.waiting = await asyncio.to_thread(self.delivery.waiting, now)
            return report


def _not_listed_before(
    session: Session,
    pairs: list[tuple[PlannedNotice, int]],
    *,
    today: date,
    start: date,
    tz: ZoneInfo,
) -> list[tuple[PlannedNotice, int]]:
    """Drop the notices an earlier morning already listed in that chat: a restart, or the
    look-back over yesterday, must not list them again today."""
    if not pairs:
        return pairs
    listed = listed_items.listed_items(
        session,
        chat_link_ids=sorted({link for _, link in pairs}),
        kinds=[CHECKIN, NoticeKind.ESCALATION.value],
        since=datetime.combine(start - timedelta(days=1), time(0), tzinfo=tz),
        before=datetime.combine(today, time(0), tzinfo=tz),
    )
    if not listed:
        return pairs
    return [
        (notice, link)
        for notice, link in pairs
        if notice.occurrence_id is None
        or (
            link,
            notice.occurrence_id,
            notice.kind.value,
            notice.offset,
            notice.own_due.isoformat() if notice.own_due else None,
        )
        not in listed
    ]


def _carry_over(session: Session, mornings: list[Morning]) -> list[Morning]:
    """Items of an earlier morning still pending in the same chat join today's message (the
    older row is then superseded): after a downtime a chat still hears once a morning."""
    if not mornings:
        return mornings
    earlier = listed_items.pending_items(
        session,
        chat_link_ids=sorted({morning.chat_link_id for morning in mornings}),
        kinds=[CHECKIN, NoticeKind.ESCALATION.value],
        before=min(morning.at for morning in mornings),
    )
    merged = []
    for morning in mornings:
        have = {entry.occurrence_id for entry in morning.entries}
        carried = tuple(
            Entry.from_json(item, recipient=morning.recipient, kind=morning.kind)
            for item in earlier.get((morning.chat_link_id, morning.kind), [])
            if int(item["occurrence_id"]) not in have
        )
        merged.append(replace(morning, entries=morning.entries + carried))
    return merged
