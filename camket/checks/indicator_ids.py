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

from camket.checks._common import Finding, duplicates
from camket.i18n import _
from camket.problems import Severity
from camket.reading.project import Project

CODE = "E120"
SEVERITY = Severity.ERROR


def check(project: Project) -> Iterator[Finding]:
    for data in project.years.values():
        if data.config is None:
            continue
        for indicator, first in duplicates(data.config.indicators):
            yield (
                indicator.value_span("id"),
                _(
                    "mã chỉ tiêu '{id}' bị trùng (đã dùng ở dòng {line}); mỗi chỉ tiêu cần một mã "
                    "riêng"
                ).format(id=indicator.id, line=first.value_span("id").line),
            )
