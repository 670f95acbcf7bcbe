"""Reading a YAML data file into plain values that remember where they came from.

Bytes are checked first (UTF-8, BOM, legacy 8-bit encodings, control characters, size), then
libyaml (`yaml.CSafeLoader`) composes the node tree in C, and `camket.reading.nodes` turns the nodes
into values that keep their positions, instead of PyYAML's constructor: every mapping and list
keeps the line and column of each of its values, duplicate keys are found (PyYAML silently
keeps the last), YAML 1.1 surprises are named, and a float keeps the digits its author wrote.

Nothing here ever constructs an object from a tag: unknown tags are problems, aliases are refused
before anything is expanded.
"""

from __future__ import annotations

import codecs
import functools
import re
from pathlib import Path
from typing import Any

import yaml

from camket.i18n import _
from camket.problems import Problem, Severity, Span
from camket.reading import encodings
from camket.reading.nodes import CONTROL as _CONTROL
from camket.reading.nodes import (
    INVISIBLE,
    MAX_DEPTH,
    MAX_REPORTS,
    PRIVATE_USE,
    STR,
    SUSPECT,
    Builder,
    invisible_message,
    private_use_message,
    too_deep_message,
)


class _Loader(yaml.CSafeLoader):
    """libyaml's composer, with PyYAML's resolution of plain scalars short-cut.

    PyYAML resolves every plain scalar by trying the regexes registered for its first
    character; most scalars in camket's files are Vietnamese text whose first character starts
    no number, boolean, date or null, and they are plain strings without trying anything. The
    rest go through PyYAML's own resolver, so every tag comes out exactly as it would.
    """

    _first = frozenset(k for k in yaml.CSafeLoader.yaml_implicit_resolvers if k)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            if not implicit[0] or not value:
                return STR if not implicit[0] else super().resolve(kind, value, implicit)
            first = value[0]
            # Words that YAML reads as booleans or null are at most five letters long.
            if first not in self._first or (len(value) > 5 and first.isalpha()):
                return STR
        return super().resolve(kind, value, implicit)

    # No path resolvers are registered: nothing to track while descending.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def compose(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=_Loader)


@functools.cache
def _libyaml_bounds_nesting() -> bool:
    """libyaml 0.2.5 and later refuse nesting past 1000 levels; older ones compose any depth,
    recursing in C, where a deep enough file would overflow the stack instead of raising."""
    deep = "[" * 1500 + "]" * 1500
    try:
        yaml.compose(deep, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return True
    return False


def _too_deep_at(text: str) -> yaml.Mark | None:
    """Where nesting first passes MAX_DEPTH, from the event stream (parsed iteratively); None
    when it does not, or when the text stops parsing before it does."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return None


_BREAK = re.compile("\r\n?|\n")


def _place(path: Path, text: str, index: int) -> Span:
    """Line and column of a character, counting line breaks as YAML does (LF, CRLF, and a
    lone CR, as old Mac files have it)."""
    line, start = 1, 0
    for m in _BREAK.finditer(text, 0, index):
        line, start = line + 1, m.end()
    return Span(path, line, index - start + 1)


def decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 with an optional BOM. A file in another encoding camket recognises is an error
    that names it, but its text is returned so the rest of the file is still checked; bytes no
    encoding reads as Vietnamese are refused at their first bad line."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _other_encoding(path, data, Span(path, 1, 1))
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        line_start = data.rfind(b"\n", 0, e.start) + 1
        col = len(data[line_start : e.start].decode("utf-8", "replace")) + 1
        return _other_encoding(path, data, Span(path, line, col), data[e.start])


def _other_encoding(
    path: Path, data: bytes, where: Span, byte: int | None = None
) -> tuple[str | None, list[Problem]]:
    guessed = encodings.guess(data)
    if guessed is not None:
        encoding, text = guessed
        code = "E003" if encoding in (encodings.UTF16, encodings.CP1258) else "E013"
        shown = Problem.at(where, code, "").shown_path()  # runnable from where the clerk is
        return text, [Problem.at(where, code, encodings.advice(encoding, shown))]
    message = _(
        "tệp không phải UTF-8 (byte 0x{byte:02X} không hợp lệ) và không đọc được theo bảng mã "
        "nào camket biết; hãy mở tệp và lưu lại theo bảng mã UTF-8"
    ).format(byte=byte if byte is not None else data[0])
    return None, [Problem.at(where, "E003", message)]


_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        _("dấu ':' không đúng chỗ; văn bản có dấu ': ' phải đặt trong ngoặc kép \"…\""),
    ),
    ("could not find expected ':'", _("thiếu dấu ':' sau tên khóa, hoặc thụt lề sai")),
    ("expected <block end>", _("thụt lề không đúng: các khóa cùng cấp phải thẳng cột")),
    ("found undefined alias", _("tham chiếu '*' không được dùng trong dữ liệu")),
    ("found unexpected end of stream", _("thiếu dấu ngoặc kép đóng")),
    ("did not find expected key", _("thụt lề không đúng hoặc thiếu dấu '-' ở đầu mục")),
    (
        "but found another document",
        _("tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thứ hai)"),
    ),
)


def _syntax_problem(path: Path, err: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = f"{err.context or ''} {err.problem or ''}".strip()
    char = text[mark.index] if mark and mark.index < len(text) else ""
    if char == "\t":
        hint: str | None = _("ký tự tab không được dùng để thụt lề; hãy dùng dấu cách")
    else:
        hint = next((h for key, h in _SYNTAX_HINTS if key in what), None)
    message = _("lỗi cú pháp YAML")
    if hint:  # libyaml's own words are English: shown only when camket has none of its own
        message = f"{message}: {hint}"
    else:
        message += _(" (chi tiết: {what})").format(what=what)
    return Problem.at(Span(path, line, col), "E001", message)


def read_text(path: Path, text: str) -> tuple[Any, list[Problem]]:
    """Parse one document; returns (value, problems), value None when nothing could be read."""
    if _CONTROL.search(text):
        return None, _control_problems(path, text)
    suspect = SUSPECT.search(text) is not None
    found = _character_problems(path, text) if suspect else []
    try:
        if "*" in text and _has_alias(path, text):
            return None, _alias_problems(path, text)
        if not _libyaml_bounds_nesting():
            mark = _too_deep_at(text)
            if mark is not None:
                span = Span(path, mark.line + 1, mark.column + 1)
                return None, [*found, Problem.at(span, "E018", too_deep_message())]
        node = compose(text)
    except yaml.MarkedYAMLError as e:
        if "maximum nesting depth" in str(e.problem) and e.problem_mark is not None:
            # libyaml's own limit (1000 levels): point where camket's was passed instead.
            mark = _too_deep_at(text) or e.problem_mark
            span = Span(path, mark.line + 1, mark.column + 1)
            return None, [*found, Problem.at(span, "E018", too_deep_message())]
        return None, [*found, _syntax_problem(path, e, text)]
    except yaml.reader.ReaderError as e:  # a character libyaml refuses: point at it
        index = min(max(e.position, 0), len(text))
        return None, [
            *found,
            Problem.at(
                _place(path, text, index),
                "E014",
                _("ký tự U+{code:04X} không được dùng trong dữ liệu; hãy xóa ký tự này").format(
                    code=e.character
                    if isinstance(e.character, int)
                    else ord(str(e.character)[:1] or "?")
                ),
            ),
        ]
    except yaml.YAMLError as e:
        detail = " ".join(str(e).split())
        return None, [
            Problem.at(Span(path, 1, 1), "E001", _("lỗi cú pháp YAML ({e})").format(e=detail))
        ]
    if node is None:
        return None, [
            Problem.at(Span(path, 1, 1), "E002", _("tệp rỗng; hãy điền nội dung hoặc xóa tệp"))
        ]
    builder = Builder(path, text, suspect)
    value = builder.value(node)
    return value, found + builder.problems


def _character_problems(path: Path, text: str) -> list[Problem]:
    """Private-use characters (errors) and invisible ones (warnings), wherever they are written
    (values, keys, comments), at their line and column. The file is still read: the other
    problems come in the same run, and the reader leaves private-use characters out."""
    problems: list[Problem] = []
    for pattern, code, message, severity in (
        (PRIVATE_USE, "E017", private_use_message, Severity.ERROR),
        (INVISIBLE, "W003", invisible_message, Severity.WARNING),
    ):
        for n, m in enumerate(pattern.finditer(text)):
            if n >= MAX_REPORTS:
                break
            span = _place(path, text, m.start())
            problems.append(Problem.at(span, code, message(m.group()), severity))
    return problems


# A commitments file is a few kilobytes; a file past this was pasted into by mistake, and
# reading it would hold hundreds of megabytes (libyaml's node tree) for nothing.
MAX_FILE_BYTES = 8 * 1024 * 1024


def read_file(path: Path) -> tuple[Any, list[Problem]]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES and path.is_file():
            return None, [
                Problem.at(
                    Span(path, 1, 1),
                    "E037",
                    _(
                        "tệp lớn {size:.1f} MB, vượt giới hạn {limit} MB của camket; một tệp dữ "
                        "liệu "
                        "thường chỉ vài chục KB, hãy kiểm tra xem có dán nhầm nội dung lớn không"
                    ).format(size=size / 1024 / 1024, limit=MAX_FILE_BYTES // 1024 // 1024),
                )
            ]
        data = path.read_bytes()
    except IsADirectoryError:
        return None, [
            Problem.at(Span(path, 1, 1), "E034", _("đây là một thư mục, không phải tệp YAML"))
        ]
    except OSError as e:
        return None, [
            Problem.at(
                Span(path, 1, 1), "E034", _("không đọc được tệp: {e}").format(e=e.strerror or e)
            )
        ]
    text, problems = decode(path, data)
    if text is None:
        return None, problems
    value, found = read_text(path, text)
    return value, problems + found


def _control_problems(path: Path, text: str) -> list[Problem]:
    problems = []
    for m in _CONTROL.finditer(text):
        problems.append(
            Problem.at(
                _place(path, text, m.start()),
                "E014",
                _(
                    "ký tự điều khiển U+{code:04X} không được có trong dữ liệu (thường do dán từ "
                    "Word "
                    "hoặc PDF); hãy xóa ký tự này"
                ).format(code=ord(m.group())),
            )
        )
        if len(problems) >= MAX_REPORTS:
            break
    return problems


def _has_alias(path: Path, text: str) -> bool:
    return any(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(text, Loader=yaml.CSafeLoader))


def _alias_problems(path: Path, text: str) -> list[Problem]:
    """Aliases are refused, never expanded: a nest of them (the "billion laughs") would blow up."""
    return [
        Problem.at(
            Span(path, ev.start_mark.line + 1, ev.start_mark.column + 1),
            "E011",
            _(
                "tham chiếu YAML '*{name}' không được dùng trong dữ liệu camket; hãy viết đầy đủ "
                "giá trị"
            ).format(name=ev.anchor),
        )
        for ev in yaml.parse(text, Loader=yaml.CSafeLoader)
        if isinstance(ev, yaml.AliasEvent)
    ]
