"""The `year:` inside year.yaml and each commitments file is the year of its folder.

Why: a file copied from last year's folder without changing `year:` is the usual slip; the
folder decides which year's tally the items count in.

Valid:

```yaml
# file: 2019/commitments/cam-lo.yaml
unit: cam-lo
year: 2019
head: Đào Mạnh Hùng
groups:
  - title: Phát triển kinh tế - xã hội
    items:
      - {id: cam-lo-2019-01, text: Hoàn thành giải phóng mặt bằng Cụm công nghiệp Cam Hiếu}
  - title: Xây dựng Đảng
    items:
      - {id: cam-lo-2019-02, text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022}
```

Invalid:

```yaml
# file: 2019/commitments/cam-lo.yaml
unit: cam-lo
year: 2018
head: Đào Mạnh Hùng
groups:
  - title: Phát triển kinh tế - xã hội
    items:
      - {id: cam-lo-2019-01, text: Hoàn thành giải phóng mặt bằng Cụm công nghiệp Cam Hiếu}
  - title: Xây dựng Đảng
    items:
      - {id: cam-lo-2019-02, text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Scope, Year
from camket.i18n import N_, _
from camket.problems import Severity

CODE = "E106"
SEVERITY = Severity.ERROR
SCOPE = Scope.YEAR
TITLE = N_("year: khác thư mục năm")
FIX = N_("Sửa year: cho đúng năm của thư mục, hoặc chuyển tệp sang thư mục năm đúng.")


def check(target: Year) -> Iterator[Finding]:
    year, data = target.year, target.data
    models = [data.config, *data.commitments.values()]
    for model in models:
        if model is not None and model.year != year:
            yield (
                model.value_span("year"),
                _(
                    "year: {found} nhưng tệp nằm trong thư mục năm {year}; hãy sửa thành "
                    "year: {year} hoặc chuyển tệp sang thư mục {found}"
                ).format(found=model.year, year=year),
            )
