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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("730,223", Decimal("730.223")),  # the comma is the decimal separator
        ("1.234.567", Decimal("1234567")),  # dots group thousands
        ("1.234,5", Decimal("1234.5")),
        ("42", Decimal("42")),
        ("12.5", Decimal("12.5")),  # a dot that cannot group thousands is a decimal point
        ("0.500", Decimal("0.500")),
        ("1234.567", Decimal("1234.567")),
        ("7,10", Decimal("7.10")),  # the decimals written are kept
        ("-2,5", Decimal("-2.5")),
        ("\u22122,5", Decimal("-2.5")),  # the typographic minus of a pasted figure
        (" 660,191 ", Decimal("660.191")),
        ("-1.234.567,5", Decimal("-1234567.5")),
    ],
)
def test_parse_number_the_vietnamese_way(text: str, value: Decimal):
    parsed = vn.parse_number(text)
    assert parsed == value and str(parsed) == str(value)
    assert vn.decimal_text(parsed) == str(value)


@pytest.mark.parametrize(
    ("text", "whole", "decimal"),
    [("1.234", "1234", "1.234"), ("730.223", "730223", "730.223"), ("-1.500", "-1500", "-1.500")],
)
def test_a_dot_that_could_group_thousands_is_ambiguous(text: str, whole: str, decimal: str):
    with pytest.raises(vn.AmbiguousNumber) as e:
        vn.parse_number(text)
    assert (e.value.whole, e.value.decimal) == (Decimal(whole), Decimal(decimal))


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "",
        "7,05%",
        "1e5",
        "NaN",
        "Infinity",
        "1 234",
        "1,234,567",
        "1.234.56",
        "5,",
        ".5",
        "1..2",
        "12,3.4",
        "--1",
        "0x10",
    ],
)
def test_parse_number_refuses_what_is_no_number(text: str):
    with pytest.raises(ValueError) as e:
        vn.parse_number(text)
    assert not isinstance(e.value, vn.AmbiguousNumber)


def test_decimal_text_never_uses_an_exponent():
    assert vn.decimal_text(Decimal("1E+3")) == "1000"
    assert vn.decimal_text(Decimal("0.0000001")) == "0.0000001"
