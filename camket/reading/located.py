"""Values read from YAML that remember where they came from.

A `LocDict` or `LocList` is an ordinary dict or list with the file, the line and column where
it starts, and the position of each of its values, so later stages point at the source without
reading it again. Positions are packed into one int per key: tens of thousands of mappings are
held at once.
"""

from __future__ import annotations

from pathlib import Path

from camket.problems import Span

_BITS = 24  # lines and columns up to 16 million


def pack(kl: int, kc: int, vl: int, vc: int) -> int:
    return (((kl << _BITS | kc) << _BITS | vl) << _BITS) | vc


def unpack(packed: int) -> tuple[int, int, int, int]:
    mask = (1 << _BITS) - 1
    return (packed >> 3 * _BITS, packed >> 2 * _BITS & mask, packed >> _BITS & mask, packed & mask)


class LocDict(dict):
    """A mapping read from YAML, with the key and value position of each of its keys.

    Positions are packed into one int per key (`_pack`): tens of thousands of mappings are
    held at once, and a tuple of four ints costs twice as much memory.
    """

    # path, line, col: where the mapping starts; flow: written inline as {a: 1}; marks; raw:
    # the source text of its non-string scalars (None when there are none); cut: a bad value
    # in it or below it was left out when it was typed (`building`). Set by the reader.
    __slots__ = ("col", "cut", "flow", "line", "marks", "path", "raw")
    path: Path
    line: int
    col: int
    flow: bool
    marks: dict[str, int]
    raw: dict[str, str] | None
    cut: bool

    def span(self) -> Span:
        return Span(self.path, self.line, self.col)

    def key_span(self, key: str) -> Span:
        kl, kc, _vl, _vc = unpack(self.marks[key])
        return Span(self.path, kl, kc)

    def value_span(self, key: str) -> Span:
        _kl, _kc, vl, vc = unpack(self.marks[key])
        return Span(self.path, vl, vc)


class LocList(list):
    """A sequence read from YAML; `marks[i]` = (line, col) of element i."""

    __slots__ = ("col", "line", "marks", "path", "raw")
    path: Path
    line: int
    col: int
    marks: list[tuple[int, int]]
    raw: dict[int, str] | None

    def span(self) -> Span:
        return Span(self.path, self.line, self.col)

    def value_span(self, index: int) -> Span:
        line, col = self.marks[index]
        return Span(self.path, line, col)


class Reported(str):
    """A value the reader could not read and has already reported (an impossible date, `!!int
    abc`); the model stage stays quiet about it rather than say the same thing twice."""

    __slots__ = ()
