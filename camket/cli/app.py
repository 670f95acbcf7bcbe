"""The Typer application, the options the commands share, and the entry point.

The CLI package alone turns problems and exceptions into output and exit codes; everything it
calls returns values. Heavy libraries are imported inside the commands that need them.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from camket import __version__, clock, i18n
from camket.i18n import _
from camket.reading import folder
from camket.terminal import UNSAFE, SafeConsole, clean


def _language_from(argv: list[str]) -> str | None:
    """--lang is read before anything else: help texts are translated when this module loads."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


i18n.set_language(_language_from(sys.argv[1:]))

if TYPE_CHECKING:
    from camket.reading.project import Project

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


QuarterOption = Annotated[
    int | None,
    typer.Option(
        "--quarter", min=1, max=4, help=_("Tính số liệu đến hết quý này (1–4)."), show_default=False
    ),
]


def _as_of(year: int, as_of: str | None, quarter: int | None) -> dt.date | None:
    if as_of is not None and quarter is not None:
        _err().print(_("lỗi: chỉ dùng một trong --as-of và --quarter"), markup=False)
        raise typer.Exit(1)
    if quarter is not None:
        from camket.counting.periods import quarter_end

        return quarter_end(year, quarter)
    return _date(as_of)


_OUTPUT = {"quiet": False, "no_color": False}


def _console(stderr: bool = False, quiet: bool = False) -> SafeConsole:
    """Colours only on a terminal (Rich decides), and none at all with --no-color; text is
    printed as written (no markup, no :emoji: codes) and cleaned of control characters."""
    plain = _OUTPUT["no_color"]
    return SafeConsole(
        stderr=stderr,
        quiet=quiet,
        highlight=False,
        emoji=False,
        soft_wrap=True,
        no_color=plain or None,
        color_system=None if plain else "auto",
    )


def _out(always: bool = False) -> SafeConsole:
    """Standard output: --quiet silences it, except what the command exists to print."""
    return _console(quiet=_OUTPUT["quiet"] and not always)


def _err() -> SafeConsole:
    """Problems and errors: --quiet never hides them."""
    return _console(stderr=True)


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
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help=_(
                "Ngôn ngữ của thông báo: vi (mặc định) hoặc en; cũng "
                "đặt được bằng biến CAMKET_LANG."
            ),
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help=_("Không in thông báo thường, chỉ in lỗi."))
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help=_("Không dùng màu."))] = False,
) -> None:
    """The options every command shares (the language itself is read when the module loads)."""
    if lang is not None and lang.split("_")[0].lower() not in i18n.LANGUAGES:
        raise typer.BadParameter(
            _("ngôn ngữ '{lang}' chưa có; dùng: {langs}").format(
                lang=lang, langs=", ".join(i18n.LANGUAGES)
            ),
            param_hint="--lang",
        )
    if lang is not None:  # the messages made from here on (help was phrased at start-up)
        i18n.set_language(lang)
    _OUTPUT["quiet"] = quiet
    _OUTPUT["no_color"] = no_color or bool(os.environ.get("NO_COLOR"))


def _require_year(root: Path, year: int) -> None:
    if year not in dict(folder.year_folders(root)):
        _err().print(
            _("lỗi: thư mục dữ liệu chưa có năm {year} (không có thư mục {path})").format(
                year=year, path=root / str(year)
            ),
            markup=False,
        )
        raise typer.Exit(1)


def _load_year(root: Path, year: int, force: bool = False) -> Project:
    """Load one year and its shared files; invalid data stops here unless `force`."""
    from camket import pipeline
    from camket.cli import present
    from camket.problems import has_errors

    _require_year(root, year)
    project, problems = pipeline.load_and_check(root, years=[year])
    err = _err()
    for line in present.problems_text(problems):
        err.print(line, markup=False)
    if has_errors(problems):
        unusable = project.settings is None or project.years[year].config is None
        if not force or unusable:
            err.print(
                _(
                    "Dữ liệu có lỗi; hãy sửa các lỗi trên rồi chạy lại "
                    "(camket validate để kiểm tra)."
                ),
                markup=False,
            )
            raise typer.Exit(1)
        err.print(_("Dữ liệu có lỗi: văn bản được in dưới dạng DỰ THẢO (--force)."), markup=False)
    return project


PdfOption = Annotated[bool, typer.Option("--pdf", help=_("Xuất thêm tệp PDF (cần LibreOffice)."))]


def _pdf(paths: list[Path]) -> None:
    from camket.documents.render.pdf import PdfError, convert

    for path in paths:
        try:
            made = convert(path)
        except PdfError as e:
            _err().print(_("lỗi: {e}").format(e=e), markup=False)
            raise typer.Exit(1) from None
        _out().print(_("Đã ghi PDF: {path}").format(path=made), markup=False)


OutOption = Annotated[
    Path | None,
    typer.Option("--out", help=_("Nơi ghi văn bản (tệp hoặc thư mục)."), show_default=False),
]
TemplateOption = Annotated[
    Path | None,
    typer.Option(
        "--template", help=_("Mẫu văn bản .docx dùng thay mẫu mặc định."), show_default=False
    ),
]


def _template(kind: str, explicit: Path | None, project: Project) -> Path:
    from camket.documents.render import template

    configured = None
    if project.settings and project.settings.templates:
        configured = getattr(project.settings.templates, kind)
    try:
        return template.find(kind, explicit, configured, project.root)
    except template.TemplateError as e:
        _err().print(_("lỗi: {e}").format(e=e), markup=False)
        raise typer.Exit(1) from None


def _output(out: Path | None, name: str) -> Path:
    """--out as given: a file when it has a suffix (bao-cao.docx), else a folder (made if need
    be) that receives the default name; without --out, the default name here."""
    if out is None:
        return Path(name)
    if out.is_dir() or (not out.exists() and not out.suffix):
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            _err().print(
                _("lỗi: không tạo được thư mục '{path}': {e}").format(path=out, e=e.strerror or e),
                markup=False,
            )
            raise typer.Exit(1) from None
        return out / name
    return out


def _write(path: Path, data: bytes) -> None:
    from camket import atomic

    if path.is_dir():
        _err().print(
            _("lỗi: '{path}' là một thư mục; hãy cho tên tệp .docx").format(path=path), markup=False
        )
        raise typer.Exit(1)
    try:
        atomic.write_bytes(path, data)
    except OSError as e:
        _err().print(
            _("lỗi: không ghi được '{path}': {e}").format(path=path, e=e.strerror or e),
            markup=False,
        )
        raise typer.Exit(1) from None


def _bad_argument(argv: list[str]) -> str | None:
    """A message for the first argument no command should see, or None.

    On POSIX Python decodes the command line with surrogateescape: a byte that is not UTF-8
    becomes a lone surrogate, which every later step (printing, writing YAML, calling git)
    would fail to encode. A control character (ESC, a C1 control, a bidirectional override)
    cannot be typed; it comes from a file name expanded by the shell, and Click would echo it
    to the terminal in its own error messages."""
    for position, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            return _(
                "lỗi: tham số thứ {n} của lệnh ({arg}) có byte không phải UTF-8 (� là chỗ "
                "không đọc được); hãy gõ lại tham số này, hoặc đổi tên tệp cho đúng tiếng Việt "
                "Unicode"
            ).format(n=position, arg=clean(shown))
        control = next((ch for ch in arg if ch not in "\t\n" and UNSAFE.match(ch)), None)
        if control is not None:
            return _(
                "lỗi: tham số thứ {n} của lệnh ({arg}) có ký tự điều khiển U+{code:04X}, không gõ "
                "được từ bàn phím (thường do tên tệp lạ); hãy gõ lại tham số này, hoặc đổi tên tệp"
            ).format(n=position, arg=clean(arg), code=ord(control))
    return None


def main() -> None:
    """Entry point: a clerk never sees a traceback (set CAMKET_DEBUG=1 to get one)."""
    refused = _bad_argument(sys.argv[1:])
    if refused is not None:
        print(refused, file=sys.stderr)
        sys.exit(1)
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except clock.ClockError as e:
        print(clean(_("lỗi: {e}").format(e=e)), file=sys.stderr)
        sys.exit(1)
    except Exception as e:
        if os.environ.get("CAMKET_DEBUG"):
            raise
        print(
            clean(
                _(
                    "lỗi nội bộ của camket: {e}. Hãy báo lại cho người bảo trì, kèm lệnh vừa "
                    "chạy (chạy lại với CAMKET_DEBUG=1 để xem chi tiết)."
                ).format(e=e)
            ),
            file=sys.stderr,
        )
        sys.exit(70)  # EX_SOFTWARE: not the clerk's mistake (2 is a usage error)
