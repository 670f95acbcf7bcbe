"""`camket fix-encoding FILE`: legacy Vietnamese encodings and decomposed accents made right.

Only what is detected is converted: in a UTF-8 file, each YAML scalar that reads as TCVN3 or
VNI is converted in place (its surroundings untouched); an 8-bit file is decoded and converted
whole; then the text is normalised to NFC. The file is written atomically. Every other byte
stays as it was, line endings included, whether LF, CRLF or the lone CR of old Macs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from camket import atomic
from camket.reading import encodings, legacy


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


def _scalars(root: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """Every scalar of the tree, walked without recursion: a file nested hundreds of levels
    deep is still only a file to convert."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            yield node
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))


def fix_text(text: str, result: Fixed) -> str:
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        root = None
    pieces: list[tuple[int, int, str]] = []
    if root is not None:
        # Where a scalar is, by its character index: libyaml counts a lone CR as a line break,
        # so lines and columns would not find it in a file with old Mac line endings.
        for node in _scalars(root):
            encoding = legacy.detect(node.value)
            if encoding:
                pieces.append((node.start_mark.index, node.end_mark.index, encoding))
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
        guessed = encodings.guess(data)
        if guessed is None:
            raise NotFixable(path) from None
        result.whole_file, text = guessed
        bom = False
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        result.normalised = True
    if result.changed and write:
        atomic.write_bytes(path, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return result
