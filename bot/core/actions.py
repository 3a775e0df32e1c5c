"""Button presses on reminders and item messages ("done:12", "percent:12:50", "file:7")."""

from __future__ import annotations

from bot.core import pending
from bot.core.commands.evidence import ask_for_file
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.updates import already_done, change, state_message
from bot.core.views import item_view
from messages import texts
from messages.errors import UserFacingError
from messages.outgoing import Attachment
from messages.render import render
from scheduler.vocabulary import Status
from storage.tracking import evidence_path, get_evidence


def handle_action(turn: Turn, action: str) -> Response:
    kind, _, rest = action.partition(":")
    parts = rest.split(":")
    try:
        target = int(parts[0])
        extra = int(parts[1]) if len(parts) > 1 else None
    except ValueError:
        raise UserFacingError(texts.text("chat", "button_gone")) from None
    if kind == "file":
        return _send_file(turn, target)
    item = turn.changeable_item(target)
    if kind == "done":
        if not already_done(item):
            item = change(turn, item, status=Status.DONE)
        return state_message(turn, item)
    if kind in ("progress", "percent"):
        if extra is not None and not 0 <= extra <= 100:
            raise UserFacingError(texts.text("chat", "percent_invalid"))
        item = change(turn, item, status=Status.IN_PROGRESS, percent=extra)
        return state_message(turn, item)
    if kind == "blocked":
        item = change(turn, item, status=Status.BLOCKED)
        turn.pending.expect(turn.key, pending.BLOCKED_REASON, item.id)
        state = state_message(turn, item)
        return Response(
            edit=state.edit,
            toast=state.toast,
            replies=say(
                "ask_reason",
                item=item_view(item, turn.app.clock),
                occurrence_id=item.id,
            ),
        )
    if kind == "evidence":
        prompt = ask_for_file(turn, item.id)
        toast = render("chat/evidence_toast.txt", occurrence_id=item.id)
        return Response(replies=prompt.replies, toast=toast)
    raise UserFacingError(texts.text("chat", "button_gone"))


def _send_file(turn: Turn, evidence_id: int) -> Response:
    evidence = get_evidence(turn.session, evidence_id=evidence_id)
    if evidence is None:
        raise UserFacingError(texts.text("chat", "file_gone"))
    item = turn.readable_item(evidence.occurrence_id)
    path = evidence_path(turn.app.files_dir, evidence)
    if not path.exists():
        raise UserFacingError(texts.text("chat", "file_missing_in_store", file=evidence.file_name))
    attachment = Attachment(
        path=path,
        file_name=evidence.file_name,
        mime_type=evidence.mime_type,
        is_photo=(evidence.mime_type or "").startswith("image/"),
    )
    return Response(
        replies=say(
            "file_caption",
            item=item_view(item, turn.app.clock),
            name=evidence.file_name,
            short_hash=evidence.sha256[:12],
            attachment=attachment,
            occurrence_id=item.id,
        )
    )
