"""The fake Bot API served over real HTTP on 127.0.0.1, for processes started by tests."""

from __future__ import annotations

import json
import threading
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from fake_telegram.api import FakeBotApi


class FakeTelegramServer:
    """Serves `api` at http://127.0.0.1:<port>/bot<token>/<method> and /file/bot<token>/<path>."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api
        handler = type("Handler", (_Handler,), {"api": api})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def __enter__(self) -> FakeTelegramServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    api: FakeBotApi
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: test output should show assertions, not access logs."""

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        url = urlsplit(self.path)
        parts = unquote(url.path).lstrip("/").split("/", 1)
        if parts[0] == "file" and len(parts) == 2 and parts[1].startswith("bot"):
            token, _, file_path = parts[1][3:].partition("/")
            content = self.api.file_content(token, file_path)
            if content is None:
                self._reply(404, b"Not Found", "text/plain")
            else:
                self._reply(200, content, "application/octet-stream")
            return
        if len(parts) != 2 or not parts[0].startswith("bot"):
            self._json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        params: dict[str, Any] = dict(parse_qsl(url.query))
        files: dict[str, tuple[str, bytes, str | None]] = {}
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        content_type = self.headers.get("Content-Type", "")
        if content_type.startswith("application/json") and body:
            params.update(json.loads(body))
        elif content_type.startswith("application/x-www-form-urlencoded"):
            params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        elif content_type.startswith("multipart/form-data"):
            fields, files = _parse_multipart(content_type, body)
            params.update(fields)
        status, answer = self.api.handle(parts[0][3:], parts[1], params, files)
        self._json(status, answer)

    def _json(self, status: int, body: dict[str, Any]) -> None:
        self._reply(
            status, json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json"
        )

    def _reply(self, status: int, payload: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            # The bot gave up on a long poll while stopping: normal, nothing to report.
            self.close_connection = True


def _parse_multipart(
    content_type: str, body: bytes
) -> tuple[dict[str, str], dict[str, tuple[str, bytes, str | None]]]:
    document = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, bytes, str | None]] = {}
    for part in document.iter_parts():
        assert isinstance(part, Message)
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        file_name = part.get_filename()
        if file_name is None:
            fields[name] = content.decode("utf-8")
        else:
            files[name] = (file_name, content, part.get_content_type())
    return fields, files
