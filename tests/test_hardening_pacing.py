"""A busy morning keeps to Telegram's limits: every chat reached at ≥ 90 % of what the limits
allow, under 2 % of messages answered 429, each retried after `retry_after`, none lost."""

from __future__ import annotations

from fake_telegram.morning import run_morning, seed
from sqlalchemy.engine import Engine

# Groups of very different sizes, the biggest needing three minutes at 20 a minute.
ITEMS_PER_GROUP = [55, 3, 40, 8, 21, 1, 30, 12, 47, 5]


async def test_a_paced_morning_reaches_every_chat_near_the_limit_without_429s(
    engine: Engine,
) -> None:
    seed(engine, ITEMS_PER_GROUP)
    morning = await run_morning(engine, paced=True)
    assert morning.lost == 0, morning
    assert morning.sent == morning.messages > sum(ITEMS_PER_GROUP)
    assert morning.refused_share < 0.02, morning
    assert morning.ratio >= 0.9, morning
