"""camket.reading.files: values keep their marks; bad YAML becomes problems at the right place."""

from __future__ import annotations

import codecs
import datetime as dt
import time
from decimal import Decimal
from pathlib import Path

from camket.reading.files import read_file, read_text
from camket.reading.located import LocDict, LocList

P = Path("x.yaml")


def codes(problems):
    return [p.code for p in problems]


def test_marks_of_nested_values_count_characters():
    text = (
        "unit: đông-hà\ngroups:\n  - title: Phát triển\n    items:\n"
        "      - {id: a, text: Tỉnh ủy}\n"
    )
    value, problems = read_text(P, text)
    assert problems == []
    assert isinstance(value, LocDict)
    assert value.value_span("unit") == (P, 1, 7)
    groups = value["groups"]
    assert isinstance(groups, LocList)
    assert groups.value_span(0) == (P, 3, 5)
    item = groups[0]["items"][0]
    assert item.key_span("text") == (P, 5, 17)
    assert item.value_span("text") == (P, 5, 23)  # columns are characters, not bytes


def test_scalars_are_typed_and_floats_keep_their_digits():
    value, problems = read_text(P, "a: 730.223\nb: 8201.0\nc: 12\nd: 2019-09-30\ne: ~\nf: '12'\n")
    assert problems == []
    assert value["a"] == Decimal("730.223") and str(value["a"]) == "730.223"
    assert str(value["b"]) == "8201.0"
    assert value["c"] == 12 and isinstance(value["c"], int)
    assert value["d"] == dt.date(2019, 9, 30)
    assert value["e"] is None
    assert value["f"] == "12"


def test_duplicate_key_is_an_error_at_the_second_key():
    value, problems = read_text(P, "head: A\ngroups: []\nhead: B\n")
    assert codes(problems) == ["E004"]
    assert (problems[0].line, problems[0].col) == (3, 1)
    assert "dòng 1" in problems[0].message
    assert value["head"] == "A"


def test_yaml11_boolean_key_is_reported():
    _value, problems = read_text(P, "on: 1\nyes: 2\n")
    assert codes(problems) == ["E009", "E009"]
    assert "'on'" in problems[0].message and "ngoặc kép" in problems[0].message


def test_octal_and_sexagesimal_numbers_are_warned():
    value, problems = read_text(P, "a: 010\nb: 1:30\nc: 1_000\nd: 10\n")
    assert codes(problems) == ["W002", "W002", "W002"]
    assert value["a"] == 8 and value["b"] == 90 and value["c"] == 1000
    assert "số 8" in problems[0].message


def test_impossible_calendar_date():
    _value, problems = read_text(P, "due: 2019-02-30\n")
    assert codes(problems) == ["E007"]
    assert (problems[0].line, problems[0].col) == (1, 6)
    assert "2019-02-30" in problems[0].message


def test_syntax_error_names_the_line_and_hints():
    _value, problems = read_text(P, "a: 1\nb: Ghi chú: sai\n")
    assert codes(problems) == ["E001"]
    assert problems[0].line == 2
    assert "ngoặc kép" in problems[0].message


def test_tab_indentation_hint():
    _value, problems = read_text(P, "a:\n\t- 1\n")
    assert codes(problems) == ["E001"]
    assert "tab" in problems[0].message


def test_empty_file(tmp_path: Path):
    path = tmp_path / "e.yaml"
    path.write_text("# chỉ có chú thích\n", encoding="utf-8")
    value, problems = read_file(path)
    assert value is None and codes(problems) == ["E002"]


def test_bom_is_accepted(tmp_path: Path):
    path = tmp_path / "b.yaml"
    path.write_bytes(codecs.BOM_UTF8 + "a: Tỉnh ủy\n".encode())
    value, problems = read_file(path)
    assert problems == [] and value == {"a": "Tỉnh ủy"}


def test_not_utf8_names_the_first_bad_line(tmp_path: Path):
    path = tmp_path / "c.yaml"
    path.write_bytes(b"a: ok\nb: ok\nc: caf\xe9\n")
    value, problems = read_file(path)
    assert value is None and codes(problems) == ["E003"]
    assert (problems[0].line, problems[0].col) == (3, 7)
    assert "UTF-8" in problems[0].message


def test_utf16_is_an_error_but_the_rest_of_the_file_is_still_read(tmp_path: Path):
    """The file must be converted, yet what it says is checked in the same run."""
    path = tmp_path / "d.yaml"
    path.write_bytes("a: Tỉnh ủy\nb: [x\n".encode("utf-16"))
    _value, problems = read_file(path)
    assert codes(problems)[0] == "E003" and "UTF-16" in problems[0].message
    assert len(problems) == 2 and problems[1].line == 3


def test_utf16_file_text_is_read_as_it_says(tmp_path: Path):
    path = tmp_path / "d.yaml"
    path.write_bytes("a: Tỉnh ủy\n".encode("utf-16"))
    value, problems = read_file(path)
    assert value == {"a": "Tỉnh ủy"} and codes(problems) == ["E003"]


def test_unknown_tags_are_errors_and_nothing_is_constructed():
    text = "a: !!python/object/apply:os.system ['echo hacked']\nb: !custom x\nc: ok\n"
    value, problems = read_text(P, text)
    assert codes(problems) == ["E010", "E010"]
    assert [p.line for p in problems] == [1, 2]
    assert value["c"] == "ok"


def test_aliases_are_refused_without_expanding_them():
    lol = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lol.append(f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    start = time.perf_counter()
    value, problems = read_text(P, "\n".join(lol) + "\n")
    assert time.perf_counter() - start < 2  # generous: expanding would take minutes
    assert value is None
    assert set(codes(problems)) == {"E011"}
    assert problems[0].line == 2


def test_nfd_text_is_normalised_and_warned_once():
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Tỉnh ủy Quảng Trị")
    value, problems = read_text(P, f"a: {nfd}\nb: {nfd}\n")
    assert value["a"] == "Tỉnh ủy Quảng Trị" == value["b"]
    assert codes(problems) == ["W001"]


def test_a_directory_where_a_file_is_expected(tmp_path: Path):
    value, problems = read_file(tmp_path)
    assert value is None and codes(problems) == ["E034"]


def test_control_characters_are_errors_at_their_place():
    value, problems = read_text(P, "a: ok\nb: Tỉnh\x0bủy\nc: x\x01\n")
    assert value is None
    assert codes(problems) == ["E014", "E014"]
    assert [(p.line, p.col) for p in problems] == [(2, 8), (3, 5)]
    assert "U+000B" in problems[0].message


def test_windows_line_endings_are_fine():
    value, problems = read_text(P, "a: Tỉnh ủy\r\nb: 2\r\n")
    assert problems == [] and value == {"a": "Tỉnh ủy", "b": 2}


def test_fast_scalar_resolution_gives_pyyaml_tags():
    """camket's short-cut in resolving plain scalars must not change a single tag."""
    import yaml

    from camket.reading.files import _Loader
    from tests.conftest import EMBEDDED_DATA

    def tags(node, out):
        if isinstance(node, yaml.ScalarNode):
            out.append((node.value, node.tag))
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                tags(k, out)
                tags(v, out)
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                tags(child, out)
        return out

    tricky = (
        "a: [yes, No, on, OFF, y, n, ~, null, Null, NULL, '', 010, 0x1f, 0o17, 1_000, 1:30, "
        ".inf, -.Inf, .NaN, -.5, +1, 1e3, 2019-02-30, 2001-12-14t21:59:43.10-05:00, <<, =, "
        "true, FALSE, Đúng, Tỉnh, Nguyễn, Ông, Yes please, Off-road, 'x', \"y\", !!str 5]\n"
        "on: 1\n? [a]\n: b\n"
    )
    samples = [tricky] + [p.read_text(encoding="utf-8") for p in EMBEDDED_DATA.rglob("*.yaml")]
    for text in samples:
        expected = tags(yaml.compose(text, Loader=yaml.CSafeLoader), [])
        assert tags(yaml.compose(text, Loader=_Loader), []) == expected


# --- characters that do not belong in a document -------------------------------------------


def test_private_use_characters_are_errors_at_their_place_and_left_out():
    """Word's Symbol-font bullets, camket's own footnote markers, the supplementary planes; in a
    value, a key, a comment, or written as an escape in double quotes."""
    text = (
        "a: \uf0b7 Tỉnh ủy\n"  # a Symbol bullet pasted from Word
        "b: [x, 'chú thích\ue0001\ue001']\n"  # the render stage's footnote markers
        "c\U000f0001: 1\n"  # in a key (plane 15)
        "# ghi chú \U0010fffd\n"  # in a comment (plane 16)
        'd: "Đông Hà \\ue000 \\U00100000"\n'  # escapes: reported at the value
    )
    value, problems = read_text(P, text)
    assert [(p.code, p.line, p.col) for p in problems] == [
        ("E017", 1, 4),
        ("E017", 2, 18),
        ("E017", 2, 20),
        ("E017", 3, 2),
        ("E017", 4, 11),
        ("E017", 5, 4),
    ]
    assert all(p.is_error for p in problems)
    assert "U+F0B7" in problems[0].message and "U+E000" in problems[-1].message
    assert value == {"a": " Tỉnh ủy", "b": ["x", "chú thích1"], "c": 1, "d": "Đông Hà  "}


def test_invisible_characters_are_warnings_at_their_place():
    text = (
        "a: Tỉnh\u202eủy\n"  # right-to-left override
        "b: Đông\u200bHà\n"  # zero-width space
        "c: Cam\u00adLộ\n"  # soft hyphen, as Word's optional hyphen pastes
        "d: Hải\ufeffLăng\n"  # a BOM inside text
        "# bình luận \u2066ẩn\u2069\n"  # isolates in a comment
        "e: Tỉnh\U000e0041ủy\n"  # a tag character ("ASCII smuggling")
        'f: "Hướng\\u200dHóa"\n'  # a zero-width joiner written as an escape
    )
    value, problems = read_text(P, text)
    assert [(p.code, p.line, p.col) for p in problems] == [
        ("W003", 1, 8),
        ("W003", 2, 8),
        ("W003", 3, 7),
        ("W003", 4, 7),
        ("W003", 5, 13),
        ("W003", 5, 16),
        ("W003", 6, 8),
        ("W003", 7, 4),
    ]
    assert not any(p.is_error for p in problems)
    assert "hướng chữ" in problems[0].message and "vô hình" in problems[1].message
    assert value["a"] == "Tỉnh\u202eủy"  # kept as written: a warning, not a change


def test_every_unicode_format_character_is_invisible():
    """The table of invisible characters is written out (building it from the Unicode database
    at start-up would cost a tenth of a second): it must hold every format character."""
    import sys
    import unicodedata

    from camket.reading.nodes import BIDI, INVISIBLE, PRIVATE_USE, SUSPECT

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Cf":
            assert INVISIBLE.match(char), f"U+{code:04X}"
        elif INVISIBLE.match(char):
            assert category in ("Mn", "Lo", "Cn"), f"U+{code:04X} {category}"
        if INVISIBLE.match(char) or PRIVATE_USE.match(char):
            assert SUSPECT.match(char), f"U+{code:04X}"  # the first look misses nothing
    for char in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c":
        assert BIDI.match(char)


def test_noncharacters_are_refused_like_control_characters():
    value, problems = read_text(P, "a: ok\nb: x\uffff\n")
    assert value is None and [(p.code, p.line, p.col) for p in problems] == [("E014", 2, 5)]
    value, problems = read_text(P, 'a: "x\\uFFFE"\n')
    assert codes(problems) == ["E014"] and value == {"a": "x"}


def test_escaped_control_characters_are_left_out_of_the_value():
    """Reported (E014), and never carried to a document, even a draft printed with --force."""
    value, problems = read_text(P, 'a: "Tỉnh\\e[31m ủy\\a \\x9b"\n')
    assert codes(problems) == ["E014"] and value == {"a": "Tỉnh[31m ủy "}


def test_old_mac_line_endings_count_lines():
    value, problems = read_text(P, "a: Tỉnh ủy\rb: x\u202ey\rc: \ue000\r")
    assert [(p.code, p.line, p.col) for p in problems] == [("E017", 3, 4), ("W003", 2, 5)]
    assert value == {"a": "Tỉnh ủy", "b": "x\u202ey", "c": ""}
    value, problems = read_text(P, "a: ok\r\nb: x\x01\r\n")
    assert value is None
    assert [(p.code, p.line, p.col) for p in problems] == [("E014", 2, 5)]


# --- numbers --------------------------------------------------------------------------------


def test_numbers_that_are_not_finite_are_errors():
    text = (
        "a: .nan\nb: .NaN\nc: -.Inf\nd: +.INF\ne: .inf\nf: !!float nan\ng: !!float snan\n"
        "h: 1.0e+400\ni: -2.5e+309\nj: " + "9" * 400 + "\nk: [1, .inf]\nl: 1.5\nm: -3\n"
    )
    value, problems = read_text(P, text)
    assert [(p.code, p.line, p.col) for p in problems] == [
        ("E015", line, 4) for line in range(1, 11)
    ] + [("E015", 11, 8)]
    assert "hữu hạn" in problems[0].message
    assert value["l"] == Decimal("1.5") and value["m"] == -3
