"""Setting fields of one indicator of a year.yaml as text, changing no other byte.

As with progress entries (camket.progress.editing), re-dumping the YAML would lose the clerk's
comments, order, quoting and blank lines. A field that is there has its value's characters
replaced, whatever follows it on the line (a comment) kept; a field that is not is inserted
after the one it follows in `ORDER` (`actual:` after `plan:`), on the same line in a flow
mapping (`- {id: …, plan: 7.0, actual: 7.1}`), on a line of its own in a block mapping. The
caller parses the result again to prove it says what was meant.
"""

from __future__ import annotations

import yaml

from camket.progress.editing import EditError, Text, before_closing, leaf_end, value_of

ORDER = ("plan", "actual", "actual_on")  # where a missing field goes: after the one before it


def find_indicator(root: yaml.Node | None, indicator_id: str) -> yaml.MappingNode:
    """The indicator's mapping node in a year.yaml; EditError when there is not exactly one."""
    indicators = value_of(root, "indicators") if isinstance(root, yaml.MappingNode) else None
    found = [
        node
        for node in (indicators.value if isinstance(indicators, yaml.SequenceNode) else [])
        if isinstance(node, yaml.MappingNode)
        and isinstance(value_of(node, "id"), yaml.ScalarNode)
        and value_of(node, "id").value == indicator_id  # type: ignore[union-attr]
    ]
    if len(found) != 1:
        raise EditError(f"không tìm thấy đúng một chỉ tiêu '{indicator_id}' trong tệp")
    return found[0]


def _key(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    for k, _v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k
    return None


def set_fields(text: str, indicator_id: str, fields: list[tuple[str, str]]) -> str:
    """The text with each (key, YAML scalar) of `fields` set on the indicator; keys in ORDER."""
    t = Text.of(text)
    node = find_indicator(yaml.compose(text, Loader=yaml.CSafeLoader), indicator_id)
    edits: dict[int, list[tuple[int, str]]] = {}  # start -> [(end, new text)], applied last first
    missing: dict[str | None, list[tuple[str, str]]] = {}  # by the present key they follow
    for key, scalar in fields:
        value = value_of(node, key)
        if value is None:
            before = [k for k in ORDER[: ORDER.index(key)] if value_of(node, k) is not None]
            missing.setdefault(before[-1] if before else None, []).append((key, scalar))
            continue
        if not isinstance(value, yaml.ScalarNode):
            raise EditError(f"'{key}:' không phải một giá trị đơn")
        start, end = t.offset(value.start_mark), t.offset(value.end_mark)
        if start == end and text[start - 1 : start] not in (" ", "\t"):  # `actual:` and nothing
            scalar = " " + scalar
        edits.setdefault(start, []).append((end, scalar))
    for after, group in missing.items():
        at, new = _insertion(t, node, after, group)
        edits.setdefault(at, []).append((at, new))
    out = text
    for start in sorted(edits, reverse=True):
        # an empty value replaced and a field inserted after it share an offset: value first
        for end, new in reversed(edits[start]):
            out = out[:start] + new + out[end:]
    return out


def _insertion(
    t: Text, node: yaml.MappingNode, after: str | None, group: list[tuple[str, str]]
) -> tuple[int, str]:
    """Where the missing fields go (after the value of `after`, or at the mapping's end), and
    the text inserted there."""
    anchor = value_of(node, after) if after is not None else None
    if node.flow_style:
        if anchor is not None:
            at, separator = t.offset(anchor.end_mark), ", "
        else:
            at, separator = before_closing(t, node, "}")
        return at, separator + ", ".join(f"{k}: {v}" for k, v in group)
    key = _key(node, after) if after is not None else None
    column = (key or node.value[0][0]).start_mark.column
    at = t.after_line_of(leaf_end(anchor if anchor is not None else node))
    prefix = t.newline if at == len(t.text) and not t.text.endswith(("\n", "\r")) else ""
    lines = "".join(" " * column + f"{k}: {v}" + t.newline for k, v in group)
    return at, prefix + lines
