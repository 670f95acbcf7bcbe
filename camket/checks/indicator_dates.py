"""The date of an indicator's figure (`actual_on:`) is not before its year began, nor after today.

Why: an indicator's actual value is estimated during the year and confirmed after it, and
`actual_on:` says which figure it is (`camket record INDICATOR VALUE --date` writes it). A date
before the year began, or one in the future, is a typing slip: no figure of 2019 is known in
2018. Dates after the year are allowed: the year's figures are confirmed in the next one.

Valid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
indicators:
  - id: thu-ngan-sach
    name: Thu ngân sách
    unit: tỷ đồng
    plan: 730.223
    actual: 660.191
    actual_on: 2020-01-15
```

Invalid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
indicators:
  - id: thu-ngan-sach
    name: Thu ngân sách
    unit: tỷ đồng
    plan: 730.223
    actual: 660.191
    actual_on: 2018-12-31
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from camket.checks._common import Finding, Scope, Year
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E127"
SEVERITY = Severity.ERROR
SCOPE = Scope.YEAR
TITLE = N_("Ngày số liệu chỉ tiêu không hợp lý")
FIX = N_(
    "Ngày số liệu (actual_on:) của chỉ tiêu không được trước năm của chỉ tiêu, cũng không được "
    "sau ngày hôm nay."
)


def trouble(indicator_id: str, date: dt.date, year: int, today: dt.date) -> str | None:
    """What is wrong with the date of an indicator's figure; None when nothing is. `record`
    asks the same before it writes `--date`."""
    if date < dt.date(year, 1, 1):
        return _(
            "ngày số liệu {date} của chỉ tiêu '{id}' trước năm {year}; hãy kiểm tra lại năm"
        ).format(date=date.isoformat(), id=indicator_id, year=year)
    if date > today:
        return _(
            "ngày số liệu {date} của chỉ tiêu '{id}' sau ngày hôm nay ({today}); hãy kiểm tra "
            "lại ngày"
        ).format(date=date.isoformat(), id=indicator_id, today=today.isoformat())
    return None


def check(target: Year) -> Iterator[Finding]:
    data = target.data
    for indicator in data.config.indicators if data.config else ():
        if indicator.actual_on is None:
            continue
        message = trouble(indicator.id, indicator.actual_on, target.year, target.project.today)
        if message is not None:
            yield indicator.value_span("actual_on"), message
