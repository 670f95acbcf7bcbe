"""The options several commands share, and the small steps they all take (find the folder, load
a year, choose where to write): written once, so every command says the same thing the same way.

Help texts are marked with `N_` and translated when drawn (camket.cli.wording). A step that
cannot go on raises `CamketError`; the app prints it and chooses the exit code.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from camket.cli.output import err, out
from camket.errors import CamketError
from camket.i18n import N_, _
from camket.reading import folder

if TYPE_CHECKING:
    from camket.reading.project import Project

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar=N_("THƯ_MỤC"),
        help=N_("Thư mục dữ liệu (mặc định: $CAMKET_DATA, hoặc thư mục có camket.yaml gần nhất)."),
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help=N_("In kết quả dạng JSON."))]
YearArgument = Annotated[int, typer.Argument(metavar=N_("NĂM"), help=N_("Năm, ví dụ 2019."))]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar=N_("NGÀY"),
        help=N_("Tính số liệu đến ngày này (YYYY-MM-DD); mặc định: hôm nay hoặc 31/12 của năm."),
        show_default=False,
    ),
]
QuarterOption = Annotated[
    int | None,
    typer.Option(
        "--quarter",
        metavar=N_("QUÝ"),
        min=1,
        max=4,
        help=N_("Tính số liệu đến hết quý này (1–4)."),
        show_default=False,
    ),
]
PdfOption = Annotated[bool, typer.Option("--pdf", help=N_("Xuất thêm tệp PDF (cần LibreOffice)."))]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        metavar=N_("NƠI_GHI"),
        help=N_("Nơi ghi văn bản (tệp hoặc thư mục)."),
        show_default=False,
    ),
]
TemplateOption = Annotated[
    Path | None,
    typer.Option(
        "--template",
        metavar=N_("TỆP"),
        help=N_("Mẫu văn bản .docx dùng thay mẫu mặc định."),
        show_default=False,
    ),
]


def date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    from camket.vn import parse_date

    try:
        return parse_date(text)
    except ValueError:
        from camket.dates import trouble

        slip = trouble(text, iso_only=False)
        raise CamketError(
            slip
            or _("'{text}' không phải ngày hợp lệ; viết dạng 2019-06-30 hoặc 30/06/2019").format(
                text=text
            )
        ) from None


def as_of(year: int, when: str | None, quarter: int | None) -> dt.date | None:
    if when is not None and quarter is not None:
        raise CamketError(_("chỉ dùng một trong --as-of và --quarter"))
    if quarter is not None:
        from camket.counting.periods import quarter_end

        return quarter_end(year, quarter)
    return date(when)


def root(data: Path | None) -> Path:
    return folder.find(data)  # DataFolderNotFound is a CamketError


def require_year(path: Path, year: int) -> None:
    if year not in dict(folder.year_folders(path)):
        raise CamketError(
            _("thư mục dữ liệu chưa có năm {year} (không có thư mục {path})").format(
                year=year, path=path / str(year)
            )
        )


def load_year(path: Path, year: int, force: bool = False, partial: bool = False) -> Project:
    """Load one year and its shared files; invalid data stops here, unless `force` (a draft
    from everything that read) or `partial`: when every error lies in some units' commitments
    files, the year without those units (`YearData.left_out`, said here and by `finish`)."""
    from camket import pipeline
    from camket.cli import present
    from camket.problems import has_errors

    require_year(path, year)
    project, problems = pipeline.load_and_check(path, years=[year])
    console = err()
    for line in present.problems_text(problems):
        console.print(line, markup=False)
    if has_errors(problems):
        at_fault = pipeline.units_at_fault(problems, project.years[year]) if partial else None
        if at_fault:
            project.years[year] = project.years[year].without(at_fault)
            left_out(project, year)
            return project
        unusable = project.settings is None or project.years[year].config is None
        if not force or unusable:
            console.print(
                _(
                    "Dữ liệu có lỗi; hãy sửa các lỗi trên rồi chạy lại "
                    "(camket validate để kiểm tra)."
                ),
                markup=False,
            )
            raise typer.Exit(1)
        console.print(
            _("Dữ liệu có lỗi: văn bản được in dưới dạng DỰ THẢO (--force)."), markup=False
        )
    return project


def left_out(project: Project, year: int) -> None:
    """Which units the year was loaded without, and why, on standard error; nothing when none."""
    missing = project.years[year].left_out
    if not missing:
        return
    names = ", ".join(
        f"{project.units[u].name if u in project.units else u} ({_shown(p)})"
        for u, p in missing.items()
    )
    err().print(
        _(
            "Bỏ qua {n} đơn vị có tệp lỗi: {units}; hãy sửa các tệp này (camket validate để xem "
            "lỗi) rồi chạy lại."
        ).format(n=len(missing), units=names),
        markup=False,
    )


def _shown(path: Path) -> str:
    """A path as problems show it: relative to the working directory when it can be."""
    import os

    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def finish(project: Project, year: int) -> None:
    """The end of a command that showed a year without some units: the note again, after
    the output, so the last word is not a success; exit 1."""
    if project.years[year].left_out:
        left_out(project, year)
        raise typer.Exit(1)


def pdf(paths: list[Path]) -> None:
    from camket.documents.render.pdf import convert

    for path in paths:
        made = convert(path)  # PdfError is a CamketError
        out().print(_("Đã ghi PDF: {path}").format(path=made), markup=False)


def template(kind: str, explicit: Path | None, project: Project) -> Path:
    from camket.documents.render.template import find

    configured = None
    if project.settings and project.settings.templates:
        configured = getattr(project.settings.templates, kind)
    return find(kind, explicit, configured, project.root)


def output(target: Path | None, name: str) -> Path:
    """--out as given: a file when it has a suffix (bao-cao.docx), else a folder (made if need
    be) that receives the default name; without --out, the default name here."""
    if target is None:
        return Path(name)
    if target.is_dir() or (not target.exists() and not target.suffix):
        make_folder(target)
        return target / name
    return target


def folder_out(target: Path | None, suffix: str) -> Path:
    """--out of a command that writes many files (one per unit, per kind): always a folder, made
    with its parents if need be (here without --out). A name ending in the files' own suffix
    is a file name given by mistake, not a folder to make."""
    if target is None:
        return Path()
    if not target.is_dir() and (target.exists() or target.suffix.lower() == suffix):
        raise CamketError(
            _(
                "'{path}' là một tệp hoặc tên tệp, nhưng lệnh này ghi nhiều tệp {suffix} vào một "
                "thư mục; hãy cho --out tên một thư mục (chưa có thì camket tạo)"
            ).format(path=target, suffix=suffix)
        )
    make_folder(target)
    return target


def make_folder(path: Path) -> None:
    """A folder and its parents, as `mkdir -p`; a clear refusal when one of them is a file."""
    from camket.atomic import reason

    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        blocking = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            raise CamketError(
                _(
                    "không tạo được thư mục '{path}': '{file}' là một tệp, không phải thư mục; "
                    "hãy chọn nơi ghi khác"
                ).format(path=path, file=blocking)
            ) from None
        raise CamketError(
            _("không tạo được thư mục '{path}': {e}; hãy chọn nơi ghi khác").format(
                path=path, e=reason(e)
            )
        ) from None


def write(path: Path, data: bytes) -> None:
    """The file, atomically, its folder made first when it is missing (--out bao-cao/2019.docx
    writes into a new folder bao-cao, as --out bao-cao/ does)."""
    from camket import atomic

    if path.is_dir():
        raise CamketError(
            _("'{path}' là một thư mục; hãy cho tên tệp (ví dụ {name})").format(
                path=path, name=f"{path.name}{_suffix(data)}"
            )
        )
    make_folder(path.parent)
    try:
        atomic.write_bytes(path, data)
    except OSError as e:
        if isinstance(e, PermissionError) and path.exists():
            # Windows will not replace a file Word or Excel holds open
            message = _(
                "không ghi được '{path}': {e}; nếu tệp đang mở trong Word hoặc Excel, hãy đóng "
                "tệp rồi chạy lại"
            )
        else:
            message = _("không ghi được '{path}': {e}")
        raise CamketError(message.format(path=path, e=atomic.reason(e))) from None


def _suffix(data: bytes) -> str:
    """What kind of file the bytes are, for the message that asks for a file name."""
    if data.startswith(b"PK"):
        return ".xlsx" if b"xl/" in data[:2000] else ".docx"
    if data.startswith(b"\x89PNG"):
        return ".png"
    return ".json" if data.lstrip().startswith((b"{", b"[")) else ".csv"
