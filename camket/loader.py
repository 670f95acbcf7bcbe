"""The pipeline on one screen: read every file, build the models, run the checks.

Each stage returns its problems; none raises them. `status` loads one year, `validate` all.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from camket import checks, clock, folder
from camket.building import build
from camket.i18n import _
from camket.models import Commitments, SealFile, Settings, UnitsFile, YearConfig
from camket.problems import Problem, Span, sort_key
from camket.project import Project, YearData
from camket.reading import read_file


def _outside(root: Path, path: Path) -> bool:
    """A symbolic link that leads out of the data folder (never followed)."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return True
    return False


def _load_model(project: Project, path: Path, model: type, problems: list[Problem]):
    project.file_count += 1
    if _outside(project.root, path):
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


def load(root: Path, years: Iterable[int] | None = None) -> tuple[Project, list[Problem]]:
    """Read and build; `years` limits the year folders read (None: all of them)."""
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
    wanted = None if years is None else set(years)
    for year, year_dir in folder.year_folders(root):
        if wanted is not None and year not in wanted:
            continue
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
                        "thư mục năm {year} thiếu tệp {name} (chủ đề năm, ngày "
                        "ký, số nhóm nhiệm vụ)"
                    ).format(year=year, name=folder.YEAR),
                )
            )
        data = YearData(year=year, folder=year_dir, config=config)
        seal_path = year_dir / folder.SEAL
        if seal_path.exists():
            data.seal = _load_model(project, seal_path, SealFile, problems)
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
        project.years[year] = data
    return project, problems


def load_and_check(root: Path, years: Iterable[int] | None = None) -> tuple[Project, list[Problem]]:
    project, problems = load(root, years)
    problems.extend(checks.run(project))
    problems.sort(key=sort_key)
    return project, problems
