"""Progress dates are not before the commitments' year began, nor after today.

Why: progress is reported quarter by quarter; a date before the year began, or one in the
future, is a typing slip that would shift the item's status at a given date. Dates after the
year are allowed: the year's last results are often confirmed in January.

Valid:

```yaml
# file: 2019/commitments/cam-lo.yaml
unit: cam-lo
year: 2019
head: Đào Mạnh Hùng
groups:
  - title: Phát triển kinh tế - xã hội
    items:
      - id: cam-lo-2019-01
        text: Hoàn thành giải phóng mặt bằng Cụm công nghiệp Cam Hiếu
        progress:
          - {date: 2019-09-20, status: done}
  - title: Xây dựng Đảng
    items:
      - {id: cam-lo-2019-02, text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022}
```

Invalid:

```yaml
# file: 2019/commitments/cam-lo.yaml
unit: cam-lo
year: 2019
head: Đào Mạnh Hùng
groups:
  - title: Phát triển kinh tế - xã hội
    items:
      - id: cam-lo-2019-01
        text: Hoàn thành giải phóng mặt bằng Cụm công nghiệp Cam Hiếu
        progress:
          - {date: 2018-09-20, status: done}
  - title: Xây dựng Đảng
    items:
      - {id: cam-lo-2019-02, text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022}
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from camket.checks._common import Finding, ItemIn, Scope
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E111"
SEVERITY = Severity.ERROR
SCOPE = Scope.ITEM
TITLE = N_("Ngày tiến độ không hợp lý")
FIX = N_("Ngày tiến độ không được trước năm cam kết, cũng không được sau ngày hôm nay.")


def check(target: ItemIn) -> Iterator[Finding]:
    project, year, item = target.project, target.year, target.item
    first = dt.date(year, 1, 1)
    for entry in item.progress:
        if entry.date < first:
            yield (
                entry.value_span("date"),
                _("ngày tiến độ {date} của '{id}' trước năm {year}; hãy kiểm tra lại năm").format(
                    date=entry.date.isoformat(), id=item.id, year=year
                ),
            )
        elif entry.date > project.today:
            yield (
                entry.value_span("date"),
                _(
                    "ngày tiến độ {date} của '{id}' sau ngày hôm nay ({today}); hãy kiểm tra "
                    "lại "
                    "ngày"
                ).format(date=entry.date.isoformat(), id=item.id, today=project.today.isoformat()),
            )
