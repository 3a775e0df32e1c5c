"""The state and the methods of a fake Bot API, independent of how requests arrive.

Answers follow https://core.telegram.org/bots/api: `{"ok": true, "result": …}` or
`{"ok": false, "error_code": …, "description": …, "parameters": {"retry_after": …}}`.
Everything is guarded by one condition so HTTP threads, the in-process request and the test
can all touch it; tests wait for the bot's calls with bounded `wait_for_call`.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fake_telegram.html_check import html_problem
from fake_telegram.limits import FloodLimits

BOT_USER: dict[str, Any] = {
    "id": 900000001,
    "is_bot": True,
    "first_name": "Nhắc việc",
    "username": "nhacviec_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": True,
    "supports_inline_queries": False,
}

# Real Telegram holds getUpdates open up to `timeout` seconds; the fake caps the wait so a
# stopping bot is never held up for long.
LONG_POLL_CAP = 0.5


@dataclass
class RecordedCall:
    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes, str | None]] = field(default_factory=dict)
    result: Any = None
    error_code: int | None = None


@dataclass
class _Failure:
    method: str | None
    status: int
    description: str
    retry_after: int | None = None


class FakeBotApi:
    def __init__(self, token: str = "123:ABC", *, limits: FloodLimits | None = None) -> None:
        self.token = token
        # Telegram's flood limits, when a test or benchmark wants them enforced.
        self.limits = limits
        self._cond = threading.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._file_ids = itertools.count(1)
        self._clock = itertools.count(1_700_000_000)
        self._updates: list[dict[str, Any]] = []
        self._chats: dict[int, dict[str, Any]] = {}
        # (chat_id, message_id) → the message as Telegram would return it.
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._files: dict[str, tuple[str, bytes]] = {}  # file_id → (file_path, content)
        self._failures: list[_Failure] = []
        self._blocked: dict[int, str] = {}
        self.calls: list[RecordedCall] = []
        self.commands: list[dict[str, str]] = []
        self.webhook_url = ""

    # ----- what tests do as Telegram users -----

    def add_private_chat(self, user_id: int, first_name: str, last_name: str = "") -> None:
        with self._cond:
            chat: dict[str, Any] = {"id": user_id, "type": "private", "first_name": first_name}
            if last_name:
                chat["last_name"] = last_name
            self._chats[user_id] = chat

    def add_group(self, chat_id: int, title: str) -> None:
        with self._cond:
            self._chats[chat_id] = {"id": chat_id, "type": "group", "title": title}

    def block_chat(
        self, chat_id: int, description: str = "Forbidden: bot was blocked by the user"
    ) -> None:
        with self._cond:
            self._blocked[chat_id] = description

    def unblock_chat(self, chat_id: int) -> None:
        """The user unblocked the bot (and may write to it again)."""
        with self._cond:
            self._blocked.pop(chat_id, None)

    def fail_next(
        self,
        method: str | None = None,
        *,
        retry_after: int | None = 1,
        status: int = 429,
        description: str | None = None,
    ) -> None:
        """Answer the next call (of `method`, or any) with an error; 429 carries retry_after."""
        text = description or (
            f"Too Many Requests: retry after {retry_after}" if status == 429 else "Bad Request"
        )
        with self._cond:
            self._failures.append(_Failure(method, status, text, retry_after))

    def user_message(
        self,
        *,
        user_id: int,
        chat_id: int,
        text: str = "",
        first_name: str = "Người dùng",
        reply_to: int | None = None,
        document: Mapping[str, Any] | None = None,
        photo: list[dict[str, Any]] | None = None,
        caption: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Queue a message from a user, as an update; returns the message."""
        with self._cond:
            chat = self._chat(chat_id)
            message: dict[str, Any] = {
                "message_id": next(self._message_ids),
                "date": next(self._clock),
                "chat": chat,
                "from": {"id": user_id, "is_bot": False, "first_name": first_name},
            }
            if text:
                message["text"] = text
                if text.startswith("/"):
                    length = len(text.split()[0].encode("utf-16-le")) // 2
                    message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
            if reply_to is not None:
                message["reply_to_message"] = self._messages[(chat_id, reply_to)]
            if document is not None:
                message["document"] = dict(document)
            if photo is not None:
                message["photo"] = photo
            if caption is not None:
                message["caption"] = caption
            if extra:
                message.update(extra)
            self._messages[(chat_id, message["message_id"])] = message
            self._push({"message": message})
            return message

    def user_presses(self, *, user_id: int, chat_id: int, message_id: int, data: str) -> str:
        """Queue a callback query for a button on a bot message; returns the query id."""
        with self._cond:
            query_id = f"cbq{next(self._update_ids)}"
            self._push(
                {
                    "callback_query": {
                        "id": query_id,
                        "from": {"id": user_id, "is_bot": False, "first_name": "Người dùng"},
                        "chat_instance": f"ci{chat_id}",
                        "message": self._messages[(chat_id, message_id)],
                        "data": data,
                    }
                }
            )
            return query_id

    def add_file(self, content: bytes, *, file_name: str, mime_type: str) -> dict[str, Any]:
        """Make a file known to the server; returns the `document` object a message carries."""
        with self._cond:
            number = next(self._file_ids)
            file_id = f"FILE{number}"
            suffix = file_name.rsplit(".", 1)[-1] if "." in file_name else "bin"
            self._files[file_id] = (f"documents/file_{number}.{suffix}", content)
            return {
                "file_id": file_id,
                "file_unique_id": f"U{file_id}",
                "file_name": file_name,
                "mime_type": mime_type,
                "file_size": len(content),
            }

    def bot_status_changed(self, *, chat_id: int, by_user: int, new_status: str) -> None:
        """Queue a my_chat_member update (e.g. "kicked", "left" or "member")."""
        with self._cond:
            old = {"status": "member", "user": BOT_USER}
            new: dict[str, Any] = {"status": new_status, "user": BOT_USER}
            if new_status == "kicked":
                new["until_date"] = 0
            self._push(
                {
                    "my_chat_member": {
                        "chat": self._chat(chat_id),
                        "from": {"id": by_user, "is_bot": False, "first_name": "Quản trị"},
                        "date": next(self._clock),
                        "old_chat_member": old,
                        "new_chat_member": new,
                    }
                }
            )

    # ----- what tests read -----

    def calls_to(self, method: str) -> list[RecordedCall]:
        with self._cond:
            return [call for call in self.calls if call.method == method]

    def wait_for_call(
        self,
        method: str,
        predicate: Callable[[RecordedCall], bool] = lambda call: True,
        *,
        timeout: float = 20.0,
        start: int = 0,
    ) -> RecordedCall:
        """The first successful call of `method` (from index `start`) matching `predicate`."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for call in self.calls[start:]:
                    if call.method == method and call.error_code is None and predicate(call):
                        return call
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [_describe(c) for c in self.calls[start:]]
                    raise AssertionError(f"no matching {method} within {timeout}s; saw {seen}")
                self._cond.wait(min(remaining, 0.2))

    def mark(self) -> int:
        """An index into `calls`, to wait only for calls made after this point."""
        with self._cond:
            return len(self.calls)

    def message(self, chat_id: int, message_id: int) -> dict[str, Any]:
        with self._cond:
            return dict(self._messages[(chat_id, message_id)])

    def pending_updates(self) -> int:
        with self._cond:
            return len(self._updates)

    # ----- the Bot API -----

    def file_content(self, token: str, file_path: str) -> bytes | None:
        if token != self.token:
            return None
        with self._cond:
            for path, content in self._files.values():
                if path == file_path:
                    return content
        return None

    def handle(
        self,
        token: str,
        method: str,
        params: dict[str, Any],
        files: dict[str, tuple[str, bytes, str | None]] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        """One Bot API call → (HTTP status, JSON body)."""
        if token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method_key = method.lower()
        params = {key: _decode(key, value) for key, value in params.items()}
        files = files or {}
        call = RecordedCall(method=method, params=params, files=files)
        with self._cond:
            failure = self._take_failure(method_key)
            if failure is None and method_key == "getupdates":
                # Long poll outside the record so waiting does not clutter `calls`.
                self._wait_for_updates(params)
            if failure is not None:
                status, body = _error(failure.status, failure.description, failure.retry_after)
            else:
                status, body = self._dispatch(method_key, params, files)
            if method_key != "getupdates" or body.get("result"):
                call.error_code = None if body.get("ok") else int(body["error_code"])
                call.result = body.get("result") if body.get("ok") else body.get("description")
                self.calls.append(call)
            self._cond.notify_all()
            return status, body

    def _take_failure(self, method_key: str) -> _Failure | None:
        for index, failure in enumerate(self._failures):
            if failure.method is None or failure.method.lower() == method_key:
                return self._failures.pop(index)
        return None

    def _wait_for_updates(self, params: dict[str, Any]) -> None:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), LONG_POLL_CAP)
        deadline = time.monotonic() + timeout
        while not any(u["update_id"] >= offset for u in self._updates):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            self._cond.wait(remaining)

    def _dispatch(
        self,
        method: str,
        params: dict[str, Any],
        files: dict[str, tuple[str, bytes, str | None]],
    ) -> tuple[int, dict[str, Any]]:
        handlers: dict[str, Callable[[], tuple[int, dict[str, Any]]]] = {
            "getme": lambda: _ok(BOT_USER),
            "getupdates": lambda: self._get_updates(params),
            "deletewebhook": lambda: self._set_webhook(""),
            "setwebhook": lambda: self._set_webhook(str(params.get("url", ""))),
            "setmycommands": lambda: self._set_commands(params),
            "getmycommands": lambda: _ok(list(self.commands)),
            "sendmessage": lambda: self._send(params, kind="text"),
            "senddocument": lambda: self._send(params, kind="document", files=files),
            "sendphoto": lambda: self._send(params, kind="photo", files=files),
            "editmessagetext": lambda: self._edit(params, text=True),
            "editmessagecaption": lambda: self._edit(params, caption=True),
            "editmessagereplymarkup": lambda: self._edit(params),
            "answercallbackquery": lambda: _ok(True),
            "getfile": lambda: self._get_file(params),
            "close": lambda: _ok(True),
            "logout": lambda: _ok(True),
        }
        handler = handlers.get(method)
        if handler is None:
            return _error(404, "Not Found")
        return handler()

    def _push(self, update: dict[str, Any]) -> None:
        update["update_id"] = next(self._update_ids)
        self._updates.append(update)
        self._cond.notify_all()

    def _chat(self, chat_id: int) -> dict[str, Any]:
        if chat_id not in self._chats:
            raise KeyError(f"the test never created chat {chat_id}")
        return self._chats[chat_id]

    def _get_updates(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        # Asking from an offset confirms (forgets) every earlier update, as Telegram does.
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        return _ok(self._updates[:limit])

    def _set_webhook(self, url: str) -> tuple[int, dict[str, Any]]:
        self.webhook_url = url
        return _ok(True)

    def _set_commands(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        commands = params.get("commands") or []
        for command in commands:
            name = command.get("command", "")
            if (
                not (1 <= len(name) <= 32)
                or not name.replace("_", "").isalnum()
                or name.lower() != name
            ):
                return _error(400, "Bad Request: BOT_COMMAND_INVALID")
            if not (1 <= len(command.get("description", "")) <= 256):
                return _error(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands = [dict(c) for c in commands]
        return _ok(True)

    def _target_chat(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]] | int:
        try:
            chat_id = int(params["chat_id"])
        except (KeyError, TypeError, ValueError):
            return 400
        if chat_id in self._blocked:
            return 403
        if chat_id not in self._chats:
            return 404
        return chat_id, self._chats[chat_id]

    def _send(
        self,
        params: dict[str, Any],
        *,
        kind: str,
        files: dict[str, tuple[str, bytes, str | None]] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        target = self._target_chat(params)
        if target == 403:
            return _error(403, self._blocked[int(params["chat_id"])])
        if not isinstance(target, tuple):
            return _error(400, "Bad Request: chat not found")
        chat_id, chat = target
        if self.limits is not None:
            wait = self.limits.admit(chat_id)
            if wait is not None:
                return _error(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": next(self._clock),
            "chat": chat,
            "from": BOT_USER,
        }
        if kind == "text":
            text = str(params.get("text", ""))
            if not text.strip():
                return _error(400, "Bad Request: message text is empty")
            if len(text) > 4096:
                return _error(400, "Bad Request: message is too long")
            problem = _parse_problem(params, text)
            if problem:
                return _error(400, problem)
            message["text"] = text
        else:
            uploaded = (files or {}).get(kind)
            if uploaded is None:
                return _error(400, f"Bad Request: there is no {kind} in the request")
            file_name, content, mime = uploaded
            stored = self.add_file(content, file_name=file_name, mime_type=mime or "")
            if kind == "photo":
                message["photo"] = [
                    {k: stored[k] for k in ("file_id", "file_unique_id", "file_size")}
                    | {"width": 1, "height": 1}
                ]
            else:
                message["document"] = stored
            if params.get("caption"):
                caption = str(params["caption"])
                if len(caption) > 1024:
                    return _error(400, "Bad Request: message caption is too long")
                message["caption"] = caption
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self._messages[(chat_id, message["message_id"])] = message
        return _ok(message)

    def _edit(
        self, params: dict[str, Any], *, text: bool = False, caption: bool = False
    ) -> tuple[int, dict[str, Any]]:
        key = (int(params.get("chat_id", 0)), int(params.get("message_id", 0)))
        message = self._messages.get(key)
        if message is None:
            return _error(400, "Bad Request: message to edit not found")
        updated = dict(message)
        if text:
            if "text" not in message:
                return _error(400, "Bad Request: there is no text in the message to edit")
            updated["text"] = str(params.get("text", ""))
            problem = _parse_problem(params, updated["text"])
            if problem:
                return _error(400, problem)
        if caption:
            updated["caption"] = str(params.get("caption", ""))
        if params.get("reply_markup"):
            updated["reply_markup"] = params["reply_markup"]
        else:
            updated.pop("reply_markup", None)
        if updated == message:
            return _error(
                400,
                "Bad Request: message is not modified: specified new message content and "
                "reply markup are exactly the same as a current content and reply markup "
                "of the message",
            )
        updated["edit_date"] = next(self._clock)
        self._messages[key] = updated
        return _ok(updated)

    def _get_file(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        file_id = str(params.get("file_id", ""))
        if file_id not in self._files:
            return _error(400, "Bad Request: invalid file_id")
        path, content = self._files[file_id]
        return _ok(
            {
                "file_id": file_id,
                "file_unique_id": f"U{file_id}",
                "file_size": len(content),
                "file_path": path,
            }
        )


def _describe(call: RecordedCall) -> str:
    if call.error_code is None:
        return f"{call.method}(ok)"
    return f"{call.method}({call.error_code}: {call.result})"


def _parse_problem(params: dict[str, Any], text: str) -> str | None:
    if str(params.get("parse_mode", "")).upper() != "HTML":
        return None
    problem = html_problem(text)
    return f"Bad Request: can't parse entities: {problem}" if problem else None


def _ok(result: Any) -> tuple[int, dict[str, Any]]:
    return 200, {"ok": True, "result": result}


def _error(
    status: int, description: str, retry_after: int | None = None
) -> tuple[int, dict[str, Any]]:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if status == 429 and retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return status, body


_JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "commands",
        "scope",
        "allowed_updates",
        "entities",
        "caption_entities",
        "link_preview_options",
        "reply_parameters",
    }
)


def _decode(key: str, value: Any) -> Any:
    """Form fields carry JSON for objects and arrays (reply_markup, commands), as PTB sends."""
    if key in _JSON_FIELDS and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
