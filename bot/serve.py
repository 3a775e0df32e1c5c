"""The long-running bot: every chat channel and the reminder jobs in one loop, until a signal."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any

from bot.channels import build_senders
from bot.channels.telegram import TelegramRunner
from bot.channels.zalo.runner import run_zalo, zalo_api
from bot.context import AppContext
from bot.core.commands_menu import commands as command_menu
from bot.core.conversation import Conversation
from bot.engine import ReminderEngine, TickReport
from bot.engine.jobs import build_scheduler
from bot.engine.sender import Sender
from messages import texts
from messages.errors import ConfigurationError, UserFacingError
from messages.render import render
from scheduler.policy import ReminderPolicy
from scheduler.vocabulary import Channel

# The kinds of notice, as `nhacviec agenda` names them.
SENT_KINDS = ("checkin", "reminder", "overdue", "escalation", "digest")

log = logging.getLogger(__name__)

# How long channels get to finish in-flight work after a stop signal.
STOP_GRACE_SECONDS = 30.0


@dataclass(frozen=True)
class ChannelRun:
    """One chat channel as `run` starts it: serve until the event is set.

    `sender`, when given, replaces the channel's entry from `build_senders` so reminders go
    through the running connection (and its rate limiter) rather than a second one.
    """

    channel: str
    serve: Callable[[asyncio.Event], Coroutine[Any, Any, None]]
    sender: Sender | None = None


def channel_runs(app: AppContext, conversation: Conversation) -> list[ChannelRun]:
    """Every configured channel; a new channel adds its entry here."""
    runs: list[ChannelRun] = []
    settings = app.settings
    if settings.telegram_bot_token is not None and settings.telegram_bot_token.get_secret_value():
        telegram = TelegramRunner.from_settings(settings, conversation, commands=command_menu())
        runs.append(ChannelRun(Channel.TELEGRAM.value, telegram.run, telegram.sender))
    if zalo_api(app) is not None:
        runs.append(ChannelRun(Channel.ZALO.value, lambda stop: run_zalo(app, conversation, stop)))
    return runs


def reminder_engine(app: AppContext, senders: Mapping[str, Sender]) -> ReminderEngine:
    """The reminder engine as `run` and `tick` set it up from the settings."""
    return ReminderEngine(
        app.engine,
        app.clock,
        senders,
        policy=ReminderPolicy(hour=app.settings.reminder_hour),
        charts_dir=app.files_dir / "charts",
    )


async def _print_sent(app: AppContext, report: TickReport) -> None:
    """One line per message sent — kind, unit, what it says — for whoever watches the bot."""
    from storage.database import session_scope
    from storage.notice_audiences import audience_names

    def lines() -> str:
        with session_scope(app.engine) as session:
            names = audience_names(
                session, notification_ids=[record.notification_id for record in report.sent]
            )
        kinds = {kind: texts.text("cli", f"agenda_kind_{kind}") for kind in SENT_KINDS}
        return render("engine/sent_lines.txt", report=report, audiences=names, kinds=kinds)

    text = await asyncio.to_thread(lines)
    print(text, flush=True)


async def serve(app: AppContext, *, stop: asyncio.Event | None = None) -> None:
    """Start every channel and the reminder jobs; stop all of them on SIGTERM/SIGINT."""
    conversation = Conversation(app)
    runs = channel_runs(app, conversation)
    if not runs:
        raise ConfigurationError(render("run/no_channel.txt"))
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    senders: dict[str, Sender] = dict(build_senders(app))
    senders.update({run.channel: run.sender for run in runs if run.sender is not None})
    reminders = reminder_engine(app, senders)
    scheduler = build_scheduler(
        reminders, app.clock, on_report=lambda report: _print_sent(app, report)
    )
    tasks = {asyncio.create_task(run.serve(stop), name=run.channel): run for run in runs}
    scheduler.start()
    log.info("nhacviec running: %s", ", ".join(run.channel for run in runs))
    failure: BaseException | None = None
    try:
        failure = await _until_stopped_or_failed(stop, tasks)
    finally:
        stop.set()
        scheduler.shutdown(wait=False)
        await _finish(tasks, reported=failure)
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
        await _close_senders(senders)
        conversation.close()
    if failure is not None:
        raise failure
    log.info("nhacviec stopped")


async def _until_stopped_or_failed(
    stop: asyncio.Event, tasks: Mapping[asyncio.Task[None], ChannelRun]
) -> BaseException | None:
    """Wait for a stop signal, or for a channel to end by itself: that stops the process.

    Running on with one channel silently dead would leave its units unreminded, so the
    process ends (non-zero) and the service manager restarts it.
    """
    stopper: asyncio.Task[Any] = asyncio.create_task(stop.wait())
    try:
        done, _ = await asyncio.wait({stopper, *tasks}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
    for finished in done:
        if finished is stopper:
            continue
        task: asyncio.Task[None] = finished
        channel = tasks[task].channel
        error = task.exception()
        if error is not None:
            return error
        if not stop.is_set():
            return RuntimeError(f"{channel} channel ended unexpectedly")
    return None


async def _finish(
    tasks: Mapping[asyncio.Task[None], ChannelRun], *, reported: BaseException | None
) -> None:
    """Give channels time to finish in-flight work; log failures not already being raised."""
    pending = [task for task in tasks if not task.done()]
    if pending:
        _, late = await asyncio.wait(pending, timeout=STOP_GRACE_SECONDS)
        for task in late:
            log.warning("%s channel did not stop in time; cancelling", tasks[task].channel)
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*late, return_exceptions=True)
    for task in tasks:
        if task.done() and not task.cancelled():
            error = task.exception()
            if error is None or error is reported:
                continue
            if isinstance(error, UserFacingError):
                # A wrong setting or refused token: the sentence says what to fix, and a
                # traceback would only bury it.
                log.error("%s channel stopped: %s", tasks[task].channel, error)
            else:
                log.error("%s channel failed", tasks[task].channel, exc_info=error)


async def _close_senders(senders: Mapping[str, Sender]) -> None:
    for sender in senders.values():
        close = getattr(sender, "aclose", None)
        if close is None:
            continue
        try:
            result = close()
            if asyncio.iscoroutine(result):
                await result
        except Exception:
            log.warning("closing the %s sender failed", sender.channel, exc_info=True)
