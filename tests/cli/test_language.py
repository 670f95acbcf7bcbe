"""Vietnamese all the way, English all the way (issue 14 §2): every command's help and a sample
of errors, Typer's and click's own words included, show no word of the other language.

A word is English when camket's English translations (and Typer's words camket translates)
use it and its Vietnamese texts never do; a word is Vietnamese when it has a Vietnamese
letter. What camket quotes ('dang thuc hien', “Lý do”) is data, option names (--note) and
variables ($CAMKET_DATA) are names: neither is a word of either language.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import typer.main
from babel.messages.pofile import read_po

from camket.cli import app
from camket.cli.wording import WORDS
from tests.conftest import REPO, run

PO = REPO / "camket/locale/en/LC_MESSAGES/camket.po"
WORD = re.compile(r"[^\W\d_]+")
VIETNAMESE_LETTER = re.compile(
    "[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.IGNORECASE
)
NOT_WORDS = re.compile(
    r"'[^'\n]*'|\"[^\"\n]*\"|“[^”\n]*”"  # quoted: data
    r"|\{[^}\n]*\}"  # a message's placeholder
    r"|(?<!\w)--?[\w-]+"  # an option's name
    r"|\$?\b[A-Z][A-Z0-9_]*_[A-Z0-9_]+\b"  # an environment variable
    r"|\S+\.(?:yaml|docx|xlsx|csv|json|pdf|png)\b|\S*/\S*"  # a file name, a path
)


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(NOT_WORDS.sub(" ", text))}


@cache
def english_only() -> frozenset[str]:
    vi: set[str] = set()
    en: set[str] = words(" ".join(WORDS))
    with PO.open("rb") as f:
        for m in read_po(f):
            if m.id:
                vi |= words(m.id if isinstance(m.id, str) else m.id[0])
                en |= words(m.string if isinstance(m.string, str) else m.string[0])
    return frozenset(en - vi)


def english_in(text: str) -> list[str]:
    return sorted(words(text) & english_only())


def vietnamese_in(text: str) -> list[str]:
    return [w for w in NOT_WORDS.sub(" ", text).split() if VIETNAMESE_LETTER.search(w)]


COMMANDS = [[], *([name] for name in typer.main.get_command(app).commands)]  # type: ignore[attr-defined]


def test_the_english_vocabulary_is_large_enough_to_catch_a_leak():
    """The detector itself: Typer's words and common English are in it, Vietnamese is not."""
    for word in ("usage", "options", "arguments", "required", "aborted", "invalid"):
        assert word in english_only(), word
    assert not {"lỗi", "tệp", "năm", "cam", "kết"} & english_only()
    assert english_in("Usage: camket [OPTIONS]") == ["options", "usage"]
    assert vietnamese_in("Error: tệp 'Đông Hà' --năm") == ["tệp"]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "camket")
def test_every_help_page_in_one_language(command: list[str]):
    vi = run(*command, "--help")
    assert vi.exit_code == 0 and "Cách dùng:" in vi.stdout and "Tùy chọn:" in vi.stdout
    assert english_in(vi.stdout) == [], vi.stdout
    assert not re.search(r"<\w|\[\d+<=x|\{\w", vi.stdout)  # Typer's <int range>, {NĂM}
    for en in (run("--lang", "en", *command, "--help"), run(*command, "--help", "--lang", "en")):
        assert en.exit_code == 0 and "Usage:" in en.stdout and "Options:" in en.stdout
        assert vietnamese_in(en.stdout) == [], en.stdout


ERRORS = [
    ["validate", "--nope"],  # no such option, with a suggestion
    ["validat"],  # no such command
    ["status"],  # missing argument
    ["status", "hai-nghìn"],  # not a number
    ["status", "2019", "--quarter", "5"],  # out of range
    ["status", "2019", "--as-of", "31/06/2019"],  # a date June does not have
    ["record", "dong-ha-2019-01", "done", "--cause", "x"],  # not a choice
    ["--lang", "fr", "validate"],  # no such language
    ["validate", "--explain", "E999"],  # no such code
    ["report", "2019", "2020"],  # one argument too many
    ["-q"],  # options without a command
]


@pytest.mark.parametrize("args", ERRORS, ids=lambda a: " ".join(a))
def test_errors_in_one_language(args: list[str], mini: Path):
    data = ["--data", str(mini)] if args[0] in ("status", "record", "report") else []
    vi = run(*args, *data)
    assert vi.exit_code in (1, 2) and vi.stderr.strip()
    assert english_in(vi.stderr) == [], vi.stderr
    en = run("--lang", "en", *args, *data) if args[0] != "--lang" else vi
    assert en.exit_code == vi.exit_code
    if en is not vi:
        assert vietnamese_in(en.stderr) == [], en.stderr


def test_validate_of_a_broken_folder_in_one_language(mini: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("due: 2019-03-31", "due: 31/06/2019").replace("head: ", "head:\n  x: ")
        + "  - title: 5\n\titems: []\n",
        encoding="utf-8",
    )
    (mini / "2019/commitments/dong-ha.yaml").write_bytes(b"unit: dong-ha\nhead: caf\xe9\n")
    vi = run("validate", "--data", mini, cwd=mini)
    assert vi.exit_code == 1 and english_in(vi.stdout + vi.stderr) == [], vi.stdout
    en = run("validate", "--data", mini, "--lang", "en", cwd=mini)
    assert en.exit_code == 1 and vietnamese_in(en.stdout + en.stderr) == [], en.stdout


def test_explanations_in_english_have_no_vietnamese():
    """The examples (indented) are a data file's lines, in the data's language."""
    from camket.checks.explanations import explanations

    for code in explanations():
        r = run("--lang", "en", "validate", "--explain", code)
        said = "\n".join(line for line in r.stdout.splitlines() if not line.startswith("    "))
        assert r.exit_code == 0 and vietnamese_in(said) == [], r.stdout


def test_completion_is_said_in_the_clerks_language(tmp_path: Path):
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash", "CAMKET_LANG": ""}
    for args, check in (
        ([], lambda t: "Đã cài gợi ý lệnh cho bash" in t and english_in(t) == []),
        (["--lang", "en"], lambda t: "bash completion installed" in t and not vietnamese_in(t)),
    ):
        r = subprocess.run(
            [sys.executable, "-m", "camket", *args, "--install-completion"],
            capture_output=True,
            text=True,
            env=env,
        )
        assert r.returncode == 0 and check(r.stdout + r.stderr), r.stdout + r.stderr
    assert (tmp_path / ".bash_completions/camket.sh").is_file()
