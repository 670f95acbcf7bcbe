"""`camket record`: one progress entry appended to one item, checked, atomic, locked.

The entry is checked with the same rules as `validate` before anything is written: its fields
are typed by the same model (camket.reading.models.Progress), and the item, with the entry
added, goes through the same rule modules; the same entry as the item's last one is a duplicate.
A refused entry changes nothing. With `--commit`, git's preconditions are checked before
anything is written too, and the entry is written and committed together or not at all
(camket.progress.committing): only the lines camket wrote are committed.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from camket import atomic, checks, git, pipeline
from camket.errors import CamketError
from camket.i18n import _
from camket.problems import Span
from camket.progress import committing, editing, locking
from camket.reading import loader, seal
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
class Recorded:
    item_id: str
    path: Path
    status: str
    date: dt.date
    commit: str | None = None


def find(project: Project, query: str) -> Found:
    """An item by its id, or by a prefix that only one id starts with."""
    everything = [
        Found(year, unit, data.files[unit], item)
        for year, data in project.years.items()
        for unit, c in data.commitments.items()
        for item in c.items()
    ]
    exact = [f for f in everything if f.item.id == query]
    if exact:
        return exact[0]
    starting = [f for f in everything if f.item.id.startswith(query)]
    if len(starting) == 1:
        return starting[0]
    if starting:
        shown = ", ".join(f.item.id for f in starting[:8]) + (" …" if len(starting) > 8 else "")
        raise Refused(
            [
                _("'{q}' khớp với {n} nội dung: {ids}; hãy gõ đầy đủ hơn").format(
                    q=query, n=len(starting), ids=shown
                )
            ]
        )
    unread = [
        path
        for data in project.years.values()
        for stem, path in data.files.items()
        if stem not in data.commitments
    ]
    if unread:  # the item may well be in a file that does not read: say so, suggest nothing
        names = ", ".join(str(p.relative_to(project.root)) for p in unread[:5])
        raise Refused(
            [
                _(
                    "không thấy nội dung '{q}'; các tệp sau đang có lỗi nên chưa đọc được: "
                    "{names}. Hãy sửa trước (camket validate) rồi ghi lại"
                ).format(q=query, names=names)
            ]
        )
    guesses = difflib.get_close_matches(query, [f.item.id for f in everything], n=3)
    hint = _("; có phải ý bạn là: {g}?").format(g=", ".join(guesses)) if guesses else ""
    raise Refused([_("không có nội dung cam kết nào mã '{q}'{hint}").format(q=query, hint=hint)])


def check_entry(
    project: Project, found: Found, entry: dict[str, Any]
) -> tuple[Progress | None, list[str]]:
    """Type the entry as the loader would, then run the item rules on the item with it added:
    (the typed entry or None, the messages refusing it). Used by `record` and by the import of
    the quarterly forms, so both accept exactly the same entries."""
    snippet = "\n".join(f"{k}: {v}" for k, v in editing.entry_fields(entry)) + "\n"
    value, problems = read_text(found.path, snippet)
    progress, typed = (
        build(Progress, value, Span(found.path, 1, 1)) if value is not None else (None, [])
    )
    messages = [p.message for p in problems + typed if p.is_error]
    if progress is None:
        return None, messages
    item = found.item.model_copy(update={"progress": [*found.item.progress, progress]})
    item.with_source(found.item.source)
    # The file had no errors before (record refuses otherwise), so whatever the item's rules
    # find now is about the new entry.
    target = checks.ItemIn(project, found.year, found.unit, item)
    messages += [p.message for p in checks.run(checks.Scope.ITEM, target) if p.is_error]
    return progress, list(dict.fromkeys(messages))


def _preflight(root: Path) -> None:
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


def _not_written(name: str, e: OSError) -> Refused:
    return Refused(
        [
            _(
                "không ghi được vào {name}: {why}; dữ liệu vẫn như cũ, chưa ghi gì. Hãy kiểm tra "
                "quyền ghi và chỗ trống trên ổ đĩa rồi chạy lại"
            ).format(name=name, why=atomic.reason(e))
        ]
    )


def record(
    root: Path,
    query: str,
    status: str,
    date: dt.date | None = None,
    *,
    note: str | None = None,
    reason: str | None = None,
    cause: str | None = None,
    approved_by: str | None = None,
    commit: bool = False,
) -> Recorded:
    if commit:
        _preflight(root)
    project, _problems = loader.load(root)
    found = find(project, query)
    entry = {
        "date": date or project.today,
        "status": status,
        "note": note,
        "reason": reason,
        "cause": cause,
        "approved_by": approved_by,
    }
    try:
        lock = locking.for_file(root, found.path)
    except OSError as e:
        raise _not_written(str(root), e) from None
    try:
        with locking.held(lock):
            return _record_locked(root, found, entry, commit)
    except locking.Busy:
        raise Refused(
            [
                _("tệp {name} đang được một lệnh khác ghi; hãy thử lại sau ít phút").format(
                    name=found.path.name
                )
            ]
        ) from None
    except OSError as e:
        raise _not_written(found.path.name, e) from None


def _record_locked(root: Path, found: Found, entry: dict[str, Any], commit: bool) -> Recorded:
    # Another `record` may have written since we loaded: read again under the lock.
    project, problems = pipeline.load_and_check(root, years=[found.year])
    # An unapproved change of sealed content (E121) is what an `adjusted` entry approves:
    # it must not stop the entry that resolves it.
    blocking = [p for p in problems if p.is_error and p.path == found.path and p.code != "E121"]
    if blocking:
        raise Refused(
            [
                _("tệp {name} đang có lỗi; hãy sửa trước (camket validate): {first}").format(
                    name=found.path.name, first=blocking[0].format()
                )
            ]
        )
    found = find(project, found.item.id)
    progress, messages = check_entry(project, found, entry)
    if messages:
        raise Refused(messages)
    assert progress is not None
    if found.item.progress and found.item.progress[-1].model_dump() == progress.model_dump():
        raise Refused(
            [
                _(
                    "mục tiến độ này đã được ghi cho '{id}' ({status}, ngày {date}); không ghi "
                    "lại lần thứ hai. Xem tệp {name}"
                ).format(
                    id=found.item.id,
                    status=progress.status,
                    date=progress.date.isoformat(),
                    name=found.path.name,
                )
            ]
        )
    data = found.path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    try:
        new_text = editing.insert_progress(text, found.item.id, entry)
    except editing.EditError as e:
        raise Refused([str(e)]) from None
    _verify(found, new_text, progress)
    edit = committing.Edit(
        found.path,
        data,
        (b"\xef\xbb\xbf" if bom else b"") + new_text.encode(),
        _rebase(
            found,
            entry,
            progress,
            seal.items_of(project.years[found.year].commitments)[found.item.id][0],
        ),
    )
    status_code = str(progress.status)
    if not commit:
        committing.write([edit])
        return Recorded(found.item.id, found.path, status_code, progress.date)
    message = f"camket: {found.item.id} → {status_code} ({progress.date.isoformat()})"
    try:
        sha = committing.write_and_commit(root, [edit], message)
    except git.GitError as e:
        raise Refused(
            [
                _(
                    "không commit được ({e}); tệp {name} vẫn như cũ, chưa ghi gì. Hãy sửa rồi "
                    "chạy lại"
                ).format(e=e, name=found.path.name)
            ]
        ) from None
    return Recorded(found.item.id, found.path, status_code, progress.date, sha)


def _rebase(
    found: Found, entry: dict[str, Any], progress: Progress, signed: seal.Signed
) -> committing.Rebase:
    """The entry made to another version of the file (the one in HEAD, the one in the index).

    A plain entry is inserted there as it was into the file. An approval (`adjusted` with
    `approved_by`) approves the item's signed content as committed with it: the item's lines
    as they are in the file now go into the commit with the entry, and the item's signed
    content there must be what it is now (a changed group title or unit must be committed
    first)."""
    approval = seal.is_approval(progress)

    def rebase(base: bytes | None, new: bytes) -> bytes:
        if base is None:
            raise ValueError(_("tệp chưa được commit"))
        bom = b"\xef\xbb\xbf" if base.startswith(b"\xef\xbb\xbf") else b""
        text = base.decode("utf-8-sig")
        try:
            if approval:
                out = editing.splice_item(text, new.decode("utf-8-sig"), found.item.id)
            else:
                out = editing.insert_progress(text, found.item.id, entry)
        except (editing.EditError, yaml.YAMLError) as e:
            raise ValueError(str(e)) from None
        _check_version(found, out, progress, signed if approval else None)
        return bom + out.encode()

    return rebase


def _check_version(found: Found, text: str, progress: Progress, signed: seal.Signed | None) -> None:
    """The committed version says what camket means: the entry is the item's last one, and an
    approval's item has the signed content it has now (`signed`)."""
    value, _problems = read_text(found.path, text)
    built = build(Commitments, value, Span(found.path, 1, 1))[0] if value is not None else None
    where = [
        (g.title, i)
        for g in (built.groups if built else [])
        for i in g.items
        if i.id == found.item.id
    ]
    last = where[0][1].progress[-1] if where and where[0][1].progress else None
    if last is None or last.model_dump() != progress.model_dump():
        raise ValueError(_("bản đã commit của tệp có lỗi hoặc khác cấu trúc"))
    if signed is not None and seal.signed(found.unit, *where[0]) != signed:
        raise ValueError(_("tên nhóm nhiệm vụ hoặc đơn vị của nội dung này chưa được commit"))


def _verify(found: Found, new_text: str, progress: Progress) -> None:
    """Never write what does not read back as the old file plus exactly this entry."""
    value, problems = read_text(found.path, new_text)
    built, typed = (
        build(Commitments, value, Span(found.path, 1, 1)) if value is not None else (None, [])
    )
    item = next((i for i in built.items() if i.id == found.item.id), None) if built else None
    ok = (
        item is not None
        and not [p for p in problems + typed if p.is_error]
        and len(item.progress) == len(found.item.progress) + 1
        and item.progress[-1].model_dump() == progress.model_dump()
    )
    if not ok:
        raise Refused(
            [
                _(
                    "không chèn được mục tiến độ vào {name} một cách an toàn; hãy thêm bằng tay"
                ).format(name=found.path.name)
            ]
        )
