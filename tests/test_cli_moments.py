"""`--now` and `--from` moments as offices write them, and refusals that say what to write."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.cli.common import parse_moment
from messages.errors import UserFacingError
from scheduler.clock import VIETNAM_TZ


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-15 08:00", datetime(2024, 3, 15, 8, 0)),
        ("2024-03-15", datetime(2024, 3, 15, 0, 0)),
        ("15/3/2024 08:00", datetime(2024, 3, 15, 8, 0)),
        ("08:30 15/03/2024", datetime(2024, 3, 15, 8, 30)),
        ("15.03.2024 8:30", datetime(2024, 3, 15, 8, 30)),
        ("ngày 15 tháng 3 năm 2024 8:00", datetime(2024, 3, 15, 8, 0)),
        # Day first, as in every Vietnamese document: 04/05 is the 4th of May.
        ("04/05/2024 09:00", datetime(2024, 5, 4, 9, 0)),
    ],
)
def test_moments_in_iso_and_vietnamese_order(text: str, expected: datetime) -> None:
    assert parse_moment(text, VIETNAM_TZ) == expected.replace(tzinfo=VIETNAM_TZ)


@pytest.mark.parametrize("text", ["hôm nay", "mai", "15/3", "32/13/2024", "abc"])
def test_relative_partial_or_impossible_moments_are_refused(text: str) -> None:
    with pytest.raises(UserFacingError) as refused:
        parse_moment(text, VIETNAM_TZ)
    assert "15/3/2024 08:00" in refused.value.message
