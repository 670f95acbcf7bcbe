"""What camket writes to a terminal carries no control sequence from data, file names or git.

A file name, a git author or an old version of a file can hold ESC, a C1 control such as CSI
(U+009B), BEL or a bidirectional override; printed as is, it can retitle the window, rewrite
the screen, hide a line or reverse how a name reads. Every console of the command line is a
`SafeConsole`, which strips such characters from the text it renders (Rich's own styling is
added afterwards and kept), and JSON printed for other programs escapes them, which keeps the
values intact.

`prepare_streams` makes every console and pipe able to take Vietnamese: see its docstring.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

# C0 controls but tab and line feed, DEL, C1; the line and paragraph separators; the
# bidirectional controls (marks, embeddings, overrides, isolates): all of them take no width
# when Rich lays out a table, and are stripped, so the layout stays right. Lone surrogates (a
# file name that is not UTF-8, decoded by Python with surrogateescape) cannot be written at all
# and take one cell: they are shown as '?', as `ls` shows such a byte.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _replace(match: re.Match[str]) -> str:
    return "?" if "\ud800" <= match.group() <= "\udfff" else ""


def clean(text: str) -> str:
    """The text without any character a terminal could act on."""
    return UNSAFE.sub(_replace, text) if UNSAFE.search(text) else text


class SafeConsole(Console):
    """A Rich console that cleans the text of everything it renders: strings, `Text`, the cells
    and titles of tables. Segments Rich makes for its own control codes are left alone."""

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        search = UNSAFE.search
        for segment in super().render(renderable, options):
            if segment.control is None and search(segment.text):
                segment = Segment(clean(segment.text), segment.style, segment.control)
            yield segment


# JSON escapes C0 itself; these would pass through a dump with ensure_ascii=False.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def json_text(value: Any) -> str:
    """JSON for a terminal or a file: Vietnamese kept readable, the characters of `UNSAFE`
    escaped as \\uXXXX (the same string once parsed), and NaN or Infinity refused (they are
    not JSON; the reader never lets them in)."""
    text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def prepare_streams() -> None:
    """Standard output and errors able to take any text, once, before anything is printed.

    Python encodes what is printed in the console's or the system's encoding: Windows-1258 or
    cp437 in a clerk's Windows console redirected to a file, ASCII under a C locale, whatever
    PYTHONIOENCODING says. A character it lacks (most of Vietnamese, in all of these) stopped
    the command halfway. A file or a pipe (a pre-commit hook, `> ket-qua.txt`) now always gets
    UTF-8, the encoding every later reader of camket's output expects; a terminal keeps its own
    encoding, the one it displays, and shows '?' for a character it cannot. Streams a test
    runner or an embedding program replaced (no `reconfigure`) are left as they are."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            terminal = stream.isatty()
        except (OSError, ValueError):  # closed or detached
            continue
        if terminal:
            reconfigure(errors="replace")
        else:
            reconfigure(encoding="utf-8", errors="replace")
