"""Reading a YAML data file into plain values that remember where they came from.

libyaml (`yaml.CSafeLoader`) composes the node tree in C; this module turns nodes into dicts,
lists and scalars itself instead of using PyYAML's constructor, for four reasons: every mapping
and list keeps the line and column of each of its values (`LocDict`, `LocList`), so later stages
point at the source without reading it again; duplicate keys are found (PyYAML silently keeps the
last); YAML 1.1 surprises (`on:` read as a boolean, `010` read as 8) are named; and a float keeps
the digits its author wrote, as a `Decimal`, so `730.223` prints as `730,223`.

Nothing here ever constructs an object from a tag: unknown tags are problems, aliases are refused
before anything is expanded.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from camket import legacy
from camket.i18n import _
from camket.problems import Problem, Severity, Span

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# C0 controls but tab, LF and CR, and DEL: libyaml refuses them, and they corrupt a .docx.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_MAX_CONTROL_REPORTS = 20


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
                return _STR if not implicit[0] else super().resolve(kind, value, implicit)
            first = value[0]
            # Words that YAML reads as booleans or null are at most five letters long.
            if first not in self._first or (len(value) > 5 and first.isalpha()):
                return _STR
        return super().resolve(kind, value, implicit)

    # No path resolvers are registered: nothing to track while descending.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def compose(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=_Loader)


_BITS = 24  # lines and columns up to 16 million


def _pack(kl: int, kc: int, vl: int, vc: int) -> int:
    return (((kl << _BITS | kc) << _BITS | vl) << _BITS) | vc


def _unpack(packed: int) -> tuple[int, int, int, int]:
    mask = (1 << _BITS) - 1
    return (packed >> 3 * _BITS, packed >> 2 * _BITS & mask, packed >> _BITS & mask, packed & mask)


class LocDict(dict):
    """A mapping read from YAML, with the key and value position of each of its keys.

    Positions are packed into one int per key (`_pack`): tens of thousands of mappings are
    held at once, and a tuple of four ints costs twice as much memory.
    """

    # path, line, col: where the mapping starts; flow: written inline as {a: 1}; marks; raw:
    # the source text of its non-string scalars (None when there are none). Set by the reader.
    __slots__ = ("col", "flow", "line", "marks", "path", "raw")
    path: Path
    line: int
    col: int
    flow: bool
    marks: dict[str, int]
    raw: dict[str, str] | None

    def span(self) -> Span:
        return Span(self.path, self.line, self.col)

    def key_span(self, key: str) -> Span:
        kl, kc, _vl, _vc = _unpack(self.marks[key])
        return Span(self.path, kl, kc)

    def value_span(self, key: str) -> Span:
        _kl, _kc, vl, vc = _unpack(self.marks[key])
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


def decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 with an optional BOM; anything else is refused at its first bad line."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [
            Problem.at(
                Span(path, 1, 1),
                "E003",
                _(
                    "tệp được lưu theo bảng mã UTF-16; hãy lưu lại theo UTF-8 (trong Notepad: "
                    "Lưu thành… → Mã hóa: UTF-8)"
                ),
            )
        ]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        line_start = data.rfind(b"\n", 0, e.start) + 1
        col = len(data[line_start : e.start].decode("utf-8", "replace")) + 1
        # An old 8-bit file (TCVN3 or VNI fonts of the 1990s): name it, and say how to convert.
        encoding = legacy.detect(data.decode("latin-1"))
        if encoding is not None:
            message = _(
                "tệp được lưu theo bảng mã cũ {name}, không phải UTF-8; chuyển sang Unicode bằng "
                "lệnh: camket fix-encoding {file}"
            ).format(name=legacy.NAMES[encoding], file=path.name)
            return None, [Problem.at(Span(path, line, col), "E013", message)]
        return None, [
            Problem.at(
                Span(path, line, col),
                "E003",
                _(
                    "tệp không phải UTF-8 (byte 0x{byte:02X} không hợp lệ, thường do lưu theo "
                    "Windows-1252); hãy lưu lại tệp theo bảng mã UTF-8"
                ).format(byte=data[e.start]),
            )
        ]


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
    if hint:
        message = f"{message}: {hint}"
    message += _(" (chi tiết: {what})").format(what=what)
    return Problem.at(Span(path, line, col), "E001", message)


def read_text(path: Path, text: str) -> tuple[Any, list[Problem]]:
    """Parse one document; returns (value, problems), value None when nothing could be read."""
    if _CONTROL.search(text):
        return None, _control_problems(path, text)
    try:
        if "*" in text and _has_alias(path, text):
            return None, _alias_problems(path, text)
        node = compose(text)
    except yaml.MarkedYAMLError as e:
        return None, [_syntax_problem(path, e, text)]
    except yaml.reader.ReaderError as e:  # a character libyaml refuses: point at it
        index = min(max(e.position, 0), len(text))
        line = text.count("\n", 0, index) + 1
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        return None, [
            Problem.at(
                Span(path, line, col),
                "E014",
                _("ký tự U+{code:04X} không được dùng trong dữ liệu; hãy xóa ký tự này").format(
                    code=e.character
                    if isinstance(e.character, int)
                    else ord(str(e.character)[:1] or "?")
                ),
            )
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
    builder = _Builder(path)
    value = builder.value(node)
    return value, builder.problems


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
    return read_text(path, text)


def _control_problems(path: Path, text: str) -> list[Problem]:
    problems = []
    for m in _CONTROL.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        problems.append(
            Problem.at(
                Span(path, line, col),
                "E014",
                _(
                    "ký tự điều khiển U+{code:04X} không được có trong dữ liệu (thường do dán từ "
                    "Word "
                    "hoặc PDF); hãy xóa ký tự này"
                ).format(code=ord(m.group())),
            )
        )
        if len(problems) >= _MAX_CONTROL_REPORTS:
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


class _Builder:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._nfd_reported = False
        self._legacy_reported = 0

    def _span(self, node: yaml.Node) -> Span:
        return Span(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def _problem(
        self, node: yaml.Node, code: str, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        self.problems.append(Problem.at(self._span(node), code, message, severity))

    def value(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node)
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode) -> LocDict:
        # The hot loop of every load: attributes are set inline, and plain keys and text
        # values take the short way (`_key` and `value` handle everything else).
        start = node.start_mark
        out = LocDict()
        out.path, out.line, out.col = self.path, start.line + 1, start.column + 1
        out.flow, out.raw = bool(node.flow_style), None
        marks: dict[str, int] = {}
        out.marks = marks
        if node.tag != _MAP:
            self._unsupported_tag(node)
        scalar = yaml.ScalarNode
        for knode, vnode in node.value:
            if type(knode) is scalar and knode.tag == _STR and knode.value.isascii():
                key = knode.value
            else:
                key = self._key(knode)
                if key is None:
                    continue
            kmark, vmark = knode.start_mark, vnode.start_mark
            if key in marks:
                first_line, first_col = _unpack(marks[key])[:2]
                self._problem(
                    knode,
                    "E004",
                    _(
                        "khóa '{key}' bị lặp (đã có ở dòng {line}, cột {col}); hãy gộp hoặc xóa "
                        "một trong hai"
                    ).format(key=key, line=first_line, col=first_col),
                )
                continue
            if type(vnode) is scalar:
                tag = vnode.tag
                if tag == _STR:
                    out[key] = self._text(vnode)
                else:
                    out[key] = self.scalar(vnode)
                    if tag != _NULL:
                        if out.raw is None:
                            out.raw = {}
                        out.raw[key] = vnode.value
            else:
                out[key] = self.value(vnode)
            marks[key] = _pack(kmark.line + 1, kmark.column + 1, vmark.line + 1, vmark.column + 1)
        return out

    def sequence(self, node: yaml.SequenceNode) -> LocList:
        start = node.start_mark
        out = LocList()
        out.path, out.line, out.col, out.raw = self.path, start.line + 1, start.column + 1, None
        marks: list[tuple[int, int]] = []
        out.marks = marks
        if node.tag != _SEQ:
            self._unsupported_tag(node)
        for i, child in enumerate(node.value):
            out.append(self.value(child))
            mark = child.start_mark
            marks.append((mark.line + 1, mark.column + 1))
            if isinstance(child, yaml.ScalarNode) and child.tag not in (_STR, _NULL):
                if out.raw is None:
                    out.raw = {}
                out.raw[i] = child.value
        return out

    def _key(self, node: yaml.Node) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self._problem(
                node, "E006", _("khóa phải là một tên đơn giản, không phải danh sách hay bảng")
            )
            return None
        if node.tag == _BOOL:
            self._problem(
                node,
                "E009",
                _(
                    "khóa '{text}' được YAML 1.1 đọc thành giá trị đúng/sai; hãy viết "
                    '"{text}" trong ngoặc kép nếu đó là tên khóa'
                ).format(text=node.value),
            )
        elif node.tag not in (_STR, _INT, _FLOAT, _NULL, _TIMESTAMP):
            self._unsupported_tag(node)
        return self._text(node)

    def _text(self, node: yaml.ScalarNode) -> str:
        text = node.value
        if text.isascii():
            return text
        if not unicodedata.is_normalized("NFC", text):
            if not self._nfd_reported:
                self._nfd_reported = True
                self._problem(
                    node,
                    "W001",
                    _(
                        "văn bản không ở dạng chuẩn NFC (dấu tiếng Việt tách rời, thường "
                        "do soạn trên macOS); camket đã chuẩn hóa khi đọc; sửa tệp bằng lệnh: "
                        "camket fix-encoding {file}"
                    ).format(file=self.path.name),
                    Severity.WARNING,
                )
            text = unicodedata.normalize("NFC", text)
        if legacy.suspicious(text):
            self._legacy(node, text)
        return text

    def _legacy(self, node: yaml.ScalarNode, text: str) -> None:
        encoding = legacy.detect(text)
        if encoding is None or self._legacy_reported >= _MAX_CONTROL_REPORTS:
            return
        self._legacy_reported += 1
        sample = text[:30]
        self._problem(
            node,
            "E013",
            _(
                "văn bản có vẻ đang ở bảng mã cũ {name} (“{sample}” đọc là “{converted}”); "
                "chuyển sang Unicode bằng lệnh: camket fix-encoding {file}"
            ).format(
                name=legacy.NAMES[encoding],
                sample=sample,
                converted=legacy.to_unicode(sample, encoding),
                file=self.path.name,
            ),
        )

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return self._text(node)
        if tag == _NULL:
            return None
        if tag == _INT:
            return self._int(node)
        if tag == _FLOAT:
            return self._float(node)
        if tag == _BOOL:
            return node.value.lower() in ("yes", "true", "on", "y")
        if tag == _TIMESTAMP:
            return self._timestamp(node)
        self._unsupported_tag(node)
        return None

    def _not_a(self, node: yaml.ScalarNode, what: str) -> Reported:
        """A scalar whose explicit tag its text does not fit (`!!int abc`), or a giant number."""
        self._problem(
            node,
            "E006",
            _("'{text}' không đọc được thành {what}").format(text=node.value[:40], what=what),
        )
        return Reported(node.value)

    def _float(self, node: yaml.ScalarNode) -> Decimal | Reported:
        text = node.value.replace("_", "").lower()
        special = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
        try:
            return Decimal(special.get(text, text))
        except InvalidOperation:
            return self._not_a(node, _("một số"))

    def _int(self, node: yaml.ScalarNode) -> int | Reported:
        try:
            value = _CONSTRUCTOR.construct_yaml_int(node)
        except ValueError:  # `!!int abc`, or more digits than Python converts
            return self._not_a(node, _("một số nguyên"))
        text = node.value.lstrip("+-")
        if (
            (text.startswith("0") and len(text) > 1 and text.isdigit())
            or ":" in text
            or "_" in text
        ):
            self._problem(
                node,
                "W002",
                _(
                    "'{text}' được YAML 1.1 đọc thành số {value}; nếu ý bạn là văn bản "
                    'hãy viết "{text}" trong ngoặc kép'
                ).format(text=node.value, value=value),
                Severity.WARNING,
            )
        return value

    def _timestamp(self, node: yaml.ScalarNode) -> Any:
        text = node.value
        try:
            if _DATE_ONLY.match(text):
                return dt.date.fromisoformat(text)
            return _CONSTRUCTOR.construct_yaml_timestamp(node)
        except (ValueError, TypeError, AttributeError):  # 2019-02-30, or `!!timestamp abc`
            self._problem(
                node,
                "E007",
                _("ngày '{text}' không có thật trên lịch; hãy sửa lại (dạng YYYY-MM-DD)").format(
                    text=text
                ),
            )
            return Reported(text)

    def _unsupported_tag(self, node: yaml.Node) -> None:
        self._problem(
            node,
            "E010",
            _(
                "thẻ YAML '{tag}' không được hỗ trợ; camket chỉ đọc văn bản, số, ngày, "
                "danh sách và bảng khóa"
            ).format(tag=node.tag),
        )


class Reported(str):
    """A value the reader could not read and has already reported (an impossible date, `!!int
    abc`); the model stage stays quiet about it rather than say the same thing twice."""

    __slots__ = ()
