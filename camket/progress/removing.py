"""Removing an item's last progress entry from a commitments file as text: the inverse of
camket.progress.editing, changing no other byte.

Only an entry written the way `camket record` writes one is removed: camket takes out text it
could have written itself, and nothing it would have to guess about. The rule (`last_entry`):

- the entry is a mapping of record's fields (date, status, note, reason, cause, approved_by),
  each value a scalar written on one line (plain or quoted; no `|` or `>` block);
- it is written in one of the shapes record writes, and nothing else shares its lines:
  1. an entry of a block list as a flow mapping alone on its line,
     `          - {date: 2019-06-20, status: done}`;
  2. an entry of a block list as a block mapping, one `key: value` a line, the lines following
     each other, `- date: 2019-10-15` then `  status: done`…;
  3. the last element of a flow list, on the line of the element before it (or of the `[`)
     and closing the list: `progress: [{…}, {…}]`, `- {id: …, progress: [{…}]}`;
- no comment on the entry's lines, no blank line inside it.

Anything else (a comment at the end of the entry's line or between its keys, a note folded
over two lines, a flow mapping broken over lines) is refused with the reason: the clerk removes
it by hand. What is removed: in shapes 1 and 2 the entry's whole lines; when it was the list's
only entry, the `progress:` line just before it too (an empty `progress:` is an error), which
must then hold nothing else: the item reads as it did before record added the key. In shape 3
the element and the `, ` before it; an only element leaves `[]`. Comments and blank lines after
the entry stay where they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from camket.i18n import _
from camket.progress.editing import ENTRY_KEYS, EditError, Text, find_item, value_of

_DASH = re.compile(r"[ ]*-[ ]+")
_PROGRESS_KEY = re.compile(r"[ ]*progress:[ ]*")
_SEPARATOR = re.compile(r"[ ]*,[ ]*")


class NotRemovable(EditError):
    """The last entry is not written as camket writes one; the message says how it differs."""


@dataclass(frozen=True)
class Cut:
    """The text to take out, `text[start:end]`; the entry's own text starts at `entry` (after
    a `progress:` line or a `, ` going with it), on `line` (1-based)."""

    start: int
    end: int
    line: int
    entry: int


def _rest_of_line(t: Text, offset: int) -> str:
    match = re.compile(r"\r\n|\r|\n").search(t.text, offset)
    return t.text[offset : match.start() if match else len(t.text)]


def _line_start(t: Text, line: int) -> int:
    return t.starts[line] if line < len(t.starts) else len(t.text)


def _fields(entry: yaml.Node) -> list[tuple[yaml.ScalarNode, yaml.ScalarNode]]:
    """The entry's keys and values, when they are record's fields with one-line scalars."""
    if not isinstance(entry, yaml.MappingNode):
        raise NotRemovable(_("mục này không phải một bảng khóa date:, status:, …"))
    pairs = []
    for key, value in entry.value:
        if not isinstance(key, yaml.ScalarNode) or key.value not in ENTRY_KEYS:
            name = key.value if isinstance(key, yaml.ScalarNode) else "?"
            raise NotRemovable(_("có khóa '{key}' mà camket không ghi").format(key=name))
        if not isinstance(value, yaml.ScalarNode) or value.style not in (None, "", '"', "'"):
            raise NotRemovable(
                _("giá trị của '{key}' không viết trên một dòng").format(key=key.value)
            )
        if (
            value.start_mark.line != value.end_mark.line
            or key.start_mark.line != value.start_mark.line
        ):
            raise NotRemovable(
                _("giá trị của '{key}' không viết trên một dòng").format(key=key.value)
            )
        pairs.append((key, value))
    if not pairs:
        raise NotRemovable(_("mục này không phải một bảng khóa date:, status:, …"))
    return pairs


def _no_comment(t: Text, after: int) -> None:
    if _rest_of_line(t, after).strip():
        raise NotRemovable(_("dòng của mục có thêm ghi chú (#) hoặc nội dung khác"))


def _in_block_list(t: Text, progress: yaml.SequenceNode) -> Cut:
    entry = progress.value[-1]
    pairs = _fields(entry)
    first = entry.start_mark.line
    if not _DASH.fullmatch(t.text[t.starts[first] : t.offset(entry.start_mark)]):
        raise NotRemovable(_("mục không bắt đầu bằng '- ' ở đầu dòng"))
    if getattr(entry, "flow_style", False):  # shape 1
        if entry.end_mark.line != first:
            raise NotRemovable(_("mục viết trong {…} nhưng trải trên nhiều dòng"))
        _no_comment(t, t.offset(entry.end_mark))
        last = first
    else:  # shape 2
        for n, (key, value) in enumerate(pairs):
            if key.start_mark.line != first + n:
                raise NotRemovable(_("các khóa của mục không nằm trên các dòng liền nhau"))
            _no_comment(t, t.offset(value.end_mark))
        last = first + len(pairs) - 1
    start = entry_start = t.starts[first]
    end = _line_start(t, last + 1)
    if len(progress.value) == 1:  # the only entry: the key's line goes too (empty is an error)
        key_line = t.text[t.starts[first - 1] : t.starts[first]] if first > 0 else ""
        if not _PROGRESS_KEY.fullmatch(key_line.rstrip("\r\n")):
            raise NotRemovable(
                _(
                    "đây là mục duy nhất và dòng 'progress:' ngay trên nó có thêm ghi chú hoặc "
                    "nội dung"
                )
            )
        start = t.starts[first - 1]
    return Cut(start, end, first + 1, entry_start)


def _in_flow_list(t: Text, progress: yaml.SequenceNode) -> Cut:
    entry = progress.value[-1]
    _fields(entry)
    if not getattr(entry, "flow_style", False) or entry.start_mark.line != entry.end_mark.line:
        raise NotRemovable(_("mục trong [...] không viết thành {…} trên một dòng"))
    close = t.offset(progress.end_mark) - 1  # the `]`
    if t.text[close] != "]" or t.text[t.offset(entry.end_mark) : close].strip(" "):
        raise NotRemovable(_("mục không đứng cuối danh sách [...] trên cùng một dòng"))
    if len(progress.value) > 1:
        before = t.offset(progress.value[-2].end_mark)
        if not _SEPARATOR.fullmatch(t.text[before : t.offset(entry.start_mark)]):
            raise NotRemovable(_("mục không đứng cùng dòng với mục trước nó"))
        start = before
    else:
        opening = t.offset(progress.start_mark)  # the `[`
        if t.text[opening + 1 : t.offset(entry.start_mark)].strip(" "):
            raise NotRemovable(_("mục không đứng ngay sau dấu [ trên cùng một dòng"))
        start = t.offset(entry.start_mark)
    at = t.offset(entry.start_mark)
    return Cut(start, t.offset(entry.end_mark), entry.start_mark.line + 1, at)


def last_entry(text: str, item_id: str) -> Cut:
    """Where the item's last progress entry is in the text, when camket may remove it
    (NotRemovable says why not; EditError when the item or its entries are not there)."""
    t = Text.of(text)
    item = find_item(yaml.compose(text, Loader=yaml.CSafeLoader), item_id)
    if item is None:
        raise EditError(_("không tìm thấy nội dung '{id}' trong tệp").format(id=item_id))
    progress = value_of(item, "progress")
    if not isinstance(progress, yaml.SequenceNode) or not progress.value:
        raise EditError(_("nội dung '{id}' chưa có mục tiến độ nào").format(id=item_id))
    if progress.flow_style:
        return _in_flow_list(t, progress)
    return _in_block_list(t, progress)


def remove_last(text: str, item_id: str) -> tuple[str, str]:
    """The text without the item's last progress entry, and the entry's own text."""
    cut = last_entry(text, item_id)
    start = cut.start
    if cut.end == len(text) and not text.endswith(("\n", "\r")):
        # the file ended on the entry without a line break: it ends on the line before, as it was
        start = len(text[:start].removesuffix("\n").removesuffix("\r"))
    return text[:start] + text[cut.end :], text[cut.entry : cut.end]
