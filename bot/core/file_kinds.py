"""What a file really is, from its first bytes: evidence is judged by content, not its name.

A ".pdf" that is an executable, or a ".jpg" that is a web page, is refused. Office files of
2007 and later and OpenDocument files are ZIP packages; Word 97 and Excel 97 files are OLE2
compound files; HEIC photos are ISO media files with a HEIF brand.
"""

from __future__ import annotations

from pathlib import Path

PDF = "pdf"
ZIP = "zip"
OLE2 = "ole2"
JPEG = "jpeg"
PNG = "png"
WEBP = "webp"
HEIF = "heif"

IMAGE_KINDS = frozenset({JPEG, PNG, WEBP, HEIF})

# The content each allowed extension must have.
KINDS_BY_EXTENSION: dict[str, frozenset[str]] = {
    ".pdf": frozenset({PDF}),
    ".doc": frozenset({OLE2}),
    ".docx": frozenset({ZIP}),
    ".xls": frozenset({OLE2}),
    ".xlsx": frozenset({ZIP}),
    ".odt": frozenset({ZIP}),
    ".ods": frozenset({ZIP}),
    # Phones name photos loosely (a PNG screenshot saved as .jpg): any photo is a photo.
    ".jpg": IMAGE_KINDS,
    ".jpeg": IMAGE_KINDS,
    ".png": IMAGE_KINDS,
    ".webp": IMAGE_KINDS,
    ".heic": IMAGE_KINDS,
}

_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")
_HEAD = 32


def sniff(path: Path) -> str | None:
    """The kind of the file's content, or None when it is none of the accepted kinds."""
    with path.open("rb") as handle:
        head = handle.read(_HEAD)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return ZIP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE2
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return HEIF
    return None


def content_matches(path: Path, *, extension: str) -> bool:
    """True when the content is of a kind the extension promises (any accepted kind if none)."""
    kind = sniff(path)
    if kind is None:
        return False
    allowed = KINDS_BY_EXTENSION.get(extension.lower())
    return allowed is None or kind in allowed
