"""Everything camket asks of git, in one place: a subprocess on the `git` command itself.

A data folder need not be a repository; callers get None (or a GitError with a message) and
decide what that means for them.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


class GitError(Exception):
    """git is missing or refused; the message is for the clerk."""


@dataclass(frozen=True)
class RepoState:
    commit: str  # full hash of HEAD
    dirty: bool  # uncommitted changes inside the data folder
    committed_at: str  # ISO 8601 date of HEAD's commit


def _git(folder: Path, *args: str) -> str:
    exe = shutil.which("git")
    if exe is None:
        raise GitError("git is not installed")
    result = subprocess.run(
        [exe, "-C", str(folder), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if result.returncode != 0:
        raise GitError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return result.stdout


def state(folder: Path) -> RepoState | None:
    """HEAD and cleanliness of the repository holding `folder`; None when there is none."""
    try:
        commit = _git(folder, "rev-parse", "--verify", "-q", "HEAD").strip()
        when = _git(folder, "log", "-1", "--format=%cI", "HEAD").strip()
        dirty = bool(_git(folder, "status", "--porcelain", "--", ".").strip())
    except GitError:
        return None
    return RepoState(commit=commit, dirty=dirty, committed_at=when)
