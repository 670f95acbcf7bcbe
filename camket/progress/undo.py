"""`camket undo`: an item's last progress entry removed, the inverse of `camket record`.

The guarantees are record's: the file is edited under its lock, only when it has no errors of
its own; only the entry's own text goes (camket.progress.removing says which entries qualify:
those written as record writes them); the result is read back and must be the old file less
exactly that entry before a byte is written; the write is atomic; with `--commit` the same
removal is made to the committed version and written and committed together or not at all.

Refused, the file unchanged, when the item has no entry, when its last entry is not written as
camket writes one, and when the year is sealed and the entry is an approved adjustment
(`adjusted` with `approved_by`): that entry is what makes a change of the signed content
legitimate (checks/sealed_content.py); removing it would leave the change unexplained. A
mistyped decision is corrected in place (its approved_by: or reason:, committed), which keeps
it an approval of the same content; git keeps what it said before.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

from camket import checks, git, pipeline
from camket.i18n import _
from camket.problems import Span
from camket.progress import committing, entries, removing
from camket.progress.entries import Found, Refused
from camket.progress.record import find
from camket.reading import loader, seal
from camket.reading.building import build
from camket.reading.files import read_text
from camket.reading.models import Commitments, Item, Progress
from camket.reading.project import Project

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Undone:
    item_id: str
    path: Path
    entry: Progress  # the entry removed
    text: str  # its text as it was in the file
    commit: str | None = None


def undo(root: Path, query: str, *, commit: bool = False) -> Undone:
    """Remove the last progress entry of the item `query` names (an id or a unique prefix)."""
    if commit:
        entries.preflight(root)
    project, _problems = loader.load(root)
    found = find(project, query)
    with entries.locked(root, found.path):
        return _undo_locked(root, found, commit)


def _undo_locked(root: Path, found: Found, commit: bool) -> Undone:
    # Another command may have written since we loaded: read again under the lock.
    project, problems = pipeline.load_and_check(root, years=[found.year])
    entries.refuse_if_broken(problems, found.path)
    found = find(project, found.item.id)
    item, path = found.item, found.path
    if not item.progress:
        raise Refused(
            [
                _(
                    "'{id}' chưa có mục tiến độ nào nên không có gì để xóa; xem lịch sử thay "
                    "đổi của nội dung này: camket history {id}"
                ).format(id=item.id)
            ]
        )
    last = item.progress[-1]
    _refuse_approval(project, found, last)
    data = path.read_bytes()
    bom = BOM if data.startswith(BOM) else b""
    text = data.decode("utf-8-sig")
    try:
        new_text, removed = removing.remove_last(text, item.id)
    except removing.NotRemovable as e:
        line = last.span().line
        raise Refused(
            [
                _(
                    "mục tiến độ cuối của '{id}' ({file}, dòng {line}) không viết theo cách "
                    "camket ghi ({why}), nên camket không tự xóa để khỏi xóa nhầm; hãy mở tệp, "
                    "xóa mục đó bằng tay rồi chạy camket validate"
                ).format(id=item.id, file=path.name, line=line, why=e)
            ]
        ) from None
    except (removing.EditError, yaml.YAMLError) as e:
        raise Refused([str(e)]) from None
    _verify(found, text, new_text)
    _refuse_new_errors(project, found)
    change = committing.Edit(path, data, bom + new_text.encode(), _rebase(found, last))
    message = None
    if commit:
        _refuse_uncommitted(root, found, last)
        message = (
            f"camket: xóa mục tiến độ cuối của {item.id} ({last.status}, "
            f"{last.date.isoformat()})\n\nMục đã xóa:\n{textwrap.dedent(removed).strip()}\n"
        )
    sha = entries.write(root, change, message)
    return Undone(item.id, path, last, textwrap.dedent(removed).strip(), sha)


def _refuse_approval(project: Project, found: Found, last: Progress) -> None:
    sealed = project.years[found.year].seal
    if sealed is None or not seal.is_approval(last):
        return
    raise Refused(
        [
            _(
                "mục tiến độ cuối của '{id}' là quyết định điều chỉnh đã phê duyệt ({approved}, "
                "ngày {date}) và năm {year} đã niêm phong: mục này là căn cứ cho thay đổi nội "
                "dung đã ký, xóa nó thì thay đổi đó không còn được phê duyệt, nên camket không "
                "xóa. Nếu ghi nhầm số văn bản hay lý do, hãy sửa approved_by: hoặc reason: của "
                "mục đó ngay trong tệp {file} (dòng {line}) rồi commit; lịch sử git vẫn giữ bản "
                "cũ"
            ).format(
                id=found.item.id,
                approved=last.approved_by,
                date=last.date.isoformat(),
                year=found.year,
                file=found.path.name,
                line=last.span().line,
            )
        ]
    )


def _items(path: Path, text: str) -> tuple[Commitments | None, dict[str, Item]]:
    """The file as read (None when it has errors), and its items by id."""
    value, problems = read_text(path, text)
    built, typed = build(Commitments, value, Span(path, 1, 1)) if value is not None else (None, [])
    if built is None or [p for p in problems + typed if p.is_error]:
        return None, {}
    return built, {i.id: i for i in built.items()}


def _verify(found: Found, old: str, new: str) -> None:
    """Never write what does not read back as the old file less exactly that entry."""
    before, old_items = _items(found.path, old)
    after, new_items = _items(found.path, new)
    expected = dict(old_items)
    target = expected.get(found.item.id)
    ok = before is not None and after is not None and target is not None
    if ok:
        assert before is not None and after is not None and target is not None
        expected[found.item.id] = target.model_copy(update={"progress": target.progress[:-1]})
        ok = (
            (after.unit, after.year, after.head) == (before.unit, before.year, before.head)
            and [g.title for g in after.groups] == [g.title for g in before.groups]
            and {k: v.model_dump() for k, v in new_items.items()}
            == {k: v.model_dump() for k, v in expected.items()}
        )
    if not ok:
        raise Refused(
            [
                _(
                    "không xóa được mục tiến độ cuối của '{id}' khỏi {name} một cách an toàn; "
                    "hãy xóa bằng tay rồi chạy camket validate"
                ).format(id=found.item.id, name=found.path.name)
            ]
        )


def _refuse_new_errors(project: Project, found: Found) -> None:
    """The item's rules on the item without its last entry: the file had no errors before,
    so anything they find now comes from the removal."""
    item = found.item.model_copy(update={"progress": found.item.progress[:-1]})
    item.with_source(found.item.source)
    target = checks.ItemIn(project, found.year, found.unit, item)
    errors = [p.message for p in checks.run(checks.Scope.ITEM, target) if p.is_error]
    if errors:
        raise Refused(
            [
                _("xóa mục tiến độ cuối của '{id}' thì nội dung này có lỗi: {first}").format(
                    id=found.item.id, first=errors[0]
                )
            ]
        )


def _refuse_uncommitted(root: Path, found: Found, last: Progress) -> None:
    """With --commit, the entry must be in the last commit: otherwise there is nothing to
    commit, and removing it is a change of the file alone."""
    repo = git.repo(root)
    committed = git.show(root, "HEAD", repo.path(found.path)) if repo and repo.head else None
    _built, items = _items(found.path, committed.decode("utf-8-sig")) if committed else (None, {})
    there = items.get(found.item.id)
    if there is None or not there.progress or there.progress[-1].model_dump() != last.model_dump():
        raise Refused(
            [
                _(
                    "mục tiến độ cuối của '{id}' ({status}, ngày {date}) chưa được commit nên "
                    "không có gì để commit; bỏ --commit để chỉ xóa nó khỏi tệp: camket undo {id}"
                ).format(id=found.item.id, status=last.status, date=last.date.isoformat())
            ]
        )


def _rebase(found: Found, last: Progress) -> committing.Rebase:
    """The same removal made to another version of the file (HEAD's, the index's): that
    version's last entry of the item must be the same entry."""

    def rebase(base: bytes | None, _new: bytes) -> bytes:
        if base is None:
            raise ValueError(_("tệp chưa được commit"))
        bom = BOM if base.startswith(BOM) else b""
        text = base.decode("utf-8-sig")
        _built, items = _items(found.path, text)
        there = items.get(found.item.id)
        if (
            there is None
            or not there.progress
            or there.progress[-1].model_dump() != last.model_dump()
        ):
            raise ValueError(
                _("mục tiến độ cuối của '{id}' ở bản này khác với trong tệp").format(
                    id=found.item.id
                )
            )
        try:
            out, _removed = removing.remove_last(text, found.item.id)
        except (removing.EditError, yaml.YAMLError) as e:
            raise ValueError(str(e)) from None
        return bom + out.encode()

    return rebase
