"""Writing data files and committing them: both or neither.

A command that commits (`record --commit`, `seal`) checks everything git needs before the
first byte is written (git.preflight: a repository, an identity, no merge or rebase half done,
no other git command running). Then, holding the repository's commit lock:

1. camket's change is made again to the version of each file in HEAD and to the version in
   the index (`Edit.rebase`: the entry inserted into that version), so the commit holds
   camket's change and nothing else: a clerk's unstaged edits in the same file stay unstaged,
   and whatever else is staged stays staged and out of the commit;
2. the files are written (atomically, one by one);
3. a private index (HEAD's tree with camket's versions of the files) is committed, with the
   hooks and signing git is configured with; the commit must have HEAD as it was as its
   parent, or it is undone (another git command committed meanwhile);
4. the step that belongs to the same commit, if any, runs (the seal's tag);
5. the repository's index takes camket's versions of the files, so they show as clean.

Any failure after step 2 puts every file back as it was, HEAD where it was, and undoes step 4.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from camket import atomic, git
from camket.git import writing
from camket.i18n import _
from camket.progress import locking

# (a version of the file as git stores it, or None; camket's new bytes as git stores them)
# -> that version with camket's change
Rebase = Callable[[bytes | None, bytes], bytes]


class Conflict(git.GitError):
    """camket's change cannot be made to the committed version of a file."""


@dataclass(frozen=True)
class Edit:
    path: Path
    old: bytes | None  # None: the file did not exist
    new: bytes
    # camket's change made to another version of the file (raises ValueError when it cannot
    # be); None: the file simply becomes `new`
    rebase: Rebase | None = None


def write(edits: list[Edit]) -> None:
    """Write every file, or (OSError) none: the ones already written are put back."""
    done: list[Edit] = []
    try:
        for edit in edits:
            atomic.write_bytes(edit.path, edit.new)
            done.append(edit)
    except OSError:
        restore(done)
        raise


def restore(edits: list[Edit]) -> None:
    """Put the files back as they were before camket wrote them."""
    for edit in reversed(edits):
        with contextlib.suppress(OSError):
            if edit.old is None:
                edit.path.unlink(missing_ok=True)
            else:
                atomic.write_bytes(edit.path, edit.old)


def _version(top: Path, entry: tuple[str, str] | None) -> bytes | None:
    return git.read_blobs(top, [entry[1]])[0] if entry else None


def _staged(repo: git.Repo, edits: list[Edit], private: Path) -> tuple[list, list]:
    """(entries for the commit, entries for the repository's index): camket's change made to
    HEAD's version and to the index's version of each file."""
    top = repo.top
    for_commit, for_index = [], []
    for edit in edits:
        where = repo.path(edit.path)
        new = writing.clean(top, where, edit.new)
        head = writing.index_entry(top, where, private)
        staged = writing.index_entry(top, where)
        versions = []
        for entry in (head, staged):
            if edit.rebase is None:
                versions.append(new)
                continue
            try:
                versions.append(edit.rebase(_version(top, entry), new))
            except ValueError as e:
                raise Conflict(
                    _(
                        "không ghi được thay đổi vào bản đã commit của {path} ({e}); hãy commit "
                        "các thay đổi đang có của tệp này trước (git commit), rồi chạy lại"
                    ).format(path=where, e=e)
                ) from None
        mode = (staged or head or ("100644", ""))[0]
        oids = [writing.write_blob(top, v) for v in versions]
        for_commit.append((mode, oids[0], where))
        for_index.append((mode, oids[1], where))
    return for_commit, for_index


def _set_index(top: Path, entries: list[tuple[str, str, str]]) -> None:
    """The repository's index may be locked for a moment by the clerk's own git: retry."""
    for attempt in range(10):
        try:
            writing.set_index(top, entries)
            return
        except git.GitError:
            if attempt == 9:
                raise
            time.sleep(0.2)


def write_and_commit(
    root: Path,
    edits: list[Edit],
    message: str,
    then: Callable[[str], Callable[[], None]] | None = None,
) -> str:
    """Write the files and commit exactly camket's change of them; the new commit.

    `then(commit)` does what belongs to the same step (the seal's tag) and returns how to undo
    it. Raises git.GitError (files, index, HEAD and `then` as they were), locking.Busy, or
    OSError (a file could not be written: nothing written, nothing committed)."""
    repo = git.preflight(root)
    with locking.held(repo.private("camket-commit.lock")):
        repo = git.preflight(root)  # HEAD as it is now that no other camket commits
        top = repo.top
        private = repo.private(f"camket-index-{os.getpid()}")
        try:
            writing.index_of(top, private, repo.head)
            for_commit, for_index = _staged(repo, edits, private)
            writing.set_index(top, for_commit, private)
            write(edits)
            commit = None
            undo: Callable[[], None] | None = None
            try:
                commit = writing.commit_index(top, private, message)
                if writing.parent(top, commit) != repo.head:
                    # another git command committed meanwhile: ours, made from the tree before
                    # it, would undo its change
                    raise git.GitError(
                        _("một lệnh git khác vừa commit cùng lúc; hãy chạy lại lệnh camket")
                    )
                if then is not None:
                    undo = then(commit)
                _set_index(top, for_index)
            except git.GitError:
                if undo is not None:
                    with contextlib.suppress(git.GitError):
                        undo()
                if commit is not None:  # take our commit off the branch, whatever is below it
                    with contextlib.suppress(git.GitError):
                        writing.move_head(top, writing.parent(top, commit), commit)
                restore(edits)
                raise
            return commit
        finally:
            for leftover in (private, private.with_name(private.name + ".lock")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
