"""`nhacviec run` stopping: a channel's wrong setting is logged as one line, a bug in full."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.serve import ChannelRun, _finish
from messages.errors import ConfigurationError


async def _fail(error: BaseException) -> None:
    raise error


async def _serve_nothing(stop: asyncio.Event) -> None:
    await stop.wait()


async def test_user_facing_failure_is_one_line_a_bug_keeps_its_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    wrong = ConfigurationError("Zalo từ chối mã truy cập: hãy kiểm tra NHACVIEC_ZALO_BOT_TOKEN.")
    bug = ValueError("unexpected")
    zalo = asyncio.create_task(_fail(wrong))
    telegram = asyncio.create_task(_fail(bug))
    await asyncio.wait({zalo, telegram})
    tasks = {
        zalo: ChannelRun("zalo", _serve_nothing),
        telegram: ChannelRun("telegram", _serve_nothing),
    }
    with caplog.at_level(logging.ERROR, logger="bot.serve"):
        await _finish(tasks, reported=None)
    by_message = {record.getMessage(): record for record in caplog.records}
    line = by_message[f"zalo channel stopped: {wrong.message}"]
    assert line.exc_info is None
    assert by_message["telegram channel failed"].exc_info is not None
    assert "Traceback" not in caplog.text.split("telegram channel failed")[0]


async def test_the_failure_being_raised_is_not_logged_again(
    caplog: pytest.LogCaptureFixture,
) -> None:
    wrong = ConfigurationError("Thiếu cấu hình kênh.")
    zalo = asyncio.create_task(_fail(wrong))
    await asyncio.wait({zalo})
    with caplog.at_level(logging.ERROR, logger="bot.serve"):
        await _finish({zalo: ChannelRun("zalo", _serve_nothing)}, reported=wrong)
    assert caplog.records == []
