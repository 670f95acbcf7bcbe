"""Markers the content stage leaves in text for the render stage to turn into Word structure.

Private-use characters cannot come from a clerk's keyboard, and the reader refuses nothing
here: a data value that contained them would only produce a stray footnote, never run code.
"""

from __future__ import annotations

import re

OPEN = "\ue000"
CLOSE = "\ue001"
FOOTNOTE = re.compile(f"{OPEN}(\\d+){CLOSE}")


def footnote_marker(number: int) -> str:
    return f"{OPEN}{number}{CLOSE}"


def strip(text: str) -> str:
    """The text as a reader sees it, without markers."""
    return FOOTNOTE.sub("", text)
