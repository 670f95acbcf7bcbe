"""Writing .xlsx files as Excel writes them: XlsxWriter, with every text a text.

XlsxWriter is imported here only (a command that writes no spreadsheet never loads it). Its
files open in Excel, LibreOffice and WPS without repair (shared strings, styles in schema
order), and nothing is left to guesswork: a text is written as a string cell, a number as a
number, a date as a date. A text that starts like a formula (`=`, `+`, `-`, `@`, a tab, a CR)
also carries Excel's quote prefix, so that editing the cell keeps it text rather than running
it (CSV/formula injection). The bytes are the same for the same content: the clock appears
nowhere, the zip's entries are rewritten with fixed times.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "dd/mm/yyyy"


class Book:
    """A workbook being written in memory; `bytes()` closes it and returns the file."""

    def __init__(self, title: str, author: str, created: dt.date) -> None:
        import xlsxwriter

        self._buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(
            self._buffer,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        stamp = dt.datetime(created.year, created.month, created.day)
        self.book.set_properties({"title": title, "author": author, "created": stamp})
        self._formats: dict[tuple[tuple[str, Any], ...], Any] = {}

    def custom_properties(self, values: dict[str, str]) -> None:
        """Custom document properties (File > Properties > Custom in Excel), as texts: what a
        file says about where it comes from, readable without opening a sheet."""
        for name, value in values.items():
            self.book.set_custom_property(name, value, "text")

    def format(self, **properties: Any) -> Any:
        """One shared format per set of properties (XlsxWriter wants them made once)."""
        key = tuple(sorted(properties.items()))
        if key not in self._formats:
            self._formats[key] = self.book.add_format(dict(properties))
        return self._formats[key]

    def write(self, sheet: Any, row: int, column: int, value: Any, **style: Any) -> None:
        """A cell by the type of its value: text, number, date, or blank."""
        if value is None or value == "":
            sheet.write_blank(row, column, None, self.format(**style))
        elif isinstance(value, bool):
            sheet.write_boolean(row, column, value, self.format(**style))
        elif isinstance(value, int | float | Decimal):
            sheet.write_number(row, column, float(value), self.format(**style))
        elif isinstance(value, dt.date):
            stamp = dt.datetime(value.year, value.month, value.day)
            sheet.write_datetime(row, column, stamp, self.format(num_format=DATE_FORMAT, **style))
        else:
            text = str(value)
            if text.startswith(FORMULA_START):
                style = {**style, "quote_prefix": True}
            sheet.write_string(row, column, text, self.format(**style))

    def bytes(self) -> bytes:
        from camket.documents.render.package import normalise_zip

        self.book.close()
        return normalise_zip(self._buffer.getvalue())
