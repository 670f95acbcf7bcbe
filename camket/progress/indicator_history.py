"""`camket history INDICATOR`: an indicator's plan, actual value and figure date as git
recorded them, oldest first.

Every commit that touched a `YEAR/year.yaml` of the data folder is looked at; the indicator is
found in each version of each year's file (an id may be declared in several years: each year
has its own rows), and each change of its plan, actual value or date of figure becomes one row.
Old versions are read with the YAML reader alone, as for items (camket.progress.history): an old
file need not pass today's rules to be history. A value is compared as a number, so `7.0`
rewritten `7.00` is no change; a version that does not read is passed over until one that does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from camket import git
from camket.i18n import _
from camket.progress.history import UNREADABLE, Skipped, Versions

FIELDS = ("plan", "actual", "actual_on")
_YEAR_FILE = re.compile(r"(\d{4})/year\.yaml")

Value = Decimal | int | str | dt.date | None


@dataclass(frozen=True)
class IndicatorChange:
    date: str
    author: str
    commit: str
    path: str
    year: int
    field: str  # plan, actual, actual_on; or indicator (the indicator was removed)
    old: Value
    new: Value

    def to_json(self) -> dict[str, Any]:
        """Numbers stay numbers; a date is written as ISO text."""
        out = {
            "date": self.date,
            "author": self.author,
            "commit": self.commit,
            "path": self.path,
            "year": self.year,
            "field": self.field,
        }
        return {**out, "old": _json(self.old), "new": _json(self.new)}


def _json(value: Value) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _value(value: Any) -> Value:
    """A value of an old version as history shows it: numbers and dates as such; anything else
    (a text where a number belongs) as its text."""
    if value is None or isinstance(value, Decimal | dt.date | str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return str(value)


def _state(value: Any, indicator_id: str) -> dict[str, Value] | None:
    """The indicator's fields in one version of a year.yaml; None when it is not there."""
    indicators = value.get("indicators") if isinstance(value, dict) else None
    for indicator in indicators if isinstance(indicators, list) else []:
        if isinstance(indicator, dict) and indicator.get("id") == indicator_id:
            return {field: _value(indicator.get(field)) for field in FIELDS}
    return None


def indicator_history(
    root: Path, indicator_id: str, skipped: list[Skipped] | None = None
) -> list[IndicatorChange]:
    """Raises git.GitError when the data folder is not in a git repository. Versions too
    large to read are appended to `skipped`."""
    versions = Versions(root)
    try:
        return _history(root, indicator_id, versions)
    finally:
        if skipped is not None:
            skipped.extend(versions.skipped.values())


def _history(root: Path, indicator_id: str, versions: Versions) -> list[IndicatorChange]:
    top = git.toplevel(root)
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    changes: list[IndicatorChange] = []
    current: dict[str, dict[str, Value]] = {}  # by the year file's path
    for commit in git.log(root):
        for status, path, _old in git.changed_files(root, commit.hash):
            match = _YEAR_FILE.fullmatch(path[len(prefix) :]) if path.startswith(prefix) else None
            if match is None:
                continue
            year = int(match.group(1))
            value = None if status == "D" else versions.read(commit, path)
            if value is UNREADABLE:
                continue  # the file was broken in this commit: wait for its repair
            state = _state(value, indicator_id)
            before = current.pop(path, None)
            at = (commit.date, commit.author, commit.hash, path, year)
            if state is None:
                if before is not None:
                    changes.append(IndicatorChange(*at, "indicator", _("có"), _("đã xóa")))
                continue
            for field in FIELDS:
                old = before[field] if before else None
                if state[field] != old:
                    changes.append(IndicatorChange(*at, field, old, state[field]))
            current[path] = state
    return changes
