"""A commit names the clerk: without a name and an email in git, every command that commits
(record, import, seal, init) says how to set them, and writes nothing.

Real git, on a machine set up like a clerk's new one: an empty home, no system configuration,
an empty global configuration, none of git's identity variables (tests/conftest.py removes
them).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EMBEDDED_DATA, git, repository, run
from tests.progress.test_forms import FILLED, by_unit, fill, form_path, make_forms

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

SET_NAME = 'git config --global user.name "Họ Tên"'
SET_EMAIL = 'git config --global user.email "email@co-quan.vn"'
DONG_HA = "2019/commitments/dong-ha.yaml"


@pytest.fixture
def nobody(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """git knows no one: the returned file is the (empty) global configuration."""
    home = tmp_path / "home"
    home.mkdir()
    config = home / ".gitconfig"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    return config


def anonymous(folder: Path) -> Path:
    """`folder` committed as a clerk would, then the repository's own identity removed."""
    repository(folder)
    git(folder, "config", "--unset", "user.name")
    git(folder, "config", "--unset", "user.email")
    return folder


def everything(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` but git's own, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".git" not in p.parts
    }


def repo_state(folder: Path) -> tuple[str, str, str, str]:
    return (
        git(folder, "rev-parse", "HEAD"),
        git(folder, "ls-files", "-s"),
        git(folder, "status", "--porcelain", "--ignored"),
        git(folder, "tag", "-l"),
    )


def refused_with_both_commands(r) -> None:
    assert r.exit_code == 1, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    assert "git chưa biết họ tên và email" in r.stderr
    assert SET_NAME in r.stderr and SET_EMAIL in r.stderr


def test_record_commit_without_identity_writes_nothing(mini: Path, nobody: Path):
    folder = anonymous(mini)
    files, state = everything(folder), repo_state(folder)
    r = run(
        "record", "dong-ha-2019-03", "done", "--date", "2019-09-27", "--commit", "--data", folder
    )
    refused_with_both_commands(r)
    assert "không commit được" in r.stderr
    assert everything(folder) == files and repo_state(folder) == state
    assert not (folder / ".camket").exists()


def test_record_without_commit_needs_no_identity(mini: Path, nobody: Path):
    folder = anonymous(mini)
    r = run("record", "dong-ha-2019-03", "done", "--date", "2019-09-27", "--data", folder)
    assert r.exit_code == 0, r.stderr
    assert "2019-09-27" in (folder / DONG_HA).read_text(encoding="utf-8")


def test_the_english_message_has_both_commands(mini: Path, nobody: Path):
    folder = anonymous(mini)
    r = run(
        "--lang", "en", "record", "dong-ha-2019-03", "done", "--date", "2019-09-27", "--commit",
        "--data", folder,
    )  # fmt: skip
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert "git does not know your name and email" in r.stderr
    assert 'git config --global user.name "Your Name"' in r.stderr
    assert 'git config --global user.email "you@example.org"' in r.stderr


def test_import_commit_without_identity_writes_nothing(tmp_path: Path, nobody: Path):
    folder = tmp_path / "data"
    shutil.copytree(EMBEDDED_DATA, folder)
    anonymous(folder)
    out = tmp_path / "forms"
    make_forms(folder, out, "dong-ha")
    fill(form_path(out, "dong-ha"), by_unit(FILLED)["dong-ha"])
    files, state = everything(folder), repo_state(folder)
    r = run("import", form_path(out, "dong-ha"), "--commit", "--data", folder, cwd=folder)
    refused_with_both_commands(r)
    assert everything(folder) == files and repo_state(folder) == state


def test_seal_without_identity_writes_nothing(mini: Path, nobody: Path):
    folder = anonymous(mini)
    files, state = everything(folder), repo_state(folder)
    r = run("seal", "2019", "--data", folder, "--date", "2019-02-20")
    refused_with_both_commands(r)
    assert "không niêm phong được" in r.stderr
    assert everything(folder) == files and repo_state(folder) == state
    assert not (folder / "2019/seal.yaml").exists()


@pytest.mark.parametrize("source", [None, EMBEDDED_DATA])
def test_init_without_identity_makes_no_folder(tmp_path: Path, nobody: Path, source):
    target = tmp_path / "moi" / "du-lieu"
    args = ["--from", source, "--year", "2021"] if source else []
    r = run("init", target, *args)
    refused_with_both_commands(r)
    assert "chưa tạo thư mục dữ liệu" in r.stderr
    assert not (tmp_path / "moi").exists()


def test_init_without_identity_leaves_an_empty_folder_empty(tmp_path: Path, nobody: Path):
    target = tmp_path / "du-lieu"
    target.mkdir()
    refused_with_both_commands(run("init", target))
    assert list(target.iterdir()) == []


def test_a_guessed_identity_is_not_one(tmp_path: Path, nobody: Path, monkeypatch):
    """git would make up a committer from the login and EMAIL; camket asks for a real one."""
    monkeypatch.setenv("EMAIL", "root@may-tinh.local")
    guessed = subprocess.run(["git", "var", "GIT_COMMITTER_IDENT"], capture_output=True)
    if guessed.returncode != 0:
        pytest.skip("git makes up no identity here (the login has no name)")
    target = tmp_path / "du-lieu"
    refused_with_both_commands(run("init", target))
    assert not target.exists()


def test_init_commits_as_the_configured_clerk(tmp_path: Path, nobody: Path):
    nobody.write_text("[user]\n\tname = Lê Thị Văn Thư\n\temail = vt@tinhuy.vn\n", "utf-8")
    target = tmp_path / "du-lieu"
    r = run("init", target)
    assert r.exit_code == 0, r.stderr
    assert "Đã khởi tạo kho git" in r.stdout
    who = git(target, "log", "-1", "--format=%an <%ae>|%cn <%ce>").strip()
    assert who == "Lê Thị Văn Thư <vt@tinhuy.vn>|Lê Thị Văn Thư <vt@tinhuy.vn>"
    assert git(target, "status", "--porcelain") == ""


def test_identity_from_gits_variables_is_enough(mini: Path, nobody: Path, monkeypatch):
    folder = anonymous(mini)
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Trần Văn Thư")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "tvt@tinhuy.vn")
    r = run(
        "record", "dong-ha-2019-03", "done", "--date", "2019-09-27", "--commit", "--data", folder
    )
    assert r.exit_code == 0, r.stderr
    assert git(folder, "log", "-1", "--format=%an").strip() == "Trần Văn Thư"
    assert git(folder, "status", "--porcelain", "--", DONG_HA) == ""


def test_init_undoes_itself_when_git_refuses_the_commit(tmp_path: Path, nobody: Path):
    """A global hook that refuses (or a signing key git cannot use): no half-made folder."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    hook = hooks / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'máy này không cho commit' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    nobody.write_text(
        f"[user]\n\tname = Văn thư\n\temail = vt@example.vn\n[core]\n\thooksPath = {hooks}\n",
        encoding="utf-8",
    )
    new = tmp_path / "moi" / "du-lieu"
    r = run("init", new)
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert "máy này không cho commit" in r.stderr and "chưa tạo thư mục dữ liệu" in r.stderr
    assert not (tmp_path / "moi").exists()
    empty = tmp_path / "trong"
    empty.mkdir()
    assert run("init", empty).exit_code == 1
    assert list(empty.iterdir()) == []


def test_undo_commit_without_identity_writes_nothing(mini: Path, nobody: Path):
    folder = anonymous(mini)
    files, state = everything(folder), repo_state(folder)
    r = run("undo", "dong-ha-2019-01", "--commit", "--data", folder)
    refused_with_both_commands(r)
    assert everything(folder) == files and repo_state(folder) == state
