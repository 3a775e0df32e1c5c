"""A file arrives: find its item, check it, store it as evidence and say what was kept."""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath

from bot.core import pending
from bot.core.commands.which_item import NeedsChoice, items_of, named_line, replied_items
from bot.core.file_kinds import content_matches
from bot.core.parsing import ParsedCommand, split_item
from bot.core.protocol import IncomingFile, Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import human_size, item_view
from messages import texts
from messages.errors import UserFacingError
from storage.tracking import get_item, store_evidence

# What offices actually send as proof: signed PDFs, Word/Excel files, scans and photos.
ALLOWED_EXTENSIONS = frozenset(
    {
        ".pdf",
        ".doc",
        ".docx",
        ".xls",
        ".xlsx",
        ".odt",
        ".ods",
        ".jpg",
        ".jpeg",
        ".png",
        ".webp",
        ".heic",
    }
)
ALLOWED_MIME_PREFIXES = ("image/",)
ALLOWED_MIME_TYPES = {
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
}


def check_size(name: str, size: int | None, *, max_mb: int) -> None:
    """Refuse a file too big or empty; an unknown size (not announced yet) passes."""
    if size is None:
        return
    if size > max_mb * 1024 * 1024:
        raise UserFacingError(
            texts.text(
                "chat", "evidence_too_big", file=name, size=human_size(size), limit_mb=max_mb
            )
        )
    if size == 0:
        raise UserFacingError(texts.text("chat", "evidence_empty", file=name))


def check_file(file: IncomingFile, *, max_mb: int) -> None:
    """What can be judged before downloading: the announced size, the name and the type."""
    check_size(file.file_name, file.size, max_mb=max_mb)
    extension = PurePath(file.file_name).suffix.lower()
    mime = (file.mime_type or "").lower()
    if extension in ALLOWED_EXTENSIONS:
        return
    if not extension and (mime in ALLOWED_MIME_TYPES or mime.startswith(ALLOWED_MIME_PREFIXES)):
        return
    raise UserFacingError(texts.text("chat", "evidence_kind", file=file.file_name))


def check_content(file: IncomingFile, path: Path, *, max_mb: int) -> None:
    """After download: the real size, and content whose first bytes match the kind promised."""
    check_size(file.file_name, path.stat().st_size, max_mb=max_mb)
    if not content_matches(path, extension=PurePath(file.file_name).suffix):
        raise UserFacingError(texts.text("chat", "evidence_content", file=file.file_name))


def target_item(turn: Turn, caption: ParsedCommand | None) -> int | None:
    """Reply to a reminder, a caption naming the item, or the item the person said last.

    A file replying to a check-in of several lines names its line by the caption, else the
    person is asked which (the file waits with the question, unfetched)."""
    if turn.chosen is not None:
        return turn.chosen[0]
    replied = replied_items(turn)
    number, _ = split_item(caption.args if caption is not None else turn.message.text)
    if len(replied) == 1 or (replied and number in replied):
        return replied[0] if len(replied) == 1 else number
    if replied:
        named = named_line(turn, replied, turn.message.text)
        if named is None:
            raise NeedsChoice(items_of(turn, replied), "")
        return named
    if number is not None:
        return number
    return turn.pending.peek(turn.key, pending.EVIDENCE)


def handle_file(turn: Turn, caption: ParsedCommand | None) -> Response:
    file = turn.message.file
    assert file is not None
    occurrence_id = target_item(turn, caption)
    if occurrence_id is None:
        if not turn.message.is_private:
            # Groups share files all day; only files clearly meant for an item are taken.
            return Response()
        return Response(replies=say("which_item"))
    # Rights and the item are settled before a single byte is fetched.
    item = turn.changeable_item(occurrence_id)
    max_mb = turn.app.settings.max_upload_mb
    check_file(file, max_mb=max_mb)
    person = turn.acting_person()
    # The download lives as long as this message's answer, stored or refused: a file kept
    # while its item was picked is fetched only now, long after its channel update.
    with tempfile.TemporaryDirectory(prefix="nhacviec-upload-") as scratch:
        source = file.download(Path(scratch))
        check_content(file, source, max_mb=max_mb)
        stored = store_evidence(
            turn.session,
            occurrence_id=item.id,
            source=source,
            file_name=file.file_name,
            mime_type=file.mime_type,
            files_dir=turn.app.files_dir,
            person_id=person.id if person is not None else None,
            channel=turn.message.channel,
            actor=turn.actor,
            now=turn.now,
        )
    # Several photos of one signed document usually follow each other.
    turn.pending.expect(turn.key, pending.EVIDENCE, item.id)
    evidence = stored.evidence
    return Response(
        replies=say(
            "evidence_saved",
            item=item_view(item, turn.app.clock),
            duplicate=stored.duplicate,
            also_for=_readable(turn, stored.also_for),
            name=evidence.file_name,
            size=human_size(evidence.size),
            short_hash=evidence.sha256[:12],
            first_at=evidence.created_at.astimezone(turn.app.clock.tz),
            occurrence_id=item.id,
        )
    )


def _readable(turn: Turn, occurrence_ids: tuple[int, ...]) -> list[int]:
    """Other items holding the same file, only those the sender may read."""
    readable: list[int] = []
    for occurrence_id in occurrence_ids:
        item = get_item(turn.session, occurrence_id=occurrence_id)
        if item is not None and turn.can_read(item):
            readable.append(occurrence_id)
    return readable
