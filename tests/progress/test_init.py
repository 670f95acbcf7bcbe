"""`camket init`: never over someone's files, never staging what it did not write, and a
clear refusal for a year that cannot be one."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from camket.progress import scaffold
from tests.conftest import EMBEDDED_DATA, run

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_init_from_into_a_folder_with_files_refuses(tmp_path: Path):
    target = tmp_path / "cua-ai-do"
    target.mkdir()
    (target / "bao-cao.docx").write_bytes(b"not ours")
    r = run("init", target, "--from", EMBEDDED_DATA, "--year", "2021")
    assert r.exit_code == 1 and "đã có tệp" in r.stderr
    assert [p.name for p in target.iterdir()] == ["bao-cao.docx"]
    assert (target / "bao-cao.docx").read_bytes() == b"not ours"


def test_init_onto_a_file_refuses(tmp_path: Path):
    target = tmp_path / "tep"
    target.write_text("x", encoding="utf-8")
    r = run("init", target)
    assert r.exit_code == 1 and "đã có tệp" in r.stderr and target.read_text() == "x"


@needs_git
@pytest.mark.parametrize("source", [None, EMBEDDED_DATA])
def test_init_stages_only_the_files_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: Path | None
):
    target = tmp_path / "du-lieu"
    real = scaffold.write_schemas

    def and_a_stray_file(made: scaffold.Made) -> None:  # the clerk's editor drops a file
        real(made)
        (made.root / "ghi-chu-rieng.txt").write_text("của văn thư\n", encoding="utf-8")

    monkeypatch.setattr(scaffold, "write_schemas", and_a_stray_file)
    args = ["--from", source, "--year", "2021"] if source else []
    r = run("init", target, *args)
    assert r.exit_code == 0, r.stderr
    git = ["git", "-C", str(target)]
    committed = subprocess.run(
        [*git, "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "ghi-chu-rieng.txt" not in committed and "camket.yaml" in committed
    status = subprocess.run(
        [*git, "status", "--porcelain"], capture_output=True, text=True, check=True
    ).stdout
    assert status == "?? ghi-chu-rieng.txt\n"


def test_init_ignores_camkets_own_folder(tmp_path: Path):
    assert run("init", tmp_path / "d").exit_code == 0
    assert ".camket/" in (tmp_path / "d/.gitignore").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("year", ["99999", "0", "-5", "10000", "1800"])
def test_init_from_an_absurd_year_refuses(tmp_path: Path, year: str):
    target = tmp_path / "nam-moi"
    r = run("init", target, "--from", EMBEDDED_DATA, "--year", year)
    assert r.exit_code == 1 and "năm" in r.stderr and "không hợp lệ" in r.stderr
    assert "Traceback" not in r.stderr and not target.exists()


@pytest.mark.parametrize("year", ["99999", "0"])
def test_init_an_absurd_year_refuses(tmp_path: Path, year: str):
    target = tmp_path / "moi"
    r = run("init", target, "--year", year)
    assert r.exit_code == 1 and "không hợp lệ" in r.stderr and not target.exists()


@needs_git
def test_every_file_camket_writes_by_default_is_ignored(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CAMKET_TODAY", "2026-03-01")
    target = tmp_path / "d"
    assert run("init", target).exit_code == 0
    for args in (
        ["export", "2026", "--format", "json"],
        ["export", "2026", "--format", "csv"],
        ["export", "2026", "--format", "xlsx"],
        ["report", "2026"],
        ["sheets", "2026", "--combined"],
    ):
        r = run(*args, cwd=target)
        assert r.exit_code == 0, (args, r.stderr)
    assert (target / "cam-ket-2026.json").is_file()
    status = subprocess.run(
        ["git", "-C", str(target), "status", "--porcelain"], capture_output=True, text=True
    ).stdout
    assert status == ""
