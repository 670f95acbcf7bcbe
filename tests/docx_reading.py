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


def paragraphs(path: Path) -> list[str]:
    """Every paragraph's text in document order, tables included."""
    root = part(path, "word/document.xml")
    return ["".join(p.itertext()) for p in root.iter(f"{{{W}}}p")]


def text(path: Path) -> str:
    return "\n".join(paragraphs(path))


def document(path: Path):
    return Document(str(path))
