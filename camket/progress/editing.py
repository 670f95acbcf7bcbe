"""Adding a progress entry to a commitments file as text, changing no other byte.

Re-dumping YAML would lose the clerk's comments, key order, quoting and blank lines, so the new
entry is inserted as text at the right place, in the style of the entries around it, and the
result is parsed again to prove it says what was meant. libyaml gives each node's start and end;
block collections end at the next token (after trailing comments), so insertion goes after the
last *scalar* of the last entry instead.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

ENTRY_KEYS = ("date", "status", "note", "reason", "cause", "approved_by")


_BREAK = re.compile(r"\r\n|\r|\n")


class EditError(Exception):
    """The file's layout is one camket does not edit by itself; the message says why."""


@dataclass(frozen=True)
class Text:
    text: str
    starts: list[int]  # offset of each line's first character
    newline: str

    @classmethod
    def of(cls, text: str) -> Text:
        # libyaml breaks lines at CR LF, LF and a lone CR: marks count lines the same way
        starts = [0] + [m.end() for m in _BREAK.finditer(text)]
        return cls(text, starts, "\r\n" if "\r\n" in text else "\n")

    def offset(self, mark: Any) -> int:
        return self.starts[mark.line] + mark.column

    def after_line_of(self, mark: Any) -> int:
        """Offset of the start of the line after `mark` (a mark at column 0 is already there)."""
        if mark.column == 0 and mark.line > 0:
            return self.starts[mark.line] if mark.line < len(self.starts) else len(self.text)
        nxt = mark.line + 1
        return self.starts[nxt] if nxt < len(self.starts) else len(self.text)


# status and cause codes are written bare (done, objective…); everything else is quoted
_BARE = frozenset(
    [
        "not_started",
        "in_progress",
        "done",
        "not_done",
        "paused",
        "adjusted",
        "objective",
        "subjective",
    ]
)


def _scalar(key: str, value: Any) -> str:
    """A YAML scalar for a value camket writes: dates bare; a status or cause code bare; all
    other text double-quoted, so `100`, `yes` or `null` in a note stay text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = unicodedata.normalize("NFC", str(value))
    if key in ("status", "cause") and text in _BARE:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted string


def entry_fields(entry: dict[str, Any]) -> list[tuple[str, str]]:
    return [(k, _scalar(k, entry[k])) for k in ENTRY_KEYS if entry.get(k) not in (None, "")]


def _flow(entry: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in entry_fields(entry)) + "}"


def _block(entry: dict[str, Any], dash_col: int, newline: str) -> str:
    fields = entry_fields(entry)
    pad = " " * (dash_col + 2)
    first, *rest = fields
    lines = [" " * dash_col + f"- {first[0]}: {first[1]}"]
    lines += [f"{pad}{k}: {v}" for k, v in rest]
    return newline.join(lines) + newline


def value_of(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None


def find_item(root: yaml.Node | None, item_id: str) -> yaml.MappingNode | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    groups = value_of(root, "groups")
    for group in groups.value if isinstance(groups, yaml.SequenceNode) else []:
        items = value_of(group, "items") if isinstance(group, yaml.MappingNode) else None
        for item in items.value if isinstance(items, yaml.SequenceNode) else []:
            if isinstance(item, yaml.MappingNode):
                node = value_of(item, "id")
                if isinstance(node, yaml.ScalarNode) and node.value == item_id:
                    return item
    return None


def leaf_end(node: yaml.Node) -> Any:
    """Where the node's text really ends (block collections' own end marks run on)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return node.end_mark
    if isinstance(node, yaml.MappingNode) and node.value:
        return leaf_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value:
        return leaf_end(node.value[-1])
    return node.end_mark


def before_closing(t: Text, node: yaml.Node, closing: str) -> tuple[int, str]:
    """Where to insert before a flow collection's closing bracket, and the separator: none
    after an opening bracket or a trailing comma, ", " otherwise."""
    end = t.offset(node.end_mark)
    index = t.text.rfind(closing, 0, end)
    if index < 0:
        raise EditError("không tìm thấy dấu đóng của danh sách")
    before = t.text[:index].rstrip()
    separator = "" if before.endswith((",", "[", "{")) else ", "
    return index, separator


def insert_progress(text: str, item_id: str, entry: dict[str, Any]) -> str:
    """The file's text with `entry` appended to the item's progress; nothing else changes."""
    return insert_entries(text, [(item_id, entry)])


def insert_entries(text: str, entries: list[tuple[str, dict[str, Any]]]) -> str:
    """The file's text with each entry appended to its item's progress (one entry per item),
    the file parsed once: the same text as inserting them one by one, since each insertion
    depends only on its own item's lines."""
    t = Text.of(text)
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    places = sorted(
        (_insertion(t, root, item_id, entry) for item_id, entry in entries), reverse=True
    )
    if len({at for at, _new in places}) < len(places):  # two at one place: one by one
        for item_id, entry in entries:
            text = insert_entries(text, [(item_id, entry)])
        return text
    for at, new in places:
        text = text[:at] + new + text[at:]
    return text


def _insertion(
    t: Text, root: yaml.Node | None, item_id: str, entry: dict[str, Any]
) -> tuple[int, str]:
    """Where the entry goes in the text, and the text inserted there."""
    text = t.text
    item = find_item(root, item_id)
    if item is None:
        raise EditError(f"không tìm thấy nội dung '{item_id}' trong tệp")
    progress = value_of(item, "progress")
    nl = t.newline
    if item.flow_style:  # - {id: …, text: …}
        if progress is None:
            at, sep = before_closing(t, item, "}")
            return at, f"{sep}progress: [{_flow(entry)}]"
        if isinstance(progress, yaml.SequenceNode) and progress.flow_style:
            at, sep = before_closing(t, progress, "]")
            return at, sep + _flow(entry)
        raise EditError("mục tiến độ viết theo kiểu không hỗ trợ")
    if progress is None or (isinstance(progress, yaml.ScalarNode) and progress.value == ""):
        key_col = item.start_mark.column
        if progress is None:
            at = t.after_line_of(leaf_end(item))
            head = " " * key_col + "progress:" + nl
        else:  # `progress:` with nothing after it
            at = t.after_line_of(progress.start_mark)
            head = ""
        prefix = nl if at == len(text) and text and not text.endswith("\n") else ""
        return at, prefix + head + " " * (key_col + 2) + f"- {_flow(entry)}" + nl
    if not isinstance(progress, yaml.SequenceNode):
        raise EditError("'progress:' không phải một danh sách")
    if progress.flow_style:
        at, sep = before_closing(t, progress, "]")
        return at, sep + _flow(entry)
    last = progress.value[-1]
    dash_col = progress.start_mark.column
    at = t.after_line_of(leaf_end(last))
    prefix = nl if at == len(text) and not text.endswith("\n") else ""
    if getattr(last, "flow_style", False) or not isinstance(last, yaml.MappingNode):
        new = " " * dash_col + f"- {_flow(entry)}" + nl
    else:
        new = _block(entry, dash_col, nl)
    return at, prefix + new


def _item_lines(t: Text, root: yaml.Node | None, item_id: str) -> tuple[int, int]:
    """Offsets of the whole lines an item takes, when no other item shares them."""
    item = find_item(root, item_id)
    if item is None:
        raise EditError(f"không tìm thấy nội dung '{item_id}' trong tệp")
    start = t.starts[item.start_mark.line]
    end = t.after_line_of(leaf_end(item))
    for group in value_of(root, "groups").value:  # type: ignore[arg-type, union-attr]
        items = value_of(group, "items") if isinstance(group, yaml.MappingNode) else None
        for other in items.value if isinstance(items, yaml.SequenceNode) else []:
            if other is item:
                continue
            other_start = t.offset(other.start_mark)
            other_end = t.offset(leaf_end(other))
            if other_start < end and other_end > start:
                raise EditError("nội dung này viết chung dòng với nội dung khác")
    return start, end


def splice_item(base: str, new: str, item_id: str) -> str:
    """`base` with the lines of one item replaced by that item's lines in `new`: the item as
    it is in `new` (its content and its progress), every other line of `base` as it was."""
    b, n = Text.of(base), Text.of(new)
    b_start, b_end = _item_lines(b, yaml.compose(base, Loader=yaml.CSafeLoader), item_id)
    n_start, n_end = _item_lines(n, yaml.compose(new, Loader=yaml.CSafeLoader), item_id)
    lines = new[n_start:n_end]
    if not lines.endswith(("\n", "\r")) and b_end < len(base):
        lines += b.newline
    return base[:b_start] + lines + base[b_end:]
