"""What /xuatbaocao and /baocao share: reading "[KỲ] [MÃ KẾ HOẠCH]" in either order, the
file's path and the reply that carries the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlmodel import Session

from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.leader_reports import output_path
from messages.outgoing import Attachment
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


def file_request(
    turn: Turn, args: str, *, stem: str, extension: str
) -> tuple[str | None, str, Path]:
    """(plan code or None, period text, a fresh path for the file) for one chat request."""
    plan_code, period_text = split_plan_and_period(turn.session, args)
    return plan_code, period_text, output_path(turn.app, stem=stem, extension=extension)


def file_reply(key: str, *, path: Path, file_name: str, mime_type: str, **values: Any) -> Response:
    """The reply `key` with the file attached."""
    attachment = Attachment(path=path, file_name=file_name, mime_type=mime_type)
    return Response(replies=say(key, attachment=attachment, **values))
