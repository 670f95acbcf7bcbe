"""A unit's `years:` runs forward, and a year's `groups_per_unit:` has min ≤ max.

Why: `years: [2025, 2017]` would make the unit exist in no year at all, silently.

Valid:

```yaml
# file: units.yaml
blocks:
  - {id: dia-phuong, name: "Các huyện, thị, thành ủy"}
  - {id: so-nganh, name: "Các sở, ngành"}
units:
  - {id: dong-ha, name: Thành ủy Đông Hà, block: dia-phuong,
     collective: Ban Thường vụ Thành ủy Đông Hà, head_title: Bí thư Thành ủy,
     years: [2017, 2025]}
  - {id: cam-lo, name: Huyện ủy Cam Lộ, block: dia-phuong,
     collective: Ban Thường vụ Huyện ủy Cam Lộ, head_title: Bí thư Huyện ủy}
  - {id: so-xay-dung, name: Sở Xây dựng, block: so-nganh,
     collective: Tập thể lãnh đạo Sở Xây dựng, head_title: Giám đốc Sở Xây dựng}
```

Invalid:

```yaml
# file: units.yaml
blocks:
  - {id: dia-phuong, name: "Các huyện, thị, thành ủy"}
  - {id: so-nganh, name: "Các sở, ngành"}
units:
  - {id: dong-ha, name: Thành ủy Đông Hà, block: dia-phuong,
     collective: Ban Thường vụ Thành ủy Đông Hà, head_title: Bí thư Thành ủy,
     years: [2025, 2017]}
  - {id: cam-lo, name: Huyện ủy Cam Lộ, block: dia-phuong,
     collective: Ban Thường vụ Huyện ủy Cam Lộ, head_title: Bí thư Huyện ủy}
  - {id: so-xay-dung, name: Sở Xây dựng, block: so-nganh,
     collective: Tập thể lãnh đạo Sở Xây dựng, head_title: Giám đốc Sở Xây dựng}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Folder, Scope
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E119"
SEVERITY = Severity.ERROR
SCOPE = Scope.FOLDER
TITLE = N_("Khoảng năm hoặc khoảng số nhóm ngược")
FIX = N_("Viết [năm bắt đầu, năm kết thúc] và [ít nhất, nhiều nhất].")


def check(target: Folder) -> Iterator[Finding]:
    project = target.project
    for unit in project.units_file.units if project.units_file else ():
        if unit.years and unit.years[1] is not None and unit.years[0] > unit.years[1]:
            yield (
                unit.value_span("years"),
                _(
                    "years: [{a}, {b}] của đơn vị '{unit}' có năm bắt đầu sau năm kết thúc; hãy "
                    "viết [năm bắt đầu, năm kết thúc]"
                ).format(a=unit.years[0], b=unit.years[1], unit=unit.id),
            )
    for data in project.years.values():
        rule = data.config.groups_per_unit if data.config else None
        if rule and rule[0] > rule[1]:
            yield (
                data.config.value_span("groups_per_unit"),
                _("groups_per_unit: [{a}, {b}] có số nhỏ nhất lớn hơn số lớn nhất").format(
                    a=rule[0], b=rule[1]
                ),
            )
