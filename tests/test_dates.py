"""What camket says of a text shaped like a date that is not the date it needs."""

from __future__ import annotations

import pytest

from camket import i18n
from camket.dates import trouble


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2026-06-31", "2026-06-31: tháng 6 chỉ có 30 ngày"),
        (
            "31/06/2026",
            "31/06/2026: tháng 6 chỉ có 30 ngày; "
            "khi sửa, viết ngày theo dạng năm-tháng-ngày (YYYY-MM-DD)",
        ),
        ("2019-02-29", "2019-02-29: tháng 2 năm 2019 chỉ có 28 ngày"),
        ("2026-13-01", "2026-13-01: không có tháng 13; tháng chỉ từ 1 đến 12"),
        ("0/3/2019", "0/3/2019: không có ngày 0; ngày bắt đầu từ 1"),
        ("15/3/2019", "15/3/2019: hãy viết ngày theo dạng năm-tháng-ngày, 2019-03-15"),
        ("2019-3-5", "2019-3-5: hãy viết ngày theo dạng năm-tháng-ngày, 2019-03-05"),
    ],
)
def test_the_calendar_rule_is_said(text: str, said: str):
    assert trouble(text) == said


@pytest.mark.parametrize("text", ["2020-02-29", "Quý II", "", "2019-12-31"])
def test_a_real_date_or_no_date_shape_says_nothing(text: str):
    assert trouble(text) is None


def test_day_first_is_accepted_where_the_caller_allows_it():
    assert trouble("15/3/2019", iso_only=False) is None
    assert trouble("31/6/2019", iso_only=False) == "31/6/2019: tháng 6 chỉ có 30 ngày"


def test_the_same_rule_in_english():
    i18n.set_language("en")
    assert trouble("2026-06-31") == "2026-06-31: month 6 has only 30 days"
    assert trouble("2019-02-29") == "2019-02-29: February 2019 has only 28 days"
