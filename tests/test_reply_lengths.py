"""Every chat answer over the demo's data is one message of at most 2,000 characters, as
Zalo shows it (plain text with its line of typed replies), so it is carried whole: every
list and item view is paged or trimmed, with a way to see more that works."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlmodel import Session, select

from bot.channels.plain_rendering import plain_text
from bot.core.conversation import Conversation
from bot.core.protocol import IncomingMessage
from bot.demo.session import DemoSession
from bot.demo.world import DemoWorld, build_world
from messages.split import ZALO_LIMIT
from storage.models import Assignment, Occurrence, Unit

# The four weeks, whose /tasks answer was 3,599 characters.
START = date(2024, 3, 4)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoWorld]:
    import asyncio

    world = build_world(tmp_path_factory.mktemp("demo") / "data", weeks=4, start=START)
    asyncio.run(DemoSession(world, write=lambda _: None).run_to_end(scripted=True))
    world.clock.set(datetime.combine(world.clock.today(), time(16), tzinfo=world.clock.tz))
    try:
        yield world
    finally:
        world.app.engine.dispose()


def _answers(world: DemoWorld, user_id: str, text: str) -> list[str]:
    conversation = Conversation(world.app)
    try:
        response = conversation.answer(
            IncomingMessage(
                channel="console", chat_id=user_id, user_id=user_id, user_name="Thử", text=text
            )
        )
    finally:
        conversation.close()
    return [
        plain_text(reply, channel_name="Zalo", photos_by_url=True) for reply in response.replies
    ]


def _check(world: DemoWorld, user_id: str, text: str) -> str:
    answers = _answers(world, user_id, text)
    assert len(answers) == 1, (text, [len(answer) for answer in answers])
    assert len(answers[0]) <= ZALO_LIMIT, (text, len(answers[0]))
    return answers[0]


def _unit_items(world: DemoWorld) -> list[int]:
    with Session(world.app.engine) as session:
        unit = session.exec(select(Unit).where(Unit.name == world.unit_name)).one()
        query = (
            select(Occurrence.id)
            .join(Assignment, Assignment.id == Occurrence.assignment_id)  # type: ignore[arg-type]
            .where(Assignment.unit_id == unit.id)
        )
        return [number for number in session.exec(query).all() if number is not None]


def _follow_pages(world: DemoWorld, user_id: str, first: str) -> list[str]:
    """Answers reached by the "see more" commands each answer names, as a person would."""
    seen, answers = {first}, [_check(world, user_id, first)]
    while True:
        more = re.findall(r"(/(?:nhiemvu|tinhhinh|trehan)[^\n—.:;,]*?\d+)\b", answers[-1])
        following = [command.strip() for command in more if command.strip() not in seen]
        if not following:
            return answers
        seen.add(following[0])
        answers.append(_check(world, user_id, following[0]))


def test_the_staff_members_answers_fit_one_zalo_message(world: DemoWorld) -> None:
    staff = world.staff.user_id
    for command in ("/tasks", "/nhiemvu het", "quá hạn", "/trehan", "/help"):
        pages = _follow_pages(world, staff, command)
        assert pages
    everything = "\n".join(_follow_pages(world, staff, "/nhiemvu het"))
    items = _unit_items(world)
    # Paging loses nothing: every open item of the unit is on one of the pages.
    for number in items[:40]:
        assert f"#{number}" in everything or _is_done(world, number), number
    for number in items:
        assert f"#{number}" in _check(world, staff, f"/xem {number}")


def test_the_leaders_answers_fit_one_zalo_message(world: DemoWorld) -> None:
    leader = world.leader.user_id
    for command in ("/status", "/overdue", "/digest", "/help"):
        assert _follow_pages(world, leader, command)
    with Session(world.app.engine) as session:
        names = [unit.name for unit in session.exec(select(Unit)).all()]
    for name in names:
        _follow_pages(world, leader, f"/tinhhinh {name}")
        _check(world, leader, f"/trehan {name}")


def _is_done(world: DemoWorld, number: int) -> bool:
    with Session(world.app.engine) as session:
        occurrence = session.get(Occurrence, number)
        return occurrence is None or occurrence.status == "done" or occurrence.withdrawn


def test_a_long_history_and_plan_text_still_fit(world: DemoWorld, tmp_path: Path) -> None:
    """An item with many updates, long notes and a long plan cell: /xem keeps the newest
    history that fits and says how much more there is."""
    staff = world.staff.user_id
    number = _unit_items(world)[0]
    _long_item(
        world,
        number,
        ("ghi chú dài " * 12, 40),
        deadline_text="Theo quy định tại văn bản số 12/KH-UBND " * 40,
        title="Nhiệm vụ có tên rất dài " * 30,
    )
    shown = _check(world, staff, f"/xem {number}")
    assert "40%" in shown or "40 %" in shown
    assert "cập nhật trước đó" in shown
    # "See more" works: the older updates follow page by page, down to the first one.
    pages = [shown]
    while (following := re.search(rf"gõ (/xem {number} \d+)", pages[-1])) is not None:
        pages.append(_check(world, staff, following.group(1)))
        assert len(pages) < 20
    history = "\n".join(pages)
    assert all(f" {percent}%" in history for percent in range(1, 41))


def _long_item(world: DemoWorld, number: int, notes: tuple[str, int], **cells: str) -> None:
    """`notes[1]` progress updates with the note `notes[0]`, then the plan's `cells` set."""
    from storage.models import Task

    note, count = notes
    for turn in range(count):
        _answers(world, world.staff.user_id, f"tiendo {number} {turn + 1} {note}")

    with Session(world.app.engine) as session:
        occurrence = session.get(Occurrence, number)
        assert occurrence is not None
        assignment = session.get(Assignment, occurrence.assignment_id)
        assert assignment is not None
        task = session.get(Task, assignment.task_id)
        assert task is not None
        for key, value in cells.items():
            setattr(task, key, value)
        session.add(task)
        session.commit()


def test_long_file_names_and_cells_still_fit(world: DemoWorld, tmp_path: Path) -> None:
    """Eight files with long names, long cells of several lines, many long notes: /xem is one
    message within 2,000 characters, later lines of a cell are kept ("; "), not dropped."""
    from storage.tracking import store_evidence

    staff = world.staff.user_id
    # An item due soon (one further ahead is asked about first).
    number = next(
        n
        for n in _unit_items(world)[1:]
        if not _answers(world, staff, f"/xem {n}")[0].startswith("❓")
    )
    _long_item(
        world,
        number,
        ("ghi chú rất dài " * 20, 12),
        title="Nhiệm vụ có tên rất dài " * 30,
        expected_output="Báo cáo của Sở\n- Kèm phụ lục số liệu các xã " + "và các phường " * 30,
        deadline_text="Trước ngày 15/12\n- Định kỳ hằng quý " + "theo văn bản số 12 " * 30,
    )
    with Session(world.app.engine) as session:
        for index in range(8):
            source = tmp_path / f"proof-{index}.pdf"
            source.write_bytes(b"%PDF-1.4 " + str(index).encode())
            store_evidence(
                session,
                occurrence_id=number,
                source=source,
                file_name=f"{index}-" + "bien-ban-hop-danh-gia-ket-qua-cai-cach " * 6 + ".pdf",
                mime_type="application/pdf",
                files_dir=world.app.files_dir,
                person_id=None,
                channel="console",
                actor="test",
                now=world.clock.now(),
            )
        session.commit()
    shown = _check(world, staff, f"/xem {number}")
    assert "Báo cáo của Sở; Kèm phụ lục" in shown and "Trước ngày 15/12; Định kỳ" in shown
    assert "Minh chứng (8)" in shown and ".pdf" in shown

    # Older pages of the history fit as well, and together they show every update (the
    # twelve notes were given at 1 %, 2 %, … 12 %).
    def percents(page: str) -> set[str]:
        return set(re.findall(r"Đang thực hiện (\d+)% — “ghi chú", page))

    seen = percents(shown)
    while (following := re.search(rf"gõ (/xem {number} \d+)", shown)) is not None:
        shown = _check(world, staff, following.group(1))
        seen |= percents(shown)
    assert seen == {str(n) for n in range(1, 13)}


def test_a_page_past_the_end_is_the_last_page(world: DemoWorld) -> None:
    staff = world.staff.user_id
    pages = _follow_pages(world, staff, "/nhiemvu het")
    assert len(pages) >= 2
    last = _check(world, staff, "/nhiemvu het 99")
    assert last == pages[-1] and f"trang {len(pages)}" in last
    # Digits that are no page number ("²") or a page 0 are the first page.
    first = _check(world, staff, "/nhiemvu het 0")
    assert first == pages[0] and "trang" not in first.splitlines()[0]
    assert _check(world, staff, "/nhiemvu ²").startswith("Nhiệm vụ chưa xong")
    number = _unit_items(world)[0]
    assert f"#{number}" in _check(world, staff, f"/xem {number} ²")
