"""A conversation on the test database, with helpers to talk to it like a chat network."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from core_fixtures import World, build_world, make_app, private
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.core.conversation import Conversation
from bot.core.protocol import IncomingMessage, Response
from scheduler.clock import ManualClock
from storage import identities
from storage.models import Occurrence

ADMIN_ID = "900"
_CODE = re.compile(r"<code>([A-Z0-9]{8})</code>")


@dataclass
class Chat:
    conv: Conversation
    world: World
    engine: Engine
    clock: ManualClock
    tmp: Path

    async def say(self, message: IncomingMessage) -> Response:
        return await self.conv.handle(message)

    async def text(self, message: IncomingMessage) -> str:
        """All reply texts of one message, joined."""
        response = await self.say(message)
        return "\n".join(reply.text for reply in response.replies)

    async def invite(self, args: str) -> str:
        answer = await self.text(private(ADMIN_ID, f"/moi {args}", name="Quản trị"))
        match = _CODE.search(answer)
        assert match, answer
        return match.group(1)

    async def join(self, user_id: str, unit: str = "Văn phòng Sở", role: str = "") -> None:
        code = await self.invite(f"{unit} {role}".strip())
        answer = await self.text(private(user_id, f"/start {code}"))
        assert "Đã liên kết" in answer, answer

    def occurrence(self, occurrence_id: int) -> Occurrence:
        with Session(self.engine) as session:
            found = session.get(Occurrence, occurrence_id)
            assert found is not None
            return found

    def person(self, user_id: str, channel: str = "telegram") -> int | None:
        with Session(self.engine) as session:
            found = identities.person_for_identity(session, channel=channel, external_id=user_id)
            return found.id if found else None


def make_chat(engine: Engine, clock: ManualClock, tmp: Path, **settings: object) -> Chat:
    values: dict[str, object] = {"admin_ids": ADMIN_ID, "max_upload_mb": 1}
    values.update(settings)
    app = make_app(engine, clock, tmp / "files", **values)
    world = build_world(engine, clock.now())
    return Chat(Conversation(app), world, engine, clock, tmp)
