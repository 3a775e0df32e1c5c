"""YAML from files people hand us: aliases expanded within a bound, nesting bounded.

A 450-byte file of nested aliases ("billion laughs") expands to gigabytes as soon as the
importer walks it, and a few thousand nested brackets overflow Python's stack. Aliases have
honest uses (a units file names a group once and points to it), so they are allowed as long
as the document, with every alias expanded, stays the size of a real plan.
"""

from __future__ import annotations

from typing import Any

import yaml

from messages import texts

# A plan file nests sections > tasks > fields > lists: a handful of levels, never dozens.
MAX_DEPTH = 32
# Nodes once every alias is expanded; the largest real plan has a few thousand.
MAX_NODES = 200_000


class UnsafeYaml(yaml.MarkedYAMLError):
    """A YAML document we refuse; a `YAMLError`, so callers' YAML handling reports it."""

    def __str__(self) -> str:
        return str(self.problem)


def _line(node_or_event: Any) -> tuple[yaml.Mark | None, int]:
    mark = getattr(node_or_event, "start_mark", None)
    if not isinstance(mark, yaml.Mark):
        return None, 1
    return mark, mark.line + 1


def _too_deep(at: Any) -> UnsafeYaml:
    mark, line = _line(at)
    problem = texts.text("storage", "yaml_too_deep", line=line, depth=MAX_DEPTH)
    return UnsafeYaml(problem=problem, problem_mark=mark)


def _too_big(at: Any) -> UnsafeYaml:
    mark, line = _line(at)
    nodes = f"{MAX_NODES:,}".replace(",", ".")  # Vietnamese groups thousands with dots
    problem = texts.text("storage", "yaml_too_big", line=line, nodes=nodes)
    return UnsafeYaml(problem=problem, problem_mark=mark)


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing deep nesting while it composes the node tree."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _too_deep(self.peek_event())
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_expanded(root: yaml.Node) -> None:
    """Size and depth of the document with aliases expanded, without expanding them.

    Aliases share node objects, so each node is measured once (iteratively: no recursion to
    overflow); a node reachable from itself is an endless document.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            children = _children(node)
            size[key] = 1 + sum(size[id(child)] for child in children)
            depth[key] = 1 + max((depth[id(child)] for child in children), default=0)
            open_nodes.discard(key)
            if size[key] > MAX_NODES:
                raise _too_big(node)
            if depth[key] > MAX_DEPTH:
                raise _too_deep(node)
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise _too_big(node)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in size)


def safe_load(text: str) -> Any:
    """`yaml.safe_load` within bounds; a refused document raises `UnsafeYaml`."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expanded(node)
        return loader.construct_document(node)
    except RecursionError:
        # Belt and braces: whatever recursion the bounds did not foresee is still a sentence.
        raise UnsafeYaml(
            problem=texts.text("storage", "yaml_too_deep", line=1, depth=MAX_DEPTH)
        ) from None
    finally:
        loader.dispose()
