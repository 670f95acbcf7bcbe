"""The result of `validate` for a folder whose files have not changed, kept outside it.

The key is a SHA-256 over camket's version, the language of the messages, today's date (a
progress date "after today" depends on it), the folder's path, the path and content hash of
every data file, and the git state a seal is judged by (HEAD and the `cam-ket-*` tags). Any
file changed, added, removed or renamed, a new commit, a tag moved or deleted gives another
key, so a stale result is never used; the problems themselves are stored as JSON, not as code.

The cache lives in $CAMKET_CACHE_DIR, else $XDG_CACHE_HOME/camket, else ~/.cache/camket, and
nothing goes wrong if it cannot be written: camket just validates again next time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from camket import __version__, git
from camket.problems import Problem, Severity
from camket.reading import folder

_MAX_ENTRIES = 64  # results kept; the oldest go first


def directory() -> Path:
    if os.environ.get("CAMKET_CACHE_DIR"):
        return Path(os.environ["CAMKET_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "camket"


def data_files(root: Path) -> list[Path]:
    files = [root / folder.SETTINGS, root / folder.UNITS]
    for _year, year_dir in folder.year_folders(root):
        layout = folder.year_files(_year, year_dir)
        files += [layout.year_file, year_dir / folder.SEAL, *layout.commitments]
    return files


def key(root: Path, language: str, today: dt.date) -> str:
    digest = hashlib.sha256()
    # Paths as bytes: a file name that is not UTF-8 is still a name (os.fsencode keeps it).
    digest.update(f"{__version__}\0{language}\0{today.isoformat()}\0".encode())
    digest.update(os.fsencode(root.resolve()) + b"\0")
    # The seal is read from git: its tags and HEAD are part of the state validated.
    digest.update(git.refs_digest(root, "cam-ket-*").encode() + b"\0")
    for path in data_files(root):
        digest.update(os.fsencode(path.relative_to(root)) + b"\0")
        if path.is_symlink():  # where a link leads decides whether it is read at all
            digest.update(b"->" + os.fsencode(path.resolve()) + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as e:  # missing, a folder, unreadable: part of the state too
            digest.update(f"!{type(e).__name__}".encode())
    return digest.hexdigest()


def load(cache_key: str, root: Path) -> tuple[int, list[Problem]] | None:
    path = directory() / f"validate-{cache_key}.json"
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        problems = [
            Problem(
                root / p["path"],
                p["line"],
                p["col"],
                Severity(p["severity"]),
                p["code"],
                p["message"],
            )
            for p in body["problems"]
        ]
        return int(body["files"]), problems
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(cache_key: str, root: Path, files: int, problems: list[Problem]) -> None:
    from camket import atomic

    body = {
        "files": files,
        "problems": [
            {
                "path": os.path.relpath(p.path, root),
                "line": p.line,
                "col": p.col,
                "severity": str(p.severity),
                "code": p.code,
                "message": p.message,
            }
            for p in problems
        ],
    }
    target = directory()
    try:
        target.mkdir(parents=True, exist_ok=True)
        # ASCII JSON: a path that is not UTF-8 (surrogate-escaped) is kept as \udcXX escapes.
        atomic.write_text(target / f"validate-{cache_key}.json", json.dumps(body))
        entries = sorted(target.glob("validate-*.json"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-_MAX_ENTRIES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
