"""Where the command line writes: standard output and errors, as the options chose.

The choices (`--quiet`, `--no-color`) live on the command's root context, not in a module
variable: each run of the app starts from its own options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from typer._click.globals import get_current_context

from camket.terminal import SafeConsole


@dataclass
class Choices:
    quiet: bool = False
    no_color: bool = False


def choices() -> Choices:
    """The running command's choices (the defaults outside a command)."""
    ctx = get_current_context(silent=True)
    root = ctx.find_root() if ctx is not None else None
    if root is not None and isinstance(root.obj, Choices):
        return root.obj
    return Choices(no_color=bool(os.environ.get("NO_COLOR")))


def console(stderr: bool = False, quiet: bool = False) -> SafeConsole:
    """Colours only on a terminal (Rich decides), and none at all with --no-color; text is
    printed as written (no markup, no :emoji: codes) and cleaned of control characters."""
    plain = choices().no_color or bool(os.environ.get("NO_COLOR"))
    return SafeConsole(
        stderr=stderr,
        quiet=quiet,
        highlight=False,
        emoji=False,
        soft_wrap=True,
        no_color=plain or None,
        color_system=None if plain else "auto",
    )


def out(always: bool = False) -> SafeConsole:
    """Standard output: --quiet silences it, except what the command exists to print."""
    return console(quiet=choices().quiet and not always)


def err() -> SafeConsole:
    """Problems and errors: --quiet never hides them."""
    return console(stderr=True)
