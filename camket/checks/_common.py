"""Small helpers shared by the rule modules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

from camket.problems import Span
from camket.reading.models import Item
from camket.reading.project import Project

Finding = tuple[Span, str]


class _HasId(Protocol):
    id: str


T = TypeVar("T", bound=_HasId)


def duplicates(things: Iterable[T]) -> Iterator[tuple[T, T]]:
    """Each later thing whose id was already used, with the first one that used it."""
    first: dict[str, T] = {}
    for thing in things:
        if thing.id in first:
            yield thing, first[thing.id]
        else:
            first[thing.id] = thing


def all_items(project: Project) -> Iterator[tuple[int, Item]]:
    """(year, item) for every item of the loaded years."""
    for year, data in project.years.items():
        for c in data.commitments.values():
            for item in c.items():
                yield year, item
