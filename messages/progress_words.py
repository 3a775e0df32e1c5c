"""The Vietnamese name of each progress class, e.g. "Hoàn thành đúng hạn"."""

from __future__ import annotations

from functools import lru_cache

from messages import texts
from scheduler.progress import Progress


@lru_cache(maxsize=len(Progress))
def label_vi(progress: Progress) -> str:
    """The class's name in reports and chat (the words leaders use)."""
    return texts.text("periods", f"progress_{progress.value}")


def percent_text(rate: float | None) -> str:
    """ "75,0%" the Vietnamese way; a dash when nothing was due yet."""
    return "—" if rate is None else f"{rate * 100:.1f}%".replace(".", ",")
