"""The command line: parse options, call the pipeline, print, choose the exit code.

Only this module turns problems and exceptions into output and exit codes; everything it calls
returns values. Heavy libraries are imported inside the commands that need them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from camket import __version__, folder
from camket.i18n import _

app = typer.Typer(
    name="camket",
    help=_("camket — quản lý cam kết trách nhiệm: kiểm tra dữ liệu, tổng hợp kết quả, in văn bản."),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help=_("Thư mục dữ liệu (mặc định: $CAMKET_DATA, hoặc thư mục có camket.yaml gần nhất)."),
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help=_("In kết quả dạng JSON."))]


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        from camket.vn import parse_date

        return parse_date(text)
    except ValueError:
        raise typer.BadParameter(
            _("'{text}' không phải ngày hợp lệ; viết dạng 2019-06-30 hoặc 30/06/2019").format(
                text=text
            )
        ) from None


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help=_("Tính số liệu đến ngày này (YYYY-MM-DD); mặc định: hôm nay hoặc 31/12 của năm."),
        show_default=False,
    ),
]


def _out() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _root(data: Path | None) -> Path:
    try:
        return folder.find(data)
    except folder.DataFolderNotFound as e:
        _err().print(_("lỗi: {e}").format(e=e), markup=False)
        raise typer.Exit(1) from None


def _version(value: bool) -> None:
    if value:
        print(f"camket {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=_("In phiên bản rồi thoát.")
        ),
    ] = False,
) -> None:
    """camket — quản lý cam kết trách nhiệm: kiểm tra dữ liệu, tổng hợp kết quả, in văn bản."""


@app.command()
def validate(data: DataOption = None, json_output: JsonOption = False) -> None:
    """Kiểm tra mọi tệp của thư mục dữ liệu; in từng lỗi dạng tệp:dòng:cột.

    Ví dụ: camket validate --data data/
    """
    from camket import loader, present
    from camket.problems import has_errors

    root = _root(data)
    project, problems = loader.load_and_check(root)
    out = _out()
    if json_output:
        print(present.problems_json(problems))
    else:
        for line in present.problems_text(problems):
            out.print(line, markup=False)
        out.print(present.summary(problems, project.file_count), markup=False)
    raise typer.Exit(1 if has_errors(problems) else 0)


@app.command()
def status(
    year: Annotated[int, typer.Argument(help=_("Năm cần tổng hợp, ví dụ 2019."))],
    data: DataOption = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", help=_("Chỉ một đơn vị (mã đơn vị)."), show_default=False),
    ] = None,
    as_of: AsOfOption = None,
    json_output: JsonOption = False,
) -> None:
    """Tổng hợp kết quả thực hiện cam kết của một năm theo khối và đơn vị.

    Ví dụ: camket status 2019 --as-of 2019-06-30
    """
    from camket import loader, present
    from camket.problems import has_errors
    from camket.tally import tally

    when = _date(as_of)
    root = _root(data)
    if not (root / str(year)).is_dir():
        _err().print(
            _("lỗi: thư mục dữ liệu chưa có năm {year} (không có thư mục {path})").format(
                year=year, path=root / str(year)
            ),
            markup=False,
        )
        raise typer.Exit(1)
    project, problems = loader.load_and_check(root, years=[year])
    err = _err()
    for line in present.problems_text(problems):
        err.print(line, markup=False)
    if has_errors(problems):
        err.print(
            _("Dữ liệu có lỗi; hãy sửa các lỗi trên rồi chạy lại (camket validate để kiểm tra)."),
            markup=False,
        )
        raise typer.Exit(1)
    if unit is not None and unit not in project.units:
        import difflib

        guess = difflib.get_close_matches(unit, list(project.units), n=1)
        hint = _("; có phải ý bạn là '{g}'?").format(g=guess[0]) if guess else ""
        err.print(
            _("lỗi: không có đơn vị '{unit}' trong units.yaml{hint}").format(unit=unit, hint=hint),
            markup=False,
        )
        raise typer.Exit(1)
    result = tally(project, year, when, unit)
    if json_output:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        present.status_table(result, project, _out())


def main() -> None:
    """Entry point: a clerk never sees a traceback (set CAMKET_DEBUG=1 to get one)."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:
        if os.environ.get("CAMKET_DEBUG"):
            raise
        print(
            _(
                "lỗi nội bộ của camket: {e}. Hãy báo lại cho người bảo trì, kèm lệnh vừa chạy "
                "(chạy lại với CAMKET_DEBUG=1 để xem chi tiết)."
            ).format(e=e),
            file=sys.stderr,
        )
        sys.exit(2)
