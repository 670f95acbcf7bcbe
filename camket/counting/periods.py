"""Periods of the year: quarter ends, and what changed between two dates.

Units report every quarter; the quarterly meeting wants the figures at the quarter's last day
and the list of what moved since the last meeting. Both are tallies at two dates, compared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from camket.counting.tally import ItemState, tally
from camket.reading.models import Status
from camket.reading.project import Project


def quarter_end(year: int, quarter: int) -> dt.date:
    if quarter not in (1, 2, 3, 4):
        raise ValueError(quarter)
    month = quarter * 3
    next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
    return next_month - dt.timedelta(days=1)


@dataclass(frozen=True)
class Moved:
    since: dt.date
    until: dt.date
    completed: list[ItemState]
    newly_late: list[ItemState]
    paused: list[ItemState]

    def to_json(self, project: Project) -> dict[str, object]:
        def rows(states: list[ItemState]) -> list[dict[str, object]]:
            return [
                {
                    "id": s.item.id,
                    "unit": s.unit_id,
                    "unit_name": project.units[s.unit_id].name,
                    "text": s.item.text,
                    "status": str(s.status),
                    "date": s.entry.date.isoformat() if s.entry else None,
                    "due": s.item.due.isoformat() if s.item.due else None,
                }
                for s in states
            ]

        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "completed": rows(self.completed),
            "newly_late": rows(self.newly_late),
            "paused": rows(self.paused),
        }


def compare(
    project: Project, year: int, since: dt.date, until: dt.date, unit: str | None = None
) -> Moved:
    before = {s.item.id: s for s in tally(project, year, since, unit).items}
    after = tally(project, year, until, unit).items
    completed, late, paused = [], [], []
    for s in after:
        old = before.get(s.item.id)
        if s.status is Status.DONE and (old is None or old.status is not Status.DONE):
            completed.append(s)
        if s.late and s.status is not Status.DONE and (old is None or not old.late):
            late.append(s)
        if s.status is Status.PAUSED and (old is None or old.status is not Status.PAUSED):
            paused.append(s)
    return Moved(since, until, completed, late, paused)
