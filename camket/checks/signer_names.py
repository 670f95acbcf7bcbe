"""The report and the sheets name who signs them: `name:` under `report_signature:` and
`sheet_signature:`.

Why: a signature block prints the authority, the position, room to sign and seal, then the
signer's name in bold. Without a name the document leaves a dotted place to fill in by hand,
which is easy to miss the day it is signed. People change from year to year: a year's
`year.yaml` may name its own signers, field by field over `camket.yaml`'s.

Valid:

```yaml
# file: camket.yaml
body: Ban Thường vụ Tỉnh ủy Quảng Trị
issuer: Tỉnh ủy Quảng Trị
office: Văn phòng Tỉnh ủy
place: Quảng Trị
code: TU
report_signature: {on_behalf: T/L Ban Thường vụ, title: Chánh Văn phòng, name: Hồ Xuân Hiếu}
sheet_signature: {on_behalf: T/M Ban Thường vụ Tỉnh ủy, title: Bí thư, name: Nguyễn Văn Hùng}
```

Invalid:

```yaml
# file: camket.yaml
body: Ban Thường vụ Tỉnh ủy Quảng Trị
issuer: Tỉnh ủy Quảng Trị
office: Văn phòng Tỉnh ủy
place: Quảng Trị
code: TU
report_signature: {on_behalf: T/L Ban Thường vụ, title: Chánh Văn phòng}
sheet_signature: {on_behalf: T/M Ban Thường vụ Tỉnh ủy, title: Bí thư, name: Nguyễn Văn Hùng}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Folder, Scope
from camket.i18n import N_, _
from camket.problems import Severity, Span
from camket.reading.project import signer

CODE = "W102"
SEVERITY = Severity.WARNING
SCOPE = Scope.FOLDER
TITLE = N_("Văn bản sẽ in không có tên người ký")
FIX = N_(
    "Thêm tên người ký vào camket.yaml: report_signature: {on_behalf: T/L Ban Thường vụ, "
    "title: Chánh Văn phòng, name: …} và sheet_signature: {…, name: …}. Năm nào người ký khác "
    "thì ghi report_signature hoặc sheet_signature trong year.yaml của năm đó."
)


def check(target: Folder) -> Iterator[Finding]:
    project = target.project
    settings = project.settings
    if settings is None:
        return
    missing: dict[tuple[str, Span], list[int]] = {}
    for year, config in sorted(target.configs.items()):
        if config is None:
            continue
        for kind in ("report", "sheet"):
            who = signer(getattr(settings, f"{kind}_signature"), config, kind)
            if who is not None and who.name.strip():
                continue
            field = f"{kind}_signature"
            own = getattr(config, field)
            if own is not None:  # the year names its signer, without a name
                where = config.value_span(field)
            elif getattr(settings, field) is not None:
                where = settings.value_span(field)
            else:
                where = settings.span()
            missing.setdefault((kind, where), []).append(year)
    for (kind, where), years in missing.items():
        document = _("báo cáo") if kind == "report" else _("bản cam kết")
        yield (
            where,
            _(
                "{document} năm {years} sẽ in không có tên người ký (để trống chỗ ghi tên); hãy "
                "thêm name: … vào {field} trong camket.yaml, hoặc trong year.yaml của năm có "
                "người ký khác"
            ).format(
                document=document,
                years=", ".join(str(y) for y in years),
                field=f"{kind}_signature",
            ),
        )
