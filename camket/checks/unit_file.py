"""A commitments file is named after a unit declared in units.yaml.

Why: the file name is how camket knows whose commitments these are; a misspelt name would leave
the unit without commitments and the items counted nowhere.

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
# file: 2019/commitments/cam-loo.yaml
unit: cam-loo
year: 2019
head: Đào Mạnh Hùng
groups:
  - title: Phát triển kinh tế - xã hội
    items:
      - {id: cam-lo-2019-91, text: Hoàn thành giải phóng mặt bằng Cụm công nghiệp Cam Hiếu}
  - title: Xây dựng Đảng
    items:
      - {id: cam-lo-2019-92, text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from camket import suggest
from camket.checks._common import Finding, Scope, Year
from camket.i18n import N_, _
from camket.problems import Severity, Span
from camket.reading.models import ID_PATTERN, id_from
from camket.reading.project import Project

CODE = "E104"
SEVERITY = Severity.ERROR
SCOPE = Scope.YEAR
TITLE = N_("Tên tệp cam kết không phải mã đơn vị")
FIX = N_("Đổi tên tệp thành MÃ_ĐƠN_VỊ.yaml theo units.yaml (ví dụ dong-ha.yaml).")


def check(target: Year) -> Iterator[Finding]:
    project, data = target.project, target.data
    if project.units_file is None:
        return
    for stem, path in data.files.items():
        if stem in project.units:
            continue
        if not re.match(ID_PATTERN, stem):
            yield Span(path, 1, 1), _not_an_id(path.name, stem, project)
            continue
        guess = suggest.closest(stem, project.units)
        hint = _("; có phải ý bạn là '{g}.yaml'?").format(g=guess) if guess else ""
        yield (
            Span(path, 1, 1),
            _(
                "tên tệp '{name}' không phải mã của đơn vị nào trong units.yaml; tên tệp phải "
                "là "
                "mã đơn vị{hint}"
            ).format(name=path.name, hint=hint),
        )


def _not_an_id(name: str, stem: str, project: Project) -> str:
    """A name with accents, capitals, spaces or other characters (đông-hà.yaml): never a unit's
    id, whatever units.yaml says, so say which characters a file name may hold."""
    message = _(
        "tên tệp '{name}' không phải một mã đơn vị: tên tệp cam kết là mã đơn vị, chỉ gồm chữ "
        "thường không dấu a–z, chữ số 0–9 và dấu gạch nối '-'"
    ).format(name=name)
    proposed = id_from(stem)
    if proposed in project.units:
        return message + _("; hãy đổi tên tệp thành '{file}' (mã của {unit})").format(
            file=f"{proposed}.yaml", unit=project.units[proposed].name
        )
    guess = suggest.closest(proposed, project.units) if proposed else None
    if guess:
        return message + _("; có phải ý bạn là '{g}.yaml'?").format(g=guess)
    return message + _("; hãy đổi tên tệp theo mã đơn vị trong units.yaml")
