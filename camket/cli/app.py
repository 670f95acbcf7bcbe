"""The Typer application, its own options, and the entry point.

Each command module registers its commands with `command` (camket's command class, which draws
its help in the clerk's language); each command is one call into the library and its output.
Errors are not printed here or in the commands: a refusal is a `CamketError`, which the app
(camket.cli.wording.CamketGroup) prints and turns into an exit code. Heavy libraries are
imported inside the commands that need them.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer
from typer import _click

from camket import __version__, i18n
from camket.cli.output import Choices
from camket.cli.wording import CamketCommand, CamketGroup, words
from camket.i18n import N_, _
from camket.terminal import UNSAFE, clean, prepare_streams

app = typer.Typer(
    name="camket",
    cls=CamketGroup,
    help=N_(
        "camket — quản lý cam kết trách nhiệm: kiểm tra dữ liệu, tổng hợp kết quả, in văn bản."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def command(*args: Any, **kwargs: Any) -> Any:
    """`app.command` with camket's command class."""
    return app.command(*args, cls=CamketCommand, **kwargs)


def _version(value: bool) -> None:
    if value:
        print(f"camket {__version__}")
        raise typer.Exit()


def _language(value: str | None) -> str | None:
    """Eager: the language is set before anything is printed, --help included."""
    if value is None:
        return None
    if value.split("_")[0].lower() not in i18n.LANGUAGES:
        raise typer.BadParameter(
            _("ngôn ngữ '{lang}' chưa có; dùng: {langs}").format(
                lang=value, langs=", ".join(i18n.LANGUAGES)
            )
        )
    i18n.set_language(value)
    return value


@app.callback(invoke_without_command=True)
def _main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=N_("In phiên bản rồi thoát.")
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="vi|en",
            callback=_language,
            is_eager=True,
            help=N_(
                "Ngôn ngữ của thông báo: vi (mặc định) hoặc en; cũng "
                "đặt được bằng biến CAMKET_LANG. Đặt được trước hoặc sau tên lệnh."
            ),
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help=N_("Không in thông báo thường, chỉ in lỗi."))
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help=N_("Không dùng màu."))] = False,
    install_completion: Annotated[
        bool,
        typer.Option(
            "--install-completion",
            help=N_("Cài gợi ý lệnh bằng phím Tab cho cửa sổ lệnh đang dùng (bash, zsh, fish…)."),
        ),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option(
            "--show-completion",
            help=N_("In đoạn mã gợi ý lệnh của cửa sổ lệnh đang dùng, để chép hoặc tự cài."),
        ),
    ] = False,
) -> None:
    """The options every command shares; they may also follow the command's name."""
    ctx.obj = Choices(quiet=quiet, no_color=no_color or bool(os.environ.get("NO_COLOR")))
    if install_completion or show_completion:
        from camket.cli.completion import install, show

        install() if install_completion else show()
        raise typer.Exit()
    if ctx.invoked_subcommand is None:  # options only (`camket -q`): what a command needs
        raise _click.exceptions.UsageError(words("Missing command."), ctx)


SHARED_FLAGS = ("--quiet", "-q", "--no-color")


def hoist(argv: list[str]) -> list[str]:
    """The shared options written after the command's name, moved before it
    (`camket validate --lang en` is `camket --lang en validate`). A value of another option
    that happens to read `--quiet` stays where it is: the command's options that take a value
    are known."""
    group = typer.main.get_command(app)
    front: list[str] = []
    rest: list[str] = []
    takes_value: set[str] = set()
    seen_command = False
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if not seen_command and not arg.startswith("-"):
            seen_command = True
            sub = group.commands.get(arg) if hasattr(group, "commands") else None
            for param in sub.params if sub is not None else ():
                if param.param_type_name == "option" and not getattr(param, "is_flag", False):
                    takes_value.update(param.opts)
            rest.append(arg)
        elif seen_command and arg in SHARED_FLAGS:
            front.append(arg)
        elif seen_command and arg == "--lang" and i + 1 < len(argv):
            front += argv[i : i + 2]
            i += 1
        elif seen_command and arg.startswith("--lang="):
            front.append(arg)
        elif arg in takes_value or (not seen_command and arg == "--lang"):
            rest += argv[i : i + 2]
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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
            raw = arg.encode("utf-8", "surrogateescape")
            if _utf8(raw):  # UTF-8 after all: Python was told the system's encoding is ASCII
                return _(
                    "lỗi: tham số thứ {n} của lệnh ({arg}) là chữ Việt, nhưng cửa sổ lệnh đang "
                    "đặt bảng mã {encoding} (thường do LC_ALL=C); hãy đặt biến môi trường "
                    "PYTHONUTF8=1 (hoặc LC_ALL=C.UTF-8) rồi chạy lại"
                ).format(
                    n=position, arg=clean(raw.decode("utf-8")), encoding=sys.getfilesystemencoding()
                )
            shown = raw.decode("utf-8", "replace")
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
    prepare_streams()  # before anything is printed: any console, any encoding
    i18n.set_language(None)  # $CAMKET_LANG, else Vietnamese; --lang may change it
    argv = sys.argv[1:]
    refused = _bad_argument(argv)
    if refused is not None:
        print(refused, file=sys.stderr)
        sys.exit(1)
    try:
        app(args=hoist(argv), prog_name="camket")
    except KeyboardInterrupt:
        sys.exit(130)
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
