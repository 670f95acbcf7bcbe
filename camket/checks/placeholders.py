"""No value `camket init` wrote as an example is left in the data: the example unit, the
example theme, the example names of signers, the example paragraphs of the report.

Why: a new data folder validates at once, so that the clerk can try every command on it; but
its examples are printed on real documents if they are left: "Huyện ủy Mẫu" on a commitment
sheet, "Chủ đề năm 2026" as the year's theme, "Nguyễn Văn A" under a signature, "[Hạn chế,
khuyết điểm và nguyên nhân.]" in the report. The values looked for are the ones
`camket init` writes, taken from where they are stated (camket.examples).

Valid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
```

Invalid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Chủ đề năm 2019
signed_on: 2019-02-20
groups_per_unit: [2, 6]
```

```yaml
# file: units.yaml
blocks:
  - id: dia-phuong
    name: Các huyện, thị, thành ủy
  - id: so-nganh
    name: Các sở, ngành
units:
  - id: dong-ha
    name: Thành ủy Đông Hà
    block: dia-phuong
    collective: Ban Thường vụ Thành ủy Đông Hà
    head_title: Bí thư Thành ủy
  - id: cam-lo
    name: Huyện ủy Cam Lộ
    block: dia-phuong
    collective: Ban Thường vụ Huyện ủy Cam Lộ
    head_title: Bí thư Huyện ủy
  - id: so-xay-dung
    name: Huyện ủy Mẫu
    block: so-nganh
    collective: Tập thể lãnh đạo Sở Xây dựng
    head_title: Giám đốc Sở Xây dựng
```

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
report:
  limitations:
    - >-
      [Hạn chế, khuyết điểm và nguyên nhân.]
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from camket import examples
from camket.checks._common import Finding, Folder, Scope
from camket.i18n import N_, _
from camket.problems import Severity, Span
from camket.reading.located import LocList
from camket.reading.models import YearConfig

CODE = "W104"
SEVERITY = Severity.WARNING
SCOPE = Scope.FOLDER
TITLE = N_("Còn giá trị mẫu của camket init")
FIX = N_(
    "Thay giá trị mẫu bằng giá trị thật: đơn vị mẫu don-vi-mau (Huyện ủy Mẫu) trong units.yaml "
    "và tệp cam kết của nó, chủ đề năm trong year.yaml, tên người ký (Nguyễn Văn A) trong "
    "camket.yaml, year.yaml và các tệp cam kết, các đoạn mẫu trong ngoặc vuông dưới report: "
    "trong year.yaml (viết lời văn thật, hoặc xóa phần chưa viết)."
)

# What `camket init` writes as examples, from its own statement of them (tests/progress/
# test_init.py: a new folder trips this rule at each of them, and at nothing else).
EXAMPLE_UNIT = examples.EXAMPLE_UNIT
EXAMPLE_NAMES = frozenset({examples.EXAMPLE_UNIT_NAME, examples.EXAMPLE_COLLECTIVE})
EXAMPLE_PEOPLE = frozenset({examples.EXAMPLE_REPORT_SIGNER, examples.EXAMPLE_SHEET_SIGNER})
EXAMPLE_THEME = re.compile(re.escape(examples.EXAMPLE_THEME).replace(r"\{year\}", r"\d{4}"))
EXAMPLE_PARAGRAPHS = frozenset(examples.EXAMPLE_REPORT.values())


def _example(field: str, value: str, where: Span) -> Finding:
    return (
        where,
        _(
            "{field}: '{value}' là giá trị mẫu do camket init ghi và sẽ được in lên văn bản; "
            "hãy thay bằng giá trị thật"
        ).format(field=field, value=value),
    )


def check(target: Folder) -> Iterator[Finding]:
    project = target.project
    for unit in project.units_file.units if project.units_file else ():
        if unit.id == EXAMPLE_UNIT:
            yield (
                unit.value_span("id"),
                _(
                    "'{id}' là đơn vị mẫu do camket init tạo; hãy sửa thành một đơn vị thật (mã, "
                    "tên, tập thể lãnh đạo, chức danh) và đổi tên tệp cam kết của nó theo mã "
                    "mới, hoặc xóa đơn vị mẫu và tệp của nó"
                ).format(id=unit.id),
            )
            continue
        for field in ("name", "collective"):
            if getattr(unit, field) in EXAMPLE_NAMES:
                yield _example(field, getattr(unit, field), unit.value_span(field))
    signers = [project.settings] if project.settings else []
    for year, config in sorted(target.configs.items()):
        if config is None:
            continue
        signers.append(config)
        yield from _report(config)
        if EXAMPLE_THEME.fullmatch(config.theme.strip()):
            yield (
                config.value_span("theme"),
                _(
                    "chủ đề năm {year} vẫn là chữ mẫu '{theme}' do camket init ghi; hãy ghi chủ "
                    "đề năm của cấp ủy (được in lên bản cam kết và báo cáo)"
                ).format(year=year, theme=config.theme),
            )
    for owner in signers:
        for kind in ("report_signature", "sheet_signature"):
            signature = getattr(owner, kind)
            if signature is not None and signature.name.strip() in EXAMPLE_PEOPLE:
                yield _example(f"{kind}.name", signature.name, signature.value_span("name"))
    for head, where in target.heads:
        if head.strip() in EXAMPLE_PEOPLE:
            yield _example("head", head, where)


def _report(config: YearConfig) -> Iterator[Finding]:
    """The example paragraphs under `report:`, once the clerk has uncommented them."""
    for section, paragraphs in (config.report or {}).items():
        where = config.source["report"].get(section)
        for i, text in enumerate(paragraphs):
            if text.strip() in EXAMPLE_PARAGRAPHS and isinstance(where, LocList):
                yield (
                    where.value_span(i),
                    _(
                        "report: {section}: '{text}' là đoạn mẫu do camket init ghi và sẽ được in "
                        "vào báo cáo; hãy viết lời văn thật thay cho nó, hoặc xóa phần này nếu "
                        "chưa viết"
                    ).format(section=section, text=text.strip()),
                )
