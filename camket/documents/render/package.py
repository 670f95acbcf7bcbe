"""The finishing of a rendered document: fonts, properties, and bytes that do not vary.

- Every `w:rFonts` that names a font gets all four slots (ascii, hAnsi, cs, eastAsia), and
  theme-font attributes are dropped: otherwise Word may set Vietnamese letters in another font.
  Fonts a clerk chose in the template are kept; only the missing slots are filled.
- Core properties come from the data, the options and git, never from the clock.
- The .docx zip is rewritten with fixed timestamps and attributes, in python-docx's own order.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from camket import __version__
from camket.git import RepoState

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
_THEME = ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Properties:
    title: str
    subject: str
    author: str
    date: dt.date
    git: RepoState | None
    note: str = ""  # extra provenance, e.g. "đã niêm phong"

    def comments(self) -> str:
        parts = [f"camket {__version__}"]
        if self.git is None:
            parts.append("dữ liệu: không phải kho git")
        else:
            dirty = " (có thay đổi chưa commit)" if self.git.dirty else ""
            parts.append(f"dữ liệu: commit {self.git.commit[:12]}{dirty}")
        if self.note:
            parts.append(self.note)
        return "; ".join(parts)


def complete_fonts(root: Any) -> None:
    for fonts in root.iter(f"{{{W}}}rFonts"):
        named = next((fonts.get(f"{{{W}}}{s}") for s in _SLOTS if fonts.get(f"{{{W}}}{s}")), None)
        if named is None:
            continue
        for attr in _THEME:
            fonts.attrib.pop(f"{{{W}}}{attr}", None)
        for slot in _SLOTS:
            if not fonts.get(f"{{{W}}}{slot}"):
                fonts.set(f"{{{W}}}{slot}", named)


def finish(document: Any, props: Properties) -> bytes:
    """Schema order, fonts and properties set, the document serialised with deterministic
    bytes."""
    from camket.documents.render import ooxml

    ooxml.tidy(document)
    complete_fonts(document.element)
    complete_fonts(document.styles.element)
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer):
            if not part.is_linked_to_previous:
                complete_fonts(part._element)
    cp = document.core_properties
    stamp = dt.datetime(props.date.year, props.date.month, props.date.day, tzinfo=dt.UTC)
    cp.title = props.title
    cp.subject = props.subject
    cp.author = props.author
    cp.last_modified_by = "camket"
    cp.created = stamp
    cp.modified = stamp
    cp.last_printed = stamp
    cp.revision = 1
    cp.keywords = "camket; cam kết trách nhiệm"
    cp.identifier = props.git.commit if props.git else ""
    cp.version = (props.git.commit[:12] + ("+" if props.git.dirty else "")) if props.git else ""
    cp.comments = props.comments()
    cp.category = "Báo cáo" if "báo cáo" in props.subject.lower() else "Bản cam kết"
    cp.content_status = ""
    cp.language = "vi-VN"
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def normalise_zip(data: bytes, edit: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """The same entries in the same order, with fixed times and attributes; `edit` may change
    an entry's bytes on the way (for writers that stamp the clock into a part)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3
            fixed.external_attr = 0o644 << 16
            body = src.read(info.filename)
            if edit is not None:
                body = edit(info.filename, body)
            dst.writestr(fixed, body, compresslevel=6)
    return out.getvalue()
