"""Running the demo: the real reminder engine day by day, then a chat as staff or leader."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from bot.channels.console import ConsoleChat
from bot.channels.console_loop import chat_loop
from bot.core.conversation import Conversation
from bot.demo.screen import DemoScreen
from bot.demo.world import UNIT_CHAT, DemoWorld, Persona
from bot.engine import ReminderEngine
from messages import texts
from messages.render import render

_STAFF_WORDS = ("canbo", "can bo", "cán bộ", "staff", "nhanvien")
_LEADER_WORDS = ("lanhdao", "lanh dao", "lãnh đạo", "leader", "sep")


class DemoSession:
    def __init__(self, world: DemoWorld, *, write: Callable[[str], None]) -> None:
        self.world = world
        self._write = write
        self.screen = DemoScreen(world.clock, titles=world.chat_titles, write=write)
        self.engine = ReminderEngine(
            world.app.engine,
            world.clock,
            {self.screen.channel: self.screen},
            worker_id="demo",
            # As `nhacviec run` does: the leaders' digest carries its chart.
            charts_dir=world.app.files_dir / "charts",
        )
        self.conversation = Conversation(world.app)
        self.next_day = world.start
        self.persona = world.staff

    # --- time ----------------------------------------------------------------------------------
    async def run_days(self, days: int, *, announce_quiet: bool = False) -> None:
        """Let `days` days pass: one engine pass at the reminder hour of each (the engine
        itself stays silent on weekends and holidays)."""
        hour = self.world.app.settings.reminder_hour
        tz = self.world.clock.tz
        for _ in range(days):
            self.world.clock.set(datetime.combine(self.next_day, time(hour, 0), tzinfo=tz))
            sent_before = self.screen.sent
            await self.engine.tick()
            if announce_quiet and self.screen.sent == sent_before:
                self._write(render("demo/quiet_day.txt", day=self.next_day))
            self.next_day += timedelta(days=1)

    async def run_to_end(self, *, scripted: bool) -> None:
        """Every day up to the end; in a scripted run the staff member answers the first
        reminder of the unit's chat that morning, so later days show the engine going quiet
        about that item."""
        answered = False
        while self.next_day < self.world.end:
            await self.run_days(1)
            reminded = self.screen.reminded.get(UNIT_CHAT)
            if scripted and not answered and reminded:
                self.world.clock.advance(timedelta(hours=1, minutes=30))
                await self.say(
                    self.world.staff, texts.text("demo", "scripted_answer", number=reminded[0])
                )
                answered = True

    async def closing_talk(self) -> None:
        """The end of the last day: each person asks the bot one thing."""
        self.world.clock.set(datetime.combine(self.today, time(16, 0), tzinfo=self.world.clock.tz))
        await self.say(self.world.staff, "/tasks")
        await self.say(self.world.leader, "/status")

    @property
    def today(self) -> date:
        return self.world.clock.today()

    # --- talking -------------------------------------------------------------------------------
    def chat_as(self, persona: Persona) -> ConsoleChat:
        return ConsoleChat(
            self.conversation,
            user_id=persona.user_id,
            user_name=persona.name,
            write=self._answer,
        )

    async def say(self, persona: Persona, line: str) -> None:
        """A scripted line, shown as typed, answered by the real core."""
        self.persona = persona
        self._write(render("demo/scripted.txt", name=persona.name, line=line))
        await self.chat_as(persona).say(line)

    async def interact(self) -> None:
        self._write(render("demo/interactive_intro.txt"))
        self._write(self._help())
        await chat_loop(
            _PersonaChat(self),
            write=self._write,
            prompt=lambda: f"[{self.today.strftime('%d/%m/%Y')}] {self.persona.name}> ",
            extra=self._demo_command,
        )

    async def _demo_command(self, line: str) -> bool:
        words = line.strip().split(maxsplit=1)
        if not words or not words[0].startswith(":"):
            return False
        command = words[0].lower()
        argument = words[1].strip() if len(words) > 1 else ""
        if command == ":help":
            self._write(self._help())
        elif command == ":as":
            self._switch(argument)
        elif command in (":next", ":tiep"):
            days = int(argument) if argument.isdigit() else (1 if not argument else 0)
            if not 1 <= days <= 366:
                self._write(render("demo/bad_days.txt"))
            else:
                await self.run_days(days, announce_quiet=True)
        else:
            return False
        return True

    def _switch(self, word: str) -> None:
        folded = word.strip().lower()
        if folded in _STAFF_WORDS:
            self.persona = self.world.staff
        elif folded in _LEADER_WORDS:
            self.persona = self.world.leader
        else:
            self._write(render("demo/unknown_persona.txt", word=word))
            return
        role = texts.text(
            "demo", "role_staff" if self.persona is self.world.staff else "role_leader"
        )
        self._write(render("demo/persona.txt", name=self.persona.name, role=role))

    def _help(self) -> str:
        return render("demo/help.txt", staff=self.world.staff.name, leader=self.world.leader.name)

    def _answer(self, text: str) -> None:
        chat = self.world.chat_titles.get(self.persona.user_id, self.persona.name)
        header = render("demo/header.txt", when=self.world.clock.now(), chat=chat)
        self._write(f"{header}\n{text}\n")


class _PersonaChat:
    """Routes each typed line to whoever the demo user currently is."""

    def __init__(self, session: DemoSession) -> None:
        self._session = session

    async def say(self, line: str) -> None:
        await self._session.chat_as(self._session.persona).say(line)
