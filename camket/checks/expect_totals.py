"""Totals declared under `expect:` in year.yaml equal the items counted for those blocks.

Why: the office knows from the signed sheets how many commitments each block made ("49 nội
dung"); declaring it catches an item forgotten or typed twice when the sheets were entered.

Valid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
expect:
  dia-phuong: 5
```

Invalid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
expect:
  dia-phuong: 49
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket import suggest
from camket.checks._common import Finding, Scope, Year
from camket.counting.tally import tally
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E115"
SEVERITY = Severity.ERROR
SCOPE = Scope.YEAR
TITLE = N_("Số nội dung khai báo không khớp")
FIX = N_("Kiểm tra các tệp cam kết của khối (thiếu hay thừa nội dung), hoặc sửa số trong expect:.")


def check(target: Year) -> Iterator[Finding]:
    project, year, data = target.project, target.year, target.data
    if project.units_file is None:  # units.yaml did not build: its own problems say why
        return
    config = data.config
    if config is None or not config.expect:
        return
    counted = {b.id: b.counts.total for b in tally(project, year).blocks}
    expect_src = config.source["expect"]
    complete = data.complete
    for block_id, declared in config.expect.items():
        where = expect_src.value_span(block_id)
        if block_id not in project.blocks:
            hint = suggest.hint(block_id, project.blocks)
            yield (
                expect_src.key_span(block_id),
                _("expect: khối '{block}' không có trong units.yaml{hint}").format(
                    block=block_id, hint=hint
                ),
            )
        elif complete and counted.get(block_id, 0) != declared:
            yield (
                where,
                _(
                    "expect: khối '{block}' khai báo {declared} nội dung cam kết nhưng các tệp "
                    "cam kết năm {year} có {counted}; hãy kiểm tra các tệp của khối hoặc sửa "
                    "số "
                    "khai báo"
                ).format(
                    block=block_id,
                    declared=declared,
                    year=year,
                    counted=counted.get(block_id, 0),
                ),
            )
