"""From libyaml's node tree to located values: the reader's walk over the composed nodes.

It replaces PyYAML's constructor: values are built with their positions (`camket.located`),
duplicate keys are reported, YAML 1.1's surprises are named, floats keep their written digits
as `Decimal`, strings are normalised to NFC and checked for legacy Vietnamese encodings, and no
tag ever constructs an object.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from camket import legacy
from camket.i18n import _
from camket.located import LocDict, LocList, Reported, pack, unpack
from camket.problems import Problem, Severity, Span

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
# C0 controls but tab, LF and CR, DEL, C1, and the line separators: libyaml refuses them in the
# text of a file, and they corrupt a .docx or an .xlsx wherever they come from.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


class Builder:
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
                    out[key] = self.scalar(vnode)
                    if tag != NULL:
                        if out.raw is None:
                            out.raw = {}
                        out.raw[key] = vnode.value
            else:
                out[key] = self.value(vnode)
            marks[key] = pack(kmark.line + 1, kmark.column + 1, vmark.line + 1, vmark.column + 1)
        return out

    def sequence(self, node: yaml.SequenceNode) -> LocList:
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
