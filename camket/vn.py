"""Vietnamese numbers and dates, for every output (table, JSON-free text, documents).

The rules are administrative practice (FORMAT.md): decimal comma and thousands dot; a number
keeps the decimals its author wrote; counts under ten get a leading zero in running text; in
"ngày 05 tháng 01 năm 2020" the day under ten and the months January and February take one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal


def number(value: Decimal | int, decimals: int | None = None) -> str:
    """`Decimal('4203.1')` -> '4.203,1'; the written decimals are kept unless `decimals` is set."""
    d = Decimal(value)
    if decimals is not None:
        d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    return f"{sign}{out},{frac}" if frac else f"{sign}{out}"


def ratio(value: Decimal) -> str:
    """A percentage with two decimals, ',00' dropped and trailing zeros kept short: 90,41; 105."""
    text = number(value, 2)
    if text.endswith(",00"):
        return text[:-3]
    return text[:-1] if text.endswith("0") and "," in text else text


def count(n: int, pad: bool = True) -> str:
    """Counts in running text: '01 nhiệm vụ' under ten (a setting: `pad`)."""
    return f"{n:02d}" if pad and 0 < n < 10 else str(n)


def short_date(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def long_date(d: dt.date) -> str:
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


class AmbiguousNumber(ValueError):
    """A number that reads two ways: `1.234` is 1234 to a Vietnamese reader (the dot groups
    thousands) and 1.234 to one used to English or YAML (the dot is the decimal point)."""

    def __init__(self, text: str, whole: Decimal, decimal: Decimal) -> None:
        super().__init__(text)
        self.whole, self.decimal = whole, decimal


# Digits, dots and at most one comma, nothing else: no exponent, no NaN, no unit, no space.
_NUMBER_SHAPE = re.compile(r"-?[0-9][0-9.]*(,[0-9]+)?")


def parse_number(text: str) -> Decimal:
    """A number as a Vietnamese clerk types it: the comma is the decimal separator, the dot
    groups thousands (`730,223`; `1.234.567`; `1.234,5`; `42`). A lone dot that cannot group
    thousands is a decimal point, as in YAML (`12.5`, `0.500`, `1234.567`); one that could
    (`1.234`) is AmbiguousNumber. Anything else is ValueError. The decimals written are kept
    (`7,10`), as the documents print them."""
    from babel.numbers import NumberFormatError, parse_decimal

    text = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    if not _NUMBER_SHAPE.fullmatch(text):
        raise ValueError(text)
    whole, dot, after = text.partition(".")
    if dot and "." not in after and "," not in after:  # one dot and no comma
        digits = whole.lstrip("-")
        if len(after) == 3 and len(digits) <= 3 and not digits.startswith("0"):
            raise AmbiguousNumber(text, Decimal(whole + after), Decimal(text))
        return Decimal(text)
    try:  # the Vietnamese forms, thousands grouped by threes (babel's CLDR data for vi)
        return parse_decimal(text, locale="vi", strict=True)
    except NumberFormatError:
        raise ValueError(text) from None


def decimal_text(value: Decimal) -> str:
    """A number as YAML writes it (730.223), never in exponent notation."""
    return format(value, "f")


def parse_date(text: str) -> dt.date:
    """ISO (2019-06-30) or the Vietnamese short form (30/6/2019); ValueError otherwise."""
    text = text.strip()
    if "/" in text:
        day, month, year = (int(p) for p in text.split("/"))
        return dt.date(year, month, day)
    return dt.date.fromisoformat(text)
