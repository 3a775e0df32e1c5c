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
# A plan table has tens of columns; a cell or merge far to the right (column XFD) or a Word cell
# spanning millions of grid columns is refused before any row is built.
MAX_COLUMNS = 200
# Cells covered by merges in one sheet: openpyxl builds an object for each of them.
MAX_MERGED_CELLS = 200_000
