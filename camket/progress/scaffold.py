"""`camket init`: a new data folder that validates at once, or a new year from the last one.

Everything a clerk needs on day one is written here: commented settings, one block and one unit
to copy, the year's files, a Vietnamese README, git and editor configuration. Every file goes
through the atomic writer.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from camket import atomic, git
from camket.errors import CamketError
from camket.examples import (
    EXAMPLE_COLLECTIVE,
    EXAMPLE_REPORT_SIGNER,
    EXAMPLE_SHEET_SIGNER,
    EXAMPLE_THEME,
    EXAMPLE_UNIT,
    EXAMPLE_UNIT_NAME,
)
from camket.i18n import _
from camket.progress import starter
from camket.progress.starter import (
    CAMKET_YAML,
    COMMITMENTS_YAML,
    GITATTRIBUTES,
    GITIGNORE,
    PRE_COMMIT,
    README,
    SCHEMA_DIR,
    UNITS_YAML,
    YEAR_YAML,
    report_comment,
)
from camket.reading import schema
from camket.reading.models import Status
from camket.reading.project import Project


class InitError(CamketError):
    """The folder cannot be made; the message says why."""


@dataclass
class Made:
    root: Path
    files: list[Path] = field(default_factory=list)
    commit: str | None = None
    new: Path | None = None  # the outermost folder init creates; None when root was there


def _write(made: Made, rel: str, text: str) -> None:
    path = made.root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(path, text)
    made.files.append(path)


def write_schemas(made: Made) -> None:
    for kind in ("camket", "units", "year", "commitments"):
        _write(made, f"{SCHEMA_DIR}/{kind}.schema.json", schema.text(kind))


# A year is a four-digit folder name (camket.reading.folder) and a date: anything else is a typo.
YEARS = range(1900, 3000)


def check_year(year: int) -> None:
    if year not in YEARS:
        raise InitError(
            _("năm {year} không hợp lệ; hãy ghi năm bằng bốn chữ số, từ {first} đến {last}").format(
                year=year, first=YEARS[0], last=YEARS[-1]
            )
        )


def _require_empty(root: Path) -> None:
    """A new data folder is made in a new or empty folder, never over someone's files."""
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise InitError(
            _("thư mục '{root}' đã có tệp; hãy chọn một thư mục mới hoặc trống").format(root=root)
        )


def _require_identity(root: Path) -> None:
    """init commits what it writes, under the clerk's name; without one nothing is written
    (where git is not installed, the folder is made without a repository)."""
    if not git.available():
        return
    where = root.absolute()
    existing = next(p for p in (where, *where.parents) if p.is_dir())
    try:
        git.require_identity(existing, where / ".git")
    except git.GitError as e:
        raise InitError(_("chưa tạo thư mục dữ liệu: {e}").format(e=e)) from None


def new_folder(
    root: Path, year: int, today: dt.date, commit: bool = True, ci: str = "gitlab"
) -> Made:
    check_year(year)
    _require_empty(root)
    if commit:
        _require_identity(root)
    made = Made(root, new=_outermost_new(root))
    signed = dt.date(year, 2, 20) if dt.date(year, 2, 20) <= today else dt.date(year, 1, 1)
    _write(
        made,
        "camket.yaml",
        CAMKET_YAML.format(
            modeline=starter.modeline("camket", 0),
            report_signer=EXAMPLE_REPORT_SIGNER,
            sheet_signer=EXAMPLE_SHEET_SIGNER,
        ),
    )
    _write(
        made,
        "units.yaml",
        UNITS_YAML.format(
            modeline=starter.modeline("units", 0),
            year=year,
            unit=EXAMPLE_UNIT,
            unit_name=EXAMPLE_UNIT_NAME,
            collective=EXAMPLE_COLLECTIVE,
        ),
    )
    _write(
        made,
        f"{year}/year.yaml",
        YEAR_YAML.format(
            modeline=starter.modeline("year", 1),
            year=year,
            theme=EXAMPLE_THEME.format(year=year),
            signed=signed.isoformat(),
            report=report_comment(["dia-phuong"]),
        ),
    )
    _write(
        made,
        f"{year}/commitments/{EXAMPLE_UNIT}.yaml",
        COMMITMENTS_YAML.format(
            modeline=starter.modeline("commitments", 2),
            year=year,
            unit=EXAMPLE_UNIT,
            head=EXAMPLE_REPORT_SIGNER,
        ),
    )
    _extras(made, ci)
    if commit:
        made.commit = _git_init(made)
    return made


def _extras(made: Made, ci: str = "gitlab") -> None:
    """What a data folder needs besides its data: the clerk's README, git, CI and editor
    files (camket.progress.ci)."""
    from camket.progress import ci as pipelines

    for rel, text in pipelines.files(ci):
        _write(made, rel, text)
    _write(made, "README.md", README)
    _write(made, ".gitignore", GITIGNORE)
    _write(made, ".gitattributes", GITATTRIBUTES)
    _write(made, ".pre-commit-config.yaml", PRE_COMMIT)
    _write(made, ".vscode/settings.json", starter.vscode())
    write_schemas(made)


def _git_init(made: Made) -> str | None:
    """git init and a first commit of the files camket wrote (nothing else is staged), when
    git is there. A new folder is committed whole or not made at all: when git refuses (a hook,
    a signing key it cannot use), what init made is removed and git's words are shown."""
    root = made.root
    if not git.available():
        return None
    try:
        git.run(root, "init", "-q")
        git.run(root, "add", "--", *(str(p.relative_to(root)) for p in made.files))
        git.run(root, "commit", "-q", "-m", "camket init: thư mục dữ liệu mới")
        return git.run(root, "rev-parse", "HEAD").strip()
    except git.GitError as e:
        _undo(made)
        raise InitError(
            _(
                "git không tạo được commit đầu tiên ({e}); chưa tạo thư mục dữ liệu. Hãy sửa "
                "điều git báo rồi chạy lại"
            ).format(e=e)
        ) from None


def _outermost_new(root: Path) -> Path | None:
    new = None
    for folder in (root, *root.parents):
        if folder.exists():
            break
        new = folder
    return new


def _undo(made: Made) -> None:
    """Remove everything init made: the folder was new or empty (`_require_empty`), so all
    that is in it now is init's. git makes its objects read-only, which Windows will not
    delete until they are writable again."""

    def writable(function: Any, path: str, _info: Any) -> None:
        os.chmod(path, stat.S_IWRITE)
        function(path)

    if made.new is not None:
        shutil.rmtree(made.new, onerror=writable)
        return
    for child in made.root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, onerror=writable)
        else:
            child.unlink()


def _unfinished(project: Project, year: int) -> dict[str, list[tuple[str, object]]]:
    """unit -> [(group title, item)] of the items not done by the end of `year`."""
    from camket.counting.tally import tally

    t = tally(project, year, dt.date(year, 12, 31))
    out: dict[str, list[tuple[str, object]]] = {}
    titles = {
        item.id: group.title
        for c in project.years[year].commitments.values()
        for group in c.groups
        for item in group.items
    }
    for state in t.items:
        if state.status is not Status.DONE:
            out.setdefault(state.unit_id, []).append((titles[state.item.id], state.item))
    return out


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def new_year(root: Path, source: Project, year: int, today: dt.date, ci: str = "gitlab") -> Made:
    """Year `year` in `root` from the last year of `source` before it: same units, and each
    unfinished item carried over, marked with `carried_from:` and its old id."""
    check_year(year)
    made = Made(root, new=_outermost_new(root))
    fresh = not (root / "camket.yaml").exists()  # a new folder, not a new year in the same one
    if fresh:
        _require_empty(root)
        _require_identity(root)
    if (root / str(year)).exists():
        raise InitError(_("năm {year} đã có trong '{root}'").format(year=year, root=root))
    previous = max((y for y in source.years if y < year), default=None)
    if previous is None:
        raise InitError(
            _("'{root}' không có năm nào trước {year} để chuyển tiếp").format(
                root=source.root, year=year
            )
        )
    for name in ("camket.yaml", "units.yaml"):
        if not (root / name).exists():
            _write(made, name, (source.root / name).read_text(encoding="utf-8"))
    if fresh:
        _extras(made, ci)
    old = source.years[previous].config
    theme = EXAMPLE_THEME.format(year=year)
    _write(
        made,
        f"{year}/year.yaml",
        (
            starter.modeline("year", 1) + f"year: {year}\n"
            f"theme: {theme}                      # sửa thành chủ đề năm {year}\n"
            f"signed_on: {min(today, dt.date(year, 2, 20)).isoformat()}   # ngày ký cam kết\n"
            "# groups_per_unit: "
            f"{list(old.groups_per_unit) if old and old.groups_per_unit else [2, 6]}"
            "   # bật lại khi đã nhập đủ các nhóm nhiệm vụ\n"
            "\n" + report_comment(list(source.blocks))
        ),
    )
    if not fresh and not (root / SCHEMA_DIR).exists():
        write_schemas(made)
    carried = _unfinished(source, previous)
    for unit in source.units_in(year):
        items = carried.get(unit.id)
        if not items:
            continue
        head = source.years[previous].commitments[unit.id].head
        lines = [
            starter.modeline("commitments", 2).rstrip("\n"),
            f"# Các nội dung chưa hoàn thành năm {previous}, chuyển sang năm {year}.",
            f"unit: {unit.id}",
            f"year: {year}",
            f"head: {_q(head)}",
            "groups:",
        ]
        by_group: dict[str, list[object]] = {}
        for title, item in items:
            by_group.setdefault(title, []).append(item)
        number = 0
        for title, group_items in by_group.items():
            lines += [f"  - title: {_q(title)}", "    items:"]
            for item in group_items:
                number += 1
                lines += [
                    f"      - id: {unit.id}-{year}-{number:02d}",
                    f"        text: {_q(item.text)}",
                    f"        carried_from: {item.id}",
                ]
                if item.tags:
                    lines.append(f"        tags: [{', '.join(item.tags)}]")
                if item.indicator is not None:
                    fields = {
                        "plan": item.indicator.plan,
                        "unit": item.indicator.unit,
                        "better": item.indicator.better,
                    }
                    shown = ", ".join(
                        f"{k}: {_q(str(v)) if k == 'unit' else v}"
                        for k, v in fields.items()
                        if v is not None
                    )
                    lines.append(f"        indicator: {{{shown}}}")
        _write(made, f"{year}/commitments/{unit.id}.yaml", "\n".join(lines) + "\n")
    if fresh:
        made.commit = _git_init(made)
    return made
