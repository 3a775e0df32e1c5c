"""Hardening of invites and membership: single use under a race, leaving for good, guessing."""

from __future__ import annotations

import threading
from pathlib import Path

from core_fixtures import add_unit, build_world, group, make_app, private
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.core.conversation import Conversation
from messages.errors import UserFacingError
from scheduler.clock import ManualClock
from scheduler.vocabulary import Audience, Role
from storage import chat_links, identities, invites, membership
from storage.database import make_engine
from storage.models import AuditEntry, Invite, Person

ROUNDS = 6


def _second_engine(engine: Engine) -> Engine:
    """Another pool on the same database, as a second bot process would have."""
    url = engine.url.render_as_string(hide_password=False)
    options = engine.dialect.name == "postgresql" and _search_path(engine)
    return make_engine(url, options=options) if options else make_engine(url)


def _search_path(engine: Engine) -> str:
    with engine.connect() as connection:
        schema = connection.exec_driver_sql("select current_schema()").scalar_one()
    return f"-csearch_path={schema}"


def test_one_code_sent_by_two_people_at_once_lets_exactly_one_in(
    engine: Engine, clock: ManualClock
) -> None:
    with Session(engine) as session:
        unit_id = add_unit(session, "Văn phòng Sở", clock.now()).id
        session.commit()
    other = _second_engine(engine)
    try:
        for round_number in range(ROUNDS):
            with Session(engine) as session:
                code = invites.create_invite(
                    session, unit_id=unit_id, now=clock.now(), actor="test"
                ).code
                session.commit()
            barrier = threading.Barrier(2)
            outcomes: list[str] = []

            def redeem(
                pool: Engine,
                user: str,
                code: str = code,
                barrier: threading.Barrier = barrier,
                outcomes: list[str] = outcomes,
            ) -> None:
                barrier.wait()
                try:
                    with Session(pool) as session:
                        invites.redeem_invite(
                            session,
                            code=code,
                            channel="telegram",
                            external_id=user,
                            display_name=f"Người {user}",
                            chat_id=user,
                            is_private=True,
                            now=clock.now(),
                        )
                        session.commit()
                    outcomes.append("in")
                except UserFacingError as exc:
                    outcomes.append(exc.message)

            threads = [
                threading.Thread(target=redeem, args=(pool, f"{round_number}-{n}"))
                for n, pool in enumerate((engine, other))
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            assert outcomes.count("in") == 1, f"round {round_number}: {outcomes}"
            assert any("đã được dùng" in outcome for outcome in outcomes)
        with Session(engine) as session:
            people = session.exec(select(Person)).all()
            assert len(people) == ROUNDS
            assert all(invite.used_by_id for invite in session.exec(select(Invite)))
    finally:
        other.dispose()


def test_leaving_unit_a_then_writing_in_unit_bs_group_gives_no_right_in_unit_a(
    engine: Engine, clock: ManualClock
) -> None:
    with Session(engine) as session:
        unit_a = add_unit(session, "Văn phòng Sở", clock.now()).id or 0
        unit_b = add_unit(session, "Phòng Tổ chức cán bộ", clock.now()).id or 0
        for unit_id, chat in ((unit_a, "-a"), (unit_b, "-b")):
            chat_links.link_chat(
                session,
                channel="telegram",
                chat_id=chat,
                audience=Audience.UNIT,
                unit_id=unit_id,
                title=None,
                now=clock.now(),
            )
        code = invites.create_invite(
            session, unit_id=unit_a, role=Role.FOCAL_POINT, now=clock.now(), actor="test"
        ).code
        invites.redeem_invite(
            session,
            code=code,
            channel="telegram",
            external_id="7",
            display_name="An",
            chat_id="7",
            is_private=True,
            now=clock.now(),
        )
        session.commit()
        left = membership.member_left(
            session, channel="telegram", chat_id="-a", external_id="7", now=clock.now()
        )
        assert left is not None
        session.commit()
        # The focal point's private copy of unit A's reminders ends with the membership.
        assert chat_links.chat_links(session, channel="telegram", chat_id="7") == []

        back = membership.enrol_group_member(
            session,
            unit_id=unit_b,
            channel="telegram",
            external_id="7",
            display_name="An",
            now=clock.now(),
        )
        session.commit()
        assert back.active
        assert (back.unit_id, back.role) == (unit_b, Role.STAFF)
        person = identities.person_for_identity(session, channel="telegram", external_id="7")
        assert person is not None and person.unit_id == unit_b

        # In their own unit's group they come back as they were.
        membership.member_left(
            session, channel="telegram", chat_id="-b", external_id="7", now=clock.now()
        )
        again = membership.enrol_group_member(
            session,
            unit_id=unit_b,
            channel="telegram",
            external_id="7",
            display_name="An",
            now=clock.now(),
        )
        assert again.active and again.unit_id == unit_b
        actions = session.exec(
            select(AuditEntry.action).where(col(AuditEntry.entity) == "person")
        ).all()
        assert actions.count("person.rejoin_by_group") == 2


def test_in_chat_a_member_who_left_cannot_change_the_old_units_items(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    world = build_world(engine, clock.now())
    conversation = Conversation(make_app(engine, clock, tmp_path / "files"))
    with Session(engine) as session:
        for unit_id, audience in ((world.unit_a, Audience.UNIT), (world.unit_b, Audience.UNIT)):
            code = invites.create_invite(
                session, unit_id=unit_id, audience=audience, now=clock.now(), actor="test"
            ).code
            chat = "-a" if unit_id == world.unit_a else "-b"
            invites.redeem_invite(
                session,
                code=code,
                channel="telegram",
                external_id="admin",
                display_name="Quản trị",
                chat_id=chat,
                is_private=False,
                now=clock.now(),
            )
        session.commit()
    try:
        conversation.answer(group("-a", "77", f"xong {world.week_a}"))
        conversation.on_member_left("telegram", "-a", "77")
        conversation.answer(group("-b", "77", f"xong {world.item_b}"))
        reply = conversation.answer(private("77", f"xong {world.late_a}"))
        assert "đơn vị" in reply.replies[0].text.lower() or "không" in reply.replies[0].text
        with Session(engine) as session:
            person = identities.person_for_identity(session, channel="telegram", external_id="77")
            assert person is not None and person.unit_id == world.unit_b
    finally:
        conversation.close()


def test_guessing_codes_is_limited_per_account_and_audited(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    build_world(engine, clock.now())
    conversation = Conversation(make_app(engine, clock, tmp_path / "files"))
    try:
        with Session(engine) as session:
            real = invites.create_invite(
                session, unit_id=None, audience=Audience.LEADERS, now=clock.now(), actor="t"
            ).code
            session.commit()
        answers = [
            conversation.answer(private("66", f"/start ZZZZZZ{n:02d}")).replies[0].text
            for n in range(invites.FAILED_ATTEMPTS_PER_ACCOUNT)
        ]
        assert all("không đúng" in answer for answer in answers)
        # Past the limit even the right code is not tried: a guesser cannot tell.
        refused = conversation.answer(private("66", f"/start {real}")).replies[0].text
        assert "quá nhiều lần" in refused
        with Session(engine) as session:
            assert session.exec(select(Invite).where(Invite.code == real)).one().used_at is None
            failed = session.exec(
                select(AuditEntry).where(AuditEntry.action == invites.FAILED_ACTION)
            ).all()
            assert len(failed) == invites.FAILED_ATTEMPTS_PER_ACCOUNT
            assert {entry.actor for entry in failed} == {"telegram:66"}
            assert all(real not in str(entry.details) for entry in failed)
        # Another account is not held up by the guesser, and an hour later the guesser may retry.
        assert "quá nhiều" not in conversation.answer(private("67", "/start ABC")).replies[0].text
        clock.advance(invites.ATTEMPT_WINDOW)
        welcome = conversation.answer(private("66", f"/start {real}")).replies[0].text
        assert "quá nhiều" not in welcome and "không đúng" not in welcome
    finally:
        conversation.close()
