"""Each unit has between the year's minimum and maximum number of task groups.

Why: the standing committee assigns each unit from `groups_per_unit[0]` to `groups_per_unit[1]`
task groups a year ("từ 2 đến 6 nhóm nhiệm vụ"); a sheet outside that range was not approved.

Valid:

```yaml
# file: 2019/commitments/cam-lo.yaml
unit: cam-lo
year: 2019
head: Đào Mạnh Hùng
groups:
  - title: Phát triển kinh tế - xã hội
    items:
      - {id: cam-lo-2019-01, text: Hoàn thành giải phóng mặt bằng Cụm công nghiệp Cam Hiếu}
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
      - {id: cam-lo-2019-01, text: Hoàn thành giải phóng mặt bằng Cụm công nghiệp Cam Hiếu}
      - {id: cam-lo-2019-02, text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding
from camket.i18n import _
from camket.problems import Severity
from camket.reading.project import Project

CODE = "E109"
SEVERITY = Severity.ERROR


def check(project: Project) -> Iterator[Finding]:
    for year, data in project.years.items():
        rule = data.config.groups_per_unit if data.config else None
        if not rule:
            continue
        low, high = rule
        for c in data.commitments.values():
            n = len(c.groups)
            if not low <= n <= high:
                yield (
                    c.value_span("groups"),
                    _(
                        "đơn vị '{unit}' có {n} nhóm nhiệm vụ, ngoài khoảng {low}–{high} nhóm của "
                        "năm "
                        "{year} (groups_per_unit trong {year}/year.yaml)"
                    ).format(unit=c.unit, n=n, low=low, high=high, year=year),
                )
