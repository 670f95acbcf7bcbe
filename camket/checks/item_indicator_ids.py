"""No item of a year has the id of one of that year's indicators (in year.yaml).

Why: `camket record ID VALUE` records an indicator's actual value and `camket record ID STATUS`
an item's progress, and `camket history ID` shows either: the id alone says which is meant. An
item and an indicator of one year with one id would leave the clerk's command to a guess.

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
  - title: Xây dựng Đảng
    items:
      - {id: thu-ngan-sach, text: Tăng thu ngân sách trên địa bàn huyện}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Scope, Year
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E126"
SEVERITY = Severity.ERROR
SCOPE = Scope.YEAR
TITLE = N_("Mã nội dung trùng mã chỉ tiêu")
FIX = N_(
    "Đổi mã của nội dung cam kết (theo mẫu MÃ-ĐƠN-VỊ-NĂM-SỐ, ví dụ dong-ha-2019-01) hoặc mã của "
    "chỉ tiêu trong year.yaml, để mỗi mã chỉ chỉ một thứ."
)


def check(target: Year) -> Iterator[Finding]:
    data = target.data
    if data.config is None or not data.config.indicators:
        return
    indicators = {}
    for indicator in data.config.indicators:
        indicators.setdefault(indicator.id, indicator)
    for commitments in data.commitments.values():
        for item in commitments.items():
            indicator = indicators.get(item.id)
            if indicator is None:
                continue
            yield (
                item.value_span("id"),
                _(
                    "mã nội dung '{id}' trùng mã một chỉ tiêu năm {year} (year.yaml, dòng {line}); "
                    "camket record và camket history không phân biệt được hai thứ này, hãy đổi "
                    "một trong hai mã"
                ).format(id=item.id, year=target.year, line=indicator.value_span("id").line),
            )
