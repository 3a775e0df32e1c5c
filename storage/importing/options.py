"""What the person importing a plan chose on the command line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportOptions:
    code: str | None = None
    year: int | None = None
    title: str | None = None
    issuer: str | None = None
    create_units: bool = False
    dry_run: bool = False
