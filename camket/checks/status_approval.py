"""An `adjusted` progress entry names the decision that allowed it in `approved_by:`.

Why: a commitment is changed only with the standing committee's approval ("điều chỉnh nội dung
cam kết phù hợp thực tế"); the approving document makes the change traceable.

Valid:

```yaml
# file: 2019/commitments/so-xay-dung.yaml
unit: so-xay-dung
year: 2019
head: Võ Văn Hưng
groups:
  - title: Quy hoạch
    items:
      - id: so-xay-dung-2019-01
        text: Lập Quy hoạch phát triển vật liệu xây dựng đến năm 2025
        progress:
          - date: 2019-06-28
            status: adjusted
            reason: Chuyển sang lập quy hoạch chung của tỉnh
            approved_by: Công văn số 1234-CV/TU ngày 20/6/2019
  - title: Quản lý đô thị
    items:
      - {id: so-xay-dung-2019-02, text: Ban hành quy chế quản lý kiến trúc đô thị}
```

Invalid:

```yaml
# file: 2019/commitments/so-xay-dung.yaml
unit: so-xay-dung
year: 2019
head: Võ Văn Hưng
groups:
  - title: Quy hoạch
    items:
      - id: so-xay-dung-2019-01
        text: Lập Quy hoạch phát triển vật liệu xây dựng đến năm 2025
        progress:
          - date: 2019-06-28
            status: adjusted
            reason: Chuyển sang lập quy hoạch chung của tỉnh
  - title: Quản lý đô thị
    items:
      - {id: so-xay-dung-2019-02, text: Ban hành quy chế quản lý kiến trúc đô thị}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, ItemIn, Scope
from camket.i18n import N_, _
from camket.problems import Severity
from camket.reading.fields import field
from camket.reading.models import Status

CODE = "E113"
SEVERITY = Severity.ERROR
SCOPE = Scope.ITEM
TITLE = N_("Điều chỉnh mà thiếu văn bản cho phép")
FIX = N_("Thêm approved_by: với số, ngày của văn bản cho phép điều chỉnh.")


def check(target: ItemIn) -> Iterator[Finding]:
    item = target.item
    for entry in item.progress:
        if entry.status is Status.ADJUSTED and not (entry.approved_by or "").strip():
            yield (
                entry.value_span("status"),
                _(
                    "'{id}' được điều chỉnh ngày {date} nhưng thiếu {approved_by} (văn bản cho "
                    "phép điều chỉnh, ví dụ 'Công văn số …-CV/TU ngày …')"
                ).format(id=item.id, date=entry.date.isoformat(), approved_by=field("approved_by")),
            )
