"""The cell values of an .xlsx file's sheets, read with the standard library and nothing else.

A returned form needs its sheets' values and nothing more: no styles, themes, drawings or
formulas. openpyxl reads all of a workbook into objects (about 20 ms a form, and a third of a
second to import, numpy included), which made a quarter's 59 forms slower to import than the
issue allows; this reads the parts a form has, in the order of the rows, and stops at the last
row it was asked for. It is also a small surface for an untrusted file:

- only the workbook, its relationships, the shared strings and the sheets asked for are parsed;
  a part larger than MAX_PART is refused unread;
- no part may hold a document type declaration (Office never writes one), so no entity is ever
  declared, let alone expanded;
- a formula is never evaluated: a cell gives the value cached by the program that saved it, or
  nothing;
- cells are values: text, a number, a boolean, a date written as a date (`t="d"`), or an error
  shown as its text (#N/A).

The tests read forms written by XlsxWriter, saved by openpyxl and re-saved by LibreOffice; Excel
and WPS write the same parts. Strict Open XML (another namespace) is read by local names.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from camket.i18n import _

MAX_PART = 32 * 1024 * 1024
_CELL = re.compile(r"([A-Z]{1,3})(\d+)$")
_DOCTYPE = b"<!DOCTYPE"


class BadBook(Exception):
    """Not a workbook this reader reads; the message says which part is wrong (for whoever
    helps the clerk: what to do is the caller's message)."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


class Book:
    """An open .xlsx: its sheets by name, read on demand."""

    def __init__(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as e:
            raise BadBook(_("tệp nén hỏng: {e}").format(e=e)) from None
        try:
            self._open()
        except BaseException:
            self._zip.close()
            raise

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _part(self, name: str) -> bytes:
        try:
            info = self._zip.getinfo(name)
        except KeyError:
            raise BadBook(_("thiếu phần {name}").format(name=name)) from None
        if info.file_size > MAX_PART:
            raise BadBook(_("phần {name} quá lớn").format(name=name))
        try:
            data = self._zip.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
            raise BadBook(_("phần {name} hỏng: {e}").format(name=name, e=e)) from None
        if _DOCTYPE in data:
            raise BadBook(_("phần {name} có khai báo DOCTYPE, không đọc").format(name=name))
        return data

    def _xml(self, name: str) -> ET.Element:
        try:
            return ET.fromstring(self._part(name))
        except ET.ParseError as e:
            raise BadBook(_("phần {name} hỏng: {e}").format(name=name, e=e)) from None

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """A part's relationships: id -> (type, target part name)."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", name + ".rels")
        out = {}
        for rel in self._xml(rels):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                continue
            if target.startswith("/"):
                full = target.lstrip("/")
            else:
                full = posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], full)
        return out

    def _open(self) -> None:
        main = next(
            (t for kind, t in self._rels("").values() if kind == "officeDocument"),
            "xl/workbook.xml",
        )
        workbook = self._xml(main)
        rels = self._rels(main)
        self.date1904 = False
        self.sheets: dict[str, str] = {}
        for el in workbook.iter():
            tag = _local(el.tag)
            if tag == "workbookPr":
                self.date1904 = el.get("date1904", "0").lower() in ("1", "true")
            elif tag == "sheet":
                rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), "")
                if rid in rels:
                    self.sheets.setdefault(el.get("name", ""), rels[rid][1])
        self.strings: list[str] = []
        shared = next((t for kind, t in rels.values() if kind == "sharedStrings"), None)
        if shared is not None:
            for si in self._xml(shared):
                self.strings.append(_text(si))

    def rows(self, sheet: str, max_row: int, max_col: int) -> Iterator[tuple[int, list[Any]]]:
        """(row number, its first max_col values) of each row up to max_row that has a cell."""
        data = self._part(self.sheets[sheet])
        number = 0
        try:
            for _event, el in ET.iterparse(io.BytesIO(data), events=("end",)):
                if _local(el.tag) != "row":
                    continue
                number = int(el.get("r") or number + 1)
                if number > max_row:
                    break
                values: list[Any] = [None] * max_col
                column = -1
                for c in el:
                    if _local(c.tag) != "c":
                        continue
                    ref = _CELL.match(c.get("r", ""))
                    column = _column(ref.group(1)) if ref else column + 1
                    if column < max_col:
                        values[column] = self._value(c)
                el.clear()
                yield number, values
        except ET.ParseError as e:
            raise BadBook(_("trang tính {sheet} hỏng: {e}").format(sheet=sheet, e=e)) from None

    def _value(self, c: ET.Element) -> Any:
        kind = c.get("t", "n")
        v = next((x.text for x in c if _local(x.tag) == "v"), None)
        if kind == "inlineStr":
            inline = next((x for x in c if _local(x.tag) == "is"), None)
            return _text(inline) if inline is not None else None
        if v is None:
            return None
        if kind == "s":
            index = int(v)
            return self.strings[index] if 0 <= index < len(self.strings) else None
        if kind in ("str", "e"):
            return v
        if kind == "b":
            return v.strip() in ("1", "true")
        if kind == "d":
            try:
                return dt.datetime.fromisoformat(v.strip())
            except ValueError:
                return v
        try:
            number = float(v)
        except ValueError:
            return v
        return int(number) if number.is_integer() and abs(number) < 2**53 else number

    def date(self, serial: float) -> dt.date:
        """A date written as a number of days (the workbook's 1900 or 1904 system)."""
        if self.date1904:
            return dt.date(1904, 1, 1) + dt.timedelta(days=int(serial))
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(serial))


def _text(el: ET.Element) -> str:
    """A string item's text: its <t>, or its runs' <t>, leaving out phonetic runs (<rPh>)."""
    parts: list[str] = []

    def walk(node: ET.Element) -> None:
        for child in node:
            tag = _local(child.tag)
            if tag == "t":
                parts.append(child.text or "")
            elif tag == "r":
                walk(child)

    walk(el)
    return "".join(parts)
