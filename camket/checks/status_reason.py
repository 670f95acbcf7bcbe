"""A `paused` or `adjusted` progress entry gives its `reason:`.

Why: the year-end report prints the reason of every paused item as a footnote, and an adjusted
commitment must say what changed and why.

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
          - {date: 2019-06-28, status: paused, reason: Tích hợp vào Quy hoạch tỉnh}
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
          - {date: 2019-06-28, status: tạm dừng}
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
from camket.reading.models import STATUS_WORDS, Status

CODE = "E112"
SEVERITY = Severity.ERROR
SCOPE = Scope.ITEM
TITLE = N_("Tạm dừng hoặc điều chỉnh mà thiếu lý do")
FIX = N_("Thêm reason: (lý do) vào mục tiến độ; lý do tạm dừng được in làm chú thích của báo cáo.")


def check(target: ItemIn) -> Iterator[Finding]:
    item = target.item
    for entry in item.progress:
        if entry.status in (Status.PAUSED, Status.ADJUSTED) and not (entry.reason or "").strip():
            yield (
                entry.value_span("status"),
                _(
                    "'{id}' chuyển sang '{word}' ngày {date} nhưng thiếu {reason} (lý do); hãy "
                    "ghi lý do"
                ).format(
                    id=item.id,
                    word=STATUS_WORDS[entry.status],
                    date=entry.date.isoformat(),
                    reason=field("reason"),
                ),
            )
