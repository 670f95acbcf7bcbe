"""Counting as the model report counts: a pure function of the data, the year and a date.

Every figure is taken at an as-of date: only progress entries dated on or before it count.
Rendering receives a `YearTally` and never counts again, so the table, the JSON and the Word
report cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from camket.models import Item, Progress, Status
from camket.project import Project


def default_as_of(year: int, today: dt.date) -> dt.date:
    """The earlier of today and 31 December of the year."""
    return min(today, dt.date(year, 12, 31))


@dataclass(frozen=True)
class ItemState:
    """An item as it stood at the as-of date."""

    item: Item
    unit_id: str
    block_id: str
    status: Status
    entry: Progress | None  # the entry that gives the status
    late: bool

    @property
    def carried_out(self) -> bool:
        return self.status not in (Status.NOT_STARTED, Status.PAUSED)


def item_state(item: Item, unit_id: str, block_id: str, as_of: dt.date) -> ItemState:
    entry = None
    for p in item.progress:  # entries are in date order (checked by E110)
        if p.date <= as_of:
            entry = p
    status = entry.status if entry else Status.NOT_STARTED
    due = item.due
    if status is Status.DONE:
        late = due is not None and entry is not None and entry.date > due
    elif status is Status.PAUSED:
        late = False
    else:
        late = due is not None and due < as_of
    return ItemState(item, unit_id, block_id, status, entry, late)


@dataclass
class Counts:
    total: int = 0
    carried_out: int = 0
    completed: int = 0
    paused: int = 0
    late: int = 0
    not_started: int = 0

    def add(self, state: ItemState) -> None:
        self.total += 1
        self.carried_out += state.carried_out
        self.completed += state.status is Status.DONE
        self.paused += state.status is Status.PAUSED
        self.late += state.late
        self.not_started += state.status is Status.NOT_STARTED

    def merge(self, other: Counts) -> None:
        for name in ("total", "carried_out", "completed", "paused", "late", "not_started"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_json(self) -> dict[str, int]:
        return {
            "total": self.total,
            "carried_out": self.carried_out,
            "completed": self.completed,
            "paused": self.paused,
            "late": self.late,
            "not_started": self.not_started,
        }


@dataclass
class UnitTally:
    id: str
    name: str
    counts: Counts = field(default_factory=Counts)
    groups: int = 0

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, **self.counts.to_json()}


@dataclass
class BlockTally:
    id: str
    name: str
    counts: Counts = field(default_factory=Counts)
    units: list[UnitTally] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            **self.counts.to_json(),
            "units": [u.to_json() for u in self.units],
        }


@dataclass
class TagTally:
    total: int = 0
    completed: int = 0


@dataclass
class YearTally:
    year: int
    as_of: dt.date
    counts: Counts
    blocks: list[BlockTally]
    indicators_total: int
    indicators_met: int
    tags: dict[str, TagTally]
    items: list[ItemState]  # every counted item, in block, unit and file order

    def to_json(self) -> dict[str, object]:
        """Exactly the shape DESIGN.md gives for `status --json`."""
        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            **self.counts.to_json(),
            "blocks": [b.to_json() for b in self.blocks],
            "indicators": {"total": self.indicators_total, "met": self.indicators_met},
            "tags": {t: {"total": v.total, "completed": v.completed} for t, v in self.tags.items()},
        }


def tally(
    project: Project, year: int, as_of: dt.date | None = None, unit: str | None = None
) -> YearTally:
    """Tally one year; `unit` narrows every count to that unit (indicators stay the year's)."""
    data = project.years[year]
    as_of = as_of or default_as_of(year, project.today)
    blocks = {b.id: BlockTally(b.id, b.name) for b in project.blocks.values()}
    total = Counts()
    tags: dict[str, TagTally] = {}
    states: list[ItemState] = []
    # Units in units.yaml order: those that exist that year, and any other that has a file.
    for u in project.units.values():
        commitments = data.commitments.get(u.id)
        if unit is not None and u.id != unit:
            continue
        if commitments is None and not u.exists_in(year):
            continue
        row = UnitTally(u.id, u.name)
        if commitments is not None:
            row.groups = len(commitments.groups)
            for item in commitments.items():
                state = item_state(item, u.id, u.block, as_of)
                states.append(state)
                row.counts.add(state)
                for tag in dict.fromkeys(item.tags):  # an item counts once per tag
                    t = tags.setdefault(tag, TagTally())
                    t.total += 1
                    t.completed += state.status is Status.DONE
        block = blocks.get(u.block)
        if block is not None:
            block.units.append(row)
            block.counts.merge(row.counts)
        total.merge(row.counts)
    indicators = [
        i for i in (data.config.indicators if data.config else []) if i.actual is not None
    ]
    return YearTally(
        year=year,
        as_of=as_of,
        counts=total,
        blocks=[b for b in blocks.values() if b.units],
        indicators_total=len(indicators),
        indicators_met=sum(bool(i.met()) for i in indicators),
        tags=dict(sorted(tags.items())),
        items=states,
    )
