"""Where the lower committees' data folders are (`lower:` in camket.yaml), and whether each is
there to be read.

A province's repository holds each district's repository as a git submodule; a submodule that
was never checked out is an empty folder, and that is the usual reason a lower folder cannot be
read, so the message says how to fetch it. A path that leaves this data folder is never
followed (rule E124 reports it): the settings are shared data, as untrusted as the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from camket.i18n import _
from camket.problems import Problem, Span
from camket.reading import folder
from camket.reading.models import Settings

CODE = "E038"


@dataclass(frozen=True)
class LowerFolder:
    id: str
    declared: str  # the path as camket.yaml writes it
    root: Path  # the folder, under this data folder
    span: Span  # where camket.yaml declares it


def declared(root: Path, settings: Settings | None) -> list[LowerFolder]:
    """The lower committees camket.yaml declares, in its order, the first of two with one id
    kept, and none whose path leaves the data folder (E124 says why)."""
    out: list[LowerFolder] = []
    seen: set[str] = set()
    places = {root.resolve()}
    for entry in (settings.lower or []) if settings else []:
        path = root / entry.path
        if entry.id in seen or Path(entry.path).is_absolute() or not folder.inside(root, path):
            continue
        if path.resolve() in places:
            continue
        seen.add(entry.id)
        places.add(path.resolve())
        out.append(LowerFolder(entry.id, entry.path, path, entry.value_span("path")))
    return out


def missing(lower: LowerFolder) -> Problem | None:
    """One clear error when the lower folder cannot be read as a data folder; None when it can."""
    path = lower.root
    if path.is_dir() and (path / folder.SETTINGS).is_file():
        return None
    if not path.exists():
        message = _(
            "không có thư mục dữ liệu của cấp dưới '{id}' ({path}); nếu đó là git submodule, "
            "hãy lấy về bằng lệnh: git submodule update --init {path}"
        )
    elif path.is_dir() and not any(path.iterdir()):
        message = _(
            "thư mục dữ liệu của cấp dưới '{id}' ({path}) trống: git submodule chưa được lấy về; "
            "hãy chạy: git submodule update --init {path}"
        )
    else:
        message = _(
            "'{path}' (cấp dưới '{id}') không phải thư mục dữ liệu camket: không có tệp "
            "camket.yaml; hãy sửa đường dẫn path: trong camket.yaml"
        )
    return Problem.at(lower.span, CODE, message.format(id=lower.id, path=lower.declared))
