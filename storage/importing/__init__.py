"""Importing a plan's task appendix from .xlsx, .docx, .csv/.tsv or YAML (see README)."""

from storage.importing.apply import ImportOptions, import_file, import_plan
from storage.importing.readers import SourceDocument, read_source
from storage.importing.review import ImportReview, Problem, TaskReview

__all__ = [
    "ImportOptions",
    "ImportReview",
    "Problem",
    "SourceDocument",
    "TaskReview",
    "import_file",
    "import_plan",
    "read_source",
]
