"""Problems are values: every stage returns them, none raises them.

A clerk fixes a data folder from the list `camket validate` prints, so each problem carries the
file, line and column it is about, a stable code (documented in docs/checks.md) and a message in
Vietnamese that says what is wrong and what to do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from camket.i18n import _


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def word(self) -> str:
        """What the clerk reads; the value itself is for machines (JSON, CI formats)."""
        return _("lỗi") if self is Severity.ERROR else _("cảnh báo")


class Span(NamedTuple):
    """A place in a data file: 1-based line and column (columns count characters)."""

    path: Path
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    line: int
    col: int
    severity: Severity
    code: str
    message: str

    @classmethod
    def at(
        cls, span: Span, code: str, message: str, severity: Severity = Severity.ERROR
    ) -> Problem:
        return cls(span.path, span.line, span.col, severity, code, message)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def shown_path(self, cwd: Path | None = None) -> str:
        """The path as the clerk typed it: relative to the working directory when inside it."""
        try:
            return os.path.relpath(self.path, cwd or Path.cwd())
        except ValueError:  # another drive on Windows
            return str(self.path)

    def format(self, cwd: Path | None = None) -> str:
        """`path:line:col: lỗi: message [CODE]`, the severity in the clerk's language; the code
        leads to `camket validate --explain`."""
        where = f"{self.shown_path(cwd)}:{self.line}:{self.col}"
        return f"{where}: {self.severity.word}: {self.message} [{self.code}]"

    def to_json(self, cwd: Path | None = None) -> dict[str, object]:
        return {
            "path": self.shown_path(cwd),
            "line": self.line,
            "col": self.col,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
        }


def sort_key(p: Problem) -> tuple[str, int, int, str]:
    return (str(p.path), p.line, p.col, p.code)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)
