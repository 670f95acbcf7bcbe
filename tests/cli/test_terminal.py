"""Nothing camket prints carries a control sequence from data, file names or git metadata."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.table import Table
from rich.text import Text

from camket.terminal import SafeConsole, clean, json_text
from tests.conftest import run

# Anything a terminal could act on: ESC, BEL, CSI (U+009B), OSC (U+009D), the other C0 and C1
# controls but tab and newline, and the bidirectional overrides.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = ("\x1b]0;pwned\x07", "\x1b[2J\x1b[31m", "\x9b31m", "\x9d0;t\x9c", "\u202eabc", "\r\x08")


def git(folder: Path, *args: str, author: str = "Văn thư") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "vt@example.vn",
        "GIT_COMMITTER_NAME": "Văn thư",
        "GIT_COMMITTER_EMAIL": "vt@example.vn",
        "GIT_AUTHOR_DATE": "2019-03-01T09:00:00+07:00",
        "GIT_COMMITTER_DATE": "2019-03-01T09:00:00+07:00",
    }
    return subprocess.run(
        ["git", "-C", str(folder), *args], check=True, env=env, capture_output=True, text=True
    ).stdout


def assert_safe(*outputs: str) -> None:
    for out in outputs:
        assert not UNSAFE.search(out), repr(out)


@pytest.mark.parametrize("payload", HOSTILE)
def test_every_renderable_is_cleaned(payload: str):
    buffer = io.StringIO()
    console = SafeConsole(file=buffer, force_terminal=True, highlight=False)
    console.print(f"tệp {payload}.yaml", markup=False)
    console.print(Text(f"Text {payload}", style="bold"))
    table = Table(title=f"title {payload}")
    table.add_column(f"col {payload}")
    table.add_row(Text(f"cell {payload}"))
    console.print(table)
    out = buffer.getvalue()
    # Rich's own styling is still there; nothing of the payload's controls is.
    assert "\x1b[1m" in out
    assert_safe(re.sub(r"\x1b\[[0-9;]*m", "", out))
    assert "cell" in out and "title" in out


def test_json_keeps_the_value_and_escapes_what_a_terminal_acts_on():
    value = {"author": "A\x1b]0;pwned\x07 \x9b31m \u202eB \udcff", "n": 1}
    text = json_text(value)
    assert_safe(text)
    assert json.loads(text) == value
    with pytest.raises(ValueError):
        json_text({"plan": float("nan")})


def test_clean_keeps_vietnamese_tabs_and_newlines():
    assert clean("Đông Hà\tQuảng Trị\n") == "Đông Hà\tQuảng Trị\n"
    assert clean("a\x1bb\x9bc\u202ed\udcffe") == "abcd?e"


@pytest.mark.parametrize("payload", ["\x1b[31m", "\x1b]0;pwned\x07", "\u009b2J"])
def test_a_file_name_with_escapes(mini: Path, payload: str):
    hostile = mini / "2019/commitments" / f"x{payload}.yaml"
    hostile.write_bytes((mini / "2019/commitments/cam-lo.yaml").read_bytes())
    r = run("validate", "--data", mini, "--no-cache")
    assert r.exit_code == 1
    assert "E104" in r.stdout
    assert_safe(r.stdout, r.stderr)
    r = run("validate", "--data", mini, "--json", "--no-cache")
    assert_safe(r.stdout)
    found = json.loads(r.stdout)
    assert any(payload in p["message"] or payload in p["path"] for p in found)
    r = run("status", "2019", "--data", mini)
    assert r.exit_code == 1
    assert "E104" in r.stderr
    assert_safe(r.stdout, r.stderr)


def test_a_data_folder_path_with_escapes(tmp_path: Path):
    r = run("validate", "--data", tmp_path / "nope\x1b]0;pwned\x07")
    assert r.exit_code == 1 and "nope]0;pwned'" in r.stderr
    assert_safe(r.stdout, r.stderr)


def test_a_file_name_that_is_not_utf8(mini: Path):
    """Python decodes such a name with surrogateescape: printing it must not fail."""
    folder = os.fsencode(mini / "2019/commitments")
    with open(folder + b"/x\xff\xfe.yaml", "wb") as f:
        f.write((mini / "2019/commitments/cam-lo.yaml").read_bytes())
    for args in (("validate",), ("validate", "--json"), ("status", "2019")):
        r = run(*args, "--data", mini)
        assert r.exit_code == 1, r
        assert "E104" in r.stdout + r.stderr
        assert_safe(r.stdout, r.stderr)
    r = run("validate", "--data", mini)  # from the cache this time
    assert r.exit_code == 1 and "E104" in r.stdout


def test_git_author_and_old_versions_are_cleaned(mini: Path):
    author = "Kẻ xấu \x1b]0;pwned\x07\x1b[2J \x9b31m"
    git(mini, "init", "-q")
    git(mini, "add", ".")
    git(mini, "commit", "-qm", "Dữ liệu\x1b[31m ban đầu", author=author)
    cam_lo = mini / "2019/commitments/cam-lo.yaml"
    text = cam_lo.read_text(encoding="utf-8")
    # An old version written with escapes in double quotes: history reads old versions without
    # refusing them, and the reader leaves the control characters out of the value.
    old = "Xây dựng xã Cam Thành đạt chuẩn nông thôn mới nâng cao"
    cam_lo.write_text(
        text.replace(old, '"Xây dựng \\e]0;pwned\\a xã \\x9b31m Cam Thành"'), encoding="utf-8"
    )
    git(mini, "commit", "-qam", "sửa", author=author)
    cam_lo.write_text(text, encoding="utf-8")
    git(mini, "commit", "-qam", "trả lại")
    r = run("history", "cam-lo-2019-01", "--data", mini)
    assert r.exit_code == 0, r
    assert "Kẻ xấu ]0;pwned[2J 31m" in r.stdout  # every character of the name shown
    assert "Xây dựng ]0;pwned xã 31m Cam Thành" in r.stdout
    assert_safe(r.stdout, r.stderr)
    r = run("history", "cam-lo-2019-01", "--data", mini, "--json")
    assert_safe(r.stdout)
    rows = json.loads(r.stdout)
    assert rows[0]["author"] == author  # the value itself is kept, escaped in the JSON
    assert any(row["new"] == "Xây dựng ]0;pwned xã 31m Cam Thành" for row in rows)


def test_the_console_script_prints_nothing_unsafe(mini: Path):
    """In a real process, on a pseudo-terminal-like pipe, with colours forced on."""
    (mini / "2019/commitments/x\x1b]0;pwned\x07.yaml").write_bytes(
        (mini / "2019/commitments/cam-lo.yaml").read_bytes()
    )
    env = {**os.environ, "FORCE_COLOR": "1", "CAMKET_LANG": "vi"}
    env.pop("NO_COLOR", None)
    out = subprocess.run(
        [sys.executable, "-m", "camket", "validate", "--data", str(mini)],
        capture_output=True,
        env=env,
    )
    assert out.returncode == 1
    text = out.stdout.decode("utf-8")
    assert "E104" in text
    assert "\x07" not in text and "]0;pwned" in text
    assert not re.search("\x1b(?!\\[[0-9;]*m)", text), repr(text)  # only Rich's colour codes


def test_status_table_and_moved_list_strip_bidirectional_controls(mini: Path):
    """Bidirectional controls in data are only a warning (W003): they are read, and must not
    reorder what the terminal shows."""
    units = mini / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace(
            "name: Thành ủy Đông Hà", "name: Thành ủy \u202eĐông Hà\u202c"
        ),
        encoding="utf-8",
    )
    dong_ha = mini / "2019/commitments/dong-ha.yaml"
    dong_ha.write_text(
        dong_ha.read_text(encoding="utf-8").replace(
            "Hoàn thành giải phóng mặt bằng", "Hoàn thành \u2067giải phóng\u2069 mặt bằng"
        ),
        encoding="utf-8",
    )
    for args in (
        ("status", "2019"),
        ("status", "2019", "--compare", "2019-03-31"),
        ("validate",),
    ):
        r = run(*args, "--data", mini)
        assert r.exit_code == 0, r
        assert_safe(r.stdout, r.stderr)
        assert "[W003]" in r.stdout + r.stderr
    r = run("status", "2019", "--data", mini)
    assert "Thành ủy Đông Hà" in r.stdout
    r = run("status", "2019", "--compare", "2019-03-31", "--data", mini)
    assert "Hoàn thành giải phóng mặt bằng" in r.stdout
    r = run("status", "2019", "--json", "--data", mini)
    assert_safe(r.stdout)
    assert "Thành ủy \u202eĐông Hà\u202c" in {
        u["name"] for b in json.loads(r.stdout)["blocks"] for u in b["units"]
    }


def test_explain_of_an_unknown_code_prints_it_cleaned():
    r = run("validate", "--explain", "E\x1b]0;pwned\x07")
    assert r.exit_code == 1 and "E]0;pwned" in r.stderr
    assert_safe(r.stdout, r.stderr)
