"""Tab completion of commands and options, installed or shown, said in the clerk's language.

Typer writes the shell scripts (bash, zsh, fish, PowerShell); camket says what it did, in
Vietnamese or English, where Typer would say it in English.
"""

from __future__ import annotations

from camket.cli.output import err, out
from camket.errors import CamketError
from camket.i18n import _

PROG = "camket"
COMPLETE_VAR = "_CAMKET_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell() -> str:
    from typer._completion_shared import _get_shell_name

    shell = _get_shell_name()
    if shell not in SHELLS:
        raise CamketError(
            _(
                "không nhận ra cửa sổ lệnh đang dùng ({shell}); gợi ý lệnh có cho bash, zsh, fish "
                "và PowerShell"
            ).format(shell=shell or "?")
        )
    return shell


def install() -> None:
    from typer._completion_shared import install as write_script

    shell = _shell()
    shell, path = write_script(shell=shell, prog_name=PROG, complete_var=COMPLETE_VAR)
    out().print(
        _("Đã cài gợi ý lệnh cho {shell} vào {path}.").format(shell=shell, path=path),
        markup=False,
    )
    err().print(_("Gợi ý lệnh có hiệu lực khi mở lại cửa sổ lệnh."), markup=False)


def show() -> None:
    from typer._completion_shared import get_completion_script

    print(get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=_shell()))
