"""After `camket seal`, an item's signed content changes only with a recorded approval.

Why: what the units signed at the ceremony must not change quietly. The signed content of each
item (unit, task group, text, due date, indicator) is read from git, at the commit `camket
seal` tagged, and compared with the files now. A change, a new item or a removed one is an
error until the decision that allowed it is recorded in the data: an `adjusted` progress entry
with `approved_by` (`camket record ITEM adjusted --reason … --approved-by …`), added together
with the change or after it. The approval covers the content the item had in the commit that
added it; a later change needs a new one. seal.yaml, comments, and entries without
`approved_by` approve nothing. Adding progress entries is always free. (Below, the valid
example records the decision that moved cam-lo-2019-01's due date; the invalid one moves it
without one.)

Valid:

```yaml
# run: camket seal 2019 --date 2019-02-20
# file: 2019/commitments/cam-lo.yaml
unit: cam-lo
year: 2019
head: Đào Mạnh Hùng
groups:
  - title: Phát triển kinh tế - xã hội
    items:
      - id: cam-lo-2019-01
        text: Xây dựng xã Cam Thành đạt chuẩn nông thôn mới nâng cao
        due: 2019-09-30
        progress:
          - {date: 2019-06-30, status: đang thực hiện}
          - {date: 2019-07-01, status: adjusted, reason: "Lùi thời hạn do thiếu vốn",
             approved_by: "Công văn số 1502-CV/TU ngày 28/6/2019"}
  - title: Xây dựng Đảng
    items:
      - id: cam-lo-2019-02
        text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022
        due: 2019-12-31
        progress:
          - {date: 2019-12-31, status: not_done, cause: subjective, reason: Chuẩn bị văn kiện chậm}
```

Invalid:

```yaml
# run: camket seal 2019 --date 2019-02-20
# file: 2019/commitments/cam-lo.yaml
unit: cam-lo
year: 2019
head: Đào Mạnh Hùng
groups:
  - title: Phát triển kinh tế - xã hội
    items:
      - id: cam-lo-2019-01
        text: Xây dựng xã Cam Thành đạt chuẩn nông thôn mới nâng cao
        due: 2019-09-30
        progress:
          - {date: 2019-06-30, status: đang thực hiện}
  - title: Xây dựng Đảng
    items:
      - id: cam-lo-2019-02
        text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022
        due: 2019-12-31
        progress:
          - {date: 2019-12-31, status: not_done, cause: subjective, reason: Chuẩn bị văn kiện chậm}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket.checks._common import Finding, Scope, Year
from camket.i18n import N_, _
from camket.problems import Severity, Span
from camket.reading import seal
from camket.reading.folder import YEAR
from camket.reading.project import YearData

CODE = "E121"
SEVERITY = Severity.ERROR
SCOPE = Scope.YEAR
TITLE = N_("Nội dung đã ký thay đổi sau khi niêm phong")
FIX = N_(
    "Nội dung đã ký được so với bản lưu trong Git ở thẻ niêm phong cam-ket-NĂM. Nếu việc điều "
    "chỉnh đã được cho phép, sửa nội dung theo văn bản rồi ghi quyết định (cùng lúc hoặc sau "
    "khi sửa): "
    'camket record MÃ adjusted --reason "…" --approved-by "Công văn số …" --commit; nếu không, '
    "trả lại nội dung đã ký. Sửa seal.yaml hay thêm dòng ghi chú không thay cho quyết định."
)


def part_word(part: str) -> str:
    """The name of a part of an item's signed content, in the clerk's language."""
    words = {
        "unit": _("đơn vị"),
        "group": _("nhóm nhiệm vụ"),
        "text": _("nội dung"),
        "due": _("thời hạn"),
        "indicator": _("chỉ tiêu"),
    }
    return words[part]


def year_changes(data: YearData) -> list[seal.Change]:
    """The year's unapproved changes; none while the seal cannot be read from git."""
    if data.seal is None or data.seal.tag_problem == "unreadable":
        return []
    # A file that does not read, or read with a bad value left out, may hold the "removed"
    # or "changed" item as signed: its errors come first, the seal's after they are fixed.
    return [
        c
        for c in seal.changes(data.seal, data.commitments)
        if (c.item.exact if c.item is not None else data.exact(c.unit))
    ]


def _removed_at(data: YearData, unit: str) -> Span:
    if unit in data.commitments:
        return data.commitments[unit].span()
    if data.config is not None:
        return data.config.span()
    return Span(data.folder / YEAR, 1, 1)


def check(target: Year) -> Iterator[Finding]:
    year, data = target.year, target.data
    for change in year_changes(data):
        assert data.seal is not None
        when = data.seal.sealed_on_text
        if change.kind == "removed":
            path = data.seal.files.get(change.unit, "")
            yield (
                _removed_at(data, change.unit),
                _(
                    "nội dung '{id}' đã ký và niêm phong ngày {when} nhưng không còn trong các "
                    "tệp cam kết; đưa lại nội dung (xem bản đã ký: git show {commit}:{path}), "
                    "hoặc niêm phong lại khi có quyết định: camket seal {year} --force"
                ).format(
                    id=change.item_id,
                    when=when,
                    commit=data.seal.commit[:10],
                    path=path,
                    year=year,
                ),
            )
            continue
        assert change.item is not None
        what = (
            ", ".join(part_word(p) for p in change.parts)
            if change.parts
            else _("nội dung mới, chưa có khi ký")
        )
        if change.after is None:
            message = _(
                "nội dung đã ký của '{id}' thay đổi sau khi niêm phong ngày {when} ({what}); "
                "cần ghi quyết định cho phép bằng lệnh: camket record {id} adjusted "
                '--reason "…" --approved-by "…"'
            ).format(id=change.item_id, when=when, what=what)
        else:
            message = _(
                "nội dung đã ký của '{id}' lại thay đổi sau quyết định điều chỉnh ngày {date} "
                "({what}); quyết định chỉ cho phép nội dung lúc ghi nó, nên cần ghi quyết định "
                'cho phép lần thay đổi này: camket record {id} adjusted --reason "…" '
                '--approved-by "…"'
            ).format(id=change.item_id, date=change.after.entry.date.isoformat(), what=what)
        yield change.item.value_span("id"), message
