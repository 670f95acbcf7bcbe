"""A unit that exists in a year has a commitments file that year (a warning).

Why: a unit forgotten at the ceremony is missing from every tally without anyone noticing.

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
  - {id: cam-lo, name: Huyện ủy Cam Lộ, block: dia-phuong,
     collective: Ban Thường vụ Huyện ủy Cam Lộ, head_title: Bí thư Huyện ủy}
  - {id: so-xay-dung, name: Sở Xây dựng, block: so-nganh,
     collective: Tập thể lãnh đạo Sở Xây dựng, head_title: Giám đốc Sở Xây dựng}
  - {id: gio-linh, name: Huyện ủy Gio Linh, block: dia-phuong,
     collective: Ban Thường vụ Huyện ủy Gio Linh, head_title: Bí thư Huyện ủy}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Scope, Year
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "W101"
SEVERITY = Severity.WARNING
SCOPE = Scope.YEAR
TITLE = N_("Đơn vị chưa có tệp cam kết")
FIX = N_(
    "Tạo tệp NĂM/commitments/MÃ.yaml cho đơn vị, hoặc ghi years: trong units.yaml nếu năm đó "
    "đơn vị không ký cam kết."
)


def check(target: Year) -> Iterator[Finding]:
    project, year, data = target.project, target.year, target.data
    for unit in project.units_in(year):
        if unit.id not in data.files:
            yield (
                unit.value_span("id"),
                _(
                    "đơn vị '{unit}' có trong năm {year} nhưng chưa có tệp {year}/commitments/"
                    "{unit}.yaml; nếu đơn vị không ký cam kết năm đó, hãy ghi years: trong "
                    "units.yaml"
                ).format(unit=unit.id, year=year),
            )
