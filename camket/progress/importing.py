"""`camket import`: returned progress forms applied to the data, each whole or not at all.

Each form is read (camket.progress.returned), judged (camket.progress.judging: every filled row
through `record.check_entry`, the check `camket record` makes), and, when nothing in it is
wrong, written through record's own write path (camket.progress.entries): the form's entries
inserted into its unit's file in one atomic write under the file's lock, and with `--commit`
committed in one commit per unit, both or neither. So import writes exactly the bytes `record`
would have written for the same entries. A form with any problem is refused whole, so a unit's
report is never half applied; the other forms are applied all the same.

The data is loaded once for all the forms, which keeps a quarter's 59 forms fast; a file that
changed since it was loaded (another command, or an earlier form of this run for the same unit)
is read again, under its lock, before its form is judged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from camket import git, pipeline
from camket.i18n import _
from camket.problems import Problem
from camket.progress import entries, returned
from camket.progress.entries import Checked, Refused
from camket.progress.judging import Issue, Outcome, index_of, judge
from camket.reading import folder
from camket.reading.project import Project


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
    if not read:
        return outcomes
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
        self.index = index_of(self.project)

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
