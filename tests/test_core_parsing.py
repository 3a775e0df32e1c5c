"""Reading commands the way staff type them: slash or not, accents or not, bot name or not."""

from __future__ import annotations

import pytest

from bot.core.commands import build_registry
from bot.core.parsing import means_done, parse_command, split_item, split_percent


@pytest.fixture(scope="module")
def aliases() -> dict[tuple[str, ...], str]:
    return build_registry().aliases


@pytest.mark.parametrize(
    ("text", "name", "args", "slashed"),
    [
        ("/done 12", "done", "12", True),
        ("/xong@nhacviec_bot 12 đã nộp", "done", "12 đã nộp", True),
        ("xong 12", "done", "12", False),
        ("XONG #12", "done", "#12", False),
        ("Hoàn thành 12 rồi", "done", "12 rồi", False),
        ("Tiến độ 12 80 đang tổng hợp", "progress", "12 80 đang tổng hợp", False),
        ("tien do 12 80", "progress", "12 80", False),
        ("/tiendo 12 80%", "progress", "12 80%", True),
        ("vuong mac 12 chờ số liệu", "blocked", "12 chờ số liệu", False),
        ("Vướng mắc 12 chờ số liệu", "blocked", "12 chờ số liệu", False),
        ("/nhiemvu", "tasks", "", True),
        ("nhiệm vụ", "tasks", "", False),
        ("/tinhhinh Văn phòng Sở", "status", "Văn phòng Sở", True),
        ("tình hình", "status", "", False),
        ("/trehan", "overdue", "", True),
        ("/minhchung 7", "evidence", "7", True),
        ("/start ABCD2345", "start", "ABCD2345", True),
        ("/link abcd-2345", "link", "abcd-2345", True),
        ("/help", "help", "", True),
        ("Trợ giúp", "help", "", False),
        ("/xong12", "done", "12", True),
        ("/xem1453 chi tiết", "task", "1453 chi tiết", True),
    ],
)
def test_commands_are_read_whatever_the_spelling(
    aliases: dict[tuple[str, ...], str], text: str, name: str, args: str, slashed: bool
) -> None:
    parsed = parse_command(text, aliases)
    assert parsed is not None
    assert (parsed.name, parsed.args, parsed.slashed) == (name, args, slashed)


def test_unknown_words_are_no_command_but_an_unknown_slash_command_is_flagged(
    aliases: dict[tuple[str, ...], str],
) -> None:
    assert parse_command("chào cả nhà", aliases) is None
    assert parse_command("12 đã gửi báo cáo", aliases) is None
    unknown = parse_command("/weather Hà Nội", aliases)
    assert unknown is not None and unknown.name == "" and unknown.slashed


def test_item_numbers_and_percentages() -> None:
    assert split_item("#12 đã nộp") == (12, "đã nộp")
    assert split_item("12") == (12, "")
    assert split_item("mười hai") == (None, "mười hai")
    assert split_item("") == (None, "")
    # As people write it before a note: "vướng mắc #12: chờ số liệu", "xong số 12".
    assert split_item("#12: chờ số liệu") == (12, "chờ số liệu")
    assert split_item("12: 80%") == (12, "80%")
    assert split_item("số 12 đã nộp") == (12, "đã nộp")
    assert split_item("nhiệm vụ 12") == (12, "")
    assert split_item("số liệu chưa có") == (None, "số liệu chưa có")
    assert split_percent("80 đang làm") == (80, "đang làm")
    assert split_percent("80% đang làm") == (80, "đang làm")
    assert split_percent("80 % xong phần lớn") == (80, "xong phần lớn")
    assert split_percent("nhiều") == (None, "nhiều")


@pytest.mark.parametrize(
    ("note", "done"),
    [
        ("đã gửi báo cáo", True),
        ("Da gui bao cao", True),
        ("Hoàn thành", True),
        ("đã xong", True),
        ("đã nộp qua hệ thống", True),
        ("đang tổng hợp", False),
        ("chưa gửi được", False),
        ("gửi lại sau", False),
    ],
)
def test_done_phrases(note: str, done: bool) -> None:
    assert means_done(note) is done


def test_every_alias_is_unique_and_every_command_has_a_vietnamese_name() -> None:
    registry = build_registry()
    for command in registry.commands.values():
        assert command.aliases, command.name
        for alias in command.aliases:
            assert alias == alias.lower() and alias.isascii(), alias
