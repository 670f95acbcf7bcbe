"""Why a text a clerk wrote is not the date camket needs, said with the calendar's own rule.

"31/06/2026" is a slip of the calendar, not of the format: "tháng 6 chỉ có 30 ngày" tells the
clerk what to fix where "cần một ngày dạng YYYY-MM-DD" does not. A day-first date that exists
("15/3/2019") is only written in the other order, and the message gives it back as camket
writes it. Used by the reader (a YAML date that is not on the calendar), by the typing of
a file (a text where a date belongs) and by the command line (`--date`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from camket.i18n import _

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def trouble(text: str, *, iso_only: bool = True) -> str | None:
    """What is wrong with a text shaped like a date, with what to write instead; None when
    the text is not shaped like a date at all (the caller says what it expected), or when
    it is a date written as `iso_only` allows."""
    text = text.strip()
    iso = _ISO.match(text)
    day_first = None if iso else _DAY_FIRST.match(text)
    if iso:
        year, month, day = (int(p) for p in iso.groups())
    elif day_first:
        day, month, year = (int(p) for p in day_first.groups())
    else:
        return None
    if year < dt.MINYEAR:
        return _("{text}: không có năm {year}").format(text=text, year=year)
    if not 1 <= month <= 12:
        return _("{text}: không có tháng {month}; tháng chỉ từ 1 đến 12").format(
            text=text, month=month
        )
    days = calendar.monthrange(year, month)[1]
    if day < 1:
        return _("{text}: không có ngày {day}; ngày bắt đầu từ 1").format(text=text, day=day)
    if day > days:
        if month == 2:
            slip = _("{text}: tháng 2 năm {year} chỉ có {days} ngày").format(
                text=text, year=year, days=days
            )
        else:
            slip = _("{text}: tháng {month} chỉ có {days} ngày").format(
                text=text, month=month, days=days
            )
        if iso_only and not iso:
            return _("{slip}; khi sửa, viết ngày theo dạng năm-tháng-ngày (YYYY-MM-DD)").format(
                slip=slip
            )
        return slip
    written = dt.date(year, month, day).isoformat()
    if written == text or not iso_only:
        return None
    return _("{text}: hãy viết ngày theo dạng năm-tháng-ngày, {written}").format(
        text=text, written=written
    )
