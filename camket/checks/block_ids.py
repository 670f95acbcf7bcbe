"""Block ids are unique in units.yaml.

Why: units name their block by id, and the report tallies by block; two blocks with one id would
make a unit's block ambiguous.

Valid:

```yaml
# file: units.yaml
blocks:
  - {id: dia-phuong, name: "Các huyện, thị, thành ủy"}
  - {id: so-nganh, name: "Các sở, ngành"}
units:
  - {id: dong-ha, name: Thành ủy Đông Hà, block: dia-phuong,
     collective: Ban Thường vụ Thành ủy Đông Hà, head_title: Bí thư Thành ủy,
     years: [2017, 2025]}
  - {id: cam-lo, name: Huyện ủy Cam Lộ, block: dia-phuong,
     collective: Ban Thường vụ Huyện ủy Cam Lộ, head_title: Bí thư Huyện ủy}
  - {id: so-xay-dung, name: Sở Xây dựng, block: so-nganh,
     collective: Tập thể lãnh đạo Sở Xây dựng, head_title: Giám đốc Sở Xây dựng}
```

Invalid:

```yaml
# file: units.yaml
blocks:
  - {id: dia-phuong, name: "Các huyện, thị, thành ủy"}
  - {id: so-nganh, name: "Các sở, ngành"}
  - {id: so-nganh, name: Khối khác}
units:
  - {id: dong-ha, name: Thành ủy Đông Hà, block: dia-phuong,
     collective: Ban Thường vụ Thành ủy Đông Hà, head_title: Bí thư Thành ủy}
  - {id: cam-lo, name: Huyện ủy Cam Lộ, block: dia-phuong,
     collective: Ban Thường vụ Huyện ủy Cam Lộ, head_title: Bí thư Huyện ủy}
  - {id: so-xay-dung, name: Sở Xây dựng, block: so-nganh,
     collective: Tập thể lãnh đạo Sở Xây dựng, head_title: Giám đốc Sở Xây dựng}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Folder, Scope, duplicates
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E101"
SEVERITY = Severity.ERROR
SCOPE = Scope.FOLDER
TITLE = N_("Trùng mã khối")
FIX = N_("Đặt cho mỗi khối một mã riêng trong units.yaml.")


def check(target: Folder) -> Iterator[Finding]:
    project = target.project
    if project.units_file is None:
        return
    for block, first in duplicates(project.units_file.blocks):
        yield (
            block.value_span("id"),
            _("mã khối '{id}' bị trùng (đã dùng ở dòng {line}); mỗi khối cần một mã riêng").format(
                id=block.id, line=first.value_span("id").line
            ),
        )
