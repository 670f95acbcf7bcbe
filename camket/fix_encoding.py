"""`camket fix-encoding FILE`: legacy Vietnamese encodings and decomposed accents made right.

Only what is detected is converted: in a UTF-8 file, each YAML scalar that reads as TCVN3 or
VNI is converted in place (its surroundings untouched); an 8-bit file is decoded and converted
whole; then the text is normalised to NFC. The file is written atomically.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from camket import atomic, legacy


class NotFixable(Exception):
    """The file is neither UTF-8 nor a legacy encoding camket recognises."""


@dataclass
class Fixed:
    path: Path
    converted: dict[str, int] = field(default_factory=dict)  # encoding -> pieces converted
    normalised: bool = False
    whole_file: str | None = None  # the 8-bit encoding the whole file was in

    @property
    def changed(self) -> bool:
        return bool(self.converted or self.normalised or self.whole_file)


def _offsets(text: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def _scalars(node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(key)
            yield from _scalars(value)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _scalars(child)


def fix_text(text: str, result: Fixed) -> str:
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        root = None
    pieces: list[tuple[int, int, str]] = []
    if root is not None:
        starts = _offsets(text)
        for node in _scalars(root):
            encoding = legacy.detect(node.value)
            if encoding:
                a = starts[node.start_mark.line] + node.start_mark.column
                b = starts[node.end_mark.line] + node.end_mark.column
                pieces.append((a, b, encoding))
    else:  # not YAML yet: go line by line
        pos = 0
        for line in text.splitlines(keepends=True):
            encoding = legacy.detect(line)
            if encoding:
                pieces.append((pos, pos + len(line), encoding))
            pos += len(line)
    for a, b, encoding in sorted(pieces, reverse=True):
        text = text[:a] + legacy.fix_words(text[a:b], encoding) + text[b:]
        result.converted[encoding] = result.converted.get(encoding, 0) + 1
    return text


def fix(path: Path, write: bool = True) -> Fixed:
    data = path.read_bytes()
    result = Fixed(path)
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig")
        text = fix_text(text, result)
    except UnicodeDecodeError:
        whole = data.decode("latin-1")
        encoding = legacy.detect(whole)
        if encoding is None:
            raise NotFixable(path) from None
        text = legacy.to_unicode(whole, encoding)
        result.whole_file = encoding
        bom = False
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        result.normalised = True
    if result.changed and write:
        atomic.write_bytes(path, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return result
