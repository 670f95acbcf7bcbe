"""What Typer prints of its own (usage lines, headings, errors, completion), in the clerk's
language, and camket's help texts translated when they are shown.

camket's help texts are written in Vietnamese and marked with `N_`: they are translated when a
help page is drawn, not when a module is imported, so `--lang en` works wherever it stands on
the command line (and in a test that runs the app in-process). Typer (0.29, which vendors its
own click) prints a few words of its own: the headings come through its gettext `_`, which is
pointed at the table below; the usage line, the help option and the errors are drawn by
camket's command classes (`CamketGroup`, `CamketCommand`), so no English shows under
Vietnamese. A test runs every `--help` and a sample of errors in both languages.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any

import typer
import typer.core
from typer import _click
from typer.core import TyperCommand, TyperGroup

from camket import i18n
from camket.i18n import N_, _

# Typer's and click's own words, by their English text.
WORDS = {
    "Arguments": N_("Tham số"),
    "Options": N_("Tùy chọn"),
    "Commands": N_("Lệnh"),
    "required": N_("bắt buộc"),
    "default: {default}": N_("mặc định: {default}"),
    "env var: {var}": N_("biến môi trường: {var}"),
    "(dynamic)": N_("(tùy lúc chạy)"),
    "Aborted!": N_("Đã dừng."),
    "Missing command.": N_("Thiếu tên lệnh."),
    "No such command {name!r}.": N_("Không có lệnh {name!r}."),
    "Show this message and exit.": N_("In hướng dẫn này rồi thoát."),
}


def words(message: str) -> str:
    """Typer's gettext, answered from WORDS: Vietnamese, or English as Typer wrote it."""
    if message in WORDS and i18n.language() != "en":
        return _(WORDS[message])
    return message


typer.core._ = words  # type: ignore[attr-defined]  (Typer's own `from gettext import gettext as _`)


def _no_type(self: Any, ctx: Any) -> str:
    """camket's help texts say what a value is; Typer's `<int>`, `<list[Path]>` would be English
    beside them."""
    return ""


typer.core._TyperParameter.display_type = _no_type  # type: ignore[method-assign]


def _no_range(self: Any) -> None:
    """Typer's `[1<=x<=4]` beside a help text that already says "(1–4)" in words."""
    return None


def _plain_name(self: Any) -> str:
    """A required argument in the usage line as its help lists it (`NĂM`), not Typer's
    `{NĂM}`: one style of placeholder, the one the help and the guide use."""
    name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
    return name + "..." if self.nargs != 1 else name


typer.core.TyperOption._get_number_range_help_str = _no_range  # type: ignore[method-assign]
typer.core.TyperArgument._get_number_range_help_str = _no_range  # type: ignore[method-assign]
typer.core.TyperArgument._usage_display_name = _plain_name  # type: ignore[method-assign]


@contextlib.contextmanager
def translated(command: Any) -> Iterator[None]:
    """camket's help texts (Vietnamese msgids) in the current language while a page is drawn."""
    saved: list[tuple[Any, str, Any]] = []

    def swap(obj: Any, name: str) -> None:
        value = getattr(obj, name, None)
        if isinstance(value, str) and value:
            saved.append((obj, name, value))
            setattr(obj, name, _(value))

    for name in ("help", "short_help", "epilog"):
        swap(command, name)
    for param in command.params:
        swap(param, "help")
        swap(param, "metavar")
    for sub in getattr(command, "commands", {}).values():
        for name in ("help", "short_help"):
            swap(sub, name)
    try:
        yield
    finally:
        for obj, name, value in reversed(saved):
            setattr(obj, name, value)


class _Wording:
    """What camket's command classes draw themselves instead of Typer's English."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Cách dùng: "))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        said = {"[OPTIONS]": _("[TÙY_CHỌN]"), "COMMAND [ARGS]...": _("LỆNH [THAM_SỐ]...")}
        return [said.get(piece, _(piece)) for piece in pieces]

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = words("Show this message and exit.")
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        with translated(self):
            super().format_help(ctx, formatter)  # type: ignore[misc]


class CamketCommand(_Wording, TyperCommand):
    pass


def _pydantic_words(message: str) -> str:
    """Typer checks values with pydantic, whose messages are English: the usual ones, said."""
    table = (
        (r"Input should be less than or equal to (\S+)", N_("phải nhỏ hơn hoặc bằng {0}")),
        (r"Input should be greater than or equal to (\S+)", N_("phải lớn hơn hoặc bằng {0}")),
        (r"Input should be a valid integer.*", N_("phải là một số nguyên")),
        (r"Input should be a valid number.*", N_("phải là một số")),
        (r"Input should be a valid boolean.*", N_("phải là có hoặc không")),
    )
    for pattern, said in table:
        m = re.fullmatch(pattern, message.strip())
        if m:
            return _(said).format(*m.groups())
    return message


def usage_error(e: Any) -> str:
    """A usage error as the clerk reads it: what is wrong, then how to get the help page."""
    if isinstance(e, _click.exceptions.MissingParameter) and e.param is not None:
        name = e.param.metavar or e.param.name or "?"
        name = _(name)
        message = _("thiếu {what} {name}").format(
            what=_("tham số") if e.param.param_type_name == "argument" else _("tùy chọn"),
            name=name,
        )
    elif isinstance(e, _click.exceptions.NoSuchOption):
        message = _("không có tùy chọn {option}").format(option=e.option_name)
        if e.possibilities:
            message += _("; có phải ý bạn là: {names}?").format(names=", ".join(e.possibilities))
    elif isinstance(e, _click.exceptions.BadParameter):
        where = ""
        if e.param is not None:
            try:  # an option's hint takes the context, an argument's does not
                where = e.param.get_error_hint(e.ctx)
            except TypeError:
                where = e.param.get_error_hint()
        detail = _pydantic_words(e.message)
        message = _("giá trị không hợp lệ cho {where}: {detail}").format(
            where=_(where.strip("'")) if where else "", detail=detail
        )
    else:
        message = e.format_message()
        m = re.fullmatch(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
        if m:
            message = _("thừa tham số: {args}").format(args=m.group(1))
        m = re.fullmatch(r"(.*)\. Did you mean (.*)\?", message, re.DOTALL)
        if m:  # Typer's suggestion of a command, added after click's (translated) words
            message = m.group(1) + _("; có phải ý bạn là: {names}?").format(names=m.group(2))
    lines = []
    if e.ctx is not None:
        with translated(e.ctx.command):
            pieces = " ".join(e.ctx.command.collect_usage_pieces(e.ctx))
        lines.append(
            _("Cách dùng: {command} {pieces}").format(command=e.ctx.command_path, pieces=pieces)
        )
        lines.append(_("Xem hướng dẫn: {command} --help").format(command=e.ctx.command_path))
        lines.append("")
    lines.append(_("lỗi: {message}").format(message=message))
    return "\n".join(lines)


class CamketGroup(_Wording, TyperGroup):
    """camket's app: draws its words, and turns every refusal into a message and an exit code.

    Commands raise `camket.errors.CamketError` (or let a library's refusal rise); the group
    prints its messages, each on a line, and exits 1. A usage error is said in the clerk's
    language and exits 2. Nothing below this class prints an error itself.
    """

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        from camket.cli.output import err
        from camket.errors import CamketError

        try:
            rv = super().main(*args, standalone_mode=False, **kwargs)
        except _click.exceptions.UsageError as e:
            print(usage_error(e), file=sys.stderr)
            sys.exit(e.exit_code)
        except _click.exceptions.ClickException as e:
            print(_("lỗi: {message}").format(message=e.format_message()), file=sys.stderr)
            sys.exit(e.exit_code)
        except typer.Abort:
            print(words("Aborted!"), file=sys.stderr)
            sys.exit(1)
        except CamketError as e:
            console = err()
            for message in e.messages:
                console.print(f"{e.prefix()}: {message}", markup=False)
            sys.exit(e.exit_code)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else 0)
