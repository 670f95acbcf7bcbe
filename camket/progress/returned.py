"""Reading a returned progress form: untrusted bytes from another office, bounded and inert.

A form comes back by e-mail, saved by Excel, LibreOffice or WPS, perhaps edited in ways the form
did not mean, perhaps not a form at all. So before anything is parsed, the file's size and its
zip (the number of parts and their unpacked size: a zip bomb) are bounded, and an old .xls or an
.ods is named as such; then camket.progress.xlsx reads the cell values of the form's two sheets
only, cached values only (a formula is never evaluated), and only the rows the form can have.
Whatever goes wrong is said in the clerk's words (`Unreadable`), never as a traceback. What was
read is plain data (`Form`); judging it against the data folder is camket.progress.importing's
work.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from camket.i18n import _
from camket.progress import forms, xlsx

MAX_BYTES = 10 * 1024 * 1024  # a form is some tens of kilobytes
MAX_PARTS = 500
MAX_UNPACKED = 100 * 1024 * 1024
MAX_ITEMS = 5000  # rows of the hidden sheet; a unit has a few dozen items
EXTRA_ROWS = 200  # rows read below the form's items, for rows a unit added


class Unreadable(Exception):
    """The file is not a form camket can read; the message says why and what to do."""


@dataclass(frozen=True)
class Made:
    """What the form showed of an item when it was made."""

    entries: int
    fingerprint: str
    text: str  # forms.text_print of the item's text


@dataclass(frozen=True)
class Row:
    """One row of the form's table as read: the cells' values, untyped."""

    number: int  # as Excel numbers rows
    item: str
    text: str
    status: Any
    date: Any
    note: Any
    reason: Any
    cause: Any


@dataclass
class Form:
    path: Path
    year: int
    unit: str
    period: forms.Period
    body: str
    commit: str
    made: dict[str, Made]
    rows: list[Row] = field(default_factory=list)

    def cell(self, column: int, row: int) -> str:
        """FILE!Tiến độ!F12: where a clerk finds what is meant."""
        return f"{self.path}!{forms.FORM_SHEET}!{'ABCDEFGHIJ'[column]}{row}"


def text(value: Any) -> str:
    """A cell as text, NFC, without surrounding spaces ('' for an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _zip_bounded(path: Path) -> None:
    if not path.is_file():
        raise Unreadable(_("không có tệp này; hãy kiểm tra tên và thư mục của tệp"))
    try:
        size = path.stat().st_size
    except OSError as e:
        raise Unreadable(_("không đọc được tệp: {e}").format(e=e.strerror or e)) from None
    if size > MAX_BYTES:
        raise Unreadable(
            _(
                "tệp lớn {size:.1f} MB, quá giới hạn {limit} MB của một phiếu tiến độ; hãy dùng "
                "đúng phiếu do camket forms lập"
            ).format(size=size / 1024 / 1024, limit=MAX_BYTES // 1024 // 1024)
        )
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise Unreadable(
            _(
                "tệp là dạng Excel 97-2003 (.xls) hoặc có đặt mật khẩu; hãy mở phiếu, bỏ mật khẩu "
                "nếu có, rồi lưu lại dạng Excel Workbook (.xlsx)"
            )
        )
    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
            names = {p.filename for p in parts}
            if "mimetype" in names and "content.xml" in names:
                raise Unreadable(
                    _(
                        "tệp là dạng OpenDocument (.ods); hãy mở bằng LibreOffice và lưu lại dạng "
                        "Excel 2007-365 (.xlsx)"
                    )
                )
            if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED:
                raise Unreadable(
                    _(
                        "tệp nén chứa quá nhiều dữ liệu so với một phiếu tiến độ; không đọc. Hãy "
                        "dùng đúng phiếu do camket forms lập"
                    )
                )
    except (zipfile.BadZipFile, OSError, ValueError):
        raise Unreadable(
            _(
                "tệp không phải bảng tính Excel (.xlsx) hoặc đã hỏng; hãy mở phiếu bằng Excel, "
                "LibreOffice hay WPS và lưu lại dạng .xlsx"
            )
        ) from None


def read(path: Path) -> Form:
    """The form's identity, what it was made from, and its rows; Unreadable otherwise."""
    _zip_bounded(path)
    try:
        with xlsx.Book(path) as book:
            return _read(path, book)
    except xlsx.BadBook as e:
        raise Unreadable(
            _(
                "không đọc được bảng tính ({why}); hãy mở phiếu bằng Excel, LibreOffice hay WPS và "
                "lưu lại dạng .xlsx"
            ).format(why=e)
        ) from None


def _read(path: Path, book: xlsx.Book) -> Form:
    names = book.sheets
    if forms.DATA_SHEET not in names or forms.FORM_SHEET not in names:
        raise Unreadable(
            _(
                "tệp không phải phiếu tiến độ do camket lập (thiếu trang tính '{a}' hoặc trang "
                "tính ẩn '{b}'); hãy dùng phiếu do lệnh camket forms lập"
            ).format(a=forms.FORM_SHEET, b=forms.DATA_SHEET)
        )
    info, made = _made(book)
    if info.get("format") != forms.FORMAT or info.get("version") != forms.VERSION:
        raise Unreadable(
            _(
                "trang tính ẩn '{b}' không phải của một phiếu tiến độ camket (phiên bản {v}); "
                "hãy dùng phiếu do lệnh camket forms lập"
            ).format(b=forms.DATA_SHEET, v=info.get("version") or "?")
        )
    try:
        year = int(info["year"])
        unit = info["unit"]
        end = dt.date.fromisoformat(info["end"])
        quarter = int(info["quarter"]) if info.get("quarter") else None
    except (KeyError, ValueError):
        raise Unreadable(
            _(
                "trang tính ẩn '{b}' thiếu năm, đơn vị hoặc kỳ báo cáo; hãy dùng phiếu do lệnh "
                "camket forms lập"
            ).format(b=forms.DATA_SHEET)
        ) from None
    form = Form(
        path=path,
        year=year,
        unit=unit,
        period=forms.Period(year, end, quarter),
        body=info.get("body", ""),
        commit=info.get("commit", ""),
        made=made,
    )
    form.rows = _rows(book, len(made))
    return form


def _made(book: xlsx.Book) -> tuple[dict[str, str], dict[str, Made]]:
    info: dict[str, str] = {}
    made: dict[str, Made] = {}
    table = False
    for _number, values in book.rows(forms.DATA_SHEET, MAX_ITEMS, 4):
        cells = [text(v) for v in values] + [""] * 4
        if not any(cells):
            continue
        if cells[0] == "item" and cells[2] == "fingerprint":
            table = True
        elif table:
            try:
                made.setdefault(cells[0], Made(int(cells[1]), cells[2], cells[3]))
            except ValueError:
                continue  # a row that cannot be the form's: its item is then unknown
        else:
            info.setdefault(cells[0], cells[1])
    return info, made


def _rows(book: xlsx.Book, items: int) -> list[Row]:
    """The rows below the header (found by its exact text, wherever it now is)."""
    header = None
    rows: list[Row] = []
    limit = forms.HEADER_ROW + 20 + items + EXTRA_ROWS
    width = len(forms.HEADERS)
    for number, cells in book.rows(forms.FORM_SHEET, limit, width):
        if header is None:
            if tuple(text(v) for v in cells) == forms.HEADERS:
                header = number
            elif number > forms.HEADER_ROW + 20:
                break
            continue
        if not any(text(v) for v in cells):
            continue
        date = cells[6]
        if isinstance(date, int | float) and not isinstance(date, bool) and 0 < date < 2958466:
            date = book.date(date)  # a date cell is a number of days; its style says so
        rows.append(Row(number, text(cells[0]), text(cells[2]), cells[5], date, *cells[7:10]))
    if header is None:
        raise Unreadable(
            _(
                "không thấy dòng tiêu đề của bảng ({first} | … | {last}) trong trang tính '{s}'; "
                "phiếu đã bị sửa cấu trúc, hãy dùng phiếu do lệnh camket forms lập"
            ).format(first=forms.HEADERS[0], last=forms.HEADERS[-1], s=forms.FORM_SHEET)
        )
    return rows
