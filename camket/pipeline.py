"""The pipeline on one screen: read the folder, run the checks; each stage returns problems.

`status`, `report` and the others load one year (`load_and_check`); `validate` reads the whole
folder one year at a time (`check_folder`), so its memory is that of the largest year.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from camket import checks
from camket.problems import Problem, Span, sort_key
from camket.reading import folder
from camket.reading.loader import add_year, collector_paused, load, shared
from camket.reading.project import Project


def load_and_check(root: Path, years: Iterable[int] | None = None) -> tuple[Project, list[Problem]]:
    project, problems = load(root, years)
    with collector_paused():
        problems.extend(checks.run(project))
    problems.sort(key=sort_key)
    return project, problems


def check_folder(root: Path) -> tuple[int, list[Problem]]:
    """Every problem of the whole folder, one year at a time: (files read, problems).

    A year's models are dropped once its checks have run, so memory is that of the largest
    year, not of the folder; only the item ids cross years (for E108). camket.yaml and
    units.yaml are read once; the checks about them run with each year and report once.
    """
    from camket.checks import item_ids

    with collector_paused():
        base, shared_problems = shared(root)
        problems: dict[Problem, None] = dict.fromkeys(shared_problems)
        files = base.file_count
        ids: list[tuple[str, Span]] = []
        years = folder.year_folders(root)
        if not years:
            problems.update(dict.fromkeys(checks.run(base)))
        for year, year_dir in years:
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
            found.extend(checks.run(project))
            problems.update(dict.fromkeys(found))
            files += project.file_count
            ids.extend(
                (item.id, item.value_span("id"))
                for c in project.years[year].commitments.values()
                for item in c.items()
            )
            del project, found
        seen = {(p.path, p.line, p.col) for p in problems if p.code == item_ids.CODE}
        for span, message in item_ids.findings(ids, root):
            if (span.path, span.line, span.col) not in seen:
                problems[Problem.at(span, item_ids.CODE, message, item_ids.SEVERITY)] = None
    return files, sorted(problems, key=sort_key)
