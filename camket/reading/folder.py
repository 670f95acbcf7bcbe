"""Where the data folder is and which files in it mean what.

The layout is the contract of DESIGN.md: `camket.yaml`, `units.yaml`, and one folder per year
holding `year.yaml` and `commitments/UNIT.yaml`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from camket.errors import CamketError
from camket.i18n import _

SETTINGS = "camket.yaml"
UNITS = "units.yaml"
YEAR = "year.yaml"
SEAL = "seal.yaml"
COMMITMENTS = "commitments"
YAML_SUFFIXES = (".yaml", ".yml")
_YEAR_DIR = re.compile(r"^\d{4}$")


class DataFolderNotFound(CamketError):
    """No data folder where the clerk pointed, or none found upward; the message says what to do."""


def find(explicit: Path | None = None, cwd: Path | None = None) -> Path:
    """`--data DIR`, else `$CAMKET_DATA`, else the nearest folder upward with camket.yaml."""
    given = explicit or (Path(os.environ["CAMKET_DATA"]) if os.environ.get("CAMKET_DATA") else None)
    if given is not None:
        if not given.is_dir():
            raise DataFolderNotFound(
                _(
                    "không có thư mục dữ liệu '{path}'; hãy kiểm tra đường dẫn, hoặc tạo thư mục "
                    "mới "
                    "bằng lệnh: camket init {path}"
                ).format(path=given)
            )
        if not (given / SETTINGS).is_file():
            raise DataFolderNotFound(
                _(
                    "thư mục '{path}' không có tệp {settings}; đây chưa phải thư mục dữ liệu "
                    "camket. Tạo mới bằng lệnh: camket init {path}"
                ).format(path=given, settings=SETTINGS)
            )
        return given.absolute()
    start = (cwd or Path.cwd()).absolute()
    for folder in (start, *start.parents):
        if (folder / SETTINGS).is_file():
            return folder
        if (folder / "data" / SETTINGS).is_file():
            return folder / "data"
    raise DataFolderNotFound(
        _(
            "không tìm thấy thư mục dữ liệu (tệp {settings}) ở thư mục hiện tại hay các thư mục "
            "cha; hãy chỉ rõ bằng --data THƯ_MỤC, đặt biến CAMKET_DATA, hoặc tạo mới bằng lệnh: "
            "camket init THƯ_MỤC"
        ).format(settings=SETTINGS)
    )


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, links followed, stays within the data folder `root`: what the shared
    folder names (a template, a data file) must not reach into the rest of the machine."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


@dataclass(frozen=True)
class YearFiles:
    year: int
    folder: Path
    year_file: Path
    commitments: tuple[Path, ...]


def year_folders(root: Path) -> list[tuple[int, Path]]:
    return sorted(
        (int(p.name), p) for p in root.iterdir() if _YEAR_DIR.match(p.name) and p.is_dir()
    )


def year_files(year: int, folder: Path) -> YearFiles:
    cdir = folder / COMMITMENTS
    files: tuple[Path, ...] = ()
    if cdir.is_dir():
        files = tuple(sorted(p for p in cdir.iterdir() if p.suffix.lower() in YAML_SUFFIXES))
    return YearFiles(year, folder, folder / YEAR, files)
