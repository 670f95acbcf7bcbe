"""The pipeline on one screen: read the folder, run the checks; each stage returns problems.

`status`, `report` and the others load one year (`load_and_check`); `validate` reads the whole
folder one year at a time (`check_folder`), so its memory is that of the largest year: each
year's rules run while it is loaded, and the folder's rules (units, settings, ids across years)
run once at the end, on what the years left behind (`checks.Folder`). When every error of a
year lies in some units' commitments files, `units_at_fault` names those units, and
`YearData.without` gives the year without them: what `status`, `sheets` and `export` still show.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from camket import checks
from camket.checks import Folder, Scope
from camket.problems import Problem, sort_key
from camket.reading import folder
from camket.reading.loader import add_year, collector_paused, load, shared
from camket.reading.project import Project, YearData


def load_and_check(root: Path, years: Iterable[int] | None = None) -> tuple[Project, list[Problem]]:
    project, problems = load(root, years)
    with collector_paused():
        problems.extend(checks.run_all(project))
    problems.sort(key=sort_key)
    return project, problems


def units_at_fault(problems: Iterable[Problem], data: YearData) -> dict[str, Path] | None:
    """The units whose commitments files have errors (unit id -> the first such file, in the
    order the problems come), when every error lies in one of the year's commitments files:
    leaving those units out leaves a year whose other files are sound. None when an error lies
    anywhere else (camket.yaml, units.yaml, year.yaml, the year's folder, a template): such an
    error touches every unit, and no unit's absence mends it."""
    commitments = data.folder / folder.COMMITMENTS
    out: dict[str, Path] = {}
    for p in problems:
        if not p.is_error:
            continue
        if p.path.parent != commitments or p.path.suffix.lower() not in folder.YAML_SUFFIXES:
            return None
        out.setdefault(p.path.stem, p.path)
    return out


def check_folder(root: Path) -> tuple[int, list[Problem]]:
    """Every problem of the whole folder, one year at a time: (files read, problems)."""
    with collector_paused():
        base, shared_problems = shared(root)
        problems: dict[Problem, None] = dict.fromkeys(shared_problems)
        files = base.file_count
        levels = checks.severities(base)
        seen = Folder(base)
        for year, year_dir in folder.year_folders(root):
            project = Project(
                root=root,
                today=base.today,
                settings=base.settings,
                units_file=base.units_file,
                inside=base.inside,
                git=base.git,
            )
            found: list[Problem] = []
            add_year(project, year, year_dir, found)
            found.extend(checks.run_years(project, levels))
            problems.update(dict.fromkeys(found))
            files += project.file_count
            seen.add_year(year, project.years[year])
            del project, found
        problems.update(dict.fromkeys(checks.run(Scope.FOLDER, seen, levels)))
    return files, sorted(problems, key=sort_key)
