"""Reading a whole data folder into a Project: every file read, typed, and put in its place.

Each file's problems are returned, never raised; a file that does not read is left out of the
models and named in `YearData.files`, so later stages can say which files they could not see.
camket.pipeline runs the checks on what this loads.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator
from pathlib import Path

from camket import clock
from camket.i18n import _
from camket.problems import Problem, Span
from camket.reading import anchor, folder
from camket.reading.building import build
from camket.reading.files import read_file
from camket.reading.models import Commitments, Settings, UnitsFile, YearConfig
from camket.reading.project import Project, YearData


def _outside(root: Path, path: Path, inside: set[Path]) -> bool:
    """A symbolic link that leads out of the data folder (never followed). Folders already
    known to be inside are remembered in `inside`: resolving every file's path costs a
    system call per component."""
    parent = path.parent
    if not path.is_symlink() and parent in inside:
        return False
    base = root.resolve()
    try:
        path.resolve().relative_to(base)
        parent.resolve().relative_to(base)
    except ValueError:
        return True
    inside.add(parent)
    return False


def _load_model(project: Project, path: Path, model: type, problems: list[Problem]):
    project.file_count += 1
    if _outside(project.root, path, project.inside):
        message = _(
            "tệp là liên kết trỏ ra ngoài thư mục dữ liệu ({target}); camket không đọc tệp ngoài "
            "thư mục dữ liệu, hãy chép tệp vào đây thay cho liên kết"
        ).format(target=path.resolve())
        problems.append(Problem.at(Span(path, 1, 1), "E036", message))
        return None
    value, read_problems = read_file(path)
    problems.extend(read_problems)
    if value is None and any(p.is_error for p in read_problems):
        return None
    built, build_problems = build(model, value, Span(path, 1, 1))
    # A place the reader already complained about needs no second message.
    seen = {(p.line, p.col) for p in read_problems if p.is_error}
    problems.extend(p for p in build_problems if (p.line, p.col) not in seen)
    return built


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Loading allocates hundreds of thousands of small containers and keeps them all; the
    cyclic garbage collector would rescan the growing heap again and again (it halves the
    speed of a large folder). What loading builds has no reference cycles to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load(root: Path, years: Iterable[int] | None = None) -> tuple[Project, list[Problem]]:
    """Read and build; `years` limits the year folders read (None: all of them)."""
    with collector_paused():
        return _load(root, years)


def _load(root: Path, years: Iterable[int] | None) -> tuple[Project, list[Problem]]:
    project, problems = shared(root)
    wanted = None if years is None else set(years)
    for year, year_dir in folder.year_folders(root):
        if wanted is None or year in wanted:
            add_year(project, year, year_dir, problems)
    return project, problems


def shared(root: Path) -> tuple[Project, list[Problem]]:
    """camket.yaml and units.yaml: what every year needs."""
    problems: list[Problem] = []
    project = Project(root=root, today=clock.today())
    settings_path = root / folder.SETTINGS
    units_path = root / folder.UNITS
    project.settings = _load_model(project, settings_path, Settings, problems)
    if units_path.exists():
        project.units_file = _load_model(project, units_path, UnitsFile, problems)
    else:
        problems.append(
            Problem.at(
                Span(units_path, 1, 1),
                "E031",
                _("thiếu tệp {name}: danh sách các khối và đơn vị").format(name=folder.UNITS),
            )
        )
    return project, problems


def add_year(project: Project, year: int, year_dir: Path, problems: list[Problem]) -> None:
    """One year folder: year.yaml, the commitments files, and the year's seal in git (seal.yaml
    is a record for people: only whether it is there matters)."""
    files = folder.year_files(year, year_dir)
    config = None
    if files.year_file.exists():
        config = _load_model(project, files.year_file, YearConfig, problems)
    else:
        problems.append(
            Problem.at(
                Span(files.year_file, 1, 1),
                "E032",
                _(
                    "thư mục năm {year} thiếu tệp {name} (chủ đề năm, ngày ký, số nhóm nhiệm vụ)"
                ).format(year=year, name=folder.YEAR),
            )
        )
    data = YearData(year=year, folder=year_dir, config=config)
    seal_path = year_dir / folder.SEAL
    if seal_path.is_file():
        data.seal_record = seal_path
    for path in files.commitments:
        if path.stem in data.files:
            problems.append(
                Problem.at(
                    Span(path, 1, 1),
                    "E035",
                    _(
                        "đơn vị '{unit}' đã có tệp {other}; mỗi đơn vị chỉ một tệp cam kết mỗi "
                        "năm, "
                        "hãy gộp hai tệp"
                    ).format(unit=path.stem, other=data.files[path.stem].name),
                )
            )
            continue
        data.files[path.stem] = path
        built = _load_model(project, path, Commitments, problems)
        if built is not None:
            data.commitments[path.stem] = built
    data.seal = anchor.read(project.root, data, project.git)
    project.years[year] = data
