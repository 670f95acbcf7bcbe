"""`validate --cascade`: this committee's data folder and each lower committee's, each checked
with its own settings, as if validated alone.

The folders share nothing (a district's ids, years and seal are its own), so each is checked by
`pipeline.check_folder` on its own, through the same cache as a plain `validate`; folders that
must be checked afresh are spread over the machine's idle cores, one process per folder, since
only their problems (small values) come back. A lower folder that is not there is one error (E038)
at its line of camket.yaml, and its checks are skipped.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from camket import clock, i18n
from camket.problems import Problem, sort_key
from camket.reading import lower
from camket.reading.lower import LowerFolder
from camket.reading.project import Project


@dataclass
class Checked:
    """What `validate` found: the problems of every folder checked, and the files read."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0  # files read, for the summary line
    folders: list[Path] = field(default_factory=list)  # the data folders checked
    lower: list[LowerFolder] = field(default_factory=list)  # the lower committees declared

    def file_paths(self) -> list[Path]:
        """The data files of every folder checked (JUnit lists each as a test case)."""
        from camket.reading import cache

        return [p for root in self.folders for p in cache.data_files(root) if p.is_file()]


def _check_one(root: Path, use_cache: bool, language: str, today: dt.date) -> tuple[int, list]:
    """One folder, as `validate` checks it alone: from the cache when no file changed."""
    from camket import pipeline
    from camket.reading import cache

    key = cache.key(root, language, today) if use_cache else None
    hit = cache.load(key, root) if key else None
    if hit is not None:
        return hit
    files, problems = pipeline.check_folder(root)
    if key:
        cache.store(key, root, files, problems)
    return files, problems


def _worker(root: Path, use_cache: bool, language: str, today: dt.date) -> tuple[int, list]:
    i18n.set_language(language)  # the messages in the parent's language
    return _check_one(root, use_cache, language, today)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check(root: Path, cascade: bool = False, use_cache: bool = True) -> Checked:
    """This folder; with `cascade`, every lower folder too."""
    language, today = i18n.language(), clock.today()
    result = Checked(folders=[root])
    if cascade:
        from camket.reading.loader import collector_paused, shared

        with collector_paused():
            base, _ = shared(root)
        result.lower = lower.declared(root, base.settings)
        for entry in result.lower:
            problem = lower.missing(entry)
            if problem is None:
                result.folders.append(entry.root)
            else:
                result.problems.append(problem)
    run = _runner(len(result.folders))
    for files, problems in run([(f, use_cache, language, today) for f in result.folders]):
        result.files += files
        result.problems.extend(problems)
    result.problems = sorted(dict.fromkeys(result.problems), key=sort_key)
    return result


def idle_cores() -> int:
    """Cores not already busy, as `make -l` judges them: the machine's cores less its load
    average over the last minute. A second process pays only on a core nobody else uses: on
    a loaded machine it just shares the same core and adds its start."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # not on this system
        load = 0.0
    return max(1, cores() - round(load))


def workers_for(folders: int) -> int:
    """$CAMKET_JOBS when set (1: everything in this process), else one per idle core."""
    asked = os.environ.get("CAMKET_JOBS", "").strip()
    if asked.isdigit() and int(asked) > 0:
        return min(int(asked), folders)
    return min(idle_cores(), folders)


def _runner(folders: int) -> Callable[[list[tuple]], list[tuple[int, list]]]:
    """In this process for one folder (or one idle core); otherwise a pool of forked workers,
    one folder at a time each, the largest first so that the last to finish is a small one."""
    workers = workers_for(folders)
    if workers < 2 or not _can_fork():
        return lambda jobs: [_check_one(*job) for job in jobs]

    def parallel(jobs: list[tuple]) -> list[tuple[int, list]]:
        import multiprocessing

        order = sorted(range(len(jobs)), key=lambda i: -_size(jobs[i][0]))
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = {i: pool.submit(_worker, *jobs[i]) for i in order}
            return [futures[i].result() for i in range(len(jobs))]

    return parallel


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _size(root: Path) -> int:
    """A cheap measure of a folder's work: its commitments files."""
    from camket.reading import folder

    return sum(
        len(folder.year_files(year, path).commitments) for year, path in folder.year_folders(root)
    )


@dataclass
class LowerYears:
    """Each lower committee's tally of one year, for `status` and `report` with --cascade."""

    rows: list  # camket.counting.cascade.LowerRow, in camket.yaml's order
    problems: list[Problem] = field(default_factory=list)  # errors stop the command
    warnings: list[str] = field(default_factory=list)  # a lower folder without the year


def lower_years(project: Project, year: int, as_of: dt.date | None) -> LowerYears:
    """Read each lower folder's year (with its own settings) and tally it at `as_of` (by
    default the same day as this committee's: the earlier of today and 31 December)."""
    from camket import pipeline
    from camket.counting.cascade import LowerRow
    from camket.counting.tally import tally
    from camket.i18n import _
    from camket.reading import folder

    out = LowerYears(rows=[])
    for entry in lower.declared(project.root, project.settings):
        unit = project.units.get(entry.id)
        name = unit.name if unit is not None else entry.id
        problem = lower.missing(entry)
        if problem is not None:
            out.problems.append(problem)
            continue
        if year not in dict(folder.year_folders(entry.root)):
            out.warnings.append(
                _(
                    "cấp dưới '{id}' ({path}) chưa có dữ liệu năm {year}: dòng của cấp này để "
                    "trống; hãy nhắc cấp dưới cập nhật thư mục dữ liệu (git submodule update "
                    "--remote {path})"
                ).format(id=entry.id, path=entry.declared, year=year)
            )
            out.rows.append(LowerRow(entry.id, name, None))
            continue
        loaded, problems = pipeline.load_and_check(entry.root, [year])
        out.problems.extend(problems)
        if any(p.is_error for p in problems):
            continue
        out.rows.append(LowerRow(entry.id, name, tally(loaded, year, as_of)))
    return out
