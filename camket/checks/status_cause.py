"""A `not_done` entry, or a `done` entry dated after the item's `due`, gives `cause:` and `reason:`.

Why: the year-end review treats a failure by its cause: an objective one (resources, waiting for
ministries, investors) is reviewed, a subjective one carries sanctions. The report groups the
late and unfinished items by cause, so the cause must be recorded where the slip is.

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
        due: 2019-06-30
        progress:
          - date: 2019-09-20
            status: done
            cause: objective
            reason: Chờ phê duyệt phương án bồi thường
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
        due: 2019-06-30
        progress:
          - {date: 2019-09-20, status: done}
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
from camket.reading.fields import field
from camket.reading.models import Status

CODE = "E114"
SEVERITY = Severity.ERROR
SCOPE = Scope.ITEM
TITLE = N_("Không hoàn thành hoặc hoàn thành chậm mà thiếu nguyên nhân")
FIX = N_("Thêm cause: objective (khách quan) hoặc subjective (chủ quan), và reason: (lý do).")


def check(target: ItemIn) -> Iterator[Finding]:
    item = target.item
    for entry in item.progress:
        late_done = entry.status is Status.DONE and item.due is not None and entry.date > item.due
        if not (entry.status is Status.NOT_DONE or late_done):
            continue
        missing = [k for k in ("cause", "reason") if not str(getattr(entry, k) or "").strip()]
        if not missing:
            continue
        what = (
            _("hoàn thành ngày {date}, sau hạn {due}").format(
                date=entry.date.isoformat(), due=item.due.isoformat()
            )
            if late_done
            else _("không hoàn thành (ngày {date})").format(date=entry.date.isoformat())
        )
        yield (
            entry.value_span("status"),
            _(
                "'{id}' {what} nhưng thiếu {missing}; hãy ghi {cause} objective (khách quan) "
                "hoặc subjective (chủ quan) và {reason} (lý do)"
            ).format(
                id=item.id,
                what=what,
                missing=", ".join(field(k) for k in missing),
                cause=field("cause"),
                reason=field("reason"),
            ),
        )
