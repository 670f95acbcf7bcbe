"""From libyaml's node tree to located values: the reader's walk over the composed nodes.

It replaces PyYAML's constructor: values are built with their positions (`camket.reading.located`),
duplicate keys are reported, YAML 1.1's surprises are named, floats keep their written digits
as `Decimal`, numbers are finite, strings are normalised to NFC and checked for legacy
Vietnamese encodings and for characters that do not belong in a document, nesting is bounded,
and no tag ever constructs an object.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from camket import dates
from camket.i18n import _
from camket.problems import Problem, Severity, Span
from camket.reading import fields, legacy
from camket.reading.located import LocDict, LocList, Reported, pack, unpack

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"

_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_REPORTS = 20  # of one kind of problem in one file
# C0 controls but tab, LF and CR, DEL, C1, the line separators, and U+FFFE and U+FFFF (not
# characters at all, and not allowed in XML): libyaml refuses them in the text of a file, and
# they corrupt a .docx or an .xlsx wherever they come from.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# Unicode's private-use areas: their glyphs depend on the font (Word's Symbol and Wingdings
# bullets arrive as U+F0B7, U+F0A7…), and the render stage marks footnotes with U+E000/U+E001
# (camket/render/markers.py), so a data value holding them would make a stray footnote.
PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
# Characters that show nothing but change the text: every format character of Unicode
# (category Cf: soft hyphen, zero-width space, joiners, bidirectional marks, embeddings,
# overrides and isolates, word joiner, BOM, tag characters…), and the other invisible ones:
# combining grapheme joiner, Hangul fillers, Mongolian and other variation selectors. Vietnamese
# needs none of them, the zero-width joiners included (they join emoji and Indic or Arabic
# letters); they make two texts that look the same differ, and a bidirectional override
# makes a text read differently from what it holds. Text keeps them, with a warning.
INVISIBLE = re.compile(
    "[\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef]"
)
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Both sets above in one class, with the whole of the supplementary planes: a first look at
# every file and value, five times faster than the exact classes (whose many supplementary
# ranges `re` checks one by one). Only text it matches is looked at closely.
SUSPECT = re.compile(
    "[\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ue000-\uf8ff\ufe00-\ufe0f"
    "\ufeff\uffa0\ufff9-\ufffb\U00010000-\U0010ffff]"
)
# Nesting: a commitments file is seven levels deep (groups, items, progress entries); 64 leaves
# room for anything a clerk could write by mistake, and keeps every walk over the values (this
# one, pydantic's) far from Python's recursion limit. libyaml stops at 1000 by itself.
MAX_DEPTH = 64


def too_deep_message() -> str:
    return _(
        "dữ liệu lồng nhau quá {limit} tầng (danh sách trong danh sách, bảng trong bảng); một "
        "tệp dữ liệu chỉ cần vài tầng: hãy kiểm tra các dấu ngoặc [ ] {{ }} và thụt lề từ dòng "
        "này"
    ).format(limit=MAX_DEPTH)


def private_use_message(char: str) -> str:
    return _(
        "ký tự U+{code:04X} thuộc vùng dùng riêng của Unicode (thường là ký hiệu gạch đầu dòng "
        "dán từ Word, phông Symbol hay Wingdings): máy khác hiện nó khác đi, và camket dùng "
        "vùng này để đánh dấu chú thích; hãy xóa hoặc thay bằng chữ thường"
    ).format(code=ord(char))


def invisible_message(char: str) -> str:
    if BIDI.match(char):
        return _(
            "văn bản chứa ký tự điều khiển hướng chữ U+{code:04X}, không hiện ra nhưng làm văn "
            "bản đọc khác với nội dung thật; hãy xóa ký tự này"
        ).format(code=ord(char))
    return _(
        "văn bản chứa ký tự vô hình U+{code:04X} (không có độ rộng, thường lẫn vào khi dán từ "
        "Word hay trang web): hai văn bản trông giống nhau mà khác nhau; hãy xóa ký tự này"
    ).format(code=ord(char))


class Builder:
    """`text`, the document the nodes were composed from, tells a character written in the
    file (the reader has reported it at its place) from one written as an escape; `suspect`
    is False when the reader found none of them in the file: only escapes can make them."""

    def __init__(self, path: Path, text: str = "", suspect: bool = True) -> None:
        self.path = path
        self.text = text
        self.suspect = suspect
        self.problems: list[Problem] = []
        self._nfd_reported = False
        self._legacy_reported = 0
        self._depth = 0
        self._deep_reported = False
        self._key_now: str | None = None

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

    def _too_deep(self, node: yaml.Node) -> Reported:
        """A collection past MAX_DEPTH is not walked: reported once, read as nothing."""
        if not self._deep_reported:
            self._deep_reported = True
            self._problem(node, "E018", too_deep_message())
        return Reported("")

    def mapping(self, node: yaml.MappingNode) -> LocDict | Reported:
        # The hot loop of every load: attributes are set inline, and plain keys and text
        # values take the short way (`_key` and `value` handle everything else).
        if self._depth >= MAX_DEPTH:
            return self._too_deep(node)
        self._depth += 1
        start = node.start_mark
        out = LocDict()
        out.path, out.line, out.col = self.path, start.line + 1, start.column + 1
        out.flow, out.raw, out.cut = bool(node.flow_style), None, False
        marks: dict[str, int] = {}
        out.marks = marks
        if node.tag != MAP:
            self._unsupported_tag(node)
        scalar = yaml.ScalarNode
        for knode, vnode in node.value:
            if type(knode) is scalar and knode.tag == STR and knode.value.isascii():
                key = knode.value
            else:
                key = self._key(knode)
                if key is None:
                    continue
            kmark, vmark = knode.start_mark, vnode.start_mark
            if key in marks:
                first_line, first_col = unpack(marks[key])[:2]
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
                if tag == STR:
                    out[key] = self._text(vnode)
                else:
                    self._key_now = key  # a bad date names its key, as building's does
                    out[key] = self.scalar(vnode)
                    self._key_now = None
                    if tag != NULL:
                        if out.raw is None:
                            out.raw = {}
                        out.raw[key] = vnode.value
            else:
                out[key] = self.value(vnode)
            marks[key] = pack(kmark.line + 1, kmark.column + 1, vmark.line + 1, vmark.column + 1)
        self._depth -= 1
        return out

    def sequence(self, node: yaml.SequenceNode) -> LocList | Reported:
        if self._depth >= MAX_DEPTH:
            return self._too_deep(node)
        self._depth += 1
        start = node.start_mark
        out = LocList()
        out.path, out.line, out.col, out.raw = self.path, start.line + 1, start.column + 1, None
        marks: list[tuple[int, int]] = []
        out.marks = marks
        if node.tag != SEQ:
            self._unsupported_tag(node)
        for i, child in enumerate(node.value):
            out.append(self.value(child))
            mark = child.start_mark
            marks.append((mark.line + 1, mark.column + 1))
            if isinstance(child, yaml.ScalarNode) and child.tag not in (STR, NULL):
                if out.raw is None:
                    out.raw = {}
                out.raw[i] = child.value
        self._depth -= 1
        return out

    def _key(self, node: yaml.Node) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self._problem(
                node, "E006", _("khóa phải là một tên đơn giản, không phải danh sách hay bảng")
            )
            return None
        if node.tag == BOOL:
            self._problem(
                node,
                "E009",
                _(
                    "khóa '{text}' được YAML 1.1 đọc thành giá trị đúng/sai; hãy viết "
                    '"{text}" trong ngoặc kép nếu đó là tên khóa'
                ).format(text=node.value),
            )
        elif node.tag not in (STR, INT, FLOAT, NULL, TIMESTAMP):
            self._unsupported_tag(node)
        return self._text(node)

    def _text(self, node: yaml.ScalarNode) -> str:
        text = node.value
        if node.style == '"' and CONTROL.search(text):  # written as an escape such as \u0007
            self._problem(
                node,
                "E014",
                _(
                    "văn bản chứa ký tự điều khiển U+{code:04X} (viết bằng mã thoát trong ngoặc "
                    "kép); "
                    "hãy xóa nó"
                ).format(code=ord(CONTROL.search(text).group())),
            )
            text = CONTROL.sub("", text)  # reported: it never reaches a document, even a draft
        if text.isascii():
            return text
        if (self.suspect or node.style == '"') and SUSPECT.search(text):
            text = self._characters(node, text)
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

    def _characters(self, node: yaml.ScalarNode, text: str) -> str:
        """Private-use and invisible characters. Those written in the file were reported at
        their place by the reader; those written as escapes in double quotes are reported here.
        Private-use characters are removed from the value: an error, but even a draft printed
        with --force must not carry them to the render stage."""
        if node.style == '"':
            source = self.text[node.start_mark.index : node.end_mark.index]
            for pattern, code, message, severity in (
                (PRIVATE_USE, "E017", private_use_message, Severity.ERROR),
                (INVISIBLE, "W003", invisible_message, Severity.WARNING),
            ):
                escaped = next((m for m in pattern.finditer(text) if m.group() not in source), None)
                if escaped is not None:
                    self._problem(node, code, message(escaped.group()), severity)
        return PRIVATE_USE.sub("", text)

    def _legacy(self, node: yaml.ScalarNode, text: str) -> None:
        encoding = legacy.detect(text)
        if encoding is None or self._legacy_reported >= MAX_REPORTS:
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
        if tag == STR:
            return self._text(node)
        if tag == NULL:
            return None
        if tag == INT:
            return self._int(node)
        if tag == FLOAT:
            return self._float(node)
        if tag == BOOL:
            return node.value.lower() in ("yes", "true", "on", "y")
        if tag == TIMESTAMP:
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

    def _not_finite(self, node: yaml.ScalarNode) -> Reported:
        """.nan, .inf, or a number past what a float holds (1e400): JSON has no such number,
        a spreadsheet shows an error, and no sum or ratio of the tally means anything."""
        self._problem(
            node,
            "E015",
            _(
                "'{text}' không phải một số hữu hạn (camket không nhận .nan, .inf hay số lớn quá "
                "mức tính được); hãy viết một số thật, ví dụ 12 hoặc 3.5"
            ).format(text=node.value[:40]),
        )
        return Reported(node.value)

    def _float(self, node: yaml.ScalarNode) -> Decimal | Reported:
        text = node.value.replace("_", "").lower()
        if text.lstrip("+-") in (".inf", ".nan"):
            return self._not_finite(node)
        try:
            value = Decimal(text)
        except InvalidOperation:
            return self._not_a(node, _("một số"))
        return value if _finite(value) else self._not_finite(node)

    def _int(self, node: yaml.ScalarNode) -> int | Reported:
        try:
            value = _CONSTRUCTOR.construct_yaml_int(node)
        except ValueError:  # `!!int abc`, or more digits than Python converts
            return self._not_a(node, _("một số nguyên"))
        if not _finite(value):
            return self._not_finite(node)
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
            slip = dates.trouble(text)
            if slip and self._key_now:
                slip = _("'{field}': {slip}").format(
                    field=fields.key_name(self._key_now), slip=slip
                )
            self._problem(
                node,
                "E007",
                _("{slip}; hãy sửa lại").format(slip=slip)
                if slip
                else _(
                    "ngày '{text}' không có thật trên lịch; hãy sửa lại (dạng YYYY-MM-DD)"
                ).format(text=text),
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


def _finite(value: Decimal | int) -> bool:
    """Finite, and within what a float holds: the tally and the exports compute with floats."""
    if isinstance(value, Decimal) and not value.is_finite():  # NaN, sNaN, Infinity
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:  # an int past 1.8e308
        return False
