"""`camket export`: the year's items for Excel (xlsx, csv) or for other programs (json).

One row per item, built from the tally, so every figure matches `status` and the report.
XlsxWriter is imported only by the xlsx writer (camket.documents.spreadsheet).

A text from the data never becomes a formula: a spreadsheet program runs a cell that starts
with `=`, `+`, `-` or `@` (and, after a tab or CR, those too), which can fetch a URL or start
a program when the file is opened (CSV injection). In xlsx every text is a string cell, never
a formula cell, with Excel's quote prefix when it starts like one (camket.documents.spreadsheet); in
CSV such a text gets a
leading `'`, as OWASP advises. Numbers stay numbers, negative ones included.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any

from camket import vn
from camket.counting.tally import YearTally
from camket.documents.spreadsheet import FORMULA_START
from camket.reading.models import STATUS_WORDS, Status
from camket.reading.project import Project
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
    if t.left_out:  # units whose files have errors: the items are not all the year's
        body["left_out"] = list(t.left_out)
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


def to_xlsx(project: Project, t: YearTally) -> bytes:
    """Three sheets: the items (real dates and numbers, so Excel sorts and filters them), the
    units with their counts, the indicators."""
    from camket.documents.spreadsheet import Book

    settings = project.settings
    book = Book(
        f"Cam kết trách nhiệm năm {t.year}", settings.issuer if settings else "camket", t.as_of
    )
    head = {"bold": True, "text_wrap": True, "valign": "top"}

    def sheet(name: str, headers: list[str], widths: list[int]) -> Any:
        ws = book.book.add_worksheet(name)
        for column, (title, width) in enumerate(zip(headers, widths, strict=True)):
            book.write(ws, 0, column, title, **head)
            ws.set_column(column, column, width)
        ws.freeze_panes(1, 0)
        return ws

    items = sheet("Nội dung cam kết", [h for _k, h, _w in COLUMNS], [w for _k, _h, w in COLUMNS])
    for r, row in enumerate(rows(project, t), start=1):
        for c, (key, _h, _w) in enumerate(COLUMNS):
            value = row[key]
            if key not in ("due", "status_date", "first_date", "plan", "actual"):
                value = _cell(key, value)
            book.write(items, r, c, value)

    units = sheet(
        "Đơn vị",
        [
            "Khối / đơn vị",
            "Số nhóm",
            "Tổng số",
            "Triển khai",
            "Hoàn thành",
            "Tạm dừng",
            "Chậm",
            "Chưa thực hiện",
        ],
        [48, 10, 10, 12, 12, 10, 8, 14],
    )

    def counts(c: Any) -> list[int]:
        return [c.total, c.carried_out, c.completed, c.paused, c.late, c.not_started]

    table: list[tuple[list[Any], bool]] = []
    for block in t.blocks:
        table.append(([block.name, block.groups, *counts(block.counts)], True))
        table += [([f"  {u.name}", u.groups, *counts(u.counts)], False) for u in block.units]
    table.append((["Tổng cộng", t.groups, *counts(t.counts)], True))
    for r, (cells, bold) in enumerate(table, start=1):
        for c, value in enumerate(cells):
            book.write(units, r, c, value, **({"bold": True} if bold else {}))

    indicators = sheet(
        "Chỉ tiêu",
        ["Mã", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ so với KH (%)", "Đạt"],
        [18, 60, 14, 12, 12, 18, 8],
    )
    for r, state in enumerate(t.indicators, start=1):
        ind = state.indicator
        cells = [
            ind.id,
            ind.name,
            ind.unit or "",
            ind.plan,
            ind.actual,
            round(float(state.ratio), 2) if state.ratio is not None else None,
            "" if state.met is None else ("đạt" if state.met else "chưa đạt"),
        ]
        for c, value in enumerate(cells):
            book.write(indicators, r, c, value)
    return book.bytes()


WRITERS = {"xlsx": to_xlsx, "csv": to_csv, "json": to_json}
