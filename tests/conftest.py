"""Shared fixtures: real data folders copied to tmp_path, and the CLI run through CliRunner."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from camket.cli import app
from camket.cli.app import hoist

# Property tests: repeatable in CI (a fixed seed, a bounded count); `HYPOTHESIS_PROFILE=deep`
# explores further on a developer's machine.
settings.register_profile(
    "camket", max_examples=25, derandomize=True, deadline=None, print_blob=True
)
settings.register_profile("deep", max_examples=500, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "camket"))

ASSETS = Path(__file__).parent / "assets"
REPO = Path(__file__).parent.parent
EMBEDDED_DATA = REPO / "data"
GIT_IDENTITY = (
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "EMAIL",
)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test depends on the developer's environment or cache; Rich never wraps output."""
    monkeypatch.setenv("CAMKET_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    for name in ("CAMKET_DATA", "CAMKET_TODAY", "SOURCE_DATE_EPOCH", "CAMKET_DEBUG", "CAMKET_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "250")
    # git as on a clerk's machine set up once: a global name and email (not the developer's),
    # which a test's own repository configuration or environment overrides
    gitconfig = tmp_path_factory.mktemp("home") / ".gitconfig"
    gitconfig.write_text("[user]\n\tname = Văn thư\n\temail = vt@example.vn\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    for name in GIT_IDENTITY:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    # `--lang en` in one test must not leave English behind for the next
    from camket import i18n

    i18n.set_language("vi")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small hand-counted data folder (tests/assets/mini)."""
    target = tmp_path / "mini"
    shutil.copytree(ASSETS / "mini", target)
    return target


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def run(*args: str | Path, cwd: Path | None = None) -> Result:
    """Run `camket ARGS` in-process, as the clerk would type it, from `cwd`."""
    with contextlib.chdir(cwd or Path.cwd()):
        r = CliRunner().invoke(app, hoist([str(a) for a in args]), catch_exceptions=False)
    return Result(r.exit_code, r.stdout, r.stderr)


def write(folder: Path, relpath: str, text: str) -> Path:
    path = folder / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def git(folder: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run git in `folder` as a test sets it up (the CLI's own git runs go through camket.git)."""
    return subprocess.run(
        ["git", "-C", str(folder), *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env} if env else None,
    ).stdout


def repository(folder: Path) -> Path:
    """`folder` as a git repository with everything committed by a named clerk."""
    git(folder, "init", "-q")
    git(folder, "config", "user.name", "Văn thư")
    git(folder, "config", "user.email", "vt@example.vn")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "Dữ liệu")
    return folder
