"""Sealing what the units signed: the signed content is anchored in git, not in a file.

`camket seal YEAR` commits the year as it stands (with YEAR/seal.yaml, a record for people to
read) and tags that commit `cam-ket-YEAR` (an annotated tag, signed when git is configured to
sign tags). The commit's message carries the trailers `Camket-Seal: YEAR`,
`Camket-Sealed-On: DATE` and `Camket-Folder: PATH`, so the seal is also written in the
history itself. camket.reading.anchor reads the seal back from git; this module holds what a seal
means, without git.

The rule validate applies (E121), which nothing in the working tree alone can bypass:

- An item's *signed content* is its unit (the file it is in), task group title, text, due
  date and indicator (plan, unit, better). It is read at the seal commit with git, by the same
  reader and models as today's files, and compared with the files as they are now; items are
  matched by id across files, so an item moved to another unit's file changed its unit. A new
  item, or a sealed one that is gone, is a change too.
- A change is allowed only by an *approval*: an `adjusted` progress entry with `approved_by`,
  in today's data, that the item did not have at the seal. Comments, seal.yaml and entries
  without `approved_by` approve nothing.
- An approval covers the signed content the item had in the commit that added the entry (for
  an entry not committed yet, the content in the files now). The decision is therefore
  recorded together with the change it allows, or after it; a change made after the item's
  latest approval was committed needs a new approval. With several approvals, the one
  committed last counts.

What makes this tamper-evident: the content at the seal and the commit that added each
approval are git objects, which editing files cannot change; seal.yaml is never read. The tag
must point at the newest seal commit in HEAD's history (E123 otherwise: a tag moved, deleted,
or replaced by hand), and the seal commit must be in that history. Locally a clerk can still
rewrite their own history or re-seal; what stops that from spreading between offices is the
git server refusing to move or delete a protected tag (README: protected tags).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from camket.reading.models import Commitments, Item, Progress, Status

PARTS = ("unit", "group", "text", "due", "indicator")
TAG_PREFIX = "cam-ket-"
TRAILER_YEAR = "Camket-Seal"
TRAILER_DATE = "Camket-Sealed-On"
TRAILER_FOLDER = "Camket-Folder"


def tag_name(year: int) -> str:
    return f"{TAG_PREFIX}{year}"


@dataclass(frozen=True)
class Signed:
    """What the unit signed for one item: compared as values, never as text or fingerprints."""

    unit: str
    group: str
    text: str
    due: str | None
    indicator: tuple[str, str | None, str] | None  # plan (its value), unit, better


def signed(unit: str, group: str, item: Item) -> Signed:
    indicator = None
    if item.indicator is not None:
        ind = item.indicator
        # the value, not its spelling: 12 and 12.0 are the same plan
        indicator = (format(ind.plan.normalize(), "f"), ind.unit, ind.better)
    return Signed(unit, group, item.text, item.due.isoformat() if item.due else None, indicator)


def parts_changed(before: Signed, after: Signed) -> tuple[str, ...]:
    return tuple(p for p in PARTS if getattr(before, p) != getattr(after, p))


def entry_key(entry: Progress) -> tuple[tuple[str, str], ...]:
    """An entry's identity: every field's value (two entries alike in all are the same)."""
    return tuple((k, str(v)) for k, v in entry.model_dump().items())


def is_approval(entry: Progress) -> bool:
    return entry.status is Status.ADJUSTED and bool(entry.approved_by)


def items_of(commitments: dict[str, Commitments]) -> dict[str, tuple[Signed, Item]]:
    """item id -> (signed content, item) of a year's files; the first of a duplicated id."""
    out: dict[str, tuple[Signed, Item]] = {}
    for unit, c in commitments.items():
        for group in c.groups:
            for item in group.items:
                out.setdefault(item.id, (signed(unit, group.title, item), item))
    return out


@dataclass(frozen=True)
class Approval:
    """An item's approval that counts: the latest committed one."""

    entry: Progress
    commit: str | None  # the commit that added it; None while it is not committed
    content: Signed | None  # the item's signed content there (what it approves)


@dataclass
class Seal:
    """A year's seal, as git holds it (read by camket.reading.anchor)."""

    year: int
    commit: str  # the seal commit: signed content is compared with it
    sealed_on: dt.date
    tag: str
    # what is wrong with the tag: None, "missing", "lightweight", "moved", "foreign" (a tag on
    # a commit camket did not make), "elsewhere" (its commit is not in HEAD's history),
    # "unreadable" (git failed: nothing can be compared)
    tag_problem: str | None
    tag_commit: str | None
    items: dict[str, Signed]  # signed content at the seal commit
    files: dict[str, str] = field(default_factory=dict)  # unit -> its file's path at the seal
    approvals: dict[str, Approval] = field(default_factory=dict)  # for items that changed
    approved: int = 0  # approvals added since the seal, in the whole year
    error: str = ""  # why git could not be read ("unreadable")

    @property
    def sealed_on_text(self) -> str:
        return self.sealed_on.isoformat()


@dataclass(frozen=True)
class Change:
    item_id: str
    kind: str  # "changed", "added", "removed"
    parts: tuple[str, ...]  # what differs from what was sealed, or approved last
    item: Item | None  # None when removed
    unit: str  # where the item is now, or was at the seal when removed
    after: Approval | None = None  # the approval it departs from, if any


def changes(seal: Seal, commitments: dict[str, Commitments]) -> list[Change]:
    """The year's changes of signed content that no approval covers."""
    now = items_of(commitments)
    out = []
    for item_id, (content, item) in now.items():
        sealed = seal.items.get(item_id)
        if sealed == content:
            continue
        approval = seal.approvals.get(item_id)
        if approval is not None and approval.content == content:
            continue
        kind = "added" if sealed is None else "changed"
        base = approval.content if approval is not None else sealed
        parts = parts_changed(base, content) if base is not None else ()
        out.append(Change(item_id, kind, parts, item, content.unit, approval))
    for item_id, sealed in seal.items.items():
        if item_id not in now:
            out.append(Change(item_id, "removed", (), None, sealed.unit))
    return out


def trailers(message: str) -> dict[str, str]:
    """`Key: value` lines of a commit or tag message (the last of a repeated key wins)."""
    out = {}
    for line in message.splitlines():
        key, sep, value = line.partition(": ")
        if sep and key in (TRAILER_YEAR, TRAILER_DATE, TRAILER_FOLDER):
            out[key] = value.strip()
    return out


def message(year: int, sealed_on: dt.date, folder: str, count: int) -> str:
    """The seal commit's and the tag's message (the trailers are what camket reads back)."""
    return (
        f"camket seal {year}: niêm phong {count} nội dung cam kết đã ký\n\n"
        f"{TRAILER_YEAR}: {year}\n{TRAILER_DATE}: {sealed_on.isoformat()}\n"
        f"{TRAILER_FOLDER}: {folder or '.'}\n"
    )


def record_text(commitments: dict[str, Commitments], year: int, sealed_on: dt.date) -> str:
    """YEAR/seal.yaml: a record for people; camket never reads it back (the seal is in git)."""
    lines = [
        "# Niêm phong nội dung cam kết đã ký (do `camket seal` tạo).",
        f"# Bản ghi để đọc: nội dung đã ký được lưu trong Git, ở commit có thẻ {tag_name(year)};",
        "# camket so sánh với Git, không dựa vào tệp này.",
        f"year: {year}",
        f"sealed_on: {sealed_on.isoformat()}",
        f"tag: {tag_name(year)}",
        "items:",
    ]
    for item_id, (content, _item) in items_of(commitments).items():
        unit = json.dumps(content.unit, ensure_ascii=False)
        lines.append(f"  {json.dumps(item_id, ensure_ascii=False)}: {{unit: {unit}}}")
    return "\n".join(lines) + "\n"
