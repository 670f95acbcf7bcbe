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

from camket.checks._common import Finding, Scope, UnitFile
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E109"
SEVERITY = Severity.ERROR
SCOPE = Scope.UNIT_FILE
TITLE = N_("Số nhóm nhiệm vụ ngoài quy định")
FIX = N_(
    "Mỗi đơn vị có từ groups_per_unit[0] đến groups_per_unit[1] nhóm nhiệm vụ (year.yaml); "
    "gộp hoặc tách nhóm cho đúng."
)


def check(target: UnitFile) -> Iterator[Finding]:
    year, data = target.year, target.project.years[target.year]
    c = target.commitments
    rule = data.config.groups_per_unit if data.config else None
    if not rule:
        return
    low, high = rule
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
