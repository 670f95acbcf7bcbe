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


def run(folder: Path, *args: str) -> str:
    """Any git command in `folder`; its output, or GitError."""
    return _git(folder, *args)


def state(folder: Path) -> RepoState | None:
    """HEAD and cleanliness of the repository holding `folder`; None when there is none."""
    try:
        commit = _git(folder, "rev-parse", "--verify", "-q", "HEAD").strip()
        when = _git(folder, "log", "-1", "--format=%cI", "HEAD").strip()
        dirty = bool(_git(folder, "status", "--porcelain", "--", ".").strip())
    except GitError:
        return None
    return RepoState(commit=commit, dirty=dirty, committed_at=when)


def commit_file(folder: Path, path: Path, message: str) -> str:
    """Commit only `path` (whatever else is staged stays staged); returns the new commit."""
    _git(folder, "add", "--", str(path))
    _git(folder, "commit", "-q", "-m", message, "--only", "--", str(path))
    return _git(folder, "rev-parse", "HEAD").strip()


def toplevel(folder: Path) -> Path:
    return Path(_git(folder, "rev-parse", "--show-toplevel").strip())


@dataclass(frozen=True)
class Commit:
    hash: str
    author: str
    date: str  # ISO 8601, the author date
    subject: str


def log(folder: Path, pathspec: str = ".") -> list[Commit]:
    """Commits that touched `pathspec` under `folder`, oldest first, along the first parent:
    the line of history the folder actually went through (a merge is one step of it)."""
    sep = "\x1f"
    out = _git(
        folder,
        "log",
        "--first-parent",
        "--reverse",
        f"--format=%H{sep}%an{sep}%aI{sep}%s",
        "--",
        pathspec,
    )
    commits = []
    for line in out.splitlines():
        if line.strip():
            h, author, date, subject = line.split(sep, 3)
            commits.append(Commit(h, author, date, subject))
    return commits


def changed_files(folder: Path, commit: str) -> list[tuple[str, str, str | None]]:
    """(status, path, old path) of each file a commit changed, paths relative to the repository;
    renames are followed (status R, with the old path)."""
    out = _git(
        folder,
        "diff-tree",
        "--root",
        "--no-commit-id",
        "-r",
        "-M",
        "--name-status",
        "-z",
        "--diff-merges=first-parent",
        commit,
    )
    parts = out.split("\0")
    result = []
    i = 0
    while i < len(parts) and parts[i]:
        status = parts[i]
        if status.startswith(("R", "C")):
            result.append((status[0], parts[i + 2], parts[i + 1]))
            i += 3
        else:
            result.append((status[0], parts[i + 1], None))
            i += 2
    return result


def show(folder: Path, commit: str, repo_path: str) -> bytes | None:
    """A file's bytes at a commit (None when it does not exist there)."""
    exe = shutil.which("git")
    if exe is None:
        raise GitError("git is not installed")
    result = subprocess.run(
        [exe, "-C", str(folder), "show", f"{commit}:{repo_path}"], capture_output=True, check=False
    )
    return result.stdout if result.returncode == 0 else None
