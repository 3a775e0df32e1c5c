"""Setting up the demo: a fresh SQLite database, the example plan and its units, two people.

Everything goes through the same storage functions an office uses (units file, plan import,
invite codes), so the demo shows the product as it is, not a mock-up of it.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path

from bot.context import AppContext, build_context
from bot.settings import load_settings
from messages import texts
from messages.errors import UserFacingError
from messages.render import render
from scheduler.clock import ManualClock
from scheduler.vocabulary import Audience, Channel, Role
from storage.database import session_scope
from storage.importing import ImportOptions, ImportReview, import_file
from storage.invites import create_invite, redeem_invite
from storage.items import due_between
from storage.units import load_units, read_units_file

CONSOLE = Channel.CONSOLE.value
ACTOR = "demo"
PLAN_FILE = "plan.yaml"
UNITS_FILE = "units.yaml"
STAFF_ID = "demo-can-bo"
LEADER_ID = "demo-lanh-dao"
LEADERS_CHAT = "demo-nhom-lanh-dao"
UNIT_CHAT = "demo-nhom-don-vi"


@dataclass(frozen=True)
class Persona:
    key: str  # "staff" | "leader"
    name: str
    user_id: str


@dataclass
class DemoWorld:
    app: AppContext
    clock: ManualClock
    review: ImportReview
    unit_name: str
    staff: Persona
    leader: Persona
    chat_titles: dict[str, str]
    start: date
    end: date


def example_dir() -> Path:
    """The example shipped inside the package, so `pip install .` has it without a checkout."""
    return Path(str(resources.files("bot.demo") / "example"))


def fresh_database(data_dir: Path) -> Path:
    """`<data_dir>/demo.db`, deleted first: every demo starts from the same state."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db = data_dir / "demo.db"
    for leftover in (db, db.with_name("demo.db-wal"), db.with_name("demo.db-shm")):
        leftover.unlink(missing_ok=True)
    files = data_dir / "demo-files"
    if files.exists():
        shutil.rmtree(files)
    return db


def build_world(data_dir: Path, *, weeks: int, start: date | None = None) -> DemoWorld:
    db = fresh_database(data_dir)
    settings = load_settings(
        database_url=f"sqlite:///{db}",
        files_dir=data_dir / "demo-files",
        telegram_bot_token=None,
        zalo_bot_token=None,
        zalo_webhook_url=None,
        telegram_webhook_url=None,
    )
    source = example_dir()
    # The clock starts at the plan's import; the simulation then moves it day by day.
    clock = ManualClock(datetime(2024, 1, 2, 8, 0, tzinfo=settings.tz), settings.tz)
    app = build_context(settings, clock=clock)
    with session_scope(app.engine) as session:
        load_units(session, data=read_units_file(source / UNITS_FILE), at=clock.now(), actor=ACTOR)
    review = import_file(
        app.engine,
        path=source / PLAN_FILE,
        options=ImportOptions(),
        at=clock.now(),
        actor=ACTOR,
    )
    unit_id, unit_name, first_due = _busiest_unit(app, review.year)
    if start is not None and start.year != review.year:
        app.engine.dispose()
        raise UserFacingError(render("demo/start_outside_plan.txt", year=review.year))
    # Ten days before the first due date: the week-ahead reminders are the first thing seen.
    begin = start or max(_monday_before(first_due - timedelta(days=10)), date(review.year, 1, 2))
    clock.set(datetime.combine(begin, time(7, 0), tzinfo=settings.tz))
    staff = Persona("staff", texts.text("demo", "staff_name"), STAFF_ID)
    leader = Persona("leader", texts.text("demo", "leader_name"), LEADER_ID)
    _onboard(app, clock, unit_id=unit_id, staff=staff, leader=leader)
    titles = {
        UNIT_CHAT: texts.text("demo", "unit_chat_title", unit=unit_name),
        LEADERS_CHAT: texts.text("demo", "leaders_chat_title"),
        STAFF_ID: texts.text("demo", "private_chat_title", name=staff.name),
        LEADER_ID: texts.text("demo", "private_chat_title", name=leader.name),
    }
    end = begin + timedelta(weeks=weeks)
    # End on a weekday, so the closing questions are asked on a day people work.
    while (end - timedelta(days=1)).weekday() >= 5:
        end -= timedelta(days=1)
    return DemoWorld(
        app=app,
        clock=clock,
        review=review,
        unit_name=unit_name,
        staff=staff,
        leader=leader,
        chat_titles=titles,
        start=begin,
        end=end,
    )


def _busiest_unit(app: AppContext, year: int) -> tuple[int, str, date]:
    """The unit with the most dated items in the plan year, and its first due date.

    The demo follows that unit because it has the most to show in a few weeks.
    """
    with session_scope(app.engine) as session:
        items = [
            item
            for item in due_between(
                session, start=date(year, 1, 1), end=date(year, 12, 31), today=date(year, 1, 1)
            )
            if item.effective_due is not None and item.effective_due >= date(year, 1, 15)
        ]
    if not items:
        raise UserFacingError(texts.text("demo", "no_dated_items"))
    counts = Counter((item.unit_id, item.unit_name) for item in items)
    (unit_id, unit_name), _ = counts.most_common(1)[0]
    first_due = min(
        item.effective_due for item in items if item.unit_id == unit_id if item.effective_due
    )
    return unit_id, unit_name, first_due


def _monday_before(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _onboard(
    app: AppContext, clock: ManualClock, *, unit_id: int, staff: Persona, leader: Persona
) -> None:
    """What an office does on day one: invite codes, redeemed in private and in group chats."""
    now = clock.now()
    with session_scope(app.engine) as session:
        for persona, chat_id, private, role, audience, unit in (
            (staff, staff.user_id, True, Role.STAFF, Audience.UNIT, unit_id),
            (staff, UNIT_CHAT, False, Role.STAFF, Audience.UNIT, unit_id),
            (leader, leader.user_id, True, Role.LEADER, Audience.LEADERS, None),
            (leader, LEADERS_CHAT, False, Role.LEADER, Audience.LEADERS, None),
        ):
            invite = create_invite(
                session,
                unit_id=unit,
                role=role,
                audience=audience,
                now=now,
                actor=ACTOR,
            )
            redeem_invite(
                session,
                code=invite.code,
                channel=CONSOLE,
                external_id=persona.user_id,
                display_name=persona.name,
                chat_id=chat_id,
                is_private=private,
                chat_title=None if private else chat_id,
                now=now,
            )
