"""A thin client of the Zalo Bot API over httpx.

Every method is `POST <base><token>/<method>` with a JSON body and answers
`{"ok": true, "result": …}` or `{"ok": false, "error_code": …, "description": …}`.
"""

from __future__ import annotations

from typing import Any

import httpx

from messages import texts

DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=10.0)
# Long polling holds the request open for the poll time; the read timeout must outlast it.
_POLL_GRACE_SECONDS = 15.0

# Error codes after which the same request will never succeed (bad chat, blocked bot, bad
# payload). The docs do not list Zalo's codes; these follow the HTTP meanings the API reuses.
_PERMANENT_CODES = frozenset({400, 403, 404})


class ZaloApiError(Exception):
    """The API refused or could not be reached; `permanent` when retrying cannot help."""

    def __init__(
        self,
        description: str,
        *,
        error_code: int | None = None,
        permanent: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(description)
        self.description = description
        self.error_code = error_code
        self.permanent = permanent
        self.retry_after = retry_after


class ZaloApi:
    """One bot's API; the token lives only in the request path and is never logged."""

    def __init__(
        self,
        token: str,
        *,
        base_url: str = "https://bot-api.zaloplatforms.com/bot",
        client: httpx.AsyncClient | None = None,
    ) -> None:
        if not token:
            raise ValueError("token must not be empty")
        self._prefix = f"{base_url}{token}/"
        self._own_client = client is None
        self._client = client or httpx.AsyncClient(timeout=DEFAULT_TIMEOUT)

    @property
    def client(self) -> httpx.AsyncClient:
        return self._client

    async def aclose(self) -> None:
        if self._own_client:
            await self._client.aclose()

    async def call(
        self, method: str, payload: dict[str, Any] | None = None, *, timeout: float | None = None
    ) -> Any:
        """Call a method and return its `result`; raise ZaloApiError otherwise."""
        request_timeout = httpx.Timeout(timeout, connect=10.0) if timeout else DEFAULT_TIMEOUT
        try:
            response = await self._client.post(
                self._prefix + method, json=payload or {}, timeout=request_timeout
            )
        except httpx.TimeoutException as exc:
            raise ZaloApiError(
                texts.text("zalo", "timeout", method=method, error=type(exc).__name__)
            ) from None
        except httpx.HTTPError as exc:
            raise ZaloApiError(
                texts.text("zalo", "network", method=method, error=type(exc).__name__)
            ) from None
        return _result(method, response)

    async def get_me(self) -> dict[str, Any]:
        result = await self.call("getMe")
        return result if isinstance(result, dict) else {}

    async def get_updates(self, *, timeout: int = 30) -> list[dict[str, Any]]:
        """Wait up to `timeout` seconds for updates; an idle poll yields an empty list."""
        try:
            result = await self.call(
                "getUpdates",
                # The docs type `timeout` as a string of seconds.
                {"timeout": str(timeout)},
                timeout=timeout + _POLL_GRACE_SECONDS,
            )
        except ZaloApiError as exc:
            # An idle long poll may end as error 408 rather than an empty result.
            if exc.error_code == 408:
                return []
            raise
        # The docs show one update object as `result`; accept a list too, and nothing.
        if isinstance(result, list):
            return [item for item in result if isinstance(item, dict)]
        if isinstance(result, dict) and result:
            return [result]
        return []

    async def set_webhook(self, *, url: str, secret_token: str) -> dict[str, Any]:
        result = await self.call("setWebhook", {"url": url, "secret_token": secret_token})
        return result if isinstance(result, dict) else {}

    async def delete_webhook(self) -> None:
        await self.call("deleteWebhook")

    async def get_webhook_info(self) -> dict[str, Any]:
        result = await self.call("getWebhookInfo")
        return result if isinstance(result, dict) else {}

    async def send_message(self, *, chat_id: str, text: str) -> str:
        return _message_id(await self.call("sendMessage", {"chat_id": chat_id, "text": text}))

    async def send_photo(self, *, chat_id: str, photo_url: str, caption: str | None = None) -> str:
        payload: dict[str, Any] = {"chat_id": chat_id, "photo": photo_url}
        if caption:
            payload["caption"] = caption
        return _message_id(await self.call("sendPhoto", payload))

    async def send_chat_action(self, *, chat_id: str, action: str = "typing") -> None:
        await self.call("sendChatAction", {"chat_id": chat_id, "action": action})


def _result(method: str, response: httpx.Response) -> Any:
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise ZaloApiError(
            texts.text("zalo", "bad_answer", method=method, status=response.status_code),
            error_code=response.status_code,
            permanent=False,
        )
    if body.get("ok") is True and response.status_code < 400:
        return body.get("result")
    code = _int_or_none(body.get("error_code")) or response.status_code
    description = str(body.get("description") or f"HTTP {response.status_code}")
    retry_after = _retry_after(body, response)
    if code == 429 or response.status_code == 429:
        return _raise(method, description, code, permanent=False, retry_after=retry_after or 1.0)
    return _raise(method, description, code, permanent=code in _PERMANENT_CODES)


def _raise(
    method: str,
    description: str,
    code: int,
    *,
    permanent: bool,
    retry_after: float | None = None,
) -> Any:
    raise ZaloApiError(
        texts.text("zalo", "refused", method=method, description=description, code=code),
        error_code=code,
        permanent=permanent,
        retry_after=retry_after,
    )


def _retry_after(body: dict[str, Any], response: httpx.Response) -> float | None:
    parameters = body.get("parameters")
    if isinstance(parameters, dict):
        value = _float_or_none(parameters.get("retry_after"))
        if value is not None:
            return value
    return _float_or_none(response.headers.get("Retry-After"))


def _message_id(result: Any) -> str:
    if isinstance(result, dict) and result.get("message_id") is not None:
        return str(result["message_id"])
    return ""


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float_or_none(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
