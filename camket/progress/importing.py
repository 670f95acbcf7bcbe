"""`camket import`: returned progress forms applied to the data, each whole or not at all.

Each filled row of a form (`Tình trạng mới` not empty) becomes a progress entry, checked by
`record.check_entry`, the one check `camket record` makes, and written by the same write path
(camket.progress.entries): a form's entries are inserted into its unit's file in one atomic
write under the file's lock, and with `--commit` committed in one commit per unit, both or
neither. So import writes exactly the bytes `record` would have written for the same entries.

A form is refused whole when any of its rows has a problem, so a unit's report is never half
applied; the other forms are applied all the same. What the form was made from (camket.progress
.forms) tells what the unit saw:

- an item whose progress is what the form was made from takes the row's entry;
- an item that received another entry since (recorded by hand, or by another form) is a
  conflict: the form is refused, unless `--force`, which appends the row's entry after it when
  the rules allow;
- an item whose later entries include the row's own entry was imported before: nothing is added,
  and the summary says so (importing the same form twice adds nothing);
- a row whose locked cells were edited (its id or its text) is never applied to any item.

Loading the data once for all the forms keeps a quarter's 59 forms fast; a file that changed
since it was loaded (another command, or an earlier form of this run for the same unit) is
read again, under its lock, before the form is judged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from camket import git, pipeline
from camket.i18n import _
from camket.problems import Problem
from camket.progress import entries, forms, returned
from camket.progress.entries import Checked, Found, Refused
from camket.progress.record import check_entry
from camket.reading import folder
from camket.reading.models import CAUSE_ALIASES, STATUS_WORDS, Cause, Progress, status_of
from camket.reading.project import Project

STATUS, DATE, CAUSE = 5, 6, 9


@dataclass(frozen=True)
class Issue:
    """A problem of a form: where (FILE!Tiến độ!F12, or the file), the item, what to do."""

    where: str
    item: str
    message: str

    def format(self) -> str:
        return (
            f"{self.where}: {self.item}: {self.message}"
            if self.item
            else (f"{self.where}: {self.message}")
        )


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
    written: bool = False
    commit: str | None = None

    @property
    def refused(self) -> bool:
        return bool(self.problems or self.conflicts)

    @property
    def unit(self) -> str:
        return self.form.unit if self.form else ""


def _date(value: Any) -> dt.date | None:
    """A date cell as any program saves it: a date, a serial number, or a typed text."""
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
    return str(Cause(folded)) if folded in Cause._value2member_map_ else written


def _index(project: Project) -> dict[str, Found]:
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
        return [
            Issue(
                form.cell(DATE, row.number),
                row.item,
                _(
                    "ô Ngày '{value}' không phải một ngày; hãy ghi dạng ngày/tháng/năm, ví dụ "
                    "{example}"
                ).format(
                    value=returned.text(row.date), example=form.period.end.strftime("%d/%m/%Y")
                ),
            )
        ]
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
    progress, messages = check_entry(project, found, entry)
    if progress is None:
        bad_cause = cause is not None and cause not in Cause._value2member_map_
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


def identity(project: Project, form: returned.Form) -> list[Issue]:
    """Whether the form belongs to this data folder at all."""
    where = str(form.path)
    body = project.settings.body if project.settings else ""
    if form.body and body and form.body != body:
        return [
            Issue(
                where,
                "",
                _(
                    "phiếu này lập cho {theirs}, không phải cho {ours} (thư mục dữ liệu này); hãy "
                    "nhập vào đúng thư mục dữ liệu"
                ).format(theirs=form.body, ours=body),
            )
        ]
    data = project.years.get(form.year)
    if data is None:
        return [
            Issue(
                where,
                "",
                _("thư mục dữ liệu chưa có năm {year}; phiếu này là của năm {year}").format(
                    year=form.year
                ),
            )
        ]
    if form.unit not in data.commitments:
        return [
            Issue(
                where,
                "",
                _(
                    "năm {year} không có bản cam kết (đọc được) của đơn vị '{unit}'; hãy kiểm tra "
                    "bằng camket validate"
                ).format(year=form.year, unit=form.unit),
            )
        ]
    return []


def message(form: returned.Form, project: Project, checked: list[Checked]) -> str:
    """One commit per unit: its subject names the unit and the period, its body the entries."""
    unit = project.units[form.unit].name if form.unit in project.units else form.unit
    lines = [
        f"camket: tiến độ {form.period.words} của {unit} ({form.unit}), {len(checked)} mục",
        "",
        *(
            f"{c.found.item.id} → {c.progress.status} ({c.progress.date.isoformat()})"
            for c in checked
        ),
        "",
        f"Từ phiếu: {form.path.name}",
    ]
    return "\n".join(lines)


def run(
    root: Path,
    paths: list[Path],
    *,
    dry_run: bool = False,
    commit: bool = False,
    force: bool = False,
    advance: Callable[[], None] = lambda: None,
) -> list[Outcome]:
    """Every form judged, and the good ones applied, in the order given."""
    if commit and not dry_run:
        entries.preflight(root)
    outcomes: list[Outcome] = []
    read: list[tuple[Outcome, returned.Form]] = []
    for path in paths:
        out = Outcome(path)
        try:
            read.append((out, returned.read(path)))
        except returned.Unreadable as e:
            out.problems.append(Issue(str(path), "", str(e)))
            advance()
        outcomes.append(out)
    years = sorted({f.year for _o, f in read} & set(dict(folder.year_folders(root))))
    loaded = _Loaded(root, years)
    for out, form in read:
        out.form = form
        try:
            _one(root, loaded, out, form, dry_run=dry_run, commit=commit, force=force)
        except Refused as e:
            out.problems += [Issue(str(form.path), "", m) for m in e.messages]
            out.checked = []
        advance()
    return outcomes


class _Loaded:
    """The data as loaded once, and the bytes of each file it was loaded from."""

    def __init__(self, root: Path, years: list[int]) -> None:
        self.root, self.years = root, years
        self.commits: dict[str, bool | None] = {}
        self.reload()

    def reload(self) -> None:
        bytes_before = {p: p.read_bytes() for p in self._files()}
        self.project, self.problems = pipeline.load_and_check(self.root, self.years)
        self.bytes: dict[Path, bytes] = bytes_before
        self.index = _index(self.project)

    def _files(self) -> list[Path]:
        out = []
        for year, year_dir in folder.year_folders(self.root):
            if year in self.years:
                out += folder.year_files(year, year_dir).commitments
        return out

    def current(self, path: Path) -> None:
        """Read the data again if the file changed since it was loaded (under its lock)."""
        try:
            now = path.read_bytes()
        except OSError:
            now = None
        if now != self.bytes.get(path):
            self.reload()

    def known(self, commit: str) -> bool | None:
        if commit not in self.commits:
            self.commits[commit] = known_commit(self.root, commit)
        return self.commits[commit]

    def broken(self, path: Path) -> list[Problem]:
        return [p for p in self.problems if p.path == path]


def _one(root: Path, loaded: _Loaded, out: Outcome, form: returned.Form, **how: bool) -> None:
    out.problems += identity(loaded.project, form)
    if out.problems:
        return
    if loaded.known(form.commit) is False:
        out.notes.append(
            Issue(
                str(form.path),
                "",
                _(
                    "phiếu được lập từ commit {sha}, không có trong kho git của thư mục dữ liệu "
                    "này; hãy kiểm tra phiếu có đúng của cơ quan mình không"
                ).format(sha=form.commit[:12]),
            )
        )
    path = loaded.project.years[form.year].files[form.unit]
    if how["dry_run"]:
        _judge(loaded, out, form, path, how["force"])
        return
    with entries.locked(root, path):
        loaded.current(path)
        _judge(loaded, out, form, path, how["force"])
        if out.refused or not out.checked:
            return
        change = entries.edit(loaded.project, out.checked)
        text = message(form, loaded.project, out.checked) if how["commit"] else None
        out.commit = entries.write(root, change, text)
        out.written = True


def _judge(loaded: _Loaded, out: Outcome, form: returned.Form, path: Path, force: bool) -> None:
    entries.refuse_if_broken(loaded.broken(path), path)
    judged = judge(loaded.project, loaded.index, form, force)
    for name in ("filled", "checked", "already", "problems", "conflicts", "notes", "refused_rows"):
        setattr(out, name, getattr(judged, name))


def known_commit(root: Path, commit: str) -> bool | None:
    """Whether the data's repository has the commit a form was made from (None: no git)."""
    if not commit:
        return None
    try:
        git.run(root, "cat-file", "-e", f"{commit}^{{commit}}")
    except git.GitError:
        return False if git.repo(root) is not None else None
    return True
