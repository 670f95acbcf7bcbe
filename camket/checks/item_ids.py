"""Item ids are unique in the whole data folder, across units and years.

Why: `camket record` and `camket history` find an item by its id alone, and git history follows
it from year to year; an id used twice would send progress to the wrong commitment.

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
      - {id: dong-ha-2019-01, text: Hoàn thành giải phóng mặt bằng Cụm công nghiệp Cam Hiếu}
  - title: Xây dựng Đảng
    items:
      - {id: cam-lo-2019-02, text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022}
```
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from camket.checks._common import Finding, duplicates
from camket.i18n import _
from camket.problems import Severity
from camket.project import Project

CODE = "E108"
SEVERITY = Severity.ERROR


def check(project: Project) -> Iterator[Finding]:
    items = (
        item
        for data in project.years.values()
        for c in data.commitments.values()
        for item in c.items()
    )
    for item, first in duplicates(items):
        where = first.value_span("id")
        yield (
            item.value_span("id"),
            _(
                "mã nội dung '{id}' đã dùng ở {path}:{line}; mỗi nội dung cam kết cần một mã riêng "
                "trong toàn bộ thư mục dữ liệu"
            ).format(id=item.id, path=os.path.relpath(where.path, project.root), line=where.line),
        )
