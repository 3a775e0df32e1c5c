"""The registry of units, in one module per reason to change.

- `registry`: looking names up (the one `find_unit`), adding units, aliases, groups, renaming;
- `merge`: merging a unit into another;
- `listing`: what `nhacviec units list` shows;
- `files`: units files (YAML/CSV) and loading them;
- `suggestions`: which registered unit an unknown name (an abbreviation) likely stands for.
"""

from scheduler.unit_names import clean_name, unit_key
from storage.units.files import (
    MAX_UNITS_FILE_BYTES,
    LoadResult,
    UnitsFile,
    UnitSpec,
    load_units,
    read_units_file,
)
from storage.units.listing import GroupInfo, UnitInfo, list_groups, list_units
from storage.units.merge import MergeResult, merge_units
from storage.units.registry import (
    MAX_NAME_LENGTH,
    Resolution,
    add_alias,
    add_group_alias,
    add_to_group,
    add_unit,
    ensure_group,
    find_group,
    find_unit,
    group_members,
    known_keys,
    remove_from_group,
    rename_unit,
    require_unit,
    resolve,
)
from storage.units.suggestions import Suggestion, UnitSuggester

__all__ = [
    "MAX_NAME_LENGTH",
    "MAX_UNITS_FILE_BYTES",
    "GroupInfo",
    "LoadResult",
    "MergeResult",
    "Resolution",
    "Suggestion",
    "UnitInfo",
    "UnitSpec",
    "UnitSuggester",
    "UnitsFile",
    "add_alias",
    "add_group_alias",
    "add_to_group",
    "add_unit",
    "clean_name",
    "ensure_group",
    "find_group",
    "find_unit",
    "group_members",
    "known_keys",
    "list_groups",
    "list_units",
    "load_units",
    "merge_units",
    "read_units_file",
    "remove_from_group",
    "rename_unit",
    "require_unit",
    "resolve",
    "unit_key",
]
