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
from collections.abc import Iterable, Iterator
from pathlib import Path

from camket.checks._common import Finding, Folder, Scope
from camket.i18n import N_, _
from camket.problems import Severity, Span

CODE = "E108"
SEVERITY = Severity.ERROR
SCOPE = Scope.FOLDER
TITLE = N_("Trùng mã nội dung cam kết")
FIX = N_("Mỗi nội dung cần một mã riêng trong cả thư mục dữ liệu, ví dụ dong-ha-2019-01.")


def check(target: Folder) -> Iterator[Finding]:
    return findings(target.item_ids, target.project.root)


def findings(items: Iterable[tuple[str, Span]], root: Path) -> Iterator[Finding]:
    """Each later use of an id, naming the first. Validation of a whole folder feeds the ids
    of one year after another through here, so duplicates across years are found without
    holding every year in memory."""
    first: dict[str, Span] = {}
    for item_id, span in items:
        where = first.setdefault(item_id, span)
        if where is not span:
            yield (
                span,
                _(
                    "mã nội dung '{id}' đã dùng ở {path}:{line}; mỗi nội dung cam kết cần một mã "
                    "riêng trong toàn bộ thư mục dữ liệu"
                ).format(id=item_id, path=os.path.relpath(where.path, root), line=where.line),
            )
