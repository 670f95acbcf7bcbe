"""The keys under `report:` in year.yaml are block ids or the report's own sections.

Why: the year-end report places each paragraph by its key: a block's prose follows the block's
computed sentence; `intro`, `results`, `limitations` and `next_year` have fixed places. A
misspelt key would drop its paragraphs from the report without a word.

Valid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
report:
  dia-phuong: [Các địa phương đã lồng ghép các nội dung cam kết.]
  limitations: [Một số nội dung cam kết còn chung chung.]
```

Invalid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
report:
  limitation: [Một số nội dung cam kết còn chung chung.]
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from camket.checks._common import Finding, Scope, Year
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E117"
SEVERITY = Severity.ERROR
SCOPE = Scope.YEAR
TITLE = N_("Mục lời văn báo cáo không có chỗ")
FIX = N_("Dùng mã một khối, hoặc intro, results, limitations, next_year dưới report:.")

SECTIONS = ("intro", "results", "limitations", "next_year")


def check(target: Year) -> Iterator[Finding]:
    project, data = target.project, target.data
    if project.units_file is None:  # block ids unknown: units.yaml's own problems say why
        return
    allowed = [*SECTIONS, *project.blocks]
    config = data.config
    if config is None or not config.report:
        return
    src = config.source["report"]
    for key in config.report:
        if key not in allowed:
            guess = difflib.get_close_matches(key, allowed, n=1)
            hint = (
                _("có phải ý bạn là '{g}'?").format(g=guess[0])
                if guess
                else _("dùng mã một khối hoặc một trong: {s}").format(s=", ".join(SECTIONS))
            )
            yield (
                src.key_span(key),
                _("report: mục '{key}' không có chỗ trong báo cáo; {hint}").format(
                    key=key, hint=hint
                ),
            )
