"""A unit has commitments only in the years it exists (`years:` in units.yaml).

Why: a report for 2019 shows the units as they were in 2019; commitments of a unit that had been
merged or abolished point at a mistake in one of the two files.

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
# file: units.yaml
blocks:
  - {id: dia-phuong, name: "Các huyện, thị, thành ủy"}
  - {id: so-nganh, name: "Các sở, ngành"}
units:
  - {id: dong-ha, name: Thành ủy Đông Hà, block: dia-phuong,
     collective: Ban Thường vụ Thành ủy Đông Hà, head_title: Bí thư Thành ủy}
  - {id: cam-lo, name: Huyện ủy Cam Lộ, block: dia-phuong, years: [2020, 2025],
     collective: Ban Thường vụ Huyện ủy Cam Lộ, head_title: Bí thư Huyện ủy}
  - {id: so-xay-dung, name: Sở Xây dựng, block: so-nganh,
     collective: Tập thể lãnh đạo Sở Xây dựng, head_title: Giám đốc Sở Xây dựng}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Scope, UnitFile
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E107"
SEVERITY = Severity.ERROR
SCOPE = Scope.UNIT_FILE
TITLE = N_("Đơn vị không tồn tại trong năm")
FIX = N_("Sửa years: của đơn vị trong units.yaml, hoặc xóa tệp cam kết của năm đó.")


def check(target: UnitFile) -> Iterator[Finding]:
    project, year = target.project, target.year
    stem, c = target.unit, target.commitments
    unit = project.units.get(stem)
    if unit is not None and not unit.exists_in(year):
        start, end = unit.years or (None, None)
        yield (
            c.value_span("unit"),
            _(
                "đơn vị '{unit}' không tồn tại năm {year} (units.yaml: years: [{start}, "
                "{end}]);"
                " hãy sửa years: hoặc xóa tệp này"
            ).format(unit=stem, year=year, start=start, end=end if end is not None else ""),
        )
