"""Every unit belongs to a block declared under `blocks:`.

Why: the tallies and the report are given block by block.

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
units:
  - {id: dong-ha, name: Thành ủy Đông Hà, block: dia-phuong,
     collective: Ban Thường vụ Thành ủy Đông Hà, head_title: Bí thư Thành ủy}
  - {id: cam-lo, name: Huyện ủy Cam Lộ, block: dia-phuog,
     collective: Ban Thường vụ Huyện ủy Cam Lộ, head_title: Bí thư Huyện ủy}
  - {id: so-xay-dung, name: Sở Xây dựng, block: so-nganh,
     collective: Tập thể lãnh đạo Sở Xây dựng, head_title: Giám đốc Sở Xây dựng}
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from camket.checks._common import Finding, Folder, Scope
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E103"
SEVERITY = Severity.ERROR
SCOPE = Scope.FOLDER
TITLE = N_("Đơn vị thuộc khối chưa khai báo")
FIX = N_("Sửa block: của đơn vị thành mã một khối có trong blocks:, hoặc khai báo khối mới.")


def check(target: Folder) -> Iterator[Finding]:
    project = target.project
    if project.units_file is None:
        return
    known = list(project.blocks)
    for unit in project.units_file.units:
        if unit.block not in project.blocks:
            guess = difflib.get_close_matches(unit.block, known, n=1)
            hint = (
                _("có phải ý bạn là '{g}'?").format(g=guess[0])
                if guess
                else _("các khối đã khai báo: {ids}").format(ids=", ".join(known))
            )
            yield (
                unit.value_span("block"),
                _(
                    "đơn vị '{unit}' thuộc khối '{block}' chưa khai báo trong blocks:; {hint}"
                ).format(unit=unit.id, block=unit.block, hint=hint),
            )
