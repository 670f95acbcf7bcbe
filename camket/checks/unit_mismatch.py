"""A commitments file's `unit:` is the unit its file is named after.

Why: a file copied from another unit and half edited is a common slip; camket goes by the file
name, so a different `unit:` means one of the two is wrong.

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
unit: dong-ha
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
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Scope, UnitFile
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E105"
SEVERITY = Severity.ERROR
SCOPE = Scope.UNIT_FILE
TITLE = N_("unit: khác tên tệp")
FIX = N_("Sửa unit: hoặc tên tệp để hai bên cùng là mã đơn vị.")


def check(target: UnitFile) -> Iterator[Finding]:
    project = target.project
    stem, c = target.unit, target.commitments
    # a file named after no unit is E104's; its `unit:` may well be the right one
    if c.unit != stem and stem in project.units:
        yield (
            c.value_span("unit"),
            _(
                "unit: '{unit}' khác tên tệp '{stem}'; tệp cam kết của đơn vị nào phải "
                "mang "
                "mã đơn vị đó, hãy sửa một trong hai"
            ).format(unit=c.unit, stem=stem),
        )
