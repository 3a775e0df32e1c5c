"""Fetching a photo a Zalo user sent (Zalo gives a URL) into a temporary file, within a limit."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import httpx

from bot.core.protocol import IncomingFile

_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/jpg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "image/heic": ".heic",
}
_CHUNK = 64 * 1024


class PhotoTooLarge(Exception):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"photo of {size} bytes exceeds {limit}")
        self.size = size
        self.limit = limit


class PhotoUnavailable(Exception):
    """The URL could not be fetched (network, HTTP error, not an image)."""


async def download_photo(
    client: httpx.AsyncClient,
    url: str,
    *,
    max_bytes: int,
    name_hint: str,
    directory: Path | None = None,
) -> IncomingFile:
    """Stream the photo to a temporary file; stop as soon as it passes `max_bytes`.

    The caller owns the file and deletes it once the conversation core has stored it.
    """
    try:
        async with client.stream("GET", url, follow_redirects=True) as response:
            if response.status_code != 200:
                raise PhotoUnavailable(f"HTTP {response.status_code}")
            mime = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if mime and not mime.startswith("image/"):
                raise PhotoUnavailable(f"not an image: {mime}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise PhotoTooLarge(int(declared), max_bytes)
            suffix = _EXTENSIONS.get(mime, ".jpg")
            handle, name = tempfile.mkstemp(prefix="zalo-", suffix=suffix, dir=directory)
            path = Path(name)
            size = 0
            try:
                with os.fdopen(handle, "wb") as out:
                    async for chunk in response.aiter_bytes(_CHUNK):
                        size += len(chunk)
                        if size > max_bytes:
                            raise PhotoTooLarge(size, max_bytes)
                        out.write(chunk)
            except BaseException:
                path.unlink(missing_ok=True)
                raise
    except httpx.HTTPError as exc:
        raise PhotoUnavailable(type(exc).__name__) from None
    if size == 0:
        path.unlink(missing_ok=True)
        raise PhotoUnavailable("empty body")
    return IncomingFile(
        path=path, file_name=f"{name_hint}{suffix}", mime_type=mime or "image/jpeg", size=size
    )
