"""Indicator ids are unique within a year's year.yaml.

Why: the report names a missed indicator and the appendix lists them; two indicators with one
id are a copy-and-paste slip that would count one target twice.

Valid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
indicators:
  - {id: tang-truong, name: Tốc độ tăng trưởng kinh tế, unit: "%", plan: 7.0, actual: 7.05}
  - {id: ho-ngheo, name: Tỷ lệ hộ nghèo, unit: "%", plan: 7.6, actual: 7.05, better: lower}
```

Invalid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
indicators:
  - {id: tang-truong, name: Tốc độ tăng trưởng kinh tế, unit: "%", plan: 7.0, actual: 7.05}
  - {id: tang-truong, name: Tỷ lệ hộ nghèo, unit: "%", plan: 7.6, actual: 7.05, better: lower}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Scope, Year, duplicates
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E120"
SEVERITY = Severity.ERROR
SCOPE = Scope.YEAR
TITLE = N_("Trùng mã chỉ tiêu")
FIX = N_("Đặt cho mỗi chỉ tiêu một mã riêng trong year.yaml.")


def check(target: Year) -> Iterator[Finding]:
    data = target.data
    if data.config is None:
        return
    for indicator, first in duplicates(data.config.indicators):
        yield (
            indicator.value_span("id"),
            _(
                "mã chỉ tiêu '{id}' bị trùng (đã dùng ở dòng {line}); mỗi chỉ tiêu cần một mã riêng"
            ).format(id=indicator.id, line=first.value_span("id").line),
        )
