"""After `camket seal`, an item's signed content changes only with a recorded approval.

Why: what the units signed at the ceremony must not change quietly. A change to an item's
text, due date, indicator plan, task group or unit, a new item, or a removed one, is an error
until the decision that allowed it is recorded with `camket record ITEM adjusted --reason …
--approved-by …`, which also moves the item's fingerprint in seal.yaml to what was approved.
Adding progress entries is always free. (In the invalid example below, the
fingerprint of cam-lo-2019-01's text is not that of its text today.)

Valid:

```yaml
# file: 2019/seal.yaml
year: 2019
sealed_on: 2019-02-20
items:
  "cam-lo-2019-01": {unit: "cam-lo", group: "7265572f14ddac5a", text: "68b9649047fd0969", due: "b84255fd880b44c4", indicator: "74234e98afe7498f"}
  "cam-lo-2019-02": {unit: "cam-lo", group: "7bcdd159524a757c", text: "a4374bd89dd2b898", due: "33001a7d18b84611", indicator: "74234e98afe7498f"}
  "dong-ha-2019-01": {unit: "dong-ha", group: "7265572f14ddac5a", text: "8a2c575d84e0a9bc", due: "74bb308d5a032bfd", indicator: "74234e98afe7498f"}
  "dong-ha-2019-02": {unit: "dong-ha", group: "7265572f14ddac5a", text: "0bda55e7dc2bd4be", due: "df67ac5aeda66928", indicator: "74234e98afe7498f"}
  "dong-ha-2019-03": {unit: "dong-ha", group: "7bcdd159524a757c", text: "2ef794325f5a31b1", due: "74234e98afe7498f", indicator: "74234e98afe7498f"}
  "so-xay-dung-2019-01": {unit: "so-xay-dung", group: "0fbbc3e5f557a717", text: "90ce51b1e180d415", due: "df67ac5aeda66928", indicator: "74234e98afe7498f"}
  "so-xay-dung-2019-02": {unit: "so-xay-dung", group: "5132717d5f130ea0", text: "5d26bee37c74f063", due: "42a79ab72fdd4ec0", indicator: "9650d38ef3fdec69"}
```

Invalid:

```yaml
# file: 2019/seal.yaml
year: 2019
sealed_on: 2019-02-20
items:
  "cam-lo-2019-01": {unit: "cam-lo", group: "7265572f14ddac5a", text: "0000000000000000", due: "b84255fd880b44c4", indicator: "74234e98afe7498f"}
  "cam-lo-2019-02": {unit: "cam-lo", group: "7bcdd159524a757c", text: "a4374bd89dd2b898", due: "33001a7d18b84611", indicator: "74234e98afe7498f"}
  "dong-ha-2019-01": {unit: "dong-ha", group: "7265572f14ddac5a", text: "8a2c575d84e0a9bc", due: "74bb308d5a032bfd", indicator: "74234e98afe7498f"}
  "dong-ha-2019-02": {unit: "dong-ha", group: "7265572f14ddac5a", text: "0bda55e7dc2bd4be", due: "df67ac5aeda66928", indicator: "74234e98afe7498f"}
  "dong-ha-2019-03": {unit: "dong-ha", group: "7bcdd159524a757c", text: "2ef794325f5a31b1", due: "74234e98afe7498f", indicator: "74234e98afe7498f"}
  "so-xay-dung-2019-01": {unit: "so-xay-dung", group: "0fbbc3e5f557a717", text: "90ce51b1e180d415", due: "df67ac5aeda66928", indicator: "74234e98afe7498f"}
  "so-xay-dung-2019-02": {unit: "so-xay-dung", group: "5132717d5f130ea0", text: "5d26bee37c74f063", due: "42a79ab72fdd4ec0", indicator: "9650d38ef3fdec69"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from camket import seal
from camket.checks._common import Finding
from camket.i18n import _
from camket.problems import Severity
from camket.project import Project

CODE = "E121"
SEVERITY = Severity.ERROR


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


def check(project: Project) -> Iterator[Finding]:
    for year, data in project.years.items():
        if data.seal is None:
            continue
        when = data.seal.sealed_on.isoformat()
        for change in seal.changes(project, year):
            if change.kind == "removed":
                items = data.seal.source["items"]
                yield (
                    items.key_span(change.item_id),
                    _(
                        "nội dung '{id}' đã ký và niêm phong ngày {when} nhưng không còn trong các "
                        "tệp cam kết; đưa lại nội dung, hoặc niêm phong lại khi có quyết định cho phép"
                    ).format(id=change.item_id, when=when),
                )
                continue
            assert change.item is not None
            what = (
                ", ".join(part_word(p) for p in change.parts)
                if change.kind == "changed"
                else _("nội dung mới, chưa có khi ký")
            )
            yield (
                change.item.value_span("id"),
                _(
                    "nội dung đã ký của '{id}' thay đổi sau khi niêm phong ngày {when} ({what}); cần "
                    'ghi quyết định cho phép bằng lệnh: camket record {id} adjusted --reason "…" '
                    '--approved-by "…"'
                ).format(id=change.item_id, when=when, what=what),
            )
