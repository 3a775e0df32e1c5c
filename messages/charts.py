"""A bar chart of completion by unit, as a PNG for the digest and `/status`.

Rendered headless (Agg, no display needed on a server) with DejaVu Sans, which has every
Vietnamese letter; the default font of some systems draws boxes for "ộ" or "ư".
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

from messages.outgoing import Attachment
from messages.render import render
from scheduler.folding import nfc

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT_FAMILY = "DejaVu Sans"
WIDTH_INCHES = 9.0
DPI = 100
_ROW_INCHES = 0.42
_MIN_HEIGHT_INCHES = 2.6
_MAX_UNITS = 60  # beyond this the bars are unreadable on a phone; the text lists them all
_LABEL_WIDTH = 38
CHARTS_KEPT = timedelta(days=7)
# Charts are drawn in worker threads (a leader's /tinhhinh, the reminder jobs' digest).
# rc_context swaps matplotlib's process-wide settings, and two threads drawing the same chart
# would share its temporary file: one chart at a time per process.
_DRAWING = threading.Lock()


def completion_chart_png(rows: Sequence[tuple[str, float]], *, title: str, out_dir: Path) -> Path:
    """Draw one horizontal bar per unit (rate 0.0–1.0) and return the PNG's path in `out_dir`.

    The file name is derived from the content, so the same figures give the same file and a
    digest sent to many chats draws it once.
    """
    if not rows:
        raise ValueError("completion chart needs at least one unit")
    rows = [(nfc(name), min(max(float(rate), 0.0), 1.0)) for name, rate in rows][:_MAX_UNITS]
    title = nfc(title)
    digest = hashlib.sha256(repr((title, rows)).encode("utf-8")).hexdigest()[:16]
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
            figure = _draw(rows, title)
            figure.savefig(temporary, format="png", dpi=DPI)
        # Rename last, so a concurrent reader never sees half a file.
        temporary.replace(path)
        return path


def completion_attachment(
    rows: Sequence[tuple[str, float | None]], *, today: date, out_dir: Path
) -> Attachment | None:
    """The chart as a photo for a chat message; None when no unit has a dated item yet.

    Units without a rate (only undated duties) are left out rather than drawn as 0 %.
    """
    rated = [(name, rate) for name, rate in rows if rate is not None]
    if not rated:
        return None
    prune_charts(out_dir, before=today - CHARTS_KEPT)
    path = completion_chart_png(
        rated, title=render("report/chart_title.txt", today=today), out_dir=out_dir
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


def _draw(rows: Sequence[tuple[str, float]], title: str) -> Figure:
    from matplotlib.figure import Figure

    height = max(_MIN_HEIGHT_INCHES, 1.2 + _ROW_INCHES * len(rows))
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI)
    axes = figure.subplots()
    names = [textwrap.shorten(name, width=_LABEL_WIDTH, placeholder="…") for name, _ in rows]
    percents = [rate * 100 for _, rate in rows]
    positions = list(range(len(rows)))
    colours = [_colour(rate) for _, rate in rows]
    bars = axes.barh(positions, percents, color=colours, height=0.6)
    axes.set_yticks(positions, labels=names)
    axes.invert_yaxis()  # first unit on top, in the order given
    axes.set_xlim(0, 110)
    axes.set_xticks([0, 25, 50, 75, 100], labels=["0%", "25%", "50%", "75%", "100%"])
    axes.set_title(title, fontweight="bold")
    axes.grid(axis="x", linestyle=":", alpha=0.6)
    axes.set_axisbelow(True)
    for spine in ("top", "right"):
        axes.spines[spine].set_visible(False)
    for bar, percent in zip(bars, percents, strict=True):
        axes.text(
            bar.get_width() + 1,
            bar.get_y() + bar.get_height() / 2,
            f"{percent:.0f}%",
            va="center",
            fontsize=9,
        )
    figure.tight_layout()
    return figure


def _colour(rate: float) -> str:
    if rate >= 0.8:
        return "#2e7d32"
    if rate >= 0.5:
        return "#f9a825"
    return "#c62828"
