"""Long polling of the Zalo Bot API until told to stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from bot.channels.zalo.api import ZaloApi, ZaloApiError
from bot.channels.zalo.dispatch import ZaloDispatcher
from messages.errors import ConfigurationError
from messages.render import render

log = logging.getLogger(__name__)

_MAX_BACKOFF_SECONDS = 60.0
# Answers to getMe meaning the token itself is wrong, not that Zalo is unreachable.
_REFUSED_TOKEN_CODES = frozenset({401, 403, 404})


class ZaloPoller:
    def __init__(self, api: ZaloApi, dispatcher: ZaloDispatcher, *, poll_timeout: int = 30) -> None:
        self._api = api
        self._dispatcher = dispatcher
        self._poll_timeout = poll_timeout
        self._handling: set[asyncio.Task[None]] = set()

    async def run(self, stop: asyncio.Event) -> None:
        """Poll and dispatch until `stop` is set; an open poll is abandoned at once on stop,
        updates already received are still answered."""
        me = await wait_for_bot(self._api, stop)
        if me is None:
            return
        try:
            await self._poll(stop, me)
        finally:
            while self._handling:
                await asyncio.gather(*list(self._handling), return_exceptions=True)

    async def _poll(self, stop: asyncio.Event, me: dict[str, Any]) -> None:
        log.info("Zalo bot %s ready (long polling)", me.get("account_name") or me.get("id"))
        backoff = 1.0
        while not stop.is_set():
            poll = asyncio.ensure_future(self._api.get_updates(timeout=self._poll_timeout))
            stopper = asyncio.ensure_future(stop.wait())
            done, _ = await asyncio.wait({poll, stopper}, return_when=asyncio.FIRST_COMPLETED)
            if poll not in done:
                poll.cancel()
                with contextlib.suppress(asyncio.CancelledError, ZaloApiError):
                    await poll
                break
            stopper.cancel()
            try:
                updates = poll.result()
            except ZaloApiError as exc:
                wait = exc.retry_after or backoff
                log.warning("Zalo getUpdates failed (%s); retrying in %.0f s", exc, wait)
                backoff = min(backoff * 2, _MAX_BACKOFF_SECONDS)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=wait)
                continue
            backoff = 1.0
            for update in updates:
                # Not awaited here: the next poll goes out while a slow answer is worked out;
                # the dispatcher keeps each chat's updates in order.
                task = asyncio.ensure_future(self._dispatcher.dispatch(update))
                self._handling.add(task)
                task.add_done_callback(self._handling.discard)


async def wait_for_bot(api: ZaloApi, stop: asyncio.Event) -> dict[str, Any] | None:
    """getMe until it answers: a refused token stops start-up with a clear sentence, while
    a network or server failure is waited out (the bot may start before the network).
    None when stopped first."""
    backoff = 1.0
    while not stop.is_set():
        try:
            return await api.get_me()
        except ZaloApiError as exc:
            if exc.error_code in _REFUSED_TOKEN_CODES:
                raise ConfigurationError(
                    render("channels/zalo_token_refused.txt", code=exc.error_code)
                ) from None
            log.warning("Zalo getMe failed (%s); retrying in %.0f s", exc, backoff)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=backoff)
            backoff = min(backoff * 2, _MAX_BACKOFF_SECONDS)
    return None
