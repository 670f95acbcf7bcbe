"""What camket writes with git: blobs, index entries, a commit of a private index, tags.

Used by camket.progress.committing and camket.progress.sealing, which decide when
(preconditions first, files restored on failure); nothing here checks anything itself.
"""

from __future__ import annotations

from pathlib import Path

from camket.git import GitError, call, run
from camket.i18n import _


def clean(folder: Path, repo_path: str, data: bytes) -> bytes:
    """The bytes git stores for `data` at `repo_path`: its attributes' conversions applied
    (core.autocrlf, eol=lf…), the form in which camket's change is compared and committed."""
    oid = call(folder, "hash-object", "-w", f"--path={repo_path}", "--stdin", input=data)
    return call(folder, "cat-file", "blob", oid.decode().strip())


def index_entry(folder: Path, repo_path: str, index: Path | None = None) -> tuple[str, str] | None:
    """(mode, blob id) of a file in an index; None when it is not there. A file with
    unresolved conflicts (several stages) is a GitError: camket does not commit over one."""
    env = {"GIT_INDEX_FILE": str(index)} if index is not None else None
    out = call(folder, "ls-files", "-s", "-z", "--", f":(top,literal){repo_path}", env=env)
    rows = [r for r in out.decode("utf-8", "replace").split("\0") if r]
    if not rows:
        return None
    mode, oid, stage = rows[0].split("\t", 1)[0].split(" ")
    if len(rows) > 1 or stage != "0":
        raise GitError(
            _("tệp {path} đang có xung đột chưa giải quyết trong git; hãy giải quyết trước").format(
                path=repo_path
            ),
            kind="busy",
        )
    return mode, oid


def write_blob(folder: Path, data: bytes) -> str:
    """Store bytes as they are (no conversion); their blob id."""
    return call(folder, "hash-object", "-w", "--no-filters", "--stdin", input=data).decode().strip()


def set_index(folder: Path, entries: list[tuple[str, str, str]], index: Path | None = None) -> None:
    """Set files in an index to blobs: (mode, blob id, path from the top)."""
    env = {"GIT_INDEX_FILE": str(index)} if index is not None else None
    args = [a for mode, oid, path in entries for a in ("--cacheinfo", f"{mode},{oid},{path}")]
    call(folder, "update-index", "--add", *args, env=env)


def index_of(folder: Path, index: Path, head: str | None) -> None:
    """A private index holding HEAD's tree (empty before the first commit)."""
    env = {"GIT_INDEX_FILE": str(index)}
    if head is None:
        call(folder, "read-tree", "--empty", env=env)
    else:
        call(folder, "read-tree", head, env=env)


def commit_index(folder: Path, index: Path, message: str) -> str:
    """Commit a private index (hooks and signing as configured); the new commit."""
    call(folder, "commit", "-q", "-m", message, env={"GIT_INDEX_FILE": str(index)})
    return run(folder, "rev-parse", "HEAD").strip()


def parent(folder: Path, commit: str) -> str | None:
    try:
        return run(folder, "rev-parse", "--verify", "-q", f"{commit}^").strip() or None
    except GitError:
        return None


def move_head(folder: Path, to: str | None, expected: str) -> None:
    """Point HEAD (its branch) back at `to`, only if it is still at `expected`."""
    if to is None:
        call(folder, "update-ref", "-d", "HEAD", expected)
    else:
        call(folder, "update-ref", "-m", "camket: undo", "HEAD", to, expected)


def tag(folder: Path, name: str, commit: str, message: str, force: bool = False) -> str:
    """An annotated tag (signed when git is configured to sign tags); the tag object."""
    call(folder, "tag", "-a", *(["-f"] if force else []), "-m", message, name, commit)
    return run(folder, "rev-parse", f"refs/tags/{name}").strip()


def delete_tag(folder: Path, name: str) -> None:
    call(folder, "tag", "-d", name)


def restore_tag(folder: Path, name: str, obj: str) -> None:
    call(folder, "update-ref", f"refs/tags/{name}", obj)
