"""What `record` and `history` print for a year's indicator (the commands are in
camket.cli.progress): numbers the Vietnamese way, as the documents write them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from camket.cli import output
from camket.i18n import _

if TYPE_CHECKING:
    from camket.progress.indicator_history import IndicatorChange


def record_indicator(
    root: Path, indicator: str, value: str, year: int | None, when: dt.date | None, commit: bool
) -> None:
    """`record INDICATOR VALUE`, said back with the old figure beside the new one, so a slip
    of a digit shows at once."""
    from camket import vn
    from camket.progress import indicators

    done = indicators.record(root, indicator, value, year=year, date=when, commit=commit)
    old = vn.number(done.old) if done.old is not None else "—"
    new = vn.number(done.new) + unit_after(done.unit)
    line = _(
        "Đã ghi chỉ tiêu {id} năm {year}: {old} → {new} (số liệu ngày {date}) vào {path}"
    ).format(
        id=done.indicator_id,
        year=done.year,
        old=old,
        new=new,
        date=done.date.isoformat(),
        path=done.path,
    )
    if done.commit:
        line += _("; commit {sha}").format(sha=done.commit[:10])
    output.out().print(line, markup=False)


def unit_after(unit: str | None) -> str:
    """After a number: "7,05%", "730,223 tỷ đồng"."""
    return "" if not unit else unit if unit == "%" else f" {unit}"


def history_table(indicator: str, changes: list[IndicatorChange], json_output: bool) -> None:
    """An indicator's changes: numbers the Vietnamese way in the table, as numbers in JSON."""
    from decimal import Decimal

    from rich.table import Table
    from rich.text import Text

    from camket import vn
    from camket.terminal import json_text

    if json_output:
        print(json_text([c.to_json() for c in changes]))
        return
    names = {
        "plan": _("kế hoạch"),
        "actual": _("thực hiện"),
        "actual_on": _("ngày số liệu"),
        "indicator": _("chỉ tiêu"),
    }

    def shown(value: Any) -> str:
        if value is None:
            return "—"
        if isinstance(value, Decimal):
            return vn.number(value)
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    table = Table(title=_("Lịch sử của chỉ tiêu {id}").format(id=indicator), title_justify="left")
    for column in (_("Ngày"), _("Người sửa"), _("Commit"), _("Năm"), _("Thay đổi"), _("Cũ → mới")):
        table.add_column(column)
    for c in changes:
        table.add_row(
            Text(c.date[:10]),
            Text(c.author),
            Text(c.commit[:10]),
            Text(str(c.year)),
            Text(names.get(c.field, c.field)),
            Text(f"{shown(c.old)} → {shown(c.new)}"),
        )
    output.out(always=True).print(table)
