"""Composing: a claimed outbox row becomes the message to send, from fresh data, or a skip.

Each item a row lists is checked again first (finished, withdrawn, re-dated or superseded
since planning), so a check-in or an escalation never speaks of settled work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine

from bot.engine.planning import CHECKIN, Entry, Rules, entries_of
from bot.engine.reach import REACH, reach_message
from messages import texts
from messages.checkin import CheckInLine, checkin_message
from messages.leader_digest import leaders_digest
from messages.notices import EscalatedItem, escalation_batch_message
from messages.outgoing import OutgoingMessage
from scheduler.items import Item as ItemView
from scheduler.planner import week_key, week_label
from scheduler.policy import (
    ItemState,
    NoticeKind,
    Recipient,
    ReminderPolicy,
    own_due,
    remind_by,
    schedule,
)
from scheduler.progress import Progress
from scheduler.tally import combine
from scheduler.workdays import WorkCalendar
from storage import outbox
from storage.database import session_scope
from storage.items import (
    due_between,
    items_by_ids,
    overdue_items,
    unit_items,
    unit_tallies,
    week_end,
    with_history,
)
from storage.recipients import unit_names, unreachable_units
from storage.reminders import lead_units


@dataclass(frozen=True)
class Skip:
    reason: str
    park: bool = False


@dataclass
class SendContext:
    """What the rows of one claimed batch need, read in one go."""

    today: date
    items: dict[int, ItemView]
    leads: dict[int, list[str]]
    digests: dict[tuple[str, int | None], OutgoingMessage | None] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    # Units of escalated items that no chat reaches: the leaders are told so.
    unreachable: set[int] = field(default_factory=set)
    # Every item late today, counted by the rule of /status and the digest: the leaders' batch
    # names only the items reported to them for the first time, and sets them against this.
    overdue_total: int | None = None


@dataclass
class Composer:
    engine: Engine
    tz: ZoneInfo
    rules: Rules
    catch_up_days: int
    charts_dir: Path | None = None

    @property
    def calendar(self) -> WorkCalendar:
        return self.rules.calendar

    def load_context(self, claimed: list[outbox.ClaimedNotification], now: datetime) -> SendContext:
        today = now.astimezone(self.tz).date()
        ids = [row.occurrence_id for row in claimed if row.occurrence_id is not None]
        listed = [
            int(entry["occurrence_id"]) for row in claimed for entry in row.payload.get("items", ())
        ]
        ids.extend(listed)
        escalated = [
            int(entry["occurrence_id"])
            for row in claimed
            if row.kind == NoticeKind.ESCALATION
            for entry in row.payload.get("items", ())
        ]
        with session_scope(self.engine) as session:
            items = items_by_ids(
                session, occurrence_ids=ids, today=today, calendar=self.calendar, tz=self.tz
            )
            coordinating = {item.task_id for item in items.values() if item.role == "coordinating"}
            leads = lead_units(session, task_ids=coordinating)
            names = unit_names(session, unit_ids={u for us in leads.values() for u in us})
            # Escalated items carry their history (newest note, the blocked reason, who gave
            # it and when) from the same read model as /status and /overdue.
            wanted = [items[i] for i in dict.fromkeys(escalated) if i in items]
            items.update(
                (item.occurrence_id, item)
                for item in (with_history(session, wanted, tz=self.tz) if wanted else [])
            )
            notes = {i: note for i in escalated if i in items and (note := items[i].last_note)}
            escalated_units = {items[i].unit_id for i in escalated if i in items}
            unreachable = (
                unreachable_units(session, unit_ids=escalated_units) if escalated_units else set()
            )
            to_leaders = any(
                row.kind == NoticeKind.ESCALATION
                and row.payload.get("recipient", row.audience) == Recipient.LEADERS
                for row in claimed
            )
            overdue_total = (
                combine(unit_tallies(session, today=today, tz=self.tz)).overdue
                if to_leaders
                else None
            )
        return SendContext(
            today=today,
            items=items,
            leads={task: [names[u] for u in units if u in names] for task, units in leads.items()},
            notes=notes,
            unreachable=unreachable,
            overdue_total=overdue_total,
        )

    def prepare(
        self, row: outbox.ClaimedNotification, context: SendContext
    ) -> OutgoingMessage | Skip:
        if not row.link_active:
            return Skip(texts.text("engine", "skip_chat_unlinked"), park=True)
        if row.kind == CHECKIN:
            return self.checkin(row, context)
        if row.kind == NoticeKind.DIGEST:
            return self.digest(row, context)
        if row.kind == REACH:
            message = reach_message(
                self.engine, row.payload, today=context.today, calendar=self.calendar, tz=self.tz
            )
            return message or Skip(texts.text("engine", "skip_reach_settled"))
        if row.kind == NoticeKind.ESCALATION and "items" in row.payload:
            return self.escalation_batch(row, context)
        # Rows planned one per item by an earlier version are folded into check-ins now.
        return Skip(texts.text("engine", "skip_escalation_batched"), park=True)

    def still_due(
        self, entry: Entry, context: SendContext
    ) -> tuple[ItemView, date, ReminderPolicy] | Skip:
        """The item, its own due date and policy when the entry is still right today."""
        item = context.items.get(entry.occurrence_id)
        if item is None:
            return Skip(texts.text("engine", "skip_withdrawn"))
        if item.status == "done":
            return Skip(texts.text("engine", "skip_done"))
        policy = self.rules.policy(item.plan_id)
        state = ItemState(
            effective_due=item.effective_due,
            role=item.role,
            status=item.status,
            kind=item.kind,
            nominal_due=item.nominal_due,
        )
        notices = [
            notice
            for notice in schedule(state, policy=policy, calendar=self.calendar)
            if notice.recipient == entry.recipient and notice.day <= context.today
        ]
        mine = [n for n in notices if n.kind == entry.kind and n.offset == entry.offset]
        if item.effective_due is None or not mine:
            return Skip(texts.text("engine", "skip_schedule_changed"))
        due = own_due(item.effective_due, role=item.role, policy=policy, calendar=self.calendar)
        if entry.own_due != due.isoformat():
            return Skip(texts.text("engine", "skip_due_changed"))
        if notices[-1] != mine[-1]:
            return Skip(texts.text("engine", "skip_superseded"))
        if mine[-1].day < context.today - timedelta(days=self.catch_up_days):
            return Skip(texts.text("engine", "skip_too_old"))
        return item, due, policy

    def checkin(
        self, row: outbox.ClaimedNotification, context: SendContext
    ) -> OutgoingMessage | Skip:
        """The unit's morning: its listed items still needing attention, and on the digest
        day the week's list read fresh."""
        lines: dict[int, CheckInLine] = {}
        for entry in entries_of(row.payload, recipient=Recipient.UNIT, kind=row.kind):
            checked = self.still_due(entry, context)
            if isinstance(checked, Skip):
                continue
            item, due, policy = checked
            lines[item.occurrence_id] = self._line(item, due, policy, context)
        # The week's list is a snapshot of its own morning: not sent a day late.
        week = row.payload.get("week") and row.payload.get("day") == context.today.isoformat()
        if week and row.unit_id is not None:
            for item in self._week_items(row.unit_id, context.today):
                if item.occurrence_id in lines or item.effective_due is None:
                    continue
                policy = self.rules.policy(item.plan_id)
                due = own_due(
                    item.effective_due, role=item.role, policy=policy, calendar=self.calendar
                )
                lines[item.occurrence_id] = self._line(item, due, policy, context)
        if not lines:
            return Skip(texts.text("engine", "skip_checkin_settled"))
        return checkin_message(list(lines.values()), today=context.today, week=bool(week))

    def _week_items(self, unit_id: int, today: date) -> list[ItemView]:
        end = week_end(today)
        with session_scope(self.engine) as session:
            items = unit_items(
                session, unit_id=unit_id, today=today, calendar=self.calendar, tz=self.tz
            )
        return [
            item
            for item in items
            if item.status != "done"
            and item.effective_due is not None
            and (item.progress is Progress.OVERDUE or item.effective_due <= end)
        ]

    def _line(
        self, item: ItemView, due: date, policy: ReminderPolicy, context: SendContext
    ) -> CheckInLine:
        calendar = self.calendar
        # Reminded by the working day before a holiday; late only after the legal end.
        early = (
            remind_by(
                item.effective_due,
                nominal_due=item.nominal_due,
                role=item.role,
                policy=policy,
                calendar=calendar,
            )
            if item.effective_due is not None
            else due
        )
        late = max(0, calendar.working_days_between(due, context.today))
        left = max(0, calendar.working_days_between(context.today, early))
        escalate_on = (
            calendar.add_working_days(due, policy.escalate_after)
            if policy.escalate_after is not None and late
            else None
        )
        return CheckInLine(
            item=item,
            own_due=due,
            remind_by=early,
            days_late=late,
            days_left=left,
            lead_names=tuple(context.leads.get(item.task_id, ())),
            escalate_on=escalate_on if escalate_on and escalate_on > context.today else None,
        )

    def escalation_batch(
        self, row: outbox.ClaimedNotification, context: SendContext
    ) -> OutgoingMessage | Skip:
        """The morning's escalations for one chat, without the items settled since planning."""
        recipient = Recipient(row.payload.get("recipient", row.audience))
        entries: list[EscalatedItem] = []
        for entry in entries_of(row.payload, recipient=recipient, kind=row.kind):
            checked = self.still_due(entry, context)
            if isinstance(checked, Skip):
                continue
            item, due, _ = checked
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
            return Skip(texts.text("engine", "skip_escalations_settled"))
        return escalation_batch_message(
            entries,
            today=context.today,
            to_lead_unit=recipient is Recipient.LEAD,
            overdue_total=context.overdue_total,
            unreachable={
                entry.item.unit_name
                for entry in entries
                if entry.item.unit_id in context.unreachable
            },
        )

    def digest(
        self, row: outbox.ClaimedNotification, context: SendContext
    ) -> OutgoingMessage | Skip:
        if row.payload.get("period_key") != week_key(context.today):
            return Skip(texts.text("engine", "skip_superseded"))
        if row.unit_id is not None:
            # A unit's weekly list travels in its Monday check-in now.
            return Skip(texts.text("engine", "skip_superseded"))
        cache_key = (row.audience, row.unit_id)
        if cache_key not in context.digests:
            context.digests[cache_key] = self._leaders_digest(context.today)
        message = context.digests[cache_key]
        if message is None:
            return Skip(texts.text("engine", "skip_no_open_items"))
        return message

    def _leaders_digest(self, today: date) -> OutgoingMessage:
        tz, calendar = self.tz, self.calendar
        with session_scope(self.engine) as session:
            return leaders_digest(
                week_label=week_label(today),
                today=today,
                summaries=unit_tallies(session, today=today, tz=tz),
                overdue=overdue_items(session, today=today, calendar=calendar, tz=tz),
                due_this_week=due_between(
                    session,
                    start=today,
                    end=week_end(today),
                    today=today,
                    open_only=True,
                    calendar=calendar,
                    tz=tz,
                ),
                chart_dir=self.charts_dir,
            )
