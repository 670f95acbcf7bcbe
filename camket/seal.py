"""Sealing what the units signed: fingerprints of each item's signed content.

After the ceremony, `camket seal YEAR` records in YEAR/seal.yaml a fingerprint of every item's
text, due date, indicator plan and task group (and unit). From then on, a change to any of them
is an error until it is approved: `camket record ITEM adjusted --approved-by …` records the
decision as a progress entry and moves that item's fingerprint in the seal to its content as
approved. A later change is an error again. Progress entries stay free to add: they are not
signed content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from camket.models import Item, SealFile
from camket.project import Project

PARTS = ("unit", "group", "text", "due", "indicator")


def _digest(value: object) -> str:
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def fingerprint(unit: str, group: str, item: Item) -> dict[str, str]:
    indicator = None
    if item.indicator is not None:
        ind = item.indicator
        # the value, not its spelling: 12 and 12.0 are the same plan
        indicator = {
            "plan": format(ind.plan.normalize(), "f"),
            "unit": ind.unit,
            "better": ind.better,
        }
    return {
        "unit": unit,
        "group": _digest(group),
        "text": _digest(item.text),
        "due": _digest(item.due.isoformat() if item.due else None),
        "indicator": _digest(indicator),
    }


def current(project: Project, year: int) -> dict[str, tuple[str, Item, dict[str, str]]]:
    """item id -> (unit, item, fingerprint) of the year's items as they are now."""
    out = {}
    for unit, c in project.years[year].commitments.items():
        for group in c.groups:
            for item in group.items:
                out[item.id] = (unit, item, fingerprint(unit, group.title, item))
    return out


@dataclass(frozen=True)
class Change:
    item_id: str
    kind: str  # "changed", "added", "removed"
    parts: tuple[str, ...]
    item: Item | None


def changes(project: Project, year: int) -> list[Change]:
    seal: SealFile | None = project.years[year].seal
    if seal is None:
        return []
    now = current(project, year)
    out = []
    for item_id, (_unit, item, prints) in now.items():
        sealed = seal.items.get(item_id)
        if sealed is None:
            out.append(Change(item_id, "added", (), item))
            continue
        parts = tuple(p for p in PARTS if getattr(sealed, p) != prints[p])
        if parts:
            out.append(Change(item_id, "changed", parts, item))
    for item_id in seal.items:
        if item_id not in now:
            out.append(Change(item_id, "removed", (), None))
    return out


def _line(item_id: str, prints: dict[str, str]) -> str:
    fields = ", ".join(f"{p}: {json.dumps(prints[p], ensure_ascii=False)}" for p in PARTS)
    return f"  {json.dumps(item_id, ensure_ascii=False)}: {{{fields}}}"


def approve(
    text: str, project: Project, year: int, item_id: str, date: dt.date, approved_by: str
) -> str:
    """seal.yaml's text with one item's fingerprint moved to its content now, and a comment
    naming the decision; every other line as it was."""
    prints = current(project, year)[item_id][2]
    key = f"  {json.dumps(item_id, ensure_ascii=False)}:"
    note = f"  # {item_id}: điều chỉnh ngày {date.isoformat()} theo {approved_by}"
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(key):
            lines[i : i + 1] = [note, _line(item_id, prints)]
            break
    else:
        lines += [note, _line(item_id, prints)]
    return "\n".join(lines) + "\n"


def seal_text(project: Project, year: int, sealed_on: dt.date) -> str:
    """YEAR/seal.yaml, written by camket (ids quoted as JSON strings, which YAML reads)."""
    lines = [
        "# Niêm phong nội dung cam kết đã ký (do `camket seal` tạo; không sửa bằng tay).",
        "# Mỗi nội dung: dấu vân tay (SHA-256 rút gọn) của đơn vị, nhóm nhiệm vụ, nội dung,",
        "# thời hạn và chỉ tiêu đã ký.",
        f"year: {year}",
        f"sealed_on: {sealed_on.isoformat()}",
        "items:",
    ]
    for item_id, (_unit, _item, prints) in current(project, year).items():
        lines.append(_line(item_id, prints))
    return "\n".join(lines) + "\n"
