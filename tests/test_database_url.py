"""A wrong NHACVIEC_DATABASE_URL stops a command with one sentence: no traceback, no password."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_helpers import Ran, nhacviec

from bot.settings import load_settings
from messages.errors import ConfigurationError, UserFacingError
from storage.database import make_engine, normalise_url


@pytest.mark.parametrize("url", ["mysql://user:pw@host/db", "not a url", "oracle://x/y"])
def test_a_database_we_do_not_support_is_refused_in_words(url: str) -> None:
    with pytest.raises(UserFacingError, match="NHACVIEC_DATABASE_URL phải có dạng"):
        make_engine(url)


def test_supported_urls_still_open() -> None:
    assert normalise_url("postgres://u:p@h/db").startswith("postgresql+psycopg://u:p@h/db")
    assert normalise_url("sqlite:///data/x.db") == "sqlite:///data/x.db"


def _units_list(url: str, cwd: Path) -> Ran:
    env = {**os.environ, "NHACVIEC_DATABASE_URL": url, "PYTHONIOENCODING": "utf-8"}
    return nhacviec("units", "list", cwd=cwd, env=env)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://admin:Secret123@db.example/cchc", "phải có dạng sqlite:///"),
        # Nothing listens on port 1: the server is unreachable.
        ("postgresql://admin:Secret123@127.0.0.1:1/cchc", "Không mở được cơ sở dữ liệu"),
    ],
)
def test_the_command_line_says_what_to_fix(url: str, words: str, tmp_path: Path) -> None:
    result = _units_list(url, tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("Lỗi: ") and words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "Secret123" not in result.stdout + result.stderr


def test_an_unknown_time_zone_names_the_variable_and_a_valid_value() -> None:
    with pytest.raises(ConfigurationError) as caught:
        load_settings(timezone="Mars/Base")
    assert caught.value.message == (
        "Cấu hình sai: biến môi trường NHACVIEC_TIMEZONE không hợp lệ "
        "(hãy ghi tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh)."
    )
