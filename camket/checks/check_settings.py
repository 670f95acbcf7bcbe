"""`checks:` in camket.yaml names rules camket has, and may not turn off the seal's.

Why: a folder can set a rule's severity (`checks: {W101: off, W103: error}`); a misspelt
code would silently change nothing, and turning off the rules that guard the seal (E121,
E123) would let signed content change without a word, so those keep their severity.

Valid:

```yaml
# file: camket.yaml
body: Ban Thường vụ Tỉnh ủy Quảng Trị
issuer: Tỉnh ủy Quảng Trị
office: Văn phòng Tỉnh ủy
place: Quảng Trị
code: TU
report_signature: {name: Trần Văn Nam}
sheet_signature: {name: Nguyễn Văn Hùng}
checks:
  W101: off
  W103: error
```

Invalid:

```yaml
# file: camket.yaml
body: Ban Thường vụ Tỉnh ủy Quảng Trị
issuer: Tỉnh ủy Quảng Trị
office: Văn phòng Tỉnh ủy
place: Quảng Trị
code: TU
report_signature: {name: Trần Văn Nam}
sheet_signature: {name: Nguyễn Văn Hùng}
checks:
  W110: off
  E121: off
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket import suggest
from camket.checks._common import Finding, Folder, Scope
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E125"
SEVERITY = Severity.ERROR
SCOPE = Scope.FOLDER
TITLE = N_("Khóa checks trong camket.yaml ghi sai mã quy tắc")
FIX = N_(
    "Mỗi mục của checks: là một mã quy tắc có trong camket validate --explain (ví dụ W101) và "
    "một mức: off (tắt), warning (cảnh báo) hoặc error (lỗi). Không tắt được E121 và E123, hai "
    "quy tắc bảo vệ nội dung đã niêm phong."
)


def check(target: Folder) -> Iterator[Finding]:
    from camket.checks import CHECKS, LOCKED

    settings = target.project.settings
    if settings is None or not settings.checks:
        return
    where = settings.source["checks"]
    for code, level in settings.checks.items():
        if code not in CHECKS:
            yield (
                where.key_span(code),
                _("checks: '{code}' không phải mã một quy tắc của camket{hint}").format(
                    code=code, hint=suggest.hint(code, CHECKS)
                ),
            )
        elif code in LOCKED and level != "error":
            yield (
                where.value_span(code),
                _(
                    "checks: không đổi được mức của {code}: quy tắc này bảo vệ nội dung đã niêm "
                    "phong; hãy xóa dòng này"
                ).format(code=code),
            )
