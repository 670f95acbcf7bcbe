"""`camket seal YEAR`: commit the year as it stands, with its seal.yaml, and tag the commit.

Preconditions come first, and nothing is written while one fails: a git repository with an
identity and no merge or rebase half done; a year without errors; no uncommitted change in
the year's folder (what is sealed is what is committed, so the clerk commits their own edits
under their own message first). Then YEAR/seal.yaml (a record for people) is written and
committed alone, its message carrying the trailers camket.reading.anchor reads back, and the
commit is tagged `cam-ket-YEAR` with an annotated tag (git signs it when `tag.gpgSign` is set). The
commit and the tag are made together or not at all (camket.progress.committing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from camket import atomic, git, pipeline
from camket.errors import CamketError
from camket.git import writing
from camket.i18n import _
from camket.problems import Problem
from camket.progress import committing, locking
from camket.reading import folder, seal

# Errors a re-seal (--force) resolves: the changes it accepts, and a tag it replaces.
_RESOLVED_BY_FORCE = ("E121", "E123")


class Refused(CamketError):
    """Nothing was sealed; `messages` say why (and `problems` are the year's errors)."""

    def __init__(self, messages: list[str], problems: list[Problem] | None = None) -> None:
        super().__init__(*messages)
        self.problems = problems or []


@dataclass(frozen=True)
class Sealed:
    year: int
    count: int
    sealed_on: dt.date
    commit: str
    tag: str
    record: Path


def _tag_step(root: Path, name: str, text: str) -> Callable[[str], Callable[[], None]]:
    """Tagging, as the step that belongs to the seal commit, and how to undo it."""

    def step(commit: str) -> Callable[[], None]:
        old = git.tags(root, name).get(name)
        writing.tag(root, name, commit, text, force=old is not None)

        def undo() -> None:
            if old is None:
                writing.delete_tag(root, name)
            else:
                writing.restore_tag(root, name, old.object)

        return undo

    return step


def _preflight(root: Path) -> git.Repo:
    try:
        return git.preflight(root)
    except git.GitError as e:
        if e.kind == "no-repo":
            raise Refused(
                [
                    _(
                        "niêm phong cần một kho git: nội dung đã ký được giữ trong git, ở một "
                        "thẻ (tag) mà máy chủ bảo vệ, không trong một tệp ai cũng sửa được. Hãy "
                        'tạo kho rồi chạy lại: git init && git add . && git commit -m "Dữ liệu"'
                    )
                ]
            ) from None
        raise Refused([_("không niêm phong được: {e}").format(e=e)]) from None


def make(root: Path, year: int, sealed_on: dt.date, force: bool = False) -> Sealed:
    repo = _preflight(root)
    project, problems = pipeline.load_and_check(root, years=[year])
    data = project.years[year]
    if data.seal is not None and not force:
        raise Refused(
            [
                _(
                    "năm {year} đã niêm phong ngày {date}; dùng --check để xem, hoặc --force để "
                    "niêm phong lại (khi đã có quyết định)"
                ).format(year=year, date=data.seal.sealed_on_text)
            ]
        )
    if data.seal_record is not None and not force:
        raise Refused(
            [
                _(
                    "năm {year} có tệp seal.yaml nhưng chưa niêm phong trong git; dùng --force để "
                    "niêm phong lại trong git (nội dung hiện tại sẽ là nội dung đã ký)"
                ).format(year=year)
            ]
        )
    errors = [p for p in problems if p.is_error and p.code not in _RESOLVED_BY_FORCE]
    if errors:
        raise Refused(
            [_("năm {year} còn lỗi; hãy sửa các lỗi trên rồi niêm phong").format(year=year)],
            errors,
        )
    pending = git.status(root, f"{repo.prefix}{year}")
    if pending:
        shown = ", ".join(pending[:5]) + (" …" if len(pending) > 5 else "")
        raise Refused(
            [
                _(
                    "năm {year} còn thay đổi chưa commit ({files}); nội dung niêm phong là nội "
                    'dung đã commit: hãy commit trước (git add -A && git commit -m "…") rồi '
                    "niêm phong"
                ).format(year=year, files=shown)
            ]
        )
    path = data.folder / folder.SEAL
    count = len(seal.items_of(data.commitments))
    text = seal.record_text(data.commitments, year, sealed_on)
    message = seal.message(year, sealed_on, repo.prefix.rstrip("/"), count)
    name = seal.tag_name(year)
    old = path.read_bytes() if path.is_file() else None
    try:
        commit = committing.write_and_commit(
            root,
            [committing.Edit(path, old, text.encode())],
            message,
            then=_tag_step(root, name, message),
        )
    except git.GitError as e:
        raise Refused(
            [_("không niêm phong được ({e}); dữ liệu và kho git vẫn như cũ").format(e=e)]
        ) from None
    except locking.Busy:
        raise Refused([_("một lệnh camket khác đang commit; hãy thử lại sau ít phút")]) from None
    except OSError as e:
        raise Refused(
            [
                _(
                    "không ghi được vào thư mục dữ liệu: {why}; dữ liệu vẫn như cũ, chưa niêm "
                    "phong. Hãy kiểm tra quyền ghi và chỗ trống trên ổ đĩa rồi chạy lại"
                ).format(why=atomic.reason(e))
            ]
        ) from None
    return Sealed(year, count, sealed_on, commit, name, path)
