"""The report's table of the lower committees (`report --cascade`): each one's own figures.

Rows are plain text for the template, like the units table beside them: the figures come from
camket.counting.cascade, counted once; a lower committee without the year says so instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from camket import vn
from camket.counting.cascade import CascadeTally
from camket.counting.tally import STATUS_FIELDS, YearTally

MISSING = "Chưa có số liệu"


def heading(number: int, t: YearTally) -> str:
    return (
        f"{number}- Kết quả thực hiện cam kết trong nội bộ các cấp ủy cấp dưới (số liệu của "
        f"từng cấp, tính đến {vn.short_date(t.as_of)})"
    )


def _cells(figures: dict[str, int]) -> dict[str, str]:
    return {"units": str(figures["units"]), **{f: str(figures[f]) for f in STATUS_FIELDS}}


def rows(c: CascadeTally) -> list[dict[str, Any]]:
    """One row per lower committee, their sum, and the whole cascade with this committee."""
    out: list[dict[str, Any]] = []
    for i, row in enumerate(c.lower, start=1):
        cells = _cells(row.figures) if row.has_year else dict.fromkeys(_cells(row.figures), "—")
        name = row.name if row.has_year else f"{row.name} ({MISSING.lower()} năm {c.own.year})"
        out.append({"bold": False, "no": str(i), "name": name, **cells})
    whole = "Toàn hệ thống (cấp này và các cấp dưới)"
    out.append({"bold": True, "no": "", "name": "Cộng các cấp dưới", **_cells(c.lower_total)})
    out.append({"bold": True, "no": "", "name": whole, **_cells(c.total)})
    return out


def appendix(lower: CascadeTally | None, t: YearTally, headings: Iterator[int]) -> dict[str, Any]:
    """The appendix's keys for the table: empty (and no heading number taken) without
    --cascade or without lower committees."""
    if lower is None or not lower.lower:
        return {"lower_heading": "", "lower": []}
    return {"lower_heading": heading(next(headings), t), "lower": rows(lower)}
