"""`camket export`: the year's items for Excel (xlsx, csv) or for other programs (json).

One row per item, built from the tally, so every figure matches `status` and the report.
openpyxl is imported only by the xlsx writer.

A text from the data never becomes a formula: a spreadsheet program runs a cell that starts
with `=`, `+`, `-` or `@` (and, after a tab or CR, those too), which can fetch a URL or start
a program when the file is opened (CSV injection). In xlsx every text is a string cell, never
a formula cell, with Excel's quote prefix when it starts like one; in CSV such a text gets a
leading `'`, as OWASP advises. Numbers stay numbers, negative ones included.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

from camket import vn
from camket.models import STATUS_WORDS, Status
from camket.project import Project
from camket.tally import YearTally
from camket.terminal import json_text

# (json key, Vietnamese header, column width in characters)
COLUMNS = (
    ("block", "Khối", 28),
    ("unit", "Mã đơn vị", 16),
    ("unit_name", "Đơn vị", 30),
    ("group", "Nhóm nhiệm vụ", 30),
    ("id", "Mã nội dung", 22),
    ("text", "Nội dung cam kết", 60),
    ("due", "Thời hạn", 12),
    ("status", "Trạng thái", 16),
    ("late", "Chậm", 8),
    ("status_date", "Ngày cập nhật", 14),
    ("first_date", "Ngày báo cáo đầu", 14),
    ("cause", "Nguyên nhân", 12),
    ("reason", "Lý do", 40),
    ("note", "Ghi chú", 40),
    ("tags", "Nhóm theo dõi", 20),
    ("plan", "Chỉ tiêu KH", 12),
    ("actual", "Chỉ tiêu TH", 12),
    ("measure", "Đơn vị tính", 12),
)
CAUSES = {"objective": "khách quan", "subjective": "chủ quan"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defused(text: str) -> str:
    """A text as a CSV cell no spreadsheet reads as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def rows(project: Project, t: YearTally) -> list[dict[str, Any]]:
    data = project.years[t.year]
    groups = {i.id: g.title for c in data.commitments.values() for g in c.groups for i in g.items}
    out = []
    for s in t.items:
        entry, item = s.entry, s.item
        dated = [p for p in item.progress if p.date <= t.as_of]
        out.append(
            {
                "block": project.blocks[s.block_id].name if s.block_id in project.blocks else "",
                "unit": s.unit_id,
                "unit_name": project.units[s.unit_id].name,
                "group": groups.get(item.id, ""),
                "id": item.id,
                "text": item.text,
                "due": item.due,
                "status": str(s.status),
                "late": s.late,
                "status_date": entry.date if entry else None,
                "first_date": dated[0].date if dated else None,
                "cause": str(entry.cause) if entry and entry.cause else "",
                "reason": (entry.reason or "") if entry else "",
                "note": (entry.note or "") if entry else "",
                "tags": ", ".join(item.tags),
                "plan": item.indicator.plan if item.indicator else None,
                "actual": item.indicator.actual if item.indicator else None,
                "measure": (item.indicator.unit or "") if item.indicator else "",
            }
        )
    return out


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def to_json(project: Project, t: YearTally) -> bytes:
    body = {
        "year": t.year,
        "as_of": t.as_of.isoformat(),
        "items": [{k: _json_value(v) for k, v in row.items()} for row in rows(project, t)],
    }
    return (json_text(body) + "\n").encode("utf-8")


def _cell(key: str, value: Any) -> Any:
    """What a clerk reads in Excel: Vietnamese words and dates."""
    if key == "status":
        return STATUS_WORDS[Status(value)]
    if key == "late":
        return "chậm" if value else ""
    if key == "cause":
        return CAUSES.get(value, value)
    if isinstance(value, dt.date):
        return vn.short_date(value)
    if isinstance(value, Decimal):
        return vn.number(value)
    return "" if value is None else value


def to_csv(project: Project, t: YearTally) -> bytes:
    """UTF-8 with a BOM: without it Excel opens Vietnamese text as mojibake."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header for _key, header, _w in COLUMNS])
    for row in rows(project, t):
        cells = [_cell(key, row[key]) for key, _h, _w in COLUMNS]
        # Texts of the data only: a number written as text (-5, or 1.234,5) stays a number.
        writer.writerow(
            [
                defused(cell) if isinstance(row[key], str) and isinstance(cell, str) else cell
                for (key, _h, _w), cell in zip(COLUMNS, cells, strict=True)
            ]
        )
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _as_text(cells: Any) -> None:
    """Every text cell of a row written by openpyxl as a string: given a str starting with
    '=', openpyxl writes a formula. A text that starts like a formula also gets Excel's quote
    prefix (what typing a leading ' does), so that editing the cell keeps it text."""
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value.startswith(FORMULA_START):
                cell.quotePrefix = True


def to_xlsx(project: Project, t: YearTally) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from camket.render.package import normalise_zip

    bold = Font(bold=True)
    book = Workbook()
    items = book.active
    items.title = "Nội dung cam kết"

    def header(sheet: Any, names: list[str], widths: list[int]) -> None:
        sheet.append(names)
        for i, width in enumerate(widths, start=1):
            sheet.cell(row=1, column=i).font = bold
            sheet.cell(row=1, column=i).alignment = Alignment(wrap_text=True, vertical="top")
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"

    header(items, [h for _k, h, _w in COLUMNS], [w for _k, _h, w in COLUMNS])
    for row in rows(project, t):
        values = []
        for key, _h, _w in COLUMNS:
            value = row[key]
            if key in ("due", "status_date", "first_date") and value is not None:
                values.append(value)  # real dates, so Excel can sort and filter them
            elif key in ("plan", "actual") and value is not None:
                values.append(float(value))
            else:
                values.append(_cell(key, value))
        items.append(values)
        _as_text(items[items.max_row])
    for column in ("G", "J", "K"):
        for cell in items[column][1:]:
            cell.number_format = "DD/MM/YYYY"

    units = book.create_sheet("Đơn vị")
    names = [
        "Khối / đơn vị",
        "Số nhóm",
        "Tổng số",
        "Triển khai",
        "Hoàn thành",
        "Tạm dừng",
        "Chậm",
        "Chưa thực hiện",
    ]
    header(units, names, [48, 10, 10, 12, 12, 10, 8, 14])

    def counts(c: Any) -> list[int]:
        return [c.total, c.carried_out, c.completed, c.paused, c.late, c.not_started]

    for block in t.blocks:
        units.append([block.name, block.groups, *counts(block.counts)])
        _as_text(units[units.max_row])
        for cell in units[units.max_row]:
            cell.font = bold
        for unit in block.units:
            units.append([f"  {unit.name}", unit.groups, *counts(unit.counts)])
            _as_text(units[units.max_row])
    units.append(["Tổng cộng", t.groups, *counts(t.counts)])
    for cell in units[units.max_row]:
        cell.font = bold

    indicators = book.create_sheet("Chỉ tiêu")
    header(
        indicators,
        ["Mã", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ so với KH (%)", "Đạt"],
        [18, 60, 14, 12, 12, 18, 8],
    )
    for state in t.indicators:
        ind = state.indicator
        indicators.append(
            [
                ind.id,
                ind.name,
                ind.unit or "",
                float(ind.plan),
                float(ind.actual) if ind.actual is not None else None,
                round(float(state.ratio), 2) if state.ratio is not None else None,
                "" if state.met is None else ("đạt" if state.met else "chưa đạt"),
            ]
        )
        _as_text(indicators[indicators.max_row])

    stamp = dt.datetime(t.as_of.year, t.as_of.month, t.as_of.day)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "camket"
    book.properties.title = f"Cam kết trách nhiệm năm {t.year}"
    buffer = io.BytesIO()
    book.save(buffer)
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()

    def unclock(name: str, body: bytes) -> bytes:  # openpyxl stamps "modified" with the clock
        if name != "docProps/core.xml":
            return body
        return re.sub(
            rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
            rb"\g<1>" + when + rb"\g<2>",
            body,
        )

    return normalise_zip(buffer.getvalue(), unclock)


WRITERS = {"xlsx": to_xlsx, "csv": to_csv, "json": to_json}
