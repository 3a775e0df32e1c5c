"""YAML from files people hand us: no aliases, bounded nesting.

A 450-byte file of nested aliases ("billion laughs") expands to gigabytes as soon as the
importer walks it, and a few thousand nested brackets overflow Python's stack. Plan, unit and
reporting files never need either, so both are refused with a sentence naming the line.
"""

from __future__ import annotations

from typing import Any

import yaml

from messages import texts

# A plan file nests sections > tasks > fields > lists: a handful of levels, never dozens.
MAX_DEPTH = 32


class UnsafeYaml(yaml.MarkedYAMLError):
    """A YAML feature we refuse; a `YAMLError`, so callers' YAML handling reports it."""

    def __str__(self) -> str:
        return str(self.problem)


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing aliases and deep nesting while composing the node tree."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        mark = event.start_mark if isinstance(event.start_mark, yaml.Mark) else None
        line = mark.line + 1 if mark is not None else 1
        if isinstance(event, yaml.AliasEvent):
            raise UnsafeYaml(
                problem=texts.text("storage", "yaml_alias", line=line), problem_mark=mark
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise UnsafeYaml(
                    problem=texts.text("storage", "yaml_too_deep", line=line, depth=MAX_DEPTH),
                    problem_mark=mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def safe_load(text: str) -> Any:
    """`yaml.safe_load` without aliases or deep nesting; refusals raise `UnsafeYaml`."""
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    except RecursionError:
        # Belt and braces: whatever recursion the depth cap did not foresee is still a sentence.
        raise UnsafeYaml(
            problem=texts.text("storage", "yaml_too_deep", line=1, depth=MAX_DEPTH)
        ) from None
    finally:
        loader.dispose()
