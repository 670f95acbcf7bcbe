"""Judging a returned form against the data: each filled row an entry, a problem or a conflict.

Each filled row (`Tình trạng mới` not empty) is typed from the form's Vietnamese words and
checked by `record.check_entry`, the one check `camket record` makes; nothing here restates a
rule. What the form was made from (camket.progress.forms) tells what the unit saw:

- an item whose progress is what the form was made from takes the row's entry;
- an item that received another entry since (recorded by hand, or by another form) is a
  conflict, named with both entries: the form is refused, unless `force`, which appends the
  row's entry after the newer one when the rules allow it;
- an item whose later entries include the row's own entry was imported before: nothing is
  added (importing the same form twice adds nothing);
- a row whose locked cells were edited (its id or its text) is never applied to any item.

A problem is located at the cell a clerk opens (FILE!Tiến độ!F12): the status cell for what
the rules say about the entry, the date or cause cell when that cell could not be read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from camket.dates import trouble
from camket.i18n import _
from camket.progress import forms, returned
from camket.progress.entries import Checked, Found
from camket.progress.record import check_entry
from camket.reading import fields
from camket.reading.models import CAUSE_ALIASES, STATUS_WORDS, Cause, Progress, status_of
from camket.reading.project import Project

STATUS, DATE, NOTE, REASON, CAUSE = 5, 6, 7, 8, 9  # columns of the form


def _columns() -> dict[str, str]:
    """The form's columns for the entry's fields, as messages about a row name them."""
    where = {"date": DATE, "note": NOTE, "reason": REASON, "cause": CAUSE}
    return fields.columns({key: forms.HEADERS[column] for key, column in where.items()})


CAUSE_CODES = frozenset(c.value for c in Cause)


@dataclass(frozen=True)
class Issue:
    """A problem of a form: where (FILE!Tiến độ!F12, or the file), the item, what to do."""

    where: str
    item: str
    message: str


@dataclass
class Outcome:
    """What became of one form."""

    path: Path
    form: returned.Form | None = None
    filled: int = 0
    checked: list[Checked] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # items that have the row's entry
    problems: list[Issue] = field(default_factory=list)
    conflicts: list[Issue] = field(default_factory=list)
    notes: list[Issue] = field(default_factory=list)  # reported, refusing nothing
    refused_rows: set[int] = field(default_factory=set)
    commit: str | None = None

    @property
    def refused(self) -> bool:
        return bool(self.problems or self.conflicts)

    @property
    def unit(self) -> str:
        return self.form.unit if self.form else ""


def _date(value: Any) -> dt.date | None:
    """A date cell as read: a date (the reader turns a date cell's number of days into one), or
    a text typed in it (30/9/2020, 2020-09-30)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    written = returned.text(value)
    from camket.vn import parse_date

    for parse in (parse_date, lambda t: dt.datetime.fromisoformat(t).date()):
        try:
            return parse(written)
        except ValueError:
            continue
    return None


def _cause(value: Any) -> str | None:
    written = returned.text(value)
    if not written:
        return None
    folded = written.casefold()
    if folded in CAUSE_ALIASES:
        return str(CAUSE_ALIASES[folded])
    return folded if folded in CAUSE_CODES else written


def index_of(project: Project) -> dict[str, Found]:
    """Every loaded item by its id (ids are unique in the data folder: rule E108)."""
    return {
        item.id: Found(year, unit, data.files[unit], item)
        for year, data in project.years.items()
        for unit, c in data.commitments.items()
        for item in c.items()
    }


def _shown(p: Progress) -> str:
    return _("'{status}' ngày {date}").format(
        status=STATUS_WORDS[p.status], date=p.date.strftime("%d/%m/%Y")
    )


def judge(project: Project, index: dict[str, Found], form: returned.Form, force: bool) -> Outcome:
    """The form's entries, problems and conflicts, against the data as loaded; writes nothing."""
    out = Outcome(form.path, form)
    seen: set[str] = set()
    for row in form.rows:
        filled = bool(returned.text(row.status))
        out.filled += filled
        problems = _row(project, index, form, row, force, out, seen) if filled else []
        if not filled:
            out.notes += _locked(form, row)
        out.problems += problems
        if problems:
            out.refused_rows.add(row.number)
    return out


def _locked(form: returned.Form, row: returned.Row) -> list[Issue]:
    """A row whose locked cells no longer say what the form said."""
    made = form.made.get(row.item)
    if made is None:
        return [
            Issue(
                form.cell(0, row.number),
                row.item,
                _(
                    "mã nội dung ở dòng này không có trong phiếu gốc (ô khóa đã bị sửa, hoặc dòng "
                    "được thêm vào); dòng này không được nhập cho nội dung nào. Hãy trả lại mã như "
                    "phiếu gốc"
                ),
            )
        ]
    if forms.text_print(row.text) != made.text:
        return [
            Issue(
                form.cell(2, row.number),
                row.item,
                _(
                    "nội dung cam kết ở dòng này khác phiếu gốc (ô khóa đã bị sửa); dòng này "
                    "không được nhập. Hãy trả lại nội dung như phiếu gốc"
                ),
            )
        ]
    return []


def _row(
    project: Project,
    index: dict[str, Found],
    form: returned.Form,
    row: returned.Row,
    force: bool,
    out: Outcome,
    seen: set[str],
) -> list[Issue]:
    locked = _locked(form, row)
    if locked:
        return locked
    at = form.cell(STATUS, row.number)
    if row.item in seen:
        return [
            Issue(
                form.cell(0, row.number),
                row.item,
                _("nội dung này có hai dòng trong phiếu; hãy chỉ điền một dòng"),
            )
        ]
    seen.add(row.item)
    found = index.get(row.item)
    if found is None or found.unit != form.unit or found.year != form.year:
        return [
            Issue(
                at,
                row.item,
                _(
                    "nội dung này không còn trong bản cam kết năm {year} của đơn vị '{unit}'; hãy "
                    "hỏi lại Văn phòng, hoặc lập phiếu mới (camket forms)"
                ).format(year=form.year, unit=form.unit),
            )
        ]
    date = _date(row.date) if returned.text(row.date) else form.period.end
    if date is None:
        written = returned.text(row.date)
        slip = trouble(written, iso_only=False)
        message = (
            _("ô Ngày {slip}").format(slip=slip)
            if slip
            else _(
                "ô Ngày '{value}' không phải một ngày; hãy ghi dạng ngày/tháng/năm, ví dụ {example}"
            ).format(value=written, example=form.period.end.strftime("%d/%m/%Y"))
        )
        return [Issue(form.cell(DATE, row.number), row.item, message)]
    word = returned.text(row.status)
    status = status_of(word)
    cause = _cause(row.cause)
    entry = {
        "date": date,
        "status": str(status) if status else word,
        "note": returned.text(row.note) or None,
        "reason": returned.text(row.reason) or None,
        "cause": cause,
        "approved_by": None,
    }
    progress, messages = check_entry(project, found, entry, _columns())
    if progress is None:
        bad_cause = cause is not None and cause not in CAUSE_CODES
        where = form.cell(CAUSE if bad_cause and status else STATUS, row.number)
        return [Issue(where, row.item, m) for m in messages]
    made = form.made[row.item]
    history = found.item.progress
    if forms.fingerprint(history) != made.fingerprint:
        before = history[: made.entries]
        later = [p.model_dump() for p in history[made.entries :]]
        if forms.fingerprint(before) == made.fingerprint and progress.model_dump() in later:
            out.already.append(row.item)
            return []
        newer = history[-1] if history else None
        conflict = Issue(
            at,
            row.item,
            _(
                "xung đột: từ khi lập phiếu, nội dung này đã có mục tiến độ {newer}; phiếu ghi "
                "{mine}. Hãy đối chiếu với đơn vị rồi ghi bằng camket record, hoặc nhập lại với "
                "--force để ghi tiếp sau mục đó"
            ).format(newer=_shown(newer) if newer else _("(đã bị xóa)"), mine=_shown(progress)),
        )
        if not force:
            out.conflicts.append(conflict)
            out.refused_rows.add(row.number)
            return []
        out.notes.append(conflict)
    if messages:
        return [Issue(at, row.item, m) for m in messages]
    if history and history[-1].model_dump() == progress.model_dump():
        out.already.append(row.item)
        return []
    out.checked.append(Checked(found, entry, progress))
    return []
