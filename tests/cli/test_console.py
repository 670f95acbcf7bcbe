"""Any console, any machine: camket's output never stops on a character the console or the
system's encoding lacks.

Real processes (`python -m camket`) with the encodings a clerk's machine can have: Windows-1258
(PYTHONIOENCODING, as Windows gives Python for a redirected console), ASCII, and a C locale
without Python's UTF-8 mode. A file or a pipe always gets UTF-8, Vietnamese intact; a terminal
gets its own encoding, '?' for what it cannot show.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EMBEDDED_DATA, git, repository

ENCODINGS = {
    "cp1258": {"PYTHONIOENCODING": "cp1258"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "C locale": {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
}
DUPLICATE = "khóa 'units' bị lặp"


def environment(extra: dict[str, str]) -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1", "CAMKET_LANG": "vi"}
    for name in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LANG", "LC_CTYPE"):
        env.pop(name, None)
    return {**env, **extra}


def camket(*args: str | Path, env: dict[str, str], cwd: Path | None = None):
    """camket in its own process, its output to pipes; stdout and stderr as text, strictly
    UTF-8 (a byte that is not fails the test)."""
    proc = subprocess.run(
        [sys.executable, "-m", "camket", *map(str, args)],
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=300,
    )
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert "Traceback" not in out + err and "lỗi nội bộ" not in out + err, out + err
    return proc.returncode, out, err


@pytest.fixture
def broken(mini: Path) -> Path:
    """The mini folder with a mistake whose message is Vietnamese."""
    with (mini / "units.yaml").open("a", encoding="utf-8") as f:
        f.write("units:\n  - id: x\n")
    return mini


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_validate_with_errors_to_a_file(broken: Path, tmp_path: Path, encoding: str):
    env = environment(ENCODINGS[encoding])
    out_file, err_file = tmp_path / "o.txt", tmp_path / "e.txt"
    with out_file.open("wb") as out, err_file.open("wb") as err:  # `> o.txt 2> e.txt`
        code = subprocess.run(
            [sys.executable, "-m", "camket", "validate", "--data", str(broken)],
            stdout=out,
            stderr=err,
            env=env,
            timeout=300,
        ).returncode
    assert code == 1
    text = out_file.read_bytes().decode("utf-8") + err_file.read_bytes().decode("utf-8")
    assert f"units.yaml:23:1: lỗi: {DUPLICATE}" in text and "[E004]" in text
    assert "1 lỗi, 0 cảnh báo" in text and "Traceback" not in text


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_kind_of_output_through_a_pipe(broken: Path, encoding: str):
    env = environment(ENCODINGS[encoding])
    code, out, err = camket("validate", "--data", broken, env=env)
    assert code == 1 and DUPLICATE in out + err
    code, out, _err = camket("validate", "--data", EMBEDDED_DATA, env=env)
    assert code == 0 and "Dữ liệu hợp lệ" in out
    code, out, _err = camket("status", "2019", "--data", EMBEDDED_DATA, env=env)
    assert code == 0 and "Kết quả thực hiện cam kết năm 2019" in out
    assert "Thành ủy Đông Hà" in out
    code, out, _err = camket("--help", env=env)
    assert code == 0 and "quản lý cam kết trách nhiệm" in out
    code, out, _err = camket("validate", "--explain", "E004", env=env)
    assert code == 0 and "Một khóa được viết hai lần" in out
    code, out, _err = camket("status", "2019", "--json", "--data", EMBEDDED_DATA, env=env)
    assert code == 0 and '"Thành ủy Đông Hà"' in out
    code, _out, err = camket("status", "2030", "--data", EMBEDDED_DATA, env=env)
    assert code == 1 and "chưa có năm 2030" in err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_pre_commit_hook(mini: Path, encoding: str):
    """git runs `camket validate` as a hook, its output into a pipe git reads and passes on."""
    repository(mini)
    hook = mini / ".git/hooks/pre-commit"
    hook.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m camket validate\n', encoding="utf-8")
    hook.chmod(0o755)
    with (mini / "units.yaml").open("a", encoding="utf-8") as f:
        f.write("units:\n  - id: x\n")
    git(mini, "add", "-A")
    proc = subprocess.run(
        ["git", "-C", str(mini), "commit", "-q", "-m", "Sửa đơn vị"],
        capture_output=True,
        env=environment(ENCODINGS[encoding]),
        timeout=300,
    )
    assert proc.returncode != 0  # the hook refused the commit
    said = proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")
    assert DUPLICATE in said and "Traceback" not in said and "lỗi nội bộ" not in said
    text = (mini / "units.yaml").read_text(encoding="utf-8")
    fixed = text.replace("units:\n  - id: x\n", "# Ghi chú: thêm đơn vị sau đại hội\n")
    (mini / "units.yaml").write_text(fixed, encoding="utf-8")
    git(mini, "add", "-A")
    proc = subprocess.run(
        ["git", "-C", str(mini), "commit", "-q", "-m", "Sửa đơn vị"],
        capture_output=True,
        env=environment(ENCODINGS[encoding]),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8")


def test_a_vietnamese_argument_under_an_ascii_locale(mini: Path):
    """Python takes the command line for ASCII there; the clerk is told how to fix the locale,
    not that their (UTF-8) words are broken bytes."""
    env = environment(ENCODINGS["C locale"])
    before = (mini / "2019/commitments/dong-ha.yaml").read_bytes()
    code, _out, err = camket(
        "record", "dong-ha-2019-03", "done", "--date", "2019-09-27", "--note", "Đã bàn giao",
        "--data", mini, env=env,
    )  # fmt: skip
    assert code == 1
    assert "tham số thứ 7 của lệnh (Đã bàn giao) là chữ Việt" in err and "PYTHONUTF8=1" in err
    assert (mini / "2019/commitments/dong-ha.yaml").read_bytes() == before
    env["PYTHONUTF8"] = "1"
    code, _out, err = camket(
        "record", "dong-ha-2019-03", "done", "--date", "2019-09-27", "--note", "Đã bàn giao",
        "--data", mini, env=env,
    )  # fmt: skip
    assert code == 0, err
    assert "Đã bàn giao" in (mini / "2019/commitments/dong-ha.yaml").read_text(encoding="utf-8")


def on_a_terminal(*args: str | Path, env: dict[str, str]) -> tuple[int, bytes]:
    """camket with a pseudo-terminal for its input and output; what the terminal received."""
    import pty

    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "camket", *map(str, args)],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        close_fds=True,
    )
    os.close(secondary)
    received = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal is closed once camket is gone
            break
        if not chunk:
            break
        received.append(chunk)
    os.close(primary)
    return proc.wait(timeout=300), b"".join(received)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("encoding", ["ascii", "cp1258"])
def test_a_terminal_that_cannot_show_vietnamese(broken: Path, encoding: str):
    env = environment(ENCODINGS[encoding])
    code, shown = on_a_terminal("validate", "--data", broken, env=env)
    assert code == 1
    text = shown.decode(encoding)  # what the terminal can display, and nothing else
    assert "[E004]" in text and "units.yaml:23:1" in text and "?" in text
    assert "Traceback" not in text
    code, shown = on_a_terminal("status", "2019", "--data", EMBEDDED_DATA, env=env)
    assert code == 0 and "2019" in shown.decode(encoding)
