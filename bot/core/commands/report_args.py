"""Reading "[KỲ] [MÃ KẾ HOẠCH]" after /xuatbaocao and /baocao, in either order."""

from __future__ import annotations

from sqlmodel import Session

from scheduler.report_period import parse_report_period
from storage.report_data import find_plan


def split_plan_and_period(session: Session, args: str) -> tuple[str | None, str]:
    """(plan code or None, period text). A plan code is one word at either end of the text."""
    text = " ".join(args.split())
    if not text or parse_report_period(text) is not None:
        return None, text
    words = text.split(" ")
    for code, rest in ((words[-1], words[:-1]), (words[0], words[1:])):
        if find_plan(session, code=code) is not None:
            return code, " ".join(rest)
    return None, text
