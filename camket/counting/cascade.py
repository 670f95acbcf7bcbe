"""The cascade's figures: this committee's year, each lower committee's own year, and the sum.

A lower committee's figures are its internal ones: the tally of its own data folder (its
collectives and heads, its items), computed by `tally` on that folder like any other. They
are not the commitments it signed with this committee, which are a unit's row of this
committee's own tally. The sum over the cascade adds this committee's figures and every lower
committee's: how many collectives signed, how many items, and how they stand.
"""

from __future__ import annotations

from dataclasses import dataclass

from camket.counting.tally import STATUS_FIELDS, YearTally

FIELDS = ("units", *STATUS_FIELDS)


def counts(t: YearTally | None) -> dict[str, int]:
    """A year's figures as the cascade shows them: collectives (units with commitments that
    year) and the status counts; zeros for a folder without the year."""
    if t is None:
        return dict.fromkeys(FIELDS, 0)
    return {"units": len(t.units), **t.counts.to_json()}


@dataclass(frozen=True)
class LowerRow:
    id: str
    name: str  # the unit's name in this committee's units.yaml (Thành ủy Đông Hà)
    tally: YearTally | None  # None: the lower folder has no such year

    @property
    def has_year(self) -> bool:
        return self.tally is not None

    @property
    def figures(self) -> dict[str, int]:
        return counts(self.tally)

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, **self.figures, "has_year": self.has_year}


@dataclass(frozen=True)
class CascadeTally:
    own: YearTally
    lower: list[LowerRow]

    @property
    def lower_total(self) -> dict[str, int]:
        """The lower committees' figures added up."""
        return {f: sum(row.figures[f] for row in self.lower) for f in FIELDS}

    @property
    def total(self) -> dict[str, int]:
        """This committee and every lower one."""
        own, lower = counts(self.own), self.lower_total
        return {f: own[f] + lower[f] for f in FIELDS}

    def to_json(self) -> dict[str, object]:
        """What `status --json --cascade` adds to the year's object."""
        return {"lower": [row.to_json() for row in self.lower], "cascade": self.total}
