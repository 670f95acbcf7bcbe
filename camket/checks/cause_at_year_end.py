"""An item's year-end report says why when it leaves the item late or not completed.

Why: the year-end report groups the items that slipped by cause ("08 nội dung do nguyên nhân
khách quan, 04 … chủ quan") and the review treats them by it; an item without one is printed
as "chưa xác định nguyên nhân", which nobody signing wants to read. So when an item's last entry
is the year's final report on it (dated in December) and the item is then late or not
completed, that entry gives `cause:` and `reason:` (`camket record ITEM not_done --cause …
--reason …`). Earlier entries are free to say nothing of causes, and a year whose data stops
at mid-year (2020 in the example folder) has no year-end report yet. A warning: the year may
still be being written up.

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
        text: Xây dựng xã Cam Thành đạt chuẩn nông thôn mới nâng cao
        due: 2019-09-30
        progress:
          - {date: 2019-06-30, status: in_progress}
          - date: 2019-12-31
            status: not_done
            cause: objective
            reason: Chưa bố trí đủ vốn cho tiêu chí giao thông
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
        text: Xây dựng xã Cam Thành đạt chuẩn nông thôn mới nâng cao
        due: 2019-09-30
        progress:
          - {date: 2019-06-30, status: in_progress}
          - {date: 2019-12-20, status: in_progress, note: "Còn 2 tiêu chí chưa đạt"}
  - title: Xây dựng Đảng
    items:
      - {id: cam-lo-2019-02, text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022}
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from camket.checks._common import Finding, Scope, Year
from camket.counting.tally import tally
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "W103"
SEVERITY = Severity.WARNING
SCOPE = Scope.YEAR
TITLE = N_("Nội dung chậm, chưa hoàn thành khi hết năm mà chưa có nguyên nhân")
FIX = N_(
    "Ghi kết quả cuối năm của nội dung cùng nguyên nhân và lý do: camket record MÃ not_done --date "
    'NĂM-12-31 --cause objective --reason "…" (hoặc --cause subjective); nếu không, báo cáo ghi '
    "“chưa xác định nguyên nhân”."
)


def check(target: Year) -> Iterator[Finding]:
    project, year, data = target.project, target.year, target.data
    end = dt.date(year, 12, 31)
    if project.today <= end or not data.commitments:
        return
    for state in tally(project, year, end).states("cause_unknown"):
        entry = state.entry
        if entry is None or (entry.date.year, entry.date.month) != (year, 12):
            continue  # no year-end report on this item yet
        yield (
            state.item.value_span("id"),
            _(
                "nội dung '{id}' chậm hoặc chưa hoàn thành khi hết năm {year} mà chưa ghi "
                "nguyên nhân (báo cáo sẽ ghi “chưa xác định nguyên nhân”); hãy ghi: camket "
                'record {id} not_done --date {year}-12-31 --cause objective --reason "…" '
                "(hoặc --cause subjective)"
            ).format(id=state.item.id, year=year),
        )
