"""A seal.yaml without a seal in git seals nothing.

Why: seal.yaml is a record for people; anyone can rewrite it and recompute what it holds, so
camket never trusts it. A year is sealed by the git tag `cam-ket-YEAR` on the commit `camket
seal` made. A seal.yaml written before seals moved to git, or copied without its repository,
is reported so the year is sealed again, in a git repository, with `camket seal YEAR --force`.

Valid:

```yaml
# run: camket seal 2019 --date 2019-02-20
```

Invalid:

```yaml
# file: 2019/seal.yaml
year: 2019
sealed_on: 2019-02-20
items:
  "cam-lo-2019-01": {unit: "cam-lo", group: "7265572f14ddac5a", text: "68b9649047fd0969",
                     due: "b84255fd880b44c4", indicator: "74234e98afe7498f"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Scope, Year
from camket.i18n import N_, _
from camket.problems import Severity, Span

CODE = "W123"
SEVERITY = Severity.WARNING
SCOPE = Scope.YEAR
TITLE = N_("Có seal.yaml nhưng năm chưa niêm phong trong Git")
FIX = N_(
    "camket không dựa vào seal.yaml vì tệp này sửa được bằng tay. Trong một kho Git, hãy niêm "
    "phong lại: camket seal NĂM --force."
)


def check(target: Year) -> Iterator[Finding]:
    year, data = target.year, target.data
    if data.seal_record is not None and data.seal is None:
        yield (
            Span(data.seal_record, 1, 1),
            _(
                "có tệp seal.yaml nhưng năm {year} chưa được niêm phong trong git, nên chưa "
                "có gì được niêm phong (tệp này sửa được bằng tay, camket không dựa vào nó); "
                "hãy niêm phong lại trong kho git: camket seal {year} --force"
            ).format(year=year),
        )
