"""`camket record`: one progress entry appended to one item, checked, atomic, locked.

The entry is checked with the same rules as `validate` before anything is written: its fields
are typed by the same model (camket.reading.models.Progress), and the item, with the entry
added, goes through the same rule modules; the same entry as the item's last one is a duplicate,
and so is a second `done` on the day of the last one (`camket undo` corrects a wrong one); an
`adjusted` entry needs a change of signed content to approve. A refused entry changes nothing.
With `--commit`, git's preconditions are checked before anything is written too, and the entry
is written and committed together or not at all (camket.progress.committing): only the lines
camket wrote are committed. The writing itself is camket.progress.entries, shared with
`camket import`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from camket import checks, pipeline
from camket.checks.sealed_content import year_changes
from camket.i18n import _
from camket.problems import Span
from camket.progress import editing, entries
from camket.progress.entries import Found, Refused
from camket.reading import fields, loader, seal
from camket.reading.building import build
from camket.reading.files import read_text
from camket.reading.models import Progress, Status
from camket.reading.project import Project

__all__ = ["Found", "Recorded", "Refused", "check_entry", "find", "record"]


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
    indicators: dict[str, list[str]] = {}
    for year, data in sorted(project.years.items()):
        for i in data.config.indicators if data.config else ():
            indicators.setdefault(i.id, []).append(str(year))
    if query in indicators:  # `record INDICATOR STATUS`: a status is no indicator's value
        raise Refused(
            [
                _(
                    "'{q}' là mã chỉ tiêu (năm {years}), không phải nội dung cam kết: giá trị "
                    "ghi cho chỉ tiêu là một số, ví dụ: camket record {q} 730,223"
                ).format(q=query, years=", ".join(dict.fromkeys(indicators[query])))
            ]
        )
    known = [f.item.id for f in everything] + list(indicators)
    guesses = difflib.get_close_matches(query, known, n=3)
    hint = _("; có phải ý bạn là: {g}?").format(g=", ".join(guesses)) if guesses else ""
    raise Refused(
        [_("không có nội dung cam kết hay chỉ tiêu nào mã '{q}'{hint}").format(q=query, hint=hint)]
    )


def check_entry(
    project: Project,
    found: Found,
    entry: dict[str, Any],
    names: Mapping[str, str] = fields.OPTIONS,
) -> tuple[Progress | None, list[str]]:
    """Type the entry as the loader would, then run the item rules on the item with it added:
    (the typed entry or None, the messages refusing it). Used by `record` and by the import of
    the quarterly forms, so both accept exactly the same entries; the messages call the
    entry's fields by `names`, where the clerk gave them (record's options by default)."""
    with fields.named(names):
        return _check_entry(project, found, entry)


def _check_entry(
    project: Project, found: Found, entry: dict[str, Any]
) -> tuple[Progress | None, list[str]]:
    snippet = "\n".join(f"{k}: {v}" for k, v in editing.entry_fields(entry)) + "\n"
    value, problems = read_text(found.path, snippet)
    progress, typed = (
        build(Progress, value, Span(found.path, 1, 1)) if value is not None else (None, [])
    )
    messages = [p.message for p in problems + typed if p.is_error]
    if progress is None or messages:  # an entry is written exactly as given, or not at all
        return None, messages
    item = found.item.model_copy(update={"progress": [*found.item.progress, progress]})
    item.with_source(found.item.source)
    # The file had no errors before (record refuses otherwise), so whatever the item's rules
    # find now is about the new entry.
    target = checks.ItemIn(project, found.year, found.unit, item)
    messages += [p.message for p in checks.run(checks.Scope.ITEM, target) if p.is_error]
    return progress, list(dict.fromkeys(messages))


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
        entries.preflight(root)
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
    with entries.locked(root, found.path):
        return _record_locked(root, found, entry, commit)


def _record_locked(root: Path, found: Found, entry: dict[str, Any], commit: bool) -> Recorded:
    # Another `record` may have written since we loaded: read again under the lock.
    project, problems = pipeline.load_and_check(root, years=[found.year])
    entries.refuse_if_broken(problems, found.path)
    found = find(project, found.item.id)
    progress, messages = check_entry(project, found, entry)
    if messages:
        raise Refused(messages)
    assert progress is not None
    _refuse_done_twice(found, progress)
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
    if progress.status is Status.ADJUSTED:
        _refuse_adjusted_without_change(project, found)
    change = entries.edit(project, [entries.Checked(found, entry, progress)])
    status_code = str(progress.status)
    message = None
    if commit:
        message = f"camket: {found.item.id} → {status_code} ({progress.date.isoformat()})"
    sha = entries.write(root, change, message)
    return Recorded(found.item.id, found.path, status_code, progress.date, sha)


def _refuse_done_twice(found: Found, progress: Progress) -> None:
    """A second `done` on the day the item was last recorded done: the first one stands; a
    mistaken one is corrected with `camket undo`, not by writing another after it."""
    last = found.item.progress[-1] if found.item.progress else None
    if last is None or not (progress.status is last.status is Status.DONE):
        return
    if last.date != progress.date:
        return
    raise Refused(
        [
            _(
                "'{id}' đã được ghi hoàn thành ngày {date} (mục tiến độ cuối); không ghi hoàn "
                "thành lần thứ hai trong cùng ngày. Nếu mục đó ghi sai (ghi chú, lý do…), hãy xóa "
                "nó bằng lệnh: camket undo {id}, rồi ghi lại"
            ).format(id=found.item.id, date=progress.date.isoformat())
        ]
    )


def _refuse_adjusted_without_change(project: Project, found: Found) -> None:
    """`adjusted` records the decision that allowed a change of the item's signed content
    (unit, task group, text, due date, indicator); record itself changes no content: the clerk
    edits the file, then records the decision. So an `adjusted` entry is refused when there is
    no change for it to approve: the year is sealed and the item's signed content, as validate
    compares it (E121, camket.checks.sealed_content), is what was sealed or what the item's
    latest approval already covers. In a year not sealed there is no signed content to compare
    with (validate compares none), and the entry is taken as the clerk gives it."""
    data = project.years[found.year]
    if data.seal is None or data.seal.tag_problem == "unreadable":
        return
    if any(c.item_id == found.item.id for c in year_changes(data) if c.kind != "removed"):
        return
    approvals = [e for e in found.item.progress if seal.is_approval(e)]
    if approvals:
        since = _("lúc ghi quyết định điều chỉnh ngày {date}").format(
            date=approvals[-1].date.isoformat()
        )
    else:
        since = _("lúc niêm phong ngày {date}").format(date=data.seal.sealed_on_text)
    raise Refused(
        [
            _(
                "nội dung đã ký của '{id}' (lời văn, thời hạn, chỉ tiêu, nhóm nhiệm vụ, đơn vị) "
                "không thay đổi so với {since}, nên không có gì để ghi điều chỉnh. Mục "
                "'adjusted' ghi quyết định cho phép sửa nội dung đã ký: hãy sửa nội dung hoặc "
                "thời hạn trong tệp {name} theo văn bản trước, rồi ghi lại lệnh này; nếu chỉ "
                "là tiến độ, hãy ghi trạng thái khác (in_progress, done…)"
            ).format(id=found.item.id, since=since, name=found.path.name)
        ]
    )
