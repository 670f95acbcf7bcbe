"""Reading a generated .docx back, the way the tests look at it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def _text(paragraph: etree._Element, breaks: str) -> str:
    out = []
    for el in paragraph.iter(f"{{{W}}}t", f"{{{W}}}br", f"{{{W}}}tab"):
        if el.tag == f"{{{W}}}t":
            out.append(el.text or "")
        else:
            out.append(breaks if el.tag == f"{{{W}}}br" else "\t")
    return "".join(out)


def paragraphs(path: Path) -> list[str]:
    """Every paragraph's text in document order, tables included, as a reader reads it: a
    line break or a no-break space is a space."""
    return [t.replace("\u00a0", " ") for t in layout_paragraphs(path, breaks=" ")]


def layout_paragraphs(path: Path, breaks: str = "\n") -> list[str]:
    """Every paragraph's text with its line breaks and no-break spaces, as laid out."""
    root = part(path, "word/document.xml")
    return [_text(p, breaks) for p in root.iter(f"{{{W}}}p")]


def text(path: Path) -> str:
    return "\n".join(paragraphs(path))


def document(path: Path):
    return Document(str(path))
