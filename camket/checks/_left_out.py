"""The places a rule's finding would only echo a value left out when its file was typed.

A bad value is left out so the rest of its file is still checked (`reading.building`); a rule
then sees, say, a `not_done` entry without the `cause:` that was in fact written but wrong,
and would ask for it. The value's own problem is the one to fix, so a finding at a place of a
mapping that lost something (the mapping itself, one of its keys or values) is not said.
Findings elsewhere, another entry of the same item included, still are.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from camket.checks._common import Folder, ItemIn, UnitFile, Year
from camket.problems import Span
from camket.reading.located import LocDict, unpack
from camket.reading.models import Node


def places(target: Any) -> set[Span]:
    """Every place of the target's mappings that lost a value; empty when nothing was lost
    (the usual case, found without walking)."""
    out: set[Span] = set()
    for node in _roots(target):
        if not node.exact:
            for src in _cut(node):
                out.add(src.span())
                for packed in src.marks.values():
                    kl, kc, vl, vc = unpack(packed)
                    out.add(Span(src.path, kl, kc))
                    out.add(Span(src.path, vl, vc))
    return out


def _roots(target: Any) -> list[Node]:
    if isinstance(target, ItemIn):
        return [target.item]
    if isinstance(target, UnitFile):
        return [target.commitments]
    if isinstance(target, Year):
        return [n for n in (target.data.config, *target.data.commitments.values()) if n]
    project = target.project if isinstance(target, Folder) else target
    return [n for n in (project.settings, project.units_file) if n is not None]


def _cut(node: Any) -> Iterator[LocDict]:
    """The source mappings under `node` (itself included) marked as having lost a value."""
    if isinstance(node, Node):
        if node.exact:
            return
        yield node.source
        for name in type(node).model_fields:
            yield from _cut(getattr(node, name))
    elif isinstance(node, list | tuple):
        for element in node:
            yield from _cut(element)
    elif isinstance(node, dict):
        for element in node.values():
            yield from _cut(element)
    elif isinstance(node, BaseModel):  # a model that keeps no marks of its own
        for name in type(node).model_fields:
            yield from _cut(getattr(node, name))
