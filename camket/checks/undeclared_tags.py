"""The tags items carry are declared under `tags:` in their year's year.yaml.

Why: the report names a tag's items in words ("29/30 công trình, dự án trọng điểm … đã khởi
công, khánh thành"), and those words come from the year's `tags:`. A tag used but not declared
(or misspelt on one item) is printed by its code instead, which is easy to miss until the report
is read.

Valid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
tags:
  du-an-trong-diem:
    name: công trình, dự án trọng điểm
    noun: công trình, dự án
```

Invalid:

```yaml
# file: 2019/year.yaml
year: 2019
theme: Trách nhiệm, kỷ cương, tăng tốc phát triển
signed_on: 2019-02-20
groups_per_unit: [2, 6]
tags:
  du-an-trong-yeu:
    name: công trình, dự án trọng điểm
    noun: công trình, dự án
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket import suggest
from camket.checks._common import Finding, Scope, Year
from camket.i18n import N_, _
from camket.problems import Severity, Span

CODE = "W105"
SEVERITY = Severity.WARNING
SCOPE = Scope.YEAR
TITLE = N_("Thẻ chưa khai báo trong year.yaml")
FIX = N_(
    "Khai báo thẻ dưới tags: trong year.yaml của năm (name: tên gọi trong báo cáo, noun: danh "
    'từ đếm, done: đã hoàn thành), ví dụ tags: {du-an-trong-diem: {name: "…", noun: "…"}}; hoặc '
    "sửa thẻ viết sai trong tệp cam kết."
)


def check(target: Year) -> Iterator[Finding]:
    config = target.data.config
    if config is None:
        return
    declared = set(config.tags or {})
    used: dict[str, tuple[Span, int]] = {}  # tag -> (its first use, how many items)
    for commitments in target.data.commitments.values():
        for item in commitments.items():
            for tag in dict.fromkeys(item.tags):
                if tag in declared:
                    continue
                first, count = used.get(tag, (item.value_span("tags"), 0))
                used[tag] = (first, count + 1)
    for tag, (first, count) in used.items():
        yield (
            first,
            _(
                "thẻ '{tag}' được gắn cho {n} nội dung năm {year} nhưng chưa khai báo dưới tags: "
                "trong year.yaml, nên báo cáo sẽ in mã thẻ thay cho tên; hãy khai báo: tags: "
                "{{{tag}: {{name: …, noun: …}}}}{hint}"
            ).format(tag=tag, n=count, year=target.year, hint=suggest.hint(tag, declared)),
        )
