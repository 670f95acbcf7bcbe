"""What a rule is given to look at (its scope's target), and small helpers the rules share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol, TypeVar

from camket.problems import Span
from camket.reading.models import Commitments, Item, YearConfig
from camket.reading.project import Project, YearData

Finding = tuple[Span, str]


class Scope(StrEnum):
    """Where a rule applies: the registry hands it one target of its scope at a time.

    `record` and the import of forms check one item (ITEM); validate runs every scope over the
    whole folder; a rule never iterates what its scope already gives it.
    """

    FOLDER = "folder"  # the settings, the units, what crosses years
    YEAR = "year"  # one year folder: year.yaml, its files, its seal
    UNIT_FILE = "unit_file"  # one unit's commitments file of one year
    ITEM = "item"  # one commitment item with its progress


@dataclass(frozen=True)
class Folder:
    """The whole folder. Validate reads it one year at a time, so what crosses years is
    gathered as it goes: every item id with its place, and each year's settings."""

    project: Project
    item_ids: list[tuple[str, Span]] = field(default_factory=list)
    configs: dict[int, YearConfig | None] = field(default_factory=dict)
    heads: list[tuple[str, Span]] = field(default_factory=list)  # each file's `head:`

    @classmethod
    def of(cls, project: Project) -> Folder:
        folder = cls(project)
        for year, data in project.years.items():
            folder.add_year(year, data)
        return folder

    def add_year(self, year: int, data: YearData) -> None:
        self.configs[year] = data.config
        self.item_ids.extend(
            (item.id, item.value_span("id"))
            for c in data.commitments.values()
            for item in c.items()
        )
        self.heads.extend((c.head, c.value_span("head")) for c in data.commitments.values())


@dataclass(frozen=True)
class Year:
    project: Project
    year: int
    data: YearData


@dataclass(frozen=True)
class UnitFile:
    project: Project
    year: int
    unit: str  # the file's stem: the unit id it names
    commitments: Commitments
    path: Path


@dataclass(frozen=True)
class ItemIn:
    """One item where it stands: its year and unit (and the project, for today's date)."""

    project: Project
    year: int
    unit: str
    item: Item


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
