"""Progress entries are written in date order.

Why: an item's status is its last entry's; an entry inserted out of order would silently change
which status counts.

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
          - {date: 2019-03-31, status: in_progress}
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
          - {date: 2019-09-20, status: done}
          - {date: 2019-03-31, status: in_progress}
  - title: Xây dựng Đảng
    items:
      - {id: cam-lo-2019-02, text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, ItemIn, Scope
from camket.i18n import N_, _
from camket.problems import Severity
from camket.reading import fields

CODE = "E110"
SEVERITY = Severity.ERROR
SCOPE = Scope.ITEM
TITLE = N_("Tiến độ không theo thứ tự ngày")
FIX = N_("Sắp các mục tiến độ theo ngày tăng dần: mục cuối cùng là tình trạng hiện tại.")


def check(target: ItemIn) -> Iterator[Finding]:
    item = target.item
    date_field = fields.field("date")
    for before, entry in zip(item.progress, item.progress[1:], strict=False):
        if entry.date < before.date and date_field != "date:":
            # a new entry from `record` or a form: its date is what the clerk can change
            yield (
                entry.value_span("date"),
                _(
                    "'{id}' đã có tiến độ ngày {prev}; tiến độ mới ngày {date} không được ghi "
                    "trước đó; hãy ghi {field} từ {prev} trở đi"
                ).format(
                    id=item.id,
                    date=entry.date.isoformat(),
                    prev=before.date.isoformat(),
                    field=date_field,
                ),
            )
        elif entry.date < before.date:
            yield (
                entry.value_span("date"),
                _(
                    "tiến độ của '{id}' không theo thứ tự ngày: {date} ghi sau {prev}; hãy sắp "
                    "các mục tiến độ theo ngày tăng dần"
                ).format(id=item.id, date=entry.date.isoformat(), prev=before.date.isoformat()),
            )
