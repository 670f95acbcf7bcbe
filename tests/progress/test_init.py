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


def test_validate_points_at_every_example_init_wrote(tmp_path: Path, monkeypatch):
    from camket import pipeline

    monkeypatch.setenv("CAMKET_TODAY", "2026-03-01")
    target = tmp_path / "d"
    assert run("init", target).exit_code == 0
    settings = target / "camket.yaml"
    # the signers' example names, once the clerk takes the '#' off without changing them
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("# name: Nguyễn", "name: Nguyễn"),
        encoding="utf-8",
    )

    def examples() -> list[tuple[str, int]]:
        problems = pipeline.load_and_check(target)[1]
        assert not [p for p in problems if p.is_error]
        return sorted((p.path.name, p.line) for p in problems if p.code == "W104")

    assert examples() == [
        ("camket.yaml", 15),
        ("camket.yaml", 19),
        ("don-vi-mau.yaml", 5),
        ("units.yaml", 7),
        ("year.yaml", 3),
    ]
    for rel, old, new in (
        ("camket.yaml", "Nguyễn Văn A", "Lê Thị Hoa"),
        ("camket.yaml", "Nguyễn Văn B", "Trần Văn Bình"),
        ("2026/commitments/don-vi-mau.yaml", "Nguyễn Văn A", "Hồ Sỹ Trung"),
        ("2026/year.yaml", "Chủ đề năm 2026", "Đoàn kết, kỷ cương, phát triển"),
        ("units.yaml", "Huyện ủy Mẫu", "Thành ủy Đông Hà"),
    ):
        path = target / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    units = target / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace("don-vi-mau", "dong-ha"), encoding="utf-8"
    )
    (target / "2026/commitments/don-vi-mau.yaml").rename(target / "2026/commitments/dong-ha.yaml")
    path = target / "2026/commitments/dong-ha.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("don-vi-mau", "dong-ha"), "utf-8")
    assert examples() == []
    # a year started from the last one has the example theme until it is written
    r = run("init", target, "--from", target, "--year", "2027")
    assert r.exit_code == 0, r.stderr
    assert examples() == [("year.yaml", 3)]
