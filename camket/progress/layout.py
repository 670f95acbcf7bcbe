"""How a progress form looks: the table the unit fills in, its guide, and how both print.

Kept apart from camket.progress.forms, which says what a form is (its columns, its period, what
it was made from), because this is only presentation: widths, heights, colours, protection,
drop-down lists and print settings, so that the form opens ready to fill in and prints on A4.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from camket import vn
from camket.progress.forms import CAUSE_CHOICES, HEADER_ROW, HEADERS, STATUS_CHOICES
from camket.reading.models import STATUS_WORDS, Item, Status

if TYPE_CHECKING:
    from camket.progress.forms import Period, Source

WIDTHS = (17, 20, 46, 11, 22, 15, 11.5, 24, 24, 12)
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


def _now(item: Item) -> str:
    """Where the item stands: its last entry's status, date and note."""
    if not item.progress:
        return STATUS_WORDS[Status.NOT_STARTED]
    last = item.progress[-1]
    shown = f"{STATUS_WORDS[last.status]} ({vn.short_date(last.date)})"
    return f"{shown}\n{last.note}" if last.note else shown


def table(
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


def guide(book: Any, sheet: Any, name: str, period: Period, source: Source) -> None:
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
