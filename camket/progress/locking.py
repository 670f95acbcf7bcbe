"""Locks that keep two camket commands from writing the same thing at once.

A lock lives with the data it protects, never in a shared, world-writable folder: one lock
per data file in the data folder's `.camket/` folder (which ignores itself in git, and which
`camket init` also lists in .gitignore), and one lock per repository for commits, in the
repository's git directory.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from pathlib import Path

from camket import atomic

FOLDER = ".camket"
TIMEOUT = 30  # seconds to wait for another camket command


class Busy(Exception):
    """Another command held the lock for longer than TIMEOUT."""


def _own_folder(root: Path) -> Path:
    """The data folder's `.camket/`, made on first use with a .gitignore that ignores it all."""
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.is_file():
        atomic.write_text(ignore, "# Tệp tạm của camket (khóa); không lưu vào git.\n*\n")
    return folder


@contextlib.contextmanager
def held(path: Path, timeout: float = TIMEOUT) -> Iterator[None]:
    from filelock import FileLock, Timeout

    try:
        with FileLock(str(path), timeout=timeout):
            yield
    except Timeout:
        raise Busy(str(path)) from None


def for_file(root: Path, path: Path) -> Path:
    """The lock of one data file (OSError when the data folder cannot be written)."""
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    digest = hashlib.sha256(relative.encode()).hexdigest()[:16]
    return _own_folder(root) / f"{digest}.lock"
