"""A template named in camket.yaml is a Word file inside the data folder.

Why: a data folder is shared, and a template is as untrusted as the data: a `templates:` path
that leaves the folder (`../../`, an absolute path, a link pointing out) would let the shared
settings reach into the files of whoever prints. A clerk who wants another template for one
document gives it with `--template` instead. A named file that is missing is reported here
too, before the ceremony, not when the document is printed.

Valid:

```yaml
# file: camket.yaml
body: Ban Thường vụ Tỉnh ủy Quảng Trị
issuer: Tỉnh ủy Quảng Trị
office: Văn phòng Tỉnh ủy
place: Quảng Trị
code: TU
```

Invalid:

```yaml
# file: camket.yaml
body: Ban Thường vụ Tỉnh ủy Quảng Trị
issuer: Tỉnh ủy Quảng Trị
office: Văn phòng Tỉnh ủy
place: Quảng Trị
code: TU
templates:
  report: ../../mau/bao-cao.docx
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Folder, Scope
from camket.i18n import N_, _
from camket.problems import Severity
from camket.reading.folder import inside

CODE = "E122"
SEVERITY = Severity.ERROR
SCOPE = Scope.FOLDER
TITLE = N_("Mẫu văn bản trong camket.yaml không dùng được")
FIX = N_(
    "Mẫu văn bản ghi ở khóa templates phải là tệp Word .docx nằm trong thư mục dữ liệu (ví dụ "
    "templates/bao-cao.docx), ghi bằng đường dẫn tương đối. Chép mẫu vào thư mục dữ liệu; "
    "muốn dùng một mẫu ở nơi khác cho một lần in, dùng --template TỆP."
)


def check(target: Folder) -> Iterator[Finding]:
    project = target.project
    settings = project.settings
    if settings is None or settings.templates is None:
        return
    templates = settings.templates
    for kind in ("report", "sheet"):
        named = getattr(templates, kind)
        if named is None:
            continue
        span = templates.value_span(kind)
        path = project.root / named
        if not inside(project.root, path):
            yield (
                span,
                _(
                    "mẫu văn bản '{path}' nằm ngoài thư mục dữ liệu; hãy chép mẫu vào thư mục dữ "
                    "liệu (ví dụ templates/) và ghi đường dẫn tương đối, hoặc dùng --template "
                    "khi in"
                ).format(path=named),
            )
        elif path.suffix.lower() != ".docx":
            yield (
                span,
                _("mẫu văn bản '{path}' phải là tệp Word .docx").format(path=named),
            )
        elif not path.is_file():
            yield (
                span,
                _("không có tệp mẫu '{path}' trong thư mục dữ liệu; hãy kiểm tra tên tệp").format(
                    path=named
                ),
            )
