"""The reminder engine: plans notices into the outbox, claims them, sends them, records them.

The database is the source of truth. `plan` writes one outbox row per notice and chat with a
unique key, so planning twice, or in two processes, changes nothing. `tick` plans when a send
time has come, then claims ready rows, checks each is still right (the item may have been
finished, withdrawn or re-dated since), renders it from fresh data, sends it and records the
result. Per-recipient errors never stop the batch: flood limits and network errors are
retried with back-off, a blocked bot or a vanished chat parks the row with its reason.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from messages import texts
from messages.errors import UserFacingError
from messages.notices import (
    EscalatedItem,
    escalation_batch_message,
    item_message,
    leaders_digest,
    unit_digest,
)
from messages.outgoing import OutgoingMessage
from scheduler.clock import Clock
from scheduler.delivery import ChatAddress, DeliveryError, Sender
from scheduler.planner import (
    PlannedNotice,
    batch_escalations,
    digest_notices,
    item_notices,
    latest_per_topic,
    week_key,
    week_label,
)
from scheduler.policy import (
    EARLIEST_HOUR,
    LATEST_HOUR,
    ItemState,
    Notice,
    NoticeKind,
    Recipient,
    ReminderPolicy,
    digest_moment,
    due_ranges_for_day,
    own_due,
    schedule,
    send_moment,
)
from scheduler.workdays import WorkCalendar
from storage import outbox
from storage.calendar import load_work_calendar
from storage.database import session_scope
from storage.progress import (
    ItemView,
    due_between,
    items_by_ids,
    overdue_items,
    unit_items,
    unit_summaries,
    week_end,
)
from storage.recipients import active_recipients, unit_names
from storage.reminders import (
    PlanSettings,
    last_notes,
    lead_units,
    open_dated_items,
    plan_settings,
    plan_start_days,
    units_with_open_items,
)
from storage.units import find_unit

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SentRecord:
    notification_id: int
    key: str
    kind: str
    channel: str
    chat_id: str
    message_id: str
    text: str


@dataclass
class TickReport:
    """What one tick did; `quiet` says why nothing was sent (day off, night)."""

    at: datetime
    planned: int = 0
    sent: list[SentRecord] = field(default_factory=list)
    retried: list[tuple[str, str]] = field(default_factory=list)
    parked: list[tuple[str, str]] = field(default_factory=list)
    superseded: list[tuple[str, str]] = field(default_factory=list)
    waiting: dict[str, int] = field(default_factory=dict)
    quiet: str | None = None


@dataclass
class _SendContext:
    today: date
    items: dict[int, ItemView]
    policies: dict[int, ReminderPolicy]
    leads: dict[int, list[str]]
    digests: dict[tuple[str, int | None], OutgoingMessage | None] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Skip:
    reason: str
    park: bool = False


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class ReminderEngine:
    """Plans and delivers reminders, escalations and digests from the database."""

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
        self.worker_id = worker_id or default_worker_id()
        # Without a fixed calendar, admins' overrides are read again at every pass.
        self._fixed_calendar = calendar
        self.calendar = calendar or WorkCalendar()
        self.policy = policy or ReminderPolicy()
        self.batch_size = batch_size
        self.max_per_tick = max_per_tick
        self.lease = lease
        self.catch_up_days = catch_up_days
        self.replan_every = replan_every
        self.max_attempts = max_attempts
        self._planned_through: date | None = None
        self._next_plan_at: datetime | None = None
        self._lock = asyncio.Lock()
        # A channel pacing itself (Telegram's 20 a minute per group) hands rows back untried;
        # the tick waits for the earliest of them, up to `pacing_horizon`, rather than end.
        self._sleep = sleep
        self.pacing_horizon = pacing_horizon
        self._wakes: set[datetime] = set()

    # ----------------------------------------------------------------- planning

    def _policies(self, plans: Iterable[PlanSettings]) -> dict[int, ReminderPolicy]:
        policies: dict[int, ReminderPolicy] = {}
        for plan in plans:
            try:
                policies[plan.plan_id] = ReminderPolicy.from_json(
                    plan.reminder_policy, base=self.policy
                )
            except UserFacingError as exc:
                # One plan's bad setting must not silence every other plan.
                log.warning("plan %s: %s; default reminder policy used", plan.code, exc)
                policies[plan.plan_id] = self.policy
        return policies

    def _refresh_calendar(self, session: Any) -> None:
        if self._fixed_calendar is None:
            self.calendar = load_work_calendar(session)

    def _notices(
        self,
        session: Any,
        start: date,
        end: date,
        *,
        with_unit_digests: list[tuple[int, str]],
        digests_from: date | None = None,
    ) -> list[PlannedNotice]:
        tz = self.clock.tz
        self._refresh_calendar(session)
        plans = plan_settings(session)
        policies = self._policies(plans)
        in_use = {*policies.values(), self.policy}
        ranges: dict[str, set[tuple[date, date]]] = {"lead": set(), "coordinating": set()}
        day = start
        while day <= end:
            for role, found in ranges.items():
                found.update(
                    due_ranges_for_day(day, policies=in_use, calendar=self.calendar, role=role)
                )
            day += timedelta(days=1)
        items = open_dated_items(
            session,
            due_ranges=_merge(ranges["lead"]),
            coordinating_ranges=_merge(ranges["coordinating"]),
            plan_starts=plan_start_days(plans, tz),
        )
        lead_ids = {unit_id for item in items for unit_id in item.lead_unit_ids}
        names = unit_names(session, unit_ids=lead_ids) if lead_ids else {}
        notices: list[PlannedNotice] = []
        cache: dict[tuple[Any, ...], Any] = {}
        for item in items:
            notices.extend(
                item_notices(
                    item,
                    policy=policies.get(item.plan_id, self.policy),
                    calendar=self.calendar,
                    tz=tz,
                    start=start,
                    end=end,
                    unit_names=names,
                    cache=cache,
                )
            )
        notices.extend(
            digest_notices(
                start=digests_from or start,
                end=end,
                policy=self.policy,
                calendar=self.calendar,
                tz=tz,
                units=with_unit_digests,
            )
        )
        return notices

    def plan(self, now: datetime | None = None) -> int:
        """Write the notices due by `now` into the outbox; returns how many rows are new.

        The first pass after start looks back `catch_up_days`; of everything missed, only the
        latest notice per item and chat is kept, and older pending ones are superseded.
        """
        now = now or self.clock.now()
        today = now.astimezone(self.clock.tz).date()
        start = (
            today - timedelta(days=self.catch_up_days)
            if self._planned_through is None
            else min(self._planned_through, today)
        )
        with session_scope(self.engine) as session:
            recipients = active_recipients(session)
            linked = sorted(recipients.by_unit)
            names = unit_names(session, unit_ids=linked) if linked else {}
            # A digest is a snapshot of its morning: one missed is not sent days later, the
            # next week's replaces it (the same day still catches up).
            notices = self._notices(
                session,
                start,
                today,
                with_unit_digests=[(uid, names[uid]) for uid in linked],
                digests_from=today,
            )
            pairs = [
                (notice, target.chat_link_id)
                for notice in notices
                if notice.at <= now
                for target in recipients.for_unit(notice.audience_unit_id)
            ]
            single, batches = batch_escalations(latest_per_topic(pairs), tz=self.clock.tz)
            rows = [
                outbox.NewNotification(
                    key=notice.key(link_id),
                    kind=notice.kind.value,
                    audience=notice.recipient.value,
                    unit_id=notice.audience_unit_id,
                    chat_link_id=link_id,
                    occurrence_id=notice.occurrence_id,
                    payload=notice.payload(),
                    due_at=notice.at,
                )
                for notice, link_id in single
            ]
            batch_rows = [
                outbox.NewNotification(
                    key=batch.key,
                    kind=NoticeKind.ESCALATION.value,
                    audience=batch.recipient.value,
                    unit_id=batch.audience_unit_id,
                    chat_link_id=batch.chat_link_id,
                    occurrence_id=None,
                    payload=batch.payload(),
                    due_at=batch.at,
                )
                for batch in batches
            ]
            inserted = outbox.insert_absent(session, rows=rows + batch_rows, now=now)
            # A batch never replaces an earlier day's batch: each covers other items.
            outbox.supersede_older(
                session,
                newest=[(r.occurrence_id, r.kind, r.chat_link_id, r.due_at) for r in rows],
                reason=texts.text("engine", "skip_superseded"),
            )
            policies = set(self._policies(plan_settings(session)).values()) | {self.policy}
        self._planned_through = today
        self._next_plan_at = self._next_boundary(now, today, policies)
        return len(inserted)

    def _next_boundary(
        self, now: datetime, today: date, policies: Iterable[ReminderPolicy]
    ) -> datetime:
        tz = self.clock.tz
        moments = [now + self.replan_every]
        for policy in policies:
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
        before a chat is linked, so a plan can be checked right after import.
        """
        if end < start:
            raise UserFacingError(texts.text("engine", "agenda_range_reversed"))
        if (end - start).days > 400:
            raise UserFacingError(texts.text("engine", "agenda_range_too_long"))
        with session_scope(self.engine) as session:
            unit_id: int | None = None
            if unit is not None:
                found = find_unit(session, name=unit)
                if found is None or found.id is None:
                    raise UserFacingError(
                        texts.text("engine", "agenda_unit_not_found", unit=repr(unit))
                    )
                unit_id = found.id
            notices = self._notices(
                session, start, end, with_unit_digests=units_with_open_items(session)
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

    def _quiet_reason(self, now: datetime) -> str | None:
        local = now.astimezone(self.clock.tz)
        if self._fixed_calendar is None:
            with session_scope(self.engine) as session:
                self._refresh_calendar(session)
        if not self.calendar.is_working_day(local.date()):
            return texts.text("engine", "quiet_day_off")
        if not time(EARLIEST_HOUR) <= local.time() < time(LATEST_HOUR + 1):
            return texts.text("engine", "quiet_after_hours")
        return None

    async def tick(self) -> TickReport:
        """One pass: plan if a send time has come, then send everything ready."""
        async with self._lock:
            now = self.clock.now()
            report = TickReport(at=now)
            self._wakes.clear()
            report.quiet = await asyncio.to_thread(self._quiet_reason, now)
            if report.quiet is not None:
                return report
            if self._plan_needed(now):
                report.planned = await asyncio.to_thread(self.plan, now)
            while len(report.sent) + len(report.retried) < self.max_per_tick:
                # The lease counts from this claim, not from the start of a long tick.
                claimed_at = self.clock.now()
                claimed = await asyncio.to_thread(self._claim, claimed_at)
                if not claimed:
                    self._wakes = {at for at in self._wakes if at > claimed_at}
                    wake = min(self._wakes, default=None)
                    if wake is None or wake - claimed_at > self.pacing_horizon:
                        break
                    await self._sleep(max(0.0, (wake - self.clock.now()).total_seconds()))
                    if self.clock.now() < wake:
                        break  # a clock that does not follow the sleep (`tick --now`)
                    continue
                await self._deliver(claimed, claimed_at, report)
            report.waiting = await asyncio.to_thread(self._waiting, now)
            return report

    def _claim(self, now: datetime) -> list[outbox.ClaimedNotification]:
        with session_scope(self.engine) as session:
            return outbox.claim(
                session,
                now=now,
                worker_id=self.worker_id,
                limit=self.batch_size,
                lease=self.lease,
                channels=set(self.senders),
            )

    def _waiting(self, now: datetime) -> dict[str, int]:
        with session_scope(self.engine) as session:
            waiting = outbox.waiting_by_channel(session, now=now)
        return {channel: n for channel, n in waiting.items() if channel not in self.senders}

    def _load_context(
        self, claimed: list[outbox.ClaimedNotification], now: datetime
    ) -> _SendContext:
        today = now.astimezone(self.clock.tz).date()
        ids = [row.occurrence_id for row in claimed if row.occurrence_id is not None]
        batched = [
            entry["occurrence_id"] for row in claimed for entry in row.payload.get("items", ())
        ]
        ids.extend(batched)
        with session_scope(self.engine) as session:
            self._refresh_calendar(session)
            items = items_by_ids(
                session, occurrence_ids=ids, today=today, calendar=self.calendar, tz=self.clock.tz
            )
            policies = self._policies(plan_settings(session))
            coordinating = {item.task_id for item in items.values() if item.role == "coordinating"}
            leads = lead_units(session, task_ids=coordinating)
            names = unit_names(session, unit_ids={u for us in leads.values() for u in us})
            notes = last_notes(session, occurrence_ids=batched) if batched else {}
        return _SendContext(
            today=today,
            items=items,
            policies=policies,
            leads={task: [names[u] for u in units if u in names] for task, units in leads.items()},
            notes=notes,
        )

    async def _deliver(
        self, claimed: list[outbox.ClaimedNotification], now: datetime, report: TickReport
    ) -> None:
        context = await asyncio.to_thread(self._load_context, claimed, now)
        waiting_chats: dict[tuple[str, str], datetime] = {}
        renew_at = now + self.lease / 2
        for position, row in enumerate(claimed):
            now = self.clock.now()
            if now >= renew_at:
                # A slow batch (a chat paced at 20 a minute) keeps what it has not sent yet.
                rest = [later.id for later in claimed[position:]]
                await asyncio.to_thread(self._renew, rest, now + self.lease)
                renew_at = now + self.lease / 2
            chat = (row.channel, row.chat_id)
            if chat in waiting_chats:
                # The chat asked us to slow down: its other messages wait, untried.
                await asyncio.to_thread(self._release, row, waiting_chats[chat])
                continue
            if row.kind == NoticeKind.DIGEST:
                # A digest reads the database and may draw a chart: not on the event loop.
                prepared = await asyncio.to_thread(self._prepare, row, context)
            else:
                prepared = self._prepare(row, context)
            if isinstance(prepared, _Skip):
                await asyncio.to_thread(self._skip, row, prepared, report)
                continue
            sender = self.senders[row.channel]
            try:
                receipt = await sender.send(ChatAddress(row.channel, row.chat_id), prepared)
            except DeliveryError as exc:
                if exc.retry_after:
                    waiting_chats[chat] = now + timedelta(seconds=exc.retry_after)
                if exc.untried:
                    # Paced by the channel: nothing was sent, so no attempt is counted.
                    until = now + timedelta(seconds=exc.retry_after or 1)
                    waiting_chats[chat] = until
                    self._wakes.add(until)
                    await asyncio.to_thread(self._release, row, until)
                    continue
                await asyncio.to_thread(self._failed, row, exc, now, report)
                continue
            except Exception as exc:  # a bug or outage in one channel must not stop the batch
                log.exception("sending %s failed", row.key)
                await asyncio.to_thread(
                    self._failed, row, DeliveryError(f"{type(exc).__name__}: {exc}"), now, report
                )
                continue
            await asyncio.to_thread(self._sent, row, receipt.message_id, prepared, now)
            report.sent.append(
                SentRecord(
                    notification_id=row.id,
                    key=row.key,
                    kind=row.kind,
                    channel=row.channel,
                    chat_id=row.chat_id,
                    message_id=receipt.message_id,
                    text=prepared.text,
                )
            )

    def _renew(self, ids: list[int], until: datetime) -> None:
        with session_scope(self.engine) as session:
            outbox.renew(session, ids=ids, worker_id=self.worker_id, until=until)

    def _release(self, row: outbox.ClaimedNotification, until: datetime) -> None:
        with session_scope(self.engine) as session:
            outbox.release(
                session, notification_id=row.id, worker_id=self.worker_id, next_attempt_at=until
            )

    def _skip(self, row: outbox.ClaimedNotification, skip: _Skip, report: TickReport) -> None:
        with session_scope(self.engine) as session:
            if skip.park:
                outbox.mark_parked(
                    session, notification_id=row.id, worker_id=self.worker_id, reason=skip.reason
                )
                report.parked.append((row.key, skip.reason))
            else:
                outbox.mark_superseded(
                    session, notification_id=row.id, worker_id=self.worker_id, reason=skip.reason
                )
                report.superseded.append((row.key, skip.reason))

    def _failed(
        self,
        row: outbox.ClaimedNotification,
        error: DeliveryError,
        now: datetime,
        report: TickReport,
    ) -> None:
        with session_scope(self.engine) as session:
            if error.permanent or row.attempts >= self.max_attempts:
                reason = (
                    error.reason
                    if error.permanent
                    else texts.text(
                        "engine", "send_failed", attempts=row.attempts, reason=error.reason
                    )
                )
                outbox.mark_parked(
                    session, notification_id=row.id, worker_id=self.worker_id, reason=reason
                )
                report.parked.append((row.key, reason))
                return
            wait = retry_delay(row.attempts, error.retry_after)
            outbox.mark_retry(
                session,
                notification_id=row.id,
                worker_id=self.worker_id,
                error=error.reason,
                next_attempt_at=now + wait,
            )
            report.retried.append((row.key, error.reason))

    def _sent(
        self,
        row: outbox.ClaimedNotification,
        message_id: str,
        message: OutgoingMessage,
        now: datetime,
    ) -> None:
        with session_scope(self.engine) as session:
            recorded = outbox.mark_sent(
                session,
                notification_id=row.id,
                worker_id=self.worker_id,
                at=max(self.clock.now(), now),
                channel=row.channel,
                chat_id=row.chat_id,
                message_id=message_id,
                occurrence_id=message.occurrence_id,
            )
        if not recorded:
            log.warning("claim on %s expired before it was recorded as sent", row.key)

    # ------------------------------------------------------------ validation

    def _prepare(
        self, row: outbox.ClaimedNotification, context: _SendContext
    ) -> OutgoingMessage | _Skip:
        if not row.link_active:
            return _Skip(texts.text("engine", "skip_chat_unlinked"), park=True)
        if row.kind == NoticeKind.DIGEST:
            return self._digest(row, context)
        if row.kind == NoticeKind.ESCALATION and "items" in row.payload:
            return self._escalation_batch(row, context)
        if row.occurrence_id is None:
            return _Skip(texts.text("engine", "skip_no_item"), park=True)
        payload = row.payload
        recipient = Recipient(payload.get("recipient", row.audience))
        checked = self._still_due(
            row.occurrence_id,
            kind=NoticeKind(row.kind),
            recipient=recipient,
            offset=payload.get("offset"),
            planned_due=payload.get("own_due"),
            context=context,
        )
        if isinstance(checked, _Skip):
            return checked
        item, due, notice, policy = checked
        days_left = max(0, self.calendar.working_days_between(context.today, due))
        days_overdue = max(0, self.calendar.working_days_between(due, context.today))
        template = {
            NoticeKind.REMINDER: "reminder",
            NoticeKind.OVERDUE: "overdue",
        }.get(NoticeKind(row.kind))
        if template is None:
            # Escalations travel in the day's batch for the chat, never one by one.
            return _Skip(texts.text("engine", "skip_escalation_batched"), park=True)
        return item_message(
            item,
            template=template,
            own_due=due,
            offset=notice.offset,
            days_left=days_left,
            days_overdue=days_overdue,
            lead_names=context.leads.get(item.task_id, []),
            escalate_after=policy.escalate_after,
        )

    def _still_due(
        self,
        occurrence_id: int,
        *,
        kind: NoticeKind,
        recipient: Recipient,
        offset: Any,
        planned_due: Any,
        context: _SendContext,
    ) -> tuple[ItemView, date, Notice, ReminderPolicy] | _Skip:
        """The item and its notice when that notice is still right to send today."""
        item = context.items.get(occurrence_id)
        if item is None:
            return _Skip(texts.text("engine", "skip_withdrawn"))
        if item.status == "done":
            return _Skip(texts.text("engine", "skip_done"))
        policy = context.policies.get(item.plan_id, self.policy)
        state = ItemState(
            effective_due=item.effective_due, role=item.role, status=item.status, kind=item.kind
        )
        notices = [
            notice
            for notice in schedule(state, policy=policy, calendar=self.calendar)
            if notice.recipient == recipient and notice.day <= context.today
        ]
        mine = [notice for notice in notices if notice.kind == kind and notice.offset == offset]
        if item.effective_due is None or not mine:
            return _Skip(texts.text("engine", "skip_schedule_changed"))
        due = own_due(item.effective_due, role=item.role, policy=policy, calendar=self.calendar)
        if planned_due != due.isoformat():
            return _Skip(texts.text("engine", "skip_due_changed"))
        if notices[-1] != mine[-1]:
            return _Skip(texts.text("engine", "skip_superseded"))
        if mine[-1].day < context.today - timedelta(days=self.catch_up_days):
            return _Skip(texts.text("engine", "skip_too_old"))
        return item, due, mine[-1], policy

    def _escalation_batch(
        self, row: outbox.ClaimedNotification, context: _SendContext
    ) -> OutgoingMessage | _Skip:
        """The day's escalations for one chat, without the items settled since planning."""
        recipient = Recipient(row.payload.get("recipient", row.audience))
        entries: list[EscalatedItem] = []
        for entry in row.payload.get("items", ()):
            checked = self._still_due(
                entry["occurrence_id"],
                kind=NoticeKind.ESCALATION,
                recipient=recipient,
                offset=entry.get("offset"),
                planned_due=entry.get("own_due"),
                context=context,
            )
            if isinstance(checked, _Skip):
                continue
            item, due, _, _ = checked
            entries.append(
                EscalatedItem(
                    item=item,
                    own_due=due,
                    days_overdue=max(0, self.calendar.working_days_between(due, context.today)),
                    note=context.notes.get(item.occurrence_id),
                    lead_names=tuple(context.leads.get(item.task_id, ())),
                )
            )
        if not entries:
            return _Skip(texts.text("engine", "skip_escalations_settled"))
        return escalation_batch_message(
            entries, today=context.today, to_lead_unit=recipient is Recipient.LEAD
        )

    def _digest(
        self, row: outbox.ClaimedNotification, context: _SendContext
    ) -> OutgoingMessage | _Skip:
        if row.payload.get("period_key") != week_key(context.today):
            return _Skip(texts.text("engine", "skip_superseded"))
        cache_key = (row.audience, row.unit_id)
        if cache_key not in context.digests:
            context.digests[cache_key] = self._build_digest(row.unit_id, context.today)
        message = context.digests[cache_key]
        if message is None:
            return _Skip(texts.text("engine", "skip_no_open_items"))
        return message

    def _build_digest(self, unit_id: int | None, today: date) -> OutgoingMessage | None:
        tz = self.clock.tz
        end = week_end(today)
        with session_scope(self.engine) as session:
            if unit_id is None:
                return leaders_digest(
                    week_label=week_label(today),
                    today=today,
                    summaries=unit_summaries(session, today=today, due_until=today, tz=tz),
                    overdue=overdue_items(session, today=today, calendar=self.calendar, tz=tz),
                    due_this_week=due_between(
                        session,
                        start=today,
                        end=end,
                        today=today,
                        open_only=True,
                        calendar=self.calendar,
                        tz=tz,
                    ),
                    chart_dir=self.charts_dir,
                )
            names = unit_names(session, unit_ids=[unit_id])
            items = unit_items(session, unit_id=unit_id, today=today, calendar=self.calendar, tz=tz)
        return unit_digest(
            unit_name=names.get(unit_id, ""),
            week_label=week_label(today),
            today=today,
            items=items,
            week_end=end,
        )


def retry_delay(attempts: int, retry_after: float | None) -> timedelta:
    """Exponential back-off from one minute to an hour; the network's own wait wins if longer."""
    backoff = min(60 * 2 ** max(0, attempts - 1), 3600)
    return timedelta(seconds=max(backoff, retry_after or 0))


def _merge(ranges: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged
