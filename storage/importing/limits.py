"""Hard limits on what an import accepts, so a wrong or hostile file cannot exhaust the machine."""

from __future__ import annotations

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000
MAX_CELL_CHARS = 10_000
# Uncompressed size of an .xlsx/.docx package; a zip bomb declares far more than this.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
# Below this unpacked size the ratio is not looked at.
MAX_RATIO_CHECKED_BYTES = 10 * 1024 * 1024
