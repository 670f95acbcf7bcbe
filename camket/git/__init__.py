"""Everything camket asks of git, in one place: a subprocess on the `git` command itself.

This package reads (the repository, its history, tags and objects); camket.git.writing makes
commits and tags. A data folder need not be a repository; callers get None (or a GitError
with a message) and decide what that means for them. What git returns about the data (names,
messages, file contents) is untrusted text, parsed by the callers like the files.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from camket.i18n import _


class GitError(Exception):
    """git is missing or refused; the message is for the clerk. `kind` says which precondition
    failed ("missing", "no-repo", "identity", "busy", "locked") or "failed" for a git command."""

    def __init__(self, message: str, kind: str = "failed") -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class RepoState:
    commit: str  # full hash of HEAD
    dirty: bool  # uncommitted changes inside the data folder
    committed_at: str  # ISO 8601 date of HEAD's commit


def available() -> bool:
    return shutil.which("git") is not None


def _exe() -> str:
    exe = shutil.which("git")
    if exe is None:
        raise GitError(
            _("chưa cài git; hãy cài Git (https://git-scm.com) rồi chạy lại"), kind="missing"
        )
    return exe


def call(
    folder: Path, *args: str, input: bytes | None = None, env: dict[str, str] | None = None
) -> bytes:
    """A git command's standard output as bytes (with `input` on its standard input, and
    `env` added to the environment); GitError with git's own words when it fails."""
    result = subprocess.run(
        [_exe(), "-C", str(folder), *args],
        input=input,
        capture_output=True,
        check=False,
        env={**os.environ, **env} if env else None,
    )
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip()
        raise GitError(detail or f"git {' '.join(args)} failed")
    return result.stdout


def _git(folder: Path, *args: str) -> str:
    return call(folder, *args).decode("utf-8", "replace")


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


# --- the repository a data folder lives in -------------------------------------------------

_BUSY = {
    "MERGE_HEAD": "merge",
    "CHERRY_PICK_HEAD": "cherry-pick",
    "REVERT_HEAD": "revert",
    "rebase-merge": "rebase",
    "rebase-apply": "rebase",
}


@dataclass(frozen=True)
class Repo:
    top: Path  # the top of the work tree
    prefix: str  # the data folder inside it, "a/b/" ("" at the top)
    head: str | None  # HEAD's commit; None before the first commit
    busy: tuple[str, ...]  # operations in progress (merge, rebase…)
    index_lock: Path  # git's lock on the index, present while another git command runs

    def path(self, file: Path) -> str:
        """A file's path inside the repository, as git names it."""
        return file.resolve().relative_to(self.top.resolve()).as_posix()

    def private(self, name: str) -> Path:
        """A file of camket's own in the repository's git directory (never in the work tree)."""
        return self.index_lock.parent / name


def repo(folder: Path) -> Repo | None:
    """The work tree holding `folder`; None when there is none (or git is missing)."""
    names = [*_BUSY, "index.lock"]
    try:
        out = _git(
            folder,
            "rev-parse",
            "--show-toplevel",
            "--show-prefix",
            *(arg for name in names for arg in ("--git-path", name)),
        )
    except GitError:
        return None
    lines = out.split("\n")
    top, prefix, paths = Path(lines[0]), lines[1], lines[2 : 2 + len(names)]
    where = {name: folder / p for name, p in zip(names, paths, strict=True)}  # may be relative
    try:
        head: str | None = _git(folder, "rev-parse", "--verify", "-q", "HEAD^{commit}").strip()
    except GitError:
        head = None
    busy = tuple(dict.fromkeys(op for name, op in _BUSY.items() if where[name].exists()))
    return Repo(top, prefix, head or None, busy, where["index.lock"])


def has_identity(folder: Path, git_dir: Path | None = None) -> bool:
    """Whether a commit made now in `folder` (or in a repository yet to be made at `git_dir`)
    would name a person: user.name and user.email in git's configuration, or git's
    GIT_AUTHOR_* and GIT_COMMITTER_* variables.

    git's own guess (the login name and the computer's name, `root@may-tinh`) is not an
    identity: the history is where a committee reads who recorded what, so git is asked with
    user.useConfigOnly, which refuses to guess."""
    env = {"GIT_DIR": str(git_dir)} if git_dir is not None else None
    for var in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):
        try:
            call(folder, "-c", "user.useConfigOnly=true", "var", var, env=env)
        except GitError:
            return False
    return True


def require_identity(folder: Path, git_dir: Path | None = None) -> None:
    """GitError (kind "identity") with the two commands that set one, when `has_identity`
    says no."""
    if not has_identity(folder, git_dir):
        raise GitError(
            _(
                "git chưa biết họ tên và email của người ghi (mỗi lần commit, git ghi lại ai đã "
                "sửa dữ liệu); hãy chạy hai lệnh sau trong cửa sổ lệnh, với họ tên và email "
                "của mình, rồi chạy lại:\n"
                '    git config --global user.name "Họ Tên"\n'
                '    git config --global user.email "email@co-quan.vn"'
            ),
            kind="identity",
        )


def preflight(folder: Path) -> Repo:
    """The repository, when a commit can be made in it now: git is there, an identity is
    configured, no merge or rebase is half done, no other git command holds the index.
    Checked before camket writes anything; GitError (with its kind) says what is missing."""
    _exe()
    found = repo(folder)
    if found is None:
        raise GitError(
            _("thư mục dữ liệu {folder} không nằm trong một kho git").format(folder=folder),
            kind="no-repo",
        )
    require_identity(folder)
    if found.busy:
        raise GitError(
            _(
                "kho git đang dở một lần {op}; hãy hoàn tất hoặc hủy nó (git {op} --continue "
                "hoặc git {op} --abort) rồi chạy lại"
            ).format(op=found.busy[0]),
            kind="busy",
        )
    if found.index_lock.exists():
        raise GitError(
            _(
                "một lệnh git khác đang chạy trong kho (có tệp {path}); hãy đợi lệnh đó xong; "
                "nếu không còn lệnh git nào chạy, xóa tệp đó rồi chạy lại"
            ).format(path=found.index_lock),
            kind="locked",
        )
    return found


def status(folder: Path, *pathspecs: str) -> list[str]:
    """Paths (from the top) with uncommitted changes, or untracked, under `pathspecs` (paths
    from the top of the repository)."""
    out = call(
        folder,
        "status",
        "--porcelain",
        "-z",
        "--untracked-files=all",
        "--",
        *(f":(top){p}" for p in pathspecs),
    )
    entries = out.decode("utf-8", "replace").split("\0")
    paths, i = [], 0
    while i < len(entries) and entries[i]:
        code, path = entries[i][:2], entries[i][3:]
        paths.append(path)
        i += 2 if code[0] in "RC" else 1  # a rename is followed by its old path
    return paths


# --- objects --------------------------------------------------------------------------------


def blob_id(data: bytes, length: int) -> str:
    """The id git gives a blob of these bytes, in a repository whose ids have `length` hex
    digits (40: SHA-1, 64: SHA-256), without running git."""
    digest = hashlib.sha1 if length == 40 else hashlib.sha256
    return digest(b"blob %d\0" % len(data) + data).hexdigest()


def read_blobs(folder: Path, names: list[str]) -> list[bytes | None]:
    """Objects named like `COMMIT:path` or by id, read with one git process; None for each
    one that does not exist or is not a file."""
    if not names:
        return []
    if any("\n" in name for name in names):
        raise GitError("a name holds a line break")
    out = call(folder, "cat-file", "--batch", input="".join(f"{n}\n" for n in names).encode())
    result: list[bytes | None] = []
    at = 0
    for _name in names:
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        at = end + 1
        if len(header) == 3 and header[1] in (b"blob", b"tree", b"commit", b"tag"):
            size = int(header[2])
            body = out[at : at + size]
            at += size + 1
            result.append(body if header[1] == b"blob" else None)
        else:  # "<name> missing" or "<name> ambiguous"
            result.append(None)
    return result


def ls_tree(folder: Path, commit: str, repo_dir: str) -> list[tuple[str, str, str]]:
    """(mode, blob id, path) of the files directly in `repo_dir` at `commit`."""
    out = call(folder, "ls-tree", "-z", "--full-tree", commit, "--", repo_dir.rstrip("/") + "/")
    rows = []
    for entry in out.decode("utf-8", "replace").split("\0"):
        if entry:
            meta, path = entry.split("\t", 1)
            mode, kind, oid = meta.split(" ")
            if kind == "blob":
                rows.append((mode, oid, path))
    return rows


# --- history -------------------------------------------------------------------------------


def first_parents(folder: Path, since: str, pathspec: str) -> list[str]:
    """Commits after `since` up to HEAD along the first parent that touched `pathspec` (a path
    from the top of the repository), oldest first."""
    out = _git(
        folder,
        "rev-list",
        "--first-parent",
        "--reverse",
        f"{since}..HEAD",
        "--",
        f":(top){pathspec}",
    )
    return out.split()


def is_ancestor(folder: Path, commit: str, of: str) -> bool:
    result = subprocess.run(
        [_exe(), "-C", str(folder), "merge-base", "--is-ancestor", commit, of],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def messages(folder: Path, grep: str) -> list[tuple[str, str, str]]:
    """(commit, committer date, message) of the commits in HEAD's history whose message has a
    line matching the extended regular expression `grep`, newest first."""
    out = call(folder, "log", "-E", f"--grep={grep}", "--format=%H%x00%cI%x00%B%x00%x1e", "HEAD")
    found = []
    for record in out.decode("utf-8", "replace").split("\x1e"):
        parts = record.strip("\n").split("\0")
        if len(parts) >= 3 and parts[0]:
            found.append((parts[0], parts[1], parts[2]))
    return found


@dataclass(frozen=True)
class Tag:
    name: str
    object: str  # the tag object (annotated) or the commit itself (lightweight)
    annotated: bool
    commit: str | None  # what it points at, when that is a commit
    message: str


def tags(folder: Path, pattern: str) -> dict[str, Tag]:
    out = call(
        folder,
        "for-each-ref",
        "--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)"
        "%00%(*objectname)%00%(contents)%00%1e",
        f"refs/tags/{pattern}",
    )
    found = {}
    for record in out.decode("utf-8", "replace").split("\x1e"):
        parts = record.strip("\n").split("\0")
        if len(parts) < 6 or not parts[0]:
            continue
        name, kind, oid, target_kind, target, message = parts[:6]
        annotated = kind == "tag"
        commit = (target if target_kind == "commit" else None) if annotated else None
        if not annotated and kind == "commit":
            commit = oid
        found[name] = Tag(name, oid, annotated, commit, message)
    return found


def refs_digest(folder: Path, pattern: str) -> str:
    """HEAD and the tags matching `pattern`, as one string: what a seal's verdict depends on
    besides the files. Empty outside a repository."""
    try:
        head = _git(folder, "rev-parse", "--verify", "-q", "HEAD").strip()
    except GitError:
        head = ""
    try:
        refs = _git(
            folder, "for-each-ref", "--format=%(refname) %(objectname)", f"refs/tags/{pattern}"
        )
    except GitError:
        return ""
    return head + "\n" + refs
