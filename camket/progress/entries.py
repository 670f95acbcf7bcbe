"""Writing checked progress entries into a commitments file: the one write path.

`camket record` writes one entry; `camket import` writes every entry of a unit's returned form
into that unit's file. Both go through here, so the bytes are the same whichever command wrote
them, and both keep the same guarantees:

- under the file's lock (camket.progress.locking), the file having no errors of its own;
- each entry inserted as text (camket.progress.editing), nothing else changed, and the result
  read back to prove it is the old file plus exactly these entries before a byte is written;
- one atomic write of the file; with a commit, the same insertions made to the committed
  version and written and committed together or not at all (camket.progress.committing).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from camket import atomic, git
from camket.errors import CamketError
from camket.i18n import _
from camket.problems import Problem, Span
from camket.progress import committing, editing, locking
from camket.reading import seal
from camket.reading.building import build
from camket.reading.files import read_text
from camket.reading.models import Commitments, Item, Progress
from camket.reading.project import Project


class Refused(CamketError):
    """The entry was not recorded; `messages` say why, in the clerk's words."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__(*messages)

    def prefix(self) -> str:
        return _("từ chối")


@dataclass(frozen=True)
class Found:
    year: int
    unit: str
    path: Path
    item: Item


@dataclass(frozen=True)
class Checked:
    """An entry that passed check_entry: as given (for the text written) and as typed."""

    found: Found
    entry: dict[str, Any]
    progress: Progress


def preflight(root: Path) -> None:
    """Everything a commit needs, before anything is written."""
    try:
        git.preflight(root)
    except git.GitError as e:
        if e.kind == "no-repo":
            raise Refused(
                [
                    _(
                        "thư mục dữ liệu không nằm trong một kho git nên không commit được; "
                        "bỏ --commit, hoặc tạo kho: git init"
                    )
                ]
            ) from None
        raise Refused([_("không commit được: {e}").format(e=e)]) from None


def not_written(name: str, e: OSError) -> Refused:
    return Refused(
        [
            _(
                "không ghi được vào {name}: {why}; dữ liệu vẫn như cũ, chưa ghi gì. Hãy kiểm tra "
                "quyền ghi và chỗ trống trên ổ đĩa rồi chạy lại"
            ).format(name=name, why=atomic.reason(e))
        ]
    )


@contextlib.contextmanager
def locked(root: Path, path: Path) -> Iterator[None]:
    """Hold the file's lock; a busy lock or a write error inside is a Refused."""
    try:
        lock = locking.for_file(root, path)
    except OSError as e:
        raise not_written(str(root), e) from None
    try:
        with locking.held(lock):
            yield
    except locking.Busy:
        raise Refused(
            [
                _("tệp {name} đang được một lệnh khác ghi; hãy thử lại sau ít phút").format(
                    name=path.name
                )
            ]
        ) from None
    except OSError as e:
        raise not_written(path.name, e) from None


def refuse_if_broken(problems: list[Problem], path: Path) -> None:
    """A file with errors of its own is not edited: what the checks find after the edit could
    not be told from what was there before."""
    # An unapproved change of sealed content (E121) is what an `adjusted` entry approves:
    # it must not stop the entry that resolves it.
    blocking = [p for p in problems if p.is_error and p.path == path and p.code != "E121"]
    if blocking:
        raise Refused(
            [
                _("tệp {name} đang có lỗi; hãy sửa trước (camket validate): {first}").format(
                    name=path.name, first=blocking[0].format()
                )
            ]
        )


def edit(project: Project, checked: list[Checked]) -> committing.Edit:
    """The file's new bytes, with every entry inserted in order, proven to read back as the old
    file plus exactly these entries; and how to make the same insertions to another version of
    the file (for the commit). All entries are for the same file, one per item."""
    path = checked[0].found.path
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    try:
        text = editing.insert_entries(text, [(c.found.item.id, c.entry) for c in checked])
    except editing.EditError as e:
        raise Refused([str(e)]) from None
    _verify(checked, text)
    approvals = [c for c in checked if seal.is_approval(c.progress)]
    signed = {}
    if approvals:
        items = seal.items_of(project.years[checked[0].found.year].commitments)
        signed = {c.found.item.id: items[c.found.item.id][0] for c in approvals}
    return committing.Edit(
        path, data, (b"\xef\xbb\xbf" if bom else b"") + text.encode(), _rebase(checked, signed)
    )


def write(root: Path, change: committing.Edit, message: str | None) -> str | None:
    """Write the file; with a commit message, write and commit it, both or neither: the commit
    (None without a message)."""
    if message is None:
        committing.write([change])
        return None
    try:
        return committing.write_and_commit(root, [change], message)
    except git.GitError as e:
        raise Refused(
            [
                _(
                    "không commit được ({e}); tệp {name} vẫn như cũ, chưa ghi gì. Hãy sửa rồi "
                    "chạy lại"
                ).format(e=e, name=change.path.name)
            ]
        ) from None


def _rebase(checked: list[Checked], signed: dict[str, seal.Signed]) -> committing.Rebase:
    """The entries made to another version of the file (the one in HEAD, the one in the index).

    A plain entry is inserted there as it was into the file. An approval (`adjusted` with
    `approved_by`) approves the item's signed content as committed with it: the item's lines
    as they are in the file now go into the commit with the entry, and the item's signed
    content there must be what it is now (a changed group title or unit must be committed
    first)."""

    def rebase(base: bytes | None, new: bytes) -> bytes:
        if base is None:
            raise ValueError(_("tệp chưa được commit"))
        bom = b"\xef\xbb\xbf" if base.startswith(b"\xef\xbb\xbf") else b""
        text = base.decode("utf-8-sig")
        try:
            for c in checked:
                if c.found.item.id in signed:
                    text = editing.splice_item(text, new.decode("utf-8-sig"), c.found.item.id)
            plain = [(c.found.item.id, c.entry) for c in checked if c.found.item.id not in signed]
            if plain:
                text = editing.insert_entries(text, plain)
        except (editing.EditError, yaml.YAMLError) as e:
            raise ValueError(str(e)) from None
        _check_version(checked, text, signed)
        return bom + text.encode()

    return rebase


def _items(path: Path, text: str) -> tuple[dict[str, tuple[str, Item]], bool]:
    """The file's items by id, with their group title, and whether it reads without error."""
    value, problems = read_text(path, text)
    built, typed = build(Commitments, value, Span(path, 1, 1)) if value is not None else (None, [])
    clean = built is not None and not [p for p in problems + typed if p.is_error]
    found: dict[str, tuple[str, Item]] = {}
    for g in built.groups if built else []:
        for i in g.items:
            found.setdefault(i.id, (g.title, i))
    return found, clean


def _check_version(checked: list[Checked], text: str, signed: dict[str, seal.Signed]) -> None:
    """The committed version says what camket means: each entry is its item's last one, and an
    approval's item has the signed content it has now (`signed`)."""
    items, _clean = _items(checked[0].found.path, text)
    for c in checked:
        where = items.get(c.found.item.id)
        last = where[1].progress[-1] if where and where[1].progress else None
        if last is None or last.model_dump() != c.progress.model_dump():
            raise ValueError(_("bản đã commit của tệp có lỗi hoặc khác cấu trúc"))
        approved = signed.get(c.found.item.id)
        if approved is not None and seal.signed(c.found.unit, *where) != approved:  # type: ignore[misc]
            raise ValueError(_("tên nhóm nhiệm vụ hoặc đơn vị của nội dung này chưa được commit"))


def _verify(checked: list[Checked], new_text: str) -> None:
    """Never write what does not read back as the old file plus exactly these entries."""
    path = checked[0].found.path
    items, clean = _items(path, new_text)
    ok = clean
    for c in checked:
        item = items[c.found.item.id][1] if c.found.item.id in items else None
        ok = ok and (
            item is not None
            and len(item.progress) == len(c.found.item.progress) + 1
            and item.progress[-1].model_dump() == c.progress.model_dump()
        )
    if not ok:
        raise Refused(
            [
                _(
                    "không chèn được mục tiến độ vào {name} một cách an toàn; hãy thêm bằng tay"
                ).format(name=path.name)
            ]
        )
