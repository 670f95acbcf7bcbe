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
import textwrap
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
WIDTHS = (17, 20, 46, 11, 22, 15, 11.5, 24, 24, 12)
HEADER_ROW = 4  # 0-based: the title takes the rows above
LOCKED = 5  # the first five columns
# An adjustment needs the decision that allowed it (approved_by), which the form has no place
# for: the office records it itself (camket record … adjusted --approved-by …).
STATUS_CHOICES = tuple(word for s, word in STATUS_WORDS.items() if s is not Status.ADJUSTED)
CAUSE_CHOICES = ("khách quan", "chủ quan")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
FONT = {"font_name": "Times New Roman", "font_size": 12}
FILL = "#FFF2CC"  # the cells the unit fills
LINE = 15.75  # points: a line of 12-point Times New Roman, as Excel sets it


def height(cells: Sequence[tuple[str, float]]) -> float:
    """A row's height for its wrapped texts (text, column width): Excel adjusts a row's height
    to wrapped text only when a cell is edited, LibreOffice not always on opening, so it is
    set. A column width counts digits of the default font (Calibri 11); a line of 12-point
    Times holds about 1.2 times as many letters, less the cell's margins."""
    lines = 1
    for text, width in cells:
        per_line = max(int(width * 1.2) - 1, 4)
        count = sum(
            max(len(textwrap.wrap(p, per_line, break_on_hyphens=True)), 1)
            for p in str(text).split("\n")
        )
        lines = max(lines, count)
    return lines * LINE + 3


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


def _now(item: Item) -> str:
    """Where the item stands: its last entry's status, date and note."""
    if not item.progress:
        return STATUS_WORDS[Status.NOT_STARTED]
    last = item.progress[-1]
    shown = f"{STATUS_WORDS[last.status]} ({vn.short_date(last.date)})"
    return f"{shown}\n{last.note}" if last.note else shown


def make(project: Project, unit: str, period: Period, source: Source) -> bytes:
    """The unit's form for the period, as .xlsx bytes."""
    from camket.documents.spreadsheet import Book

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
    _form(book, sheet, name, period, source, rows)
    _guide(book, guide, name, period, source)
    _data(book, data, unit, period, source, rows)
    data.hide()
    sheet.activate()
    return book.bytes()


def _form(
    book: Any,
    sheet: Any,
    name: str,
    period: Period,
    source: Source,
    rows: list[tuple[str, Item]],
) -> None:
    last = len(HEADERS) - 1
    title = {**FONT, "bold": True, "align": "center", "valign": "vcenter", "text_wrap": True}
    big = {**title, "font_size": 14}
    sheet.merge_range(0, 0, 0, last, "", book.format(**big))
    book.write(
        sheet,
        0,
        0,
        f"BÁO CÁO TIẾN ĐỘ THỰC HIỆN CAM KẾT TRÁCH NHIỆM {period.words.upper()}",
        **big,
    )
    sheet.merge_range(1, 0, 1, last, "", book.format(**title))
    book.write(sheet, 1, 0, f"Đơn vị: {name}", **title)
    line = {**FONT, "italic": True, "align": "center", "text_wrap": True}
    sheet.merge_range(2, 0, 2, last, "", book.format(**line))
    book.write(
        sheet,
        2,
        0,
        f"Kính gửi {source.body}. Tính đến ngày {vn.short_date(period.end)}; chỉ điền các cột "
        "nền vàng, xem trang tính “Hướng dẫn”.",
        **line,
    )
    sheet.set_row(0, 40)
    sheet.set_row(2, 32)
    head = {
        **FONT,
        "bold": True,
        "text_wrap": True,
        "align": "center",
        "valign": "vcenter",
        "border": 1,
        "bg_color": "#D9D9D9",
    }
    for column, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        book.write(sheet, HEADER_ROW, column, header, **head)
        sheet.set_column(column, column, width)
    sheet.set_row(HEADER_ROW, height(list(zip(HEADERS, WIDTHS, strict=True))))
    cell = {**FONT, "text_wrap": True, "valign": "top", "border": 1}
    free = {**cell, "locked": False, "bg_color": FILL}
    first = HEADER_ROW + 1
    for r, (group, item) in enumerate(rows, start=first):
        locked = (item.id, group, item.text, item.due, _now(item))
        for c, value in enumerate(locked):
            book.write(sheet, r, c, value, **cell)
        sheet.set_row(r, height([(str(v), w) for v, w in zip(locked, WIDTHS, strict=False) if v]))
        book.write(sheet, r, 5, None, **free)
        book.write(sheet, r, 6, period.end, **free)
        for c in (7, 8, 9):
            book.write(sheet, r, c, None, **free)
    end = first + max(len(rows), 1) - 1
    sheet.data_validation(
        first,
        5,
        end,
        5,
        {
            "validate": "list",
            "source": list(STATUS_CHOICES),
            "input_title": "Tình trạng mới",
            "input_message": "Chọn trong danh sách; để trống nếu không báo cáo nội dung này.",
            "error_title": "Tình trạng không hợp lệ",
            "error_message": "Hãy chọn một tình trạng trong danh sách (điều chỉnh: do Văn phòng "
            "ghi khi có văn bản cho phép).",
        },
    )
    sheet.data_validation(
        first,
        6,
        end,
        6,
        {
            "validate": "date",
            "criteria": "between",
            "minimum": dt.datetime(period.year, 1, 1),
            "maximum": dt.datetime(period.year, 12, 31),
            "error_type": "warning",
            "error_title": "Ngày ngoài năm",
            "error_message": f"Ngày của tình trạng mới thường trong năm {period.year} "
            "(ngày/tháng/năm).",
        },
    )
    sheet.data_validation(
        first,
        9,
        end,
        9,
        {
            "validate": "list",
            "source": list(CAUSE_CHOICES),
            "error_title": "Nguyên nhân",
            "error_message": "Chọn khách quan hoặc chủ quan.",
        },
    )
    sheet.freeze_panes(first, 1)
    sheet.protect(
        "",
        {
            "format_columns": True,
            "format_rows": True,
            "select_locked_cells": True,
            "select_unlocked_cells": True,
        },
    )
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEADER_ROW)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.center_horizontally()
    sheet.set_footer("&C&P/&N")


def _guide(book: Any, sheet: Any, name: str, period: Period, source: Source) -> None:
    """How to fill the form in, in the unit's words: which statuses need what, what not to
    change, how to send it back."""
    text = {**FONT, "text_wrap": True, "valign": "top"}
    bold = {**text, "bold": True}
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 80)
    made = f"commit {source.commit[:12]}" if source.commit else "thư mục dữ liệu (không có git)"
    if source.dirty:
        made += " (có thay đổi chưa commit)"
    lines: list[tuple[str, str]] = [
        ("HƯỚNG DẪN ĐIỀN PHIẾU", ""),
        ("Phiếu của", f"{name}, báo cáo tiến độ {period.words}."),
        (
            "Điền gì",
            "Mỗi dòng là một nội dung cam kết. Nội dung nào có thay đổi từ lần báo cáo trước thì "
            "chọn Tình trạng mới và điền các ô nền vàng của dòng đó. Nội dung không thay đổi thì "
            "để trống cột Tình trạng mới: dòng đó không được nhập.",
        ),
        ("Tình trạng mới", "Chọn trong danh sách: " + "; ".join(STATUS_CHOICES) + "."),
        (
            "Ngày",
            f"Ngày có tình trạng mới, dạng ngày/tháng/năm; đã điền sẵn {vn.short_date(period.end)} "
            "(ngày cuối kỳ), sửa nếu khác. Không được trước ngày của tình trạng hiện nay, không "
            "sau ngày gửi phiếu.",
        ),
        ("Ghi chú", "Kết quả đạt được, số liệu (không bắt buộc)."),
        ("", ""),
        ("CẦN GHI THÊM", ""),
        ("đang thực hiện", "Không bắt buộc; nên ghi kết quả vào Ghi chú."),
        (
            "hoàn thành",
            "Nếu hoàn thành sau Thời hạn: ghi Nguyên nhân và Lý do chậm.",
        ),
        ("không hoàn thành", "Ghi Nguyên nhân và Lý do."),
        ("tạm dừng", "Ghi Lý do tạm dừng."),
        ("chưa thực hiện", "Không cần ghi thêm."),
        (
            "điều chỉnh",
            "Không chọn trên phiếu: điều chỉnh nội dung cam kết cần văn bản cho phép của cấp có "
            "thẩm quyền; Văn phòng ghi khi có văn bản.",
        ),
        (
            "Nguyên nhân",
            "khách quan (thiếu nguồn lực, chờ Trung ương, nhà đầu tư…) hoặc chủ quan (thiếu chủ "
            "động, phối hợp chưa tốt…).",
        ),
        ("", ""),
        ("KHÔNG ĐƯỢC SỬA", ""),
        (
            "Các cột đã khóa",
            "Mã nội dung, Nhóm nhiệm vụ, Nội dung cam kết, Thời hạn, Tình trạng hiện nay. Dòng "
            "có ô khóa bị sửa sẽ không được nhập. Khóa không có mật khẩu: chỉ để tránh sửa nhầm.",
        ),
        (
            "Cấu trúc phiếu",
            "Không thêm, xóa, đổi thứ tự dòng hay cột; không đổi tên các trang tính, không xóa "
            "trang tính ẩn (phiếu cần nó để được nhập).",
        ),
        ("", ""),
        (
            "Gửi lại",
            "Lưu dạng .xlsx (Excel Workbook; LibreOffice, WPS: chọn Excel 2007-365 .xlsx) và gửi "
            f"lại cho {source.body}.",
        ),
        ("Lập từ", f"{made}; ngày cuối kỳ {vn.short_date(period.end)}."),
    ]
    for r, (key, value) in enumerate(lines):
        book.write(sheet, r, 0, key, **bold)
        book.write(sheet, r, 1, value, **text)
        sheet.set_row(r, height([(key, 26), (value, 80)]))
    sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
    sheet.set_portrait()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


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
