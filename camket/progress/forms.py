"""The quarterly progress form: one .xlsx per unit, filled in by the unit, read back by import.

Units report their progress every quarter, and their offices live in Excel (or LibreOffice, or
WPS): a form they fill in and e-mail back replaces a Word report the clerk retypes item by item.
The form is made so that what comes back can be applied without guessing:

- the first five columns (the item and where it stands) are locked, by sheet protection without
  a password: it guards against slips, not people; the unit fills the last five, with drop-down
  lists of the Vietnamese words `import` reads (statuses and causes), and a date defaulting to
  the period's last day;
- a hidden sheet says what the form was made from: its year, unit and period, the committing
  body, the data commit, and for each item the number of its progress entries and a
  fingerprint of the last one, so that `import` knows what the unit saw and can tell a newer
  entry (a conflict) from this form's own entry imported before; and a fingerprint of each
  item's text, so a row whose locked cells were edited is never applied to another item.

Everything written is Vietnamese document content, like the Word documents, not a message of the
program: the form is the same whatever `--lang` says. The bytes are the same for the same data
(camket.documents.spreadsheet).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from camket import vn
from camket.counting.periods import quarter_end
from camket.counting.tally import default_as_of
from camket.reading.models import STATUS_WORDS, Item, Progress, Status
from camket.reading.project import Project

FORM_SHEET = "Tiến độ"
GUIDE_SHEET = "Hướng dẫn"
DATA_SHEET = "camket"  # hidden: what the form was made from
FORMAT = "camket-tien-do"
VERSION = "1"
HEADERS = (
    "Mã nội dung",
    "Nhóm nhiệm vụ",
    "Nội dung cam kết",
    "Thời hạn",
    "Tình trạng hiện nay",
    "Tình trạng mới",
    "Ngày",
    "Ghi chú",
    "Lý do",
    "Nguyên nhân",
)
HEADER_ROW = 4  # 0-based: the title takes the rows above
# An adjustment needs the decision that allowed it (approved_by), which the form has no place
# for: the office records it itself (camket record … adjusted --approved-by …).
STATUS_CHOICES = tuple(word for s, word in STATUS_WORDS.items() if s is not Status.ADJUSTED)
CAUSE_CHOICES = ("khách quan", "chủ quan")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    """The period a form reports on: a quarter, or the year up to a date."""

    year: int
    end: dt.date
    quarter: int | None

    @classmethod
    def of(
        cls, year: int, today: dt.date, quarter: int | None = None, as_of: dt.date | None = None
    ) -> Period:
        """`--quarter`, else `--as-of` (a quarter's last day is that quarter), else the quarter
        that holds the default as-of date (today, or 31 December for a past year). ValueError
        when the date is not in the year."""
        if quarter is not None:
            return cls(year, quarter_end(year, quarter), quarter)
        end = as_of or default_as_of(year, today)
        if end.year != year:
            raise ValueError(end)
        holding = (end.month - 1) // 3 + 1
        if as_of is None or end == quarter_end(year, holding):
            return cls(year, quarter_end(year, holding), holding)
        return cls(year, end, None)

    @property
    def slug(self) -> str:
        """The part of the file name: q3, or den-2020-08-15."""
        return f"q{self.quarter}" if self.quarter else f"den-{self.end.isoformat()}"

    @property
    def words(self) -> str:
        """quý III năm 2020, or năm 2020 (đến ngày 15/08/2020)."""
        if self.quarter:
            return f"quý {ROMAN[self.quarter]} năm {self.year}"
        return f"năm {self.year} (đến ngày {vn.short_date(self.end)})"


@dataclass(frozen=True)
class Source:
    """The data a form is made from: the committing body and the data commit, if any."""

    body: str
    commit: str  # "" outside a git repository
    dirty: bool


def file_name(period: Period, unit: str) -> str:
    return f"tien-do-{period.year}-{period.slug}-{unit}.xlsx"


def fingerprint(progress: Sequence[Progress]) -> str:
    """What an item's progress was, in short: the number of entries and the last one."""
    last = progress[-1].model_dump(mode="json") if progress else None
    body = json.dumps([len(progress), last], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()[:16]


def text_print(text: str) -> str:
    """An item's text as the form shows it, in short (spaces and Unicode forms aside)."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode()).hexdigest()[:16]


def make(project: Project, unit: str, period: Period, source: Source) -> bytes:
    """The unit's form for the period, as .xlsx bytes."""
    from camket.documents.spreadsheet import Book
    from camket.progress import layout

    year = period.year
    commitments = project.years[year].commitments[unit]
    name = project.units[unit].name if unit in project.units else unit
    book = Book(
        f"Báo cáo tiến độ thực hiện cam kết {period.words} - {name}", source.body, period.end
    )
    book.custom_properties(
        {
            "camket_form": FORMAT,
            "camket_year": str(year),
            "camket_unit": unit,
            "camket_period": period.slug,
            "camket_commit": source.commit,
        }
    )
    sheet = book.book.add_worksheet(FORM_SHEET)
    guide = book.book.add_worksheet(GUIDE_SHEET)
    data = book.book.add_worksheet(DATA_SHEET)
    rows = [(g.title, item) for g in commitments.groups for item in g.items]
    layout.table(book, sheet, name, period, source, rows)
    layout.guide(book, guide, name, period, source)
    _data(book, data, unit, period, source, rows)
    data.hide()
    sheet.activate()
    return book.bytes()


def _data(
    book: Any,
    sheet: Any,
    unit: str,
    period: Period,
    source: Source,
    rows: list[tuple[str, Item]],
) -> None:
    """Every value a text cell, so that no program turns it into a number or a date."""
    head = [
        ("format", FORMAT),
        ("version", VERSION),
        ("year", str(period.year)),
        ("unit", unit),
        ("quarter", str(period.quarter or "")),
        ("end", period.end.isoformat()),
        ("body", source.body),
        ("commit", source.commit),
        ("dirty", "1" if source.dirty else "0"),
    ]
    for r, (key, value) in enumerate(head):
        sheet.write_string(r, 0, key)
        sheet.write_string(r, 1, value)
    start = len(head) + 1
    for c, key in enumerate(("item", "entries", "fingerprint", "text")):
        sheet.write_string(start, c, key)
    for r, (_group, item) in enumerate(rows, start=start + 1):
        values = (
            item.id,
            str(len(item.progress)),
            fingerprint(item.progress),
            text_print(item.text),
        )
        for c, value in enumerate(values):
            sheet.write_string(r, c, value)
    sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
