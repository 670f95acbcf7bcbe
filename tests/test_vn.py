"""Vietnamese numbers and dates as FORMAT.md gives them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from camket import vn


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("660.191"), "660,191"),
        (Decimal("4203.1"), "4.203,1"),
        (285197, "285.197"),
        (Decimal("8201.0"), "8.201,0"),
        (Decimal("-1234567.5"), "-1.234.567,5"),
        (Decimal("12"), "12"),
    ],
)
def test_number_keeps_written_decimals(value, text):
    assert vn.number(value) == text


def test_ratio_two_decimals_and_drops_zeros():
    assert vn.ratio(Decimal("660.191") / Decimal("730.223") * 100) == "90,41"
    assert vn.ratio(Decimal("12.6") / Decimal("12") * 100) == "105"
    assert vn.ratio(Decimal("7.5")) == "7,5"


def test_counts_and_dates():
    assert vn.count(1) == "01" and vn.count(10) == "10" and vn.count(0) == "0"
    assert vn.long_date(dt.date(2020, 1, 5)) == "ngày 05 tháng 01 năm 2020"
    assert vn.long_date(dt.date(2019, 12, 20)) == "ngày 20 tháng 12 năm 2019"
    assert vn.long_date(dt.date(2019, 3, 7)) == "ngày 07 tháng 3 năm 2019"
    assert vn.short_date(dt.date(2020, 1, 5)) == "05/01/2020"
    assert vn.parse_date("30/6/2019") == vn.parse_date("2019-06-30") == dt.date(2019, 6, 30)
