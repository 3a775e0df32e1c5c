"""The completion chart: a real PNG, sized by the number of units, Vietnamese glyphs drawn."""

from __future__ import annotations

import os
import struct
import warnings
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from messages.charts import DPI, WIDTH_INCHES, completion_attachment, completion_chart_png

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

UNITS = [
    ("Văn phòng Sở", 0.75),
    ("Phòng Lao động - Việc làm - Giáo dục nghề nghiệp và An toàn lao động", 0.3),
    ("Chi cục Phòng, chống tệ nạn xã hội", 1.0),
    ("Thanh tra Sở", 0.0),
]


def _size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_with_vietnamese_labels_and_no_missing_glyphs(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        # matplotlib warns "Glyph … missing from font(s)" when a letter cannot be drawn.
        warnings.simplefilter("error")
        path = completion_chart_png(
            UNITS, title="Tỷ lệ hoàn thành theo đơn vị — Quý I/2024", out_dir=tmp_path / "charts"
        )
    assert path.parent == tmp_path / "charts"
    assert path.suffix == ".png"
    width, height = _size(path)
    assert width == int(WIDTH_INCHES * DPI)
    assert height >= 260
    assert path.stat().st_size > 5_000
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left


def test_height_grows_with_units_and_same_figures_reuse_the_file(tmp_path: Path) -> None:
    few = completion_chart_png(UNITS[:2], title="Tiến độ", out_dir=tmp_path)
    many_rows = [(f"Đơn vị số {n}", n / 20) for n in range(20)]
    many = completion_chart_png(many_rows, title="Tiến độ", out_dir=tmp_path)
    assert _size(many)[1] > _size(few)[1]
    again = completion_chart_png(UNITS[:2], title="Tiến độ", out_dir=tmp_path)
    assert again == few
    other_title = completion_chart_png(UNITS[:2], title="Tiến độ tuần 12", out_dir=tmp_path)
    assert other_title != few


def test_rates_outside_zero_one_are_clamped_and_empty_is_refused(tmp_path: Path) -> None:
    clamped = completion_chart_png([("A", 1.7), ("B", -0.2)], title="x", out_dir=tmp_path)
    same = completion_chart_png([("A", 1.0), ("B", 0.0)], title="x", out_dir=tmp_path)
    assert clamped == same
    with pytest.raises(ValueError):
        completion_chart_png([], title="x", out_dir=tmp_path)


def test_pixels_show_the_bars(tmp_path: Path) -> None:
    """A full bar and an empty one: the green of 100 % is present, the chart is not blank."""
    from matplotlib import image

    path = completion_chart_png([("Đủ", 1.0), ("Thiếu", 0.0)], title="t", out_dir=tmp_path)
    pixels = image.imread(str(path))
    green = (abs(pixels[..., 0] - 0x2E / 255) < 0.02) & (abs(pixels[..., 1] - 0x7D / 255) < 0.02)
    assert green.sum() > 1_000


def test_charts_older_than_a_week_are_removed_when_a_new_one_is_drawn(tmp_path: Path) -> None:
    old = completion_chart_png([("A", 0.5)], title="cũ", out_dir=tmp_path)
    kept = completion_chart_png([("B", 0.5)], title="mới", out_dir=tmp_path)
    long_ago = datetime(2024, 3, 1, tzinfo=UTC).timestamp()
    os.utime(old, (long_ago, long_ago))
    recent = datetime(2024, 4, 5, tzinfo=UTC).timestamp()
    os.utime(kept, (recent, recent))
    attachment = completion_attachment(
        [("C", 1.0), ("D", None)], today=date(2024, 4, 10), out_dir=tmp_path
    )
    assert attachment is not None and attachment.is_photo and attachment.optional
    assert not old.exists()
    assert kept.exists() and attachment.path.exists()
    assert completion_attachment([("D", None)], today=date(2024, 4, 10), out_dir=tmp_path) is None
