"""The fake Bot API behind python-telegram-bot's public `BaseRequest` seam: no sockets at all."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import unquote, urlsplit

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData

from fake_telegram.api import FakeBotApi

OFFLINE_BASE_URL = "http://offline.invalid/bot"
OFFLINE_FILE_BASE_URL = "http://offline.invalid/file/bot"


class OfflineRequest(BaseRequest):
    """Hands each request to a `FakeBotApi` in this process, as the HTTP server would."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        parts = unquote(urlsplit(url).path).lstrip("/").split("/", 1)
        if parts[0] == "file":
            token, _, file_path = parts[1][3:].partition("/")
            content = self.api.file_content(token, file_path)
            return (404, b"Not Found") if content is None else (200, content)
        params: dict[str, Any] = dict(request_data.json_parameters) if request_data else {}
        files: dict[str, tuple[str, bytes, str | None]] = {}
        if request_data is not None and request_data.contains_files:
            for name, field in request_data.multipart_data.items():
                file_name, content, mime = (*field, None)[:3]
                data = content if isinstance(content, bytes) else content.read()
                files[name] = (str(file_name), data, mime)
        # The fake may hold a long poll; run it off the event loop like a real network call.
        status, body = await asyncio.to_thread(
            self.api.handle, parts[0][3:], parts[1], params, files
        )
        return status, json.dumps(body).encode("utf-8")
