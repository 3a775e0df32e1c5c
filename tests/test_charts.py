"""The completion chart: stacked bars per unit, a real PNG, Vietnamese glyphs drawn."""

from __future__ import annotations

import os
import struct
import warnings
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from messages.charts import DPI, WIDTH_INCHES, completion_attachment, completion_chart_png
from scheduler.progress import Progress
from scheduler.tally import ChartRow, Tally, chart_rows

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

UNITS = [
    ChartRow("Văn phòng Sở", 3, 0, 1, 1),
    ChartRow("Phòng Lao động - Việc làm - Giáo dục nghề nghiệp và An toàn lao động", 1, 2, 0, 7),
    ChartRow("Chi cục Phòng, chống tệ nạn xã hội", 4, 0, 0, 0),
    ChartRow("Thanh tra Sở", 0, 0, 2, 3),
]


def _row(name: str, rate: float) -> ChartRow:
    done = round(rate * 20)
    return ChartRow(name, done, 0, 0, 20 - done)


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
    many_rows = [_row(f"Đơn vị số {n}", n / 20) for n in range(20)]
    many = completion_chart_png(many_rows, title="Tiến độ", out_dir=tmp_path)
    assert _size(many)[1] > _size(few)[1]
    again = completion_chart_png(UNITS[:2], title="Tiến độ", out_dir=tmp_path)
    assert again == few
    other_title = completion_chart_png(UNITS[:2], title="Tiến độ tuần 12", out_dir=tmp_path)
    assert other_title != few


def test_negative_counts_are_zero_and_empty_is_refused(tmp_path: Path) -> None:
    clamped = completion_chart_png([ChartRow("A", 2, -1, 0, 0)], title="x", out_dir=tmp_path)
    same = completion_chart_png([ChartRow("A", 2, 0, 0, 0)], title="x", out_dir=tmp_path)
    assert clamped == same
    with pytest.raises(ValueError):
        completion_chart_png([], title="x", out_dir=tmp_path)


def test_bars_are_the_tallies_worst_first() -> None:
    def tally(uid: int, name: str, **counts: int) -> Tally:
        return Tally(uid, name, {Progress[k.upper()]: v for k, v in counts.items()})

    rows = chart_rows(
        [
            tally(1, "Tốt", done_on_time=5),
            tally(2, "Chậm", done_late=1, overdue=3, in_progress_on_time=2),
            tally(3, "Chưa đến hạn", not_started=4, no_deadline=2),
            tally(4, "Vừa", done_on_time=1, overdue=1),
        ],
        limit=10,
    )
    assert rows == [
        ChartRow("Chậm", 0, 1, 2, 3),
        ChartRow("Vừa", 1, 0, 0, 1),
        ChartRow("Tốt", 5, 0, 0, 0),
    ]


def test_pixels_show_the_bars(tmp_path: Path) -> None:
    """A full bar and an empty one: the green of 100 % is present, the chart is not blank."""
    from matplotlib import image

    path = completion_chart_png(
        [ChartRow("Đủ", 4, 0, 0, 0), ChartRow("Thiếu", 0, 0, 0, 4)], title="t", out_dir=tmp_path
    )
    pixels = image.imread(str(path))

    def share(colour: int) -> int:
        red, green, blue = (colour >> 16) / 255, ((colour >> 8) & 255) / 255, (colour & 255) / 255
        return int(
            (
                (abs(pixels[..., 0] - red) < 0.02)
                & (abs(pixels[..., 1] - green) < 0.02)
                & (abs(pixels[..., 2] - blue) < 0.02)
            ).sum()
        )

    # One bar all green (done on time), one all red (overdue), the same length.
    assert share(0x2E7D32) > 1_000
    assert abs(share(0x2E7D32) - share(0xC62828)) < share(0x2E7D32) * 0.1


def test_charts_older_than_a_week_are_removed_when_a_new_one_is_drawn(tmp_path: Path) -> None:
    old = completion_chart_png([_row("A", 0.5)], title="cũ", out_dir=tmp_path)
    kept = completion_chart_png([_row("B", 0.5)], title="mới", out_dir=tmp_path)
    long_ago = datetime(2024, 3, 1, tzinfo=UTC).timestamp()
    os.utime(old, (long_ago, long_ago))
    recent = datetime(2024, 4, 5, tzinfo=UTC).timestamp()
    os.utime(kept, (recent, recent))
    attachment = completion_attachment(
        [_row("C", 1.0), ChartRow("D", 0, 0, 0, 0)], today=date(2024, 4, 10), out_dir=tmp_path
    )
    assert attachment is not None and attachment.is_photo and attachment.optional
    assert not old.exists()
    assert kept.exists() and attachment.path.exists()
    nothing = [ChartRow("D", 0, 0, 0, 0)]
    assert completion_attachment(nothing, today=date(2024, 4, 10), out_dir=tmp_path) is None
