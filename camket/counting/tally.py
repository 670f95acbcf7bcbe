"""Counting as the model report counts: a pure function of the data, the year and a date.

Every figure a document, `status`, `export` or a check prints is a field of the tally, and
every figure is the list of the item ids behind it (`Counts.ids`), so "96/97" can be traced to
the 97 items. The definitions, all taken at the as-of date (only progress entries dated on or
before it count), are stated once, in `FIGURES`:

- total: every item of the year's commitments files;
- carried_out (triển khai thực hiện): status other than not_started and paused;
- completed (hoàn thành): done; completed_late: done after its due date;
- paused (tạm dừng); not_started (chưa thực hiện); adjusted (điều chỉnh): by status;
- late (chậm tiến độ): done after its due date, or neither done nor paused with its due date
  before the as-of date (an item without a due date is never late; done on the due date is on
  time, due on the as-of date is not yet late);
- not_completed (chưa hoàn thành): neither done nor paused, and either declared not done or
  the year is over (at year end every such item failed its commitment);
- late_or_not_completed: late or not completed, what the report's limitations and the
  appendix account for; open_not_late: not completed but not late (no due date, or due on
  the last day), so that late + open_not_late = late_or_not_completed;
- cause_objective, cause_subjective, cause_unknown: the late-or-not-completed items by the
  cause on the entry that gives their status.

Groups per unit (min, max, total), the indicators met and missed and each tag's items complete
the year. Rendering receives a `YearTally` and never counts again, so the table, the JSON, the
export and the Word report cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from camket.reading.models import Cause, Item, Progress, Status, YearIndicator
from camket.reading.project import Project


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
    year_end: bool  # the as-of date is the last day of the year (or after)

    @property
    def carried_out(self) -> bool:
        return self.status not in (Status.NOT_STARTED, Status.PAUSED)

    @property
    def not_completed(self) -> bool:
        if self.status in (Status.DONE, Status.PAUSED):
            return False
        return self.year_end or self.status is Status.NOT_DONE

    @property
    def slipped(self) -> bool:
        """Late or not completed: what the limitations and the appendix account for."""
        return self.late or self.not_completed

    @property
    def cause(self) -> Cause | None:
        return self.entry.cause if self.entry else None


def item_state(
    item: Item, unit_id: str, block_id: str, as_of: dt.date, year_end: bool | None = None
) -> ItemState:
    """`year_end`: whether the item's year is over at `as_of` (by default: as_of is 31 December)."""
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
    if year_end is None:
        year_end = (as_of.month, as_of.day) == (12, 31)
    return ItemState(item, unit_id, block_id, status, entry, late, year_end)


# Every figure, in the order they are listed, with the test an item's state must pass to count.
FIGURES: dict[str, Callable[[ItemState], bool]] = {
    "total": lambda s: True,
    "carried_out": lambda s: s.carried_out,
    "completed": lambda s: s.status is Status.DONE,
    "completed_late": lambda s: s.status is Status.DONE and s.late,
    "paused": lambda s: s.status is Status.PAUSED,
    "not_started": lambda s: s.status is Status.NOT_STARTED,
    "adjusted": lambda s: s.status is Status.ADJUSTED,
    "late": lambda s: s.late,
    "not_completed": lambda s: s.not_completed,
    "late_or_not_completed": lambda s: s.slipped,
    "open_not_late": lambda s: s.not_completed and not s.late,
    "cause_objective": lambda s: s.slipped and s.cause is Cause.OBJECTIVE,
    "cause_subjective": lambda s: s.slipped and s.cause is Cause.SUBJECTIVE,
    "cause_unknown": lambda s: s.slipped and s.cause is None,
}
# The counts `status --json` has always had, first, as DESIGN.md gives them.
STATUS_FIELDS = ("total", "carried_out", "completed", "paused", "late", "not_started")


class Counts:
    """The items behind each figure; a figure's value is the length of its list of ids.

    Attribute access gives the values (`counts.late` is how many are late), `ids[name]` the
    items, so a number printed anywhere can be traced to the items that make it.
    """

    __slots__ = ("ids",)

    def __init__(self) -> None:
        self.ids: dict[str, list[str]] = {name: [] for name in FIGURES}

    def __getattr__(self, name: str) -> int:
        try:
            return len(self.ids[name])
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return "Counts(" + ", ".join(f"{n}={len(v)}" for n, v in self.ids.items()) + ")"

    def share(self, name: str) -> Decimal | None:
        """A figure as a percentage of the total ("hoàn thành 212/220, đạt 96,36%")."""
        total = len(self.ids["total"])
        return Decimal(len(self.ids[name])) * 100 / total if total else None

    def add(self, state: ItemState) -> None:
        for name, counts in FIGURES.items():
            if counts(state):
                self.ids[name].append(state.item.id)

    def merge(self, other: Counts) -> None:
        for name, ids in other.ids.items():
            self.ids[name].extend(ids)

    def to_json(self) -> dict[str, int]:
        """The counts `status --json` has always had (DESIGN.md's shape)."""
        return {name: len(self.ids[name]) for name in STATUS_FIELDS}


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

    @property
    def groups(self) -> int:
        return sum(u.groups for u in self.units)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            **self.counts.to_json(),
            "units": [u.to_json() for u in self.units],
        }


@dataclass
class TagTally:
    items: list[str] = field(default_factory=list)
    completed_items: list[str] = field(default_factory=list)
    by_block: dict[str, int] = field(default_factory=dict)  # where its items are

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def completed(self) -> int:
        return len(self.completed_items)

    @property
    def block(self) -> str | None:
        """The block holding most of its items (the report tells the tag with that block)."""
        return max(self.by_block, key=self.by_block.__getitem__) if self.by_block else None


@dataclass(frozen=True)
class IndicatorState:
    """A year indicator: met or missed once its actual value is known, and by how much."""

    indicator: YearIndicator
    met: bool | None  # None until the actual value is known
    ratio: Decimal | None  # actual as a percentage of plan (None when unknown or plan is 0)
    score: Decimal | None  # the same, turned so that 100 or more is met (plan/actual if lower)

    @property
    def known(self) -> bool:
        return self.met is not None


def indicator_state(indicator: YearIndicator) -> IndicatorState:
    actual, plan = indicator.actual, indicator.plan
    if actual is None:
        return IndicatorState(indicator, None, None, None)
    ratio = actual * 100 / plan if plan else None
    lower = plan * 100 / actual if actual else None  # less is better: plan over actual
    score = ratio if indicator.better == "higher" else lower
    return IndicatorState(indicator, bool(indicator.met()), ratio, score)


@dataclass
class YearTally:
    year: int
    as_of: dt.date
    counts: Counts
    blocks: list[BlockTally]
    indicators: list[IndicatorState]  # every indicator of year.yaml, in its order
    tags: dict[str, TagTally]
    items: list[ItemState]  # every counted item, in block, unit and file order
    # Units left out because their files have errors (YearData.without): the figures are partial
    left_out: tuple[str, ...] = ()

    @property
    def units(self) -> list[UnitTally]:
        """Units with commitments this year (a unit listed without a file has no row here)."""
        return [u for b in self.blocks for u in b.units if u.counts.total]

    @property
    def groups(self) -> int:
        return sum(b.groups for b in self.blocks)

    @property
    def groups_range(self) -> tuple[int, int] | None:
        """Fewest and most task groups of a unit ("từ 2 đến 6 nhóm"), None without units."""
        counts = [u.groups for u in self.units]
        return (min(counts), max(counts)) if counts else None

    @property
    def known_indicators(self) -> list[IndicatorState]:
        """Those with an actual value: the ones counted ("đạt và vượt 24/24 chỉ tiêu")."""
        return [i for i in self.indicators if i.known]

    @property
    def scored_indicators(self) -> list[IndicatorState]:
        """Known ones whose result against plan can be measured (a plan of 0 cannot)."""
        return [i for i in self.known_indicators if i.score is not None]

    @property
    def indicators_total(self) -> int:
        return len(self.known_indicators)

    @property
    def indicators_met(self) -> int:
        return sum(bool(i.met) for i in self.indicators)

    @property
    def indicators_missed(self) -> int:
        return self.indicators_total - self.indicators_met

    def states(self, name: str, block: str | None = None) -> list[ItemState]:
        """The items behind a figure (of the whole year, or of one block), as states."""
        counts = (
            self.counts if block is None else next(b.counts for b in self.blocks if b.id == block)
        )
        wanted = set(counts.ids[name])
        return [s for s in self.items if s.item.id in wanted]

    def figures(self) -> list[Figure]:
        """Every figure with the ids behind it: the year's and each block's (every definition),
        each unit's (the appendix's columns), each tag's, and the indicators'."""
        out = [Figure("year", name, tuple(ids)) for name, ids in self.counts.ids.items()]
        for b in self.blocks:
            out += [Figure(f"block:{b.id}", n, tuple(ids)) for n, ids in b.counts.ids.items()]
        for u in self.units:
            out += [Figure(f"unit:{u.id}", n, tuple(u.counts.ids[n])) for n in STATUS_FIELDS]
        for tag, v in self.tags.items():
            out.append(Figure(f"tag:{tag}", "total", tuple(v.items)))
            out.append(Figure(f"tag:{tag}", "completed", tuple(v.completed_items)))
        known = self.known_indicators
        out.append(Figure("indicators", "total", tuple(i.indicator.id for i in known)))
        out.append(Figure("indicators", "met", tuple(i.indicator.id for i in known if i.met)))
        out.append(
            Figure("indicators", "missed", tuple(i.indicator.id for i in known if not i.met))
        )
        return out

    def to_json(self, figures: bool = False) -> dict[str, object]:
        """The shape DESIGN.md gives for `status --json`; `figures` adds every figure with the
        ids behind it."""
        out: dict[str, object] = {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            **self.counts.to_json(),
            "blocks": [b.to_json() for b in self.blocks],
            "indicators": {"total": self.indicators_total, "met": self.indicators_met},
            "tags": {t: {"total": v.total, "completed": v.completed} for t, v in self.tags.items()},
        }
        if self.left_out:  # partial figures say so, where a program reads them
            out["left_out"] = list(self.left_out)
        if figures:
            out["figures"] = [f.to_json() for f in self.figures()]
        return out


@dataclass(frozen=True)
class Figure:
    """One number a document or a table prints, and what it counts."""

    scope: str  # "year", "block:ID", "unit:ID", "tag:ID", "indicators"
    name: str  # a key of FIGURES (or total/completed of a tag, total/met/missed of indicators)
    items: tuple[str, ...]  # the item (or indicator) ids behind it

    @property
    def value(self) -> int:
        return len(self.items)

    def to_json(self) -> dict[str, object]:
        return {"scope": self.scope, "name": self.name, "value": self.value, "items": self.items}


def tally(
    project: Project, year: int, as_of: dt.date | None = None, unit: str | None = None
) -> YearTally:
    """Tally one year; `unit` narrows every count to that unit (indicators stay the year's).
    Units the year was loaded without (`YearData.left_out`) are not counted at all, not even as
    a row of zeros, and the tally names them."""
    data = project.years[year]
    as_of = as_of or default_as_of(year, project.today)
    year_end = as_of >= dt.date(year, 12, 31)
    blocks = {b.id: BlockTally(b.id, b.name) for b in project.blocks.values()}
    total = Counts()
    tags: dict[str, TagTally] = {}
    states: list[ItemState] = []
    # Units in units.yaml order: those that exist that year, and any other that has a file.
    for u in project.units.values():
        commitments = data.commitments.get(u.id)
        if (unit is not None and u.id != unit) or u.id in data.left_out:
            continue
        if commitments is None and not u.exists_in(year):
            continue
        row = UnitTally(u.id, u.name)
        if commitments is not None:
            row.groups = len(commitments.groups)
            for item in commitments.items():
                state = item_state(item, u.id, u.block, as_of, year_end)
                states.append(state)
                row.counts.add(state)
                for tag in dict.fromkeys(item.tags):  # an item counts once per tag
                    t = tags.setdefault(tag, TagTally())
                    t.items.append(item.id)
                    if state.status is Status.DONE:
                        t.completed_items.append(item.id)
                    t.by_block[u.block] = t.by_block.get(u.block, 0) + 1
        block = blocks.get(u.block)
        if block is not None:
            block.units.append(row)
            block.counts.merge(row.counts)
        total.merge(row.counts)
    indicators = [indicator_state(i) for i in (data.config.indicators if data.config else [])]
    return YearTally(
        year=year,
        as_of=as_of,
        counts=total,
        blocks=[b for b in blocks.values() if b.units],
        indicators=indicators,
        tags=dict(sorted(tags.items())),
        items=states,
        left_out=tuple(u for u in data.left_out if unit is None or u == unit),
    )
