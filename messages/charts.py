"""The completion chart: one stacked bar per unit, worst first, for the digest and `/status`.

Each bar splits a unit's items into done on time, done late, in progress and overdue; the
unit's name and figures are written above its bar so the chart reads on a phone held
upright. Rendered headless (Agg) with DejaVu Sans, which has every Vietnamese letter.
"""

from __future__ import annotations

import hashlib
import os
import textwrap
import threading
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from messages import texts
from messages.outgoing import Attachment
from messages.render import render
from scheduler.folding import nfc
from scheduler.tally import ChartRow

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT_FAMILY = "DejaVu Sans"
# About a phone screen's width at 150 dpi; names and figures sit above the bars, full width.
WIDTH_INCHES = 6.4
DPI = 150
_ROW_INCHES = 0.62
_HEAD_INCHES = 1.1
_MIN_HEIGHT_INCHES = 2.6
MAX_UNITS = 25  # a phone shows this many bars legibly; the text names the others
_LABEL_WIDTH = 44
# Segment colours, in drawing order: done on time, done late, in progress, overdue.
COLOURS = ("#2e7d32", "#9ccc65", "#1e88e5", "#c62828")
CHARTS_KEPT = timedelta(days=7)
# Charts are drawn in worker threads (a leader's /tinhhinh, the reminder jobs' digest).
# rc_context swaps matplotlib's process-wide settings, and two threads drawing the same chart
# would share its temporary file: one chart at a time per process.
_DRAWING = threading.Lock()


def completion_chart_png(rows: Sequence[ChartRow], *, title: str, out_dir: Path) -> Path:
    """Draw one stacked bar per unit, in the order given, and return the PNG's path.

    The file name is derived from the content, so the same figures give the same file: the
    digest and `/status` at the same moment send one picture, drawn once.
    """
    if not rows:
        raise ValueError("completion chart needs at least one unit")
    rows = [
        ChartRow(nfc(r.unit_name), *(max(int(n), 0) for n in _segments(r)))
        for r in rows[:MAX_UNITS]
    ]
    title = nfc(title)
    legend = tuple(texts.text("documents", f"chart_{key}") for key in _LEGEND_KEYS)
    digest = hashlib.sha256(repr((title, legend, rows)).encode("utf-8")).hexdigest()[:16]
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"completion-{digest}.png"
    with _DRAWING:
        if path.exists():
            return path
        temporary = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
        # matplotlib is loaded on the first chart, not when the command line starts (a second).
        import matplotlib

        matplotlib.use("Agg")  # headless: no display on a server
        from matplotlib import rc_context

        # A bare Figure, not pyplot: no global figure registry to leak or share between threads.
        with rc_context({"font.family": FONT_FAMILY, "font.size": 10}):
            figure = _draw(rows, title, legend)
            figure.savefig(temporary, format="png", dpi=DPI)
        # Rename last, so a concurrent reader never sees half a file.
        temporary.replace(path)
        return path


def completion_attachment(
    rows: Sequence[ChartRow], *, today: date, out_dir: Path
) -> Attachment | None:
    """The chart as a photo for a chat message; None when no unit has anything to draw."""
    drawn = [row for row in rows if sum(_segments(row))]
    if not drawn:
        return None
    prune_charts(out_dir, before=today - CHARTS_KEPT)
    path = completion_chart_png(
        drawn, title=render("report/chart_title.txt", today=today), out_dir=out_dir
    )
    return Attachment(
        path=path,
        file_name="bieu-do-hoan-thanh.png",
        mime_type="image/png",
        is_photo=True,
        optional=True,
    )


def prune_charts(out_dir: Path, *, before: date) -> int:
    """Delete charts last written before `before`: the title carries the day, so every day
    draws new files. Returns how many were removed."""
    if not out_dir.is_dir():
        return 0
    removed = 0
    for path in out_dir.glob("completion-*"):
        try:
            written = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).date()
            if written < before:
                path.unlink()
                removed += 1
        except OSError:
            continue  # removed meanwhile by another process
    return removed


_LEGEND_KEYS = ("done_on_time", "done_late", "in_progress", "overdue")


def _segments(row: ChartRow) -> tuple[int, int, int, int]:
    return (row.done_on_time, row.done_late, row.in_progress, row.overdue)


def _draw(rows: Sequence[ChartRow], title: str, legend: Sequence[str]) -> Figure:
    from matplotlib.figure import Figure

    height = max(_MIN_HEIGHT_INCHES, _HEAD_INCHES + _ROW_INCHES * len(rows))
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI)
    axes = figure.subplots()
    positions = list(range(len(rows)))
    # Each bar is the unit's own 100 %: a small unit's bar is as readable as a large one's.
    shares = [[n / max(sum(_segments(row)), 1) * 100 for n in _segments(row)] for row in rows]
    left = [0.0] * len(rows)
    for index, (colour, label) in enumerate(zip(COLOURS, legend, strict=True)):
        widths = [share[index] for share in shares]
        axes.barh(positions, widths, left=left, color=colour, height=0.42, label=label)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    for position, row in zip(positions, rows, strict=True):
        name = textwrap.shorten(row.unit_name, width=_LABEL_WIDTH, placeholder="…")
        axes.text(0, position - 0.3, name, va="bottom", ha="left", fontsize=10, fontweight="bold")
        axes.text(100, position - 0.3, _figures(row), va="bottom", ha="right", fontsize=9)
    axes.set_yticks([])
    axes.invert_yaxis()  # first unit (the worst) on top
    axes.set_ylim(len(rows) - 0.5, -0.9)
    axes.set_xlim(0, 100)
    axes.set_xticks([0, 25, 50, 75, 100], labels=["0%", "25%", "50%", "75%", "100%"])
    for spine in ("top", "right", "left"):
        axes.spines[spine].set_visible(False)
    # Title, then the legend, then the bars: placed in inches so they never overlap.
    figure.suptitle(title, fontweight="bold", fontsize=11, y=1 - 0.12 / height, va="top")
    figure.legend(
        loc="upper center",
        ncols=4,
        fontsize=8,
        frameon=False,
        handlelength=1.2,
        columnspacing=1.0,
        bbox_to_anchor=(0.5, 1 - 0.42 / height),
    )
    figure.tight_layout(rect=(0, 0, 1, 1 - 0.6 / height))
    return figure


def _figures(row: ChartRow) -> str:
    """ "xong 3/5 (60%) · quá hạn 2": done over due so far, then what is overdue."""
    done = row.done_on_time + row.done_late
    due = done + row.overdue
    return texts.text(
        "documents",
        "chart_figures",
        done=done,
        due=due,
        percent=round(done * 100 / due) if due else None,
        overdue=row.overdue,
    )
