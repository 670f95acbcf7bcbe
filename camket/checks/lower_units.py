"""Each lower committee is a unit of this folder, once, with its own folder inside this one.

Why: commitments cascade. The province's standing committee signs with each district's
committee (a unit of the province's folder), and each district signs with its own collectives
in its own data folder; `lower:` in camket.yaml names those folders, so that `validate`,
`status` and `report` with `--cascade` can read them. The same id ties the district's row in
the province's table to the district's own figures. The path is relative and stays inside
this data folder (usually a git submodule there): the settings are shared, and must not reach
into the rest of the machine.

Valid:

```yaml
# file: camket.yaml
body: Ban Thường vụ Tỉnh ủy Quảng Trị
issuer: Tỉnh ủy Quảng Trị
office: Văn phòng Tỉnh ủy
place: Quảng Trị
code: TU
lower:
  - {id: dong-ha, path: cap-duoi/dong-ha}
```

Invalid:

```yaml
# file: camket.yaml
body: Ban Thường vụ Tỉnh ủy Quảng Trị
issuer: Tỉnh ủy Quảng Trị
office: Văn phòng Tỉnh ủy
place: Quảng Trị
code: TU
lower:
  - {id: huong-hoa, path: ../huong-hoa}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from camket.checks._common import Finding, Folder, Scope
from camket.i18n import N_, _
from camket.problems import Severity
from camket.reading.folder import inside

CODE = "E124"
SEVERITY = Severity.ERROR
SCOPE = Scope.FOLDER
TITLE = N_("Khai báo cấp dưới (lower:) trong camket.yaml không đúng")
FIX = N_(
    "Mỗi mục của lower: có id là mã một đơn vị trong units.yaml (cấp dưới cũng ký cam kết với "
    "cấp này) và path là thư mục con của thư mục dữ liệu này, ghi bằng đường dẫn tương đối, "
    "thường là một git submodule: lower: [{id: dong-ha, path: cap-duoi/dong-ha}]. Mỗi cấp dưới "
    "khai báo một lần, mỗi cấp một thư mục riêng."
)


def check(target: Folder) -> Iterator[Finding]:
    project = target.project
    settings = project.settings
    if settings is None or not settings.lower:
        return
    ids: set[str] = set()
    paths: set[Path] = set()
    for entry in settings.lower:
        if entry.id in ids:
            yield (
                entry.value_span("id"),
                _("cấp dưới '{id}' được khai báo hai lần trong lower:; hãy xóa một dòng").format(
                    id=entry.id
                ),
            )
            continue
        ids.add(entry.id)
        if project.units_file is not None and entry.id not in project.units:
            from camket.suggest import hint

            yield (
                entry.value_span("id"),
                _(
                    "cấp dưới '{id}' không phải một đơn vị trong units.yaml (mỗi cấp dưới cũng "
                    "là một đơn vị ký cam kết với cấp này, cùng một mã); hãy thêm đơn vị hoặc "
                    "sửa mã{hint}"
                ).format(id=entry.id, hint=hint(entry.id, project.units)),
            )
        path = project.root / entry.path
        if (
            Path(entry.path).is_absolute()
            or not inside(project.root, path)
            or path.resolve() == project.root.resolve()
        ):
            yield (
                entry.value_span("path"),
                _(
                    "thư mục của cấp dưới '{id}' ({path}) phải là một thư mục con của thư mục dữ "
                    "liệu này (thường là một git submodule), ghi bằng đường dẫn tương đối như "
                    "cap-duoi/{id}"
                ).format(id=entry.id, path=entry.path),
            )
        elif path.resolve() in paths:
            yield (
                entry.value_span("path"),
                _(
                    "thư mục '{path}' đã dùng cho một cấp dưới khác; mỗi cấp dưới có thư mục riêng"
                ).format(path=entry.path),
            )
        else:
            paths.add(path.resolve())
