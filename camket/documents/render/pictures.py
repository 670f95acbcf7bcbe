"""Pictures placed after rendering, where the template printed a picture marker.

The template never holds the picture: docxtpl's InlineImage carries the template object itself,
whose methods reach the file system. camket gives the template a marker string and puts the
picture in its place once the template has run.
"""

from __future__ import annotations

import io
from typing import Any

from camket.documents.render.markers import PICTURE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def place(document: Any, pictures: dict[str, tuple[bytes, float]]) -> None:
    """Replace each marker run by its picture (PNG bytes, width in mm); a marker with no
    picture, or a second copy of one, is dropped."""
    from docx.shared import Mm
    from docx.text.run import Run

    placed: set[str] = set()
    for text in list(document.element.body.iter(f"{{{W}}}t")):
        found = PICTURE.search(text.text or "")
        if found is None:
            continue
        text.text = PICTURE.sub("", text.text)
        name = found.group(1)
        if name not in pictures or name in placed or not pictures[name][0]:
            continue
        data, width = pictures[name]
        run = Run(text.getparent(), document._body)
        run.add_picture(io.BytesIO(data), width=Mm(width))
        placed.add(name)
