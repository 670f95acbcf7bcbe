"""Markers the content stage leaves in text for the render stage to turn into Word structure.

They are private-use characters, which no keyboard types and the reader refuses in data, so a
marker in a rendered document can only have come from camket: a footnote reference, or the
place of a picture (the template sees the marker, a plain string, never the picture itself).
"""

from __future__ import annotations

import re

OPEN = "\ue000"
CLOSE = "\ue001"
FOOTNOTE = re.compile(f"{OPEN}(\\d+){CLOSE}")
PICTURE = re.compile(f"{OPEN}picture:([a-z]+){CLOSE}")


def footnote_marker(number: int) -> str:
    return f"{OPEN}{number}{CLOSE}"


def picture_marker(name: str) -> str:
    return f"{OPEN}picture:{name}{CLOSE}"


def strip(text: str) -> str:
    """The text as a reader sees it, without markers."""
    return PICTURE.sub("", FOOTNOTE.sub("", text))
