"""`camket history ITEM`: an item's changes as git recorded them, oldest first.

The history is read from git itself (camket.git runs the `git` command): every commit that
touched a commitments file of the data folder is looked at, the item is found in the files that
commit changed (following renames, and moves between files), and each change of its text, due
date, status or indicator becomes one row. Old versions are read with the same YAML reader as
today's files, without the model: an old file need not pass today's rules to be history. A
version larger than the reader's limit is not read at all (its size is asked of git first)
and is reported as skipped, like a version that does not parse.
"""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from camket import git
from camket.errors import CamketError
from camket.i18n import _
from camket.reading import loader
from camket.reading.files import MAX_FILE_BYTES, read_text
from camket.reading.located import LocDict
from camket.reading.models import status_of

FIELDS = ("text", "due", "status", "indicator")


@dataclass(frozen=True)
class Change:
    date: str
    author: str
    commit: str
    path: str
    field: str
    old: str
    new: str

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def _status(value: Any) -> str:
    """The status code; an old version's unknown word is shown folded, as it is compared."""
    if not isinstance(value, str):
        return str(value)
    status = status_of(value)
    return (
        str(status)
        if status is not None
        else unicodedata.normalize("NFC", value).strip().casefold()
    )


def _state(item: LocDict) -> dict[str, str]:
    progress = item.get("progress")
    last = progress[-1] if isinstance(progress, list) and progress else None
    status = _status(last.get("status")) if isinstance(last, dict) else "not_started"
    indicator = item.get("indicator")
    shown = ""
    if isinstance(indicator, dict):
        shown = ", ".join(
            f"{k}: {indicator[k]}"
            for k in ("plan", "actual", "unit", "better")
            if indicator.get(k) is not None
        )
    due = item.get("due")
    return {
        "text": str(item.get("text") or ""),
        "due": due.isoformat() if hasattr(due, "isoformat") else str(due or ""),
        "status": status,
        "indicator": shown,
    }


@dataclass(frozen=True)
class Skipped:
    """A version of a file too large to read (one that once held a pasted mistake)."""

    commit: str
    date: str
    path: str
    size: int


UNREADABLE = object()  # a version of a file that does not parse: it says nothing of the item


class Versions:
    """The files' versions read from git, each at most once, none past MAX_FILE_BYTES."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.skipped: dict[tuple[str, str], Skipped] = {}

    def read(self, commit: git.Commit, path: str) -> Any:
        """The file's value at this commit (what the YAML reader gives), None when the file is
        not there, or UNREADABLE when it was too large or did not read."""
        try:
            size = int(git.run(self.root, "cat-file", "-s", f"{commit.hash}:{path}").strip())
        except (git.GitError, ValueError):  # no such file at this commit
            return None
        if size > MAX_FILE_BYTES:
            self.skipped[(commit.hash, path)] = Skipped(commit.hash, commit.date, path, size)
            return UNREADABLE
        data = git.show(self.root, commit.hash, path)
        if data is None:
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return UNREADABLE
        value, _problems = read_text(Path("x.yaml"), text)
        return UNREADABLE if value is None else value

    def state(self, commit: git.Commit, path: str, item_id: str) -> Any:
        """The item in the file at this commit: see _find; None when the file is not there."""
        value = self.read(commit, path)
        return value if value is None or value is UNREADABLE else _find(value, item_id)


def _find(value: Any, item_id: str) -> Any:
    """The item's state in one version of a file: a dict, or None when it is not there."""
    groups = value.get("groups") if isinstance(value, dict) else None
    for group in groups if isinstance(groups, list) else []:
        items = group.get("items") if isinstance(group, dict) else None
        for item in items if isinstance(items, list) else []:
            if isinstance(item, LocDict) and item.get("id") == item_id:
                return _state(item)
    return None


def _is_commitments(repo_path: str, prefix: str) -> bool:
    p = Path(repo_path)
    return (
        repo_path.startswith(prefix)
        and p.suffix.lower() in (".yaml", ".yml")
        and p.parent.name == "commitments"
    )


def resolve(root: Path, query: str) -> tuple[str, str]:
    """What `history` looks for: ("item" or "indicator", its id). An id of today's data, or a
    prefix only one of them starts with (as `record` takes it); anything else as typed, since
    an item deleted since still has a history. Items come first: an id used for an item in one
    year and for an indicator in another is the item's."""
    project, _problems = loader.load(root)
    kinds: dict[str, str] = {}
    for data in project.years.values():
        for c in data.commitments.values():
            kinds.update((item.id, "item") for item in c.items())
    for data in project.years.values():
        for indicator in data.config.indicators if data.config else ():
            kinds.setdefault(indicator.id, "indicator")
    if query in kinds:
        return kinds[query], query
    starting = sorted(i for i in kinds if i.startswith(query))
    if len(starting) == 1:
        return kinds[starting[0]], starting[0]
    if starting:
        shown = ", ".join(starting[:8]) + (" …" if len(starting) > 8 else "")
        raise CamketError(
            _("'{q}' khớp với {n} nội dung: {ids}; hãy gõ đầy đủ hơn").format(
                q=query, n=len(starting), ids=shown
            )
        )
    return "item", query


def item_history(root: Path, item_id: str, skipped: list[Skipped] | None = None) -> list[Change]:
    """Raises git.GitError when the data folder is not in a git repository. Versions too
    large to read are appended to `skipped`."""
    versions = Versions(root)
    try:
        return _history(root, item_id, versions)
    finally:
        if skipped is not None:
            skipped.extend(versions.skipped.values())


def _history(root: Path, item_id: str, versions: Versions) -> list[Change]:
    top = git.toplevel(root)
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    changes: list[Change] = []
    current: dict[str, str] | None = None
    where: str | None = None
    for commit in git.log(root):
        touched = [
            (status, path, old)
            for status, path, old in git.changed_files(root, commit.hash)
            if _is_commitments(path, prefix) or (old and _is_commitments(old, prefix))
        ]
        if not touched:
            continue
        # Where the item was, followed through a rename; then every file the commit wrote.
        candidates = [path for status, path, old in touched if old == where and status == "R"]
        candidates += [path for status, path, _old in touched if path == where and status != "D"]
        candidates += [path for status, path, _old in touched if status != "D"]
        found = None
        unreadable = False
        for path in dict.fromkeys(candidates):
            state = versions.state(commit, path, item_id)
            if state is UNREADABLE:
                unreadable = unreadable or path == where
                continue
            if state is not None:
                found, where = state, path
                break
        if found is None:
            if unreadable:
                continue  # the item's file was broken in this commit: wait for its repair
            if current is not None and any(where in (path, old) for _s, path, old in touched):
                still = versions.state(commit, where, item_id) if where else None
                if still is None:
                    changes.append(_change(commit, where or "", "item", _("có"), _("đã xóa")))
                    current, where = None, None
            continue
        if current is None:
            for field in FIELDS:
                if found[field] or field == "status":
                    changes.append(_change(commit, where or "", field, "", found[field]))
        else:
            for field in FIELDS:
                if found[field] != current[field]:
                    changes.append(
                        _change(commit, where or "", field, current[field], found[field])
                    )
        current = found
    return changes


def _change(commit: git.Commit, path: str, field: str, old: str, new: str) -> Change:
    return Change(commit.date, commit.author, commit.hash, path, field, old, new)
