"""The reminder policy as pure rules: which notice falls on which working day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from messages import texts
from messages.errors import UserFacingError, user_message
from scheduler.errors import RuleError
from scheduler.policy import (
    ItemState,
    Notice,
    NoticeKind,
    Recipient,
    ReminderPolicy,
    digest_day,
    due_ranges_for_day,
    notices_on,
    own_due,
    schedule,
)
from scheduler.workdays import WorkCalendar

CAL = WorkCalendar()
POLICY = ReminderPolicy()
R, OV, E = NoticeKind.REMINDER, NoticeKind.OVERDUE, NoticeKind.ESCALATION


def test_lead_unit_schedule_with_defaults() -> None:
    # Due Friday 15/3/2024.
    notices = schedule(ItemState(effective_due=date(2024, 3, 15)), policy=POLICY, calendar=CAL)
    assert notices == [
        Notice(R, Recipient.UNIT, -7, date(2024, 3, 6)),
        Notice(R, Recipient.UNIT, -3, date(2024, 3, 12)),
        Notice(R, Recipient.UNIT, -1, date(2024, 3, 14)),
        Notice(R, Recipient.UNIT, 0, date(2024, 3, 15)),
        Notice(OV, Recipient.UNIT, 1, date(2024, 3, 18)),
        Notice(OV, Recipient.UNIT, 3, date(2024, 3, 20)),
        Notice(E, Recipient.LEADERS, 3, date(2024, 3, 20)),
    ]


def test_coordinating_unit_is_due_earlier_and_reported_to_the_lead_first() -> None:
    item = ItemState(effective_due=date(2024, 3, 15), role="coordinating")
    assert own_due(date(2024, 3, 15), role="coordinating", policy=POLICY, calendar=CAL) == date(
        2024, 3, 13
    )
    notices = schedule(item, policy=POLICY, calendar=CAL)
    escalations = [n for n in notices if n.kind is E]
    assert escalations == [
        Notice(E, Recipient.LEAD, 1, date(2024, 3, 14)),
        Notice(E, Recipient.LEADERS, 3, date(2024, 3, 18)),
    ]


def test_tet_is_skipped() -> None:
    # Saturday 10/2/2024 falls in Tết (8–14/2): the limit runs to Thursday 15/2.
    notices = schedule(ItemState(effective_due=date(2024, 2, 10)), policy=POLICY, calendar=CAL)
    days = [n.day for n in notices]
    assert days[:4] == [date(2024, 1, 30), date(2024, 2, 5), date(2024, 2, 7), date(2024, 2, 15)]
    assert all(CAL.is_working_day(day) for day in days)
    assert (
        notices_on(
            date(2024, 2, 10),
            ItemState(effective_due=date(2024, 2, 10)),
            policy=POLICY,
            calendar=CAL,
        )
        == []
    )


@pytest.mark.parametrize(
    "item",
    [
        ItemState(effective_due=date(2024, 3, 15), status="done"),
        ItemState(effective_due=None, kind="continuous"),
        ItemState(effective_due=None, kind="on_request"),
        ItemState(effective_due=date(2024, 3, 15), withdrawn=True),
    ],
)
def test_items_never_nagged(item: ItemState) -> None:
    assert schedule(item, policy=POLICY, calendar=CAL) == []


def test_in_progress_items_are_still_reminded() -> None:
    item = ItemState(effective_due=date(2024, 3, 15), status="in_progress")
    assert len(schedule(item, policy=POLICY, calendar=CAL)) == 7


def test_plan_overrides() -> None:
    policy = ReminderPolicy.from_json(
        {"days_before": [5, 2], "overdue_after": 2, "escalate_after": None, "hour": "07:30"}
    )
    assert policy.days_before == (5, 2)
    assert policy.overdue_after == (2,)
    assert policy.escalate_after is None
    assert (policy.hour, policy.minute) == (7, 30)
    notices = schedule(ItemState(effective_due=date(2024, 3, 15)), policy=policy, calendar=CAL)
    assert [(n.kind, n.offset) for n in notices] == [(R, -5), (R, -2), (R, 0), (OV, 2)]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"hour": 22}, "ban đêm"),
        ({"hour": "sáng"}, "08:00"),
        ({"days_before": "bảy"}, "danh sách số"),
        ({"nhac_truoc": [7]}, "khóa không biết"),
        ({"days_before": [0]}, "từ 1 đến 60"),
        ({"digest_weekday": 6}, "thứ Hai"),
    ],
)
def test_bad_policy_says_what_to_fix(data: dict[str, object], fragment: str) -> None:
    with pytest.raises(UserFacingError) as error:
        ReminderPolicy.from_json(data)
    assert fragment in user_message(error.value)


def test_due_ranges_find_every_item_with_a_notice_that_day() -> None:
    """The indexed pre-selection never misses an item (stored due dates on days off too)."""
    policies = [POLICY, ReminderPolicy(days_before=(10, 2), coordinating_ahead=4)]
    ranges: dict[tuple[date, str], list[tuple[date, date]]] = {}
    due = date(2024, 1, 1)
    while due <= date(2024, 12, 31):
        for policy in policies:
            for role in ("lead", "coordinating"):
                item = ItemState(effective_due=due, role=role)
                for notice in schedule(item, policy=policy, calendar=CAL):
                    found = ranges.setdefault(
                        (notice.day, role),
                        due_ranges_for_day(notice.day, policies=policies, calendar=CAL, role=role),
                    )
                    assert any(low <= due <= high for low, high in found), (due, role, notice)
        due += timedelta(days=1)


def test_digest_day_moves_off_tet_within_the_week() -> None:
    assert digest_day(date(2024, 3, 11), policy=POLICY, calendar=CAL) == date(2024, 3, 11)
    assert digest_day(date(2024, 2, 12), policy=POLICY, calendar=CAL) == date(2024, 2, 15)
    assert digest_day(date(2024, 1, 1), policy=POLICY, calendar=CAL) == date(2024, 1, 2)


def test_a_refused_policy_says_what_it_found_not_a_sentence() -> None:
    """The rule returns a code and the values; the sentence is the catalogue's, rendered above."""
    with pytest.raises(RuleError) as error:
        ReminderPolicy.from_json({"hour": 22})
    assert error.value.code == "policy.hour_range"
    assert error.value.values == {"key": "hour", "earliest": 7, "latest": 17}
    assert user_message(error.value) == texts.text(
        "policy", "hour_range", key="hour", earliest=7, latest=17
    )
