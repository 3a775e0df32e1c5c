"""Click's own words ("Usage:", "Options", "Show this message and exit.") in Vietnamese.

Click marks every sentence it prints with gettext (`_` and `ngettext`, bound in each of its
modules). We bind those names to a lookup in the `click` area of the text catalogue, so
`--help` and Click's errors read in Vietnamese without a compiled .mo file or a global
gettext domain; a sentence Click adds in a later version stays in English until it is added
to `MESSAGES` and messages/templates/texts/click.txt.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import cache

import click

# Click's English message id → the macro saying it in messages/templates/texts/click.txt.
# Placeholders such as {name!r} are Click's; the Vietnamese keeps them.
MESSAGES = {
    "Usage:": "usage",
    "Options": "options",
    "Commands": "commands",
    "Positional arguments": "arguments",
    "Show this message and exit.": "help_option",
    "Show the version and exit.": "version_option",
    "%(prog)s, version %(version)s": "version",
    "default: {default}": "default",
    "required": "required",
    "(dynamic)": "dynamic",
    "env var: {var}": "env_var",
    "deprecated": "deprecated",
    "Aborted!": "aborted",
    "Error: {message}": "error",
    "Try '{command} {option}' for help.": "try_help",
    "Missing command.": "missing_command",
    "Missing argument": "missing_argument",
    "Missing option": "missing_option",
    "Missing parameter": "missing_parameter",
    "Missing {param_type}": "missing_type",
    "Invalid value for {param_hint}: {message}": "invalid_value_for",
    "Invalid value: {message}": "invalid_value",
    "No such option {name!r}.": "no_such_option",
    "No such command {name!r}.": "no_such_command",
    "Option {name!r} does not take a value.": "option_takes_no_value",
    "Option {name!r} requires an argument.": "option_needs_argument",
    "Option {name!r} requires {nargs} arguments.": "option_needs_arguments",
    "Got unexpected extra argument ({args})": "extra_argument",
    "Got unexpected extra arguments ({args})": "extra_arguments",
    "Did you mean {possibility}?": "did_you_mean",
    "(Did you mean one of: {possibilities}?)": "did_you_mean_one_of",
    "{value!r} is not {choice}.": "not_choice",
    "{value!r} is not one of {choices}.": "not_one_of",
    "{value!r} is not a valid {number_type}.": "not_a_number",
    "{value} is not in the range {range}.": "not_in_range",
    "{name} {filename!r} does not exist.": "path_missing",
    "{name} {filename!r} is a directory.": "path_is_directory",
    "{name} {filename!r} is a file.": "path_is_file",
    "file": "word_file",
    "directory": "word_directory",
    "path": "word_path",
    "Repeat for confirmation": "repeat",
    "Error: The two entered values do not match.": "values_differ",
    "Error: invalid input": "invalid_input",
    "Do you want to continue?": "continue",
    "Confirm the action without prompting.": "confirm_option",
}
# Placeholders Click writes in capitals (its own, and our parameters' names) → macro names.
METAVARS = {
    "OPTIONS": "metavar_options",
    "COMMAND": "metavar_command",
    "ARGS": "metavar_args",
    "TEXT": "metavar_text",
    "WORDS": "metavar_text",
    "INTEGER": "metavar_number",
    "FLOAT": "metavar_number",
    "FILENAME": "metavar_file",
    "FILE": "metavar_file",
    "PATH": "metavar_file",
    "UNIT": "metavar_unit",
    "SOURCE": "metavar_source",
    "INTO": "metavar_into",
    "PERSON": "metavar_person",
    "NAME": "metavar_name",
    "NEW_NAME": "metavar_new_name",
    "ALIASES": "metavar_aliases",
    "GROUP": "metavar_group",
    "MEMBERS": "metavar_members",
    "PLAN_CODE": "metavar_plan_code",
    "USER_ID": "metavar_user_id",
    "DAY": "metavar_day",
}
_CAPITALS = re.compile(r"(?<![\w'])[A-Z][A-Z_]+(?![\w'])")

_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)


@cache
def translate(message: str) -> str:
    """Click's sentence in Vietnamese, or as it is when the catalogue does not know it."""
    name = MESSAGES.get(message)
    if name is None:
        return message
    # Imported here: the catalogue loads Jinja2, and `nhacviec` starts fast without it.
    from messages import texts

    return texts.text("click", name)


def translate_plural(singular: str, plural: str, count: int) -> str:
    return translate(singular if count == 1 else plural)


def _metavars(text: str) -> str:
    from messages import texts

    def vietnamese(match: re.Match[str]) -> str:
        name = METAVARS.get(match.group(0))
        return texts.text("click", name) if name else match.group(0)

    # Click writes a path type's name in capitals: "Đường dẫn" → "ĐƯỜNG DẪN".
    text = text.replace(translate("path").upper(), "PATH")
    text = text.replace("INTEGER RANGE", "INTEGER").replace("FLOAT RANGE", "FLOAT")
    return _CAPITALS.sub(vietnamese, text)


class VietnameseHelpFormatter(click.HelpFormatter):
    """Help screens whose placeholders ([OPTIONS], TEXT, FILE) are Vietnamese too."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _metavars(args), prefix)

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl([(_metavars(term), text) for term, text in rows], col_max, col_spacing)


def install() -> None:
    """Make Click speak Vietnamese in this process (idempotent)."""
    click.Context.formatter_class = VietnameseHelpFormatter
    for name in _MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural  # type: ignore[attr-defined]
