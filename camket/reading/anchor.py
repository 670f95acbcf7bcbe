"""Reading a year's seal back from git: the tag, the seal commit, and the content there.

The loader calls `read` for each year it loads; what it returns (camket.reading.seal.Seal) is plain
data the rules compare, so the rules themselves never run git. What a repository says is
untrusted like the files: old versions are read with the same reader and models as today's
files, item by item, so one item that no longer types does not hide the others.

Cost: a few git commands per load (the repository, the tags, the seal commits), shared by
every year; per sealed year, the tree of its commitments folder at the seal and the files
that changed since (a file whose bytes are those of the seal is not read twice); and, for an
item that changed and carries an approval, a binary search over the commits since the seal
for the one that added the approval.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from camket import git
from camket.i18n import _
from camket.problems import Span
from camket.reading import seal
from camket.reading.building import build
from camket.reading.files import decode, read_text
from camket.reading.folder import COMMITMENTS, YAML_SUFFIXES
from camket.reading.located import LocDict
from camket.reading.models import Item, Progress
from camket.reading.project import YearData


@dataclass
class _Context:
    """What every year of one load shares: the repository, its seal tags and seal commits."""

    repo: git.Repo | None  # None: git is not installed
    tags: dict[str, git.Tag]
    seals: list[tuple[str, int, dt.date | None]]  # (commit, year, sealed on), newest first
    error: str = ""  # why the tags or the history could not be read
    # (blob id, unit) -> the items of that version of the unit's file
    parsed: dict[tuple[str, str], dict[str, tuple[seal.Signed, Item]]] = field(default_factory=dict)


def _context(root: Path, shared: dict[str, Any]) -> _Context | None:
    if "context" in shared:
        return shared["context"]
    context = None
    repo = git.repo(root) if git.available() else None
    if not git.available():
        context = _Context(None, {}, [], _("chưa cài git"))
    elif repo is not None:
        error = ""
        try:
            tags = git.tags(root, f"{seal.TAG_PREFIX}*")
            found = git.messages(root, f"^{seal.TRAILER_YEAR}: [0-9]+$") if repo.head else []
        except git.GitError as e:
            tags, found, error = {}, [], str(e)
        seals = []
        for commit, _date, message in found:
            fields = seal.trailers(message)
            if fields.get(seal.TRAILER_FOLDER, ".") != (repo.prefix.rstrip("/") or "."):
                continue  # a seal of another data folder in the same repository
            try:
                year = int(fields[seal.TRAILER_YEAR])
            except (KeyError, ValueError):
                continue
            seals.append((commit, year, _date_of(fields.get(seal.TRAILER_DATE))))
        context = _Context(repo, tags, seals, error)
    shared["context"] = context
    return context


def _date_of(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _items(path: str, data: bytes | None) -> dict[str, tuple[seal.Signed, Item]]:
    """The items of one old version of a commitments file, typed one by one."""
    if data is None:
        return {}
    where = Path(path)
    text, _problems = decode(where, data)
    value = read_text(where, text)[0] if text is not None else None
    groups = value.get("groups") if isinstance(value, LocDict) else None
    out: dict[str, tuple[seal.Signed, Item]] = {}
    for group in groups if isinstance(groups, list) else []:
        title = group.get("title") if isinstance(group, LocDict) else None
        items = group.get("items") if isinstance(group, LocDict) else None
        for raw in items if isinstance(items, list) else []:
            item, _typed = build(Item, raw, Span(where, 1, 1))
            if item is not None and isinstance(title, str):
                out.setdefault(item.id, (seal.signed(where.stem, title, item), item))
    return out


class _Year:
    """One year's files at any commit, parsed once per blob."""

    def __init__(self, root: Path, context: _Context, data: YearData) -> None:
        assert context.repo is not None
        self.root, self.context, self.data = root, context, data
        self.folder = f"{context.repo.prefix}{data.year}/{COMMITMENTS}"
        self._now: dict[str, str] | None = None
        self._at: dict[str, _State] = {}

    def _today(self, length: int) -> dict[str, str]:
        """blob id -> unit, of today's files that read without errors."""
        if self._now is None:
            self._now = {
                git.blob_id(path.read_bytes(), length): unit
                for unit, path in self.data.files.items()
                if unit in self.data.commitments and path.is_file()
            }
        return self._now

    def at(self, commit: str) -> _State:
        if commit not in self._at:
            self._at[commit] = self._read(commit)
        return self._at[commit]

    def _read(self, commit: str) -> _State:
        files = []
        for _mode, oid, path in git.ls_tree(self.root, commit, self.folder):
            stem, suffix = posixpath.splitext(posixpath.basename(path))
            if suffix.lower() in YAML_SUFFIXES:
                files.append((oid, stem, path))
        today = self._today(len(files[0][0]) if files else 40)
        parsed = self.context.parsed
        unread = [(oid, unit, path) for oid, unit, path in files if (oid, unit) not in parsed]
        blobs = iter(git.read_blobs(self.root, [o for o, _u, _p in unread if o not in today]))
        for oid, unit, path in unread:
            # a file with the same bytes as today's: its items are typed already
            parsed[oid, unit] = (
                self._typed(today[oid], unit) if oid in today else _items(path, next(blobs))
            )
        state = _State()
        for oid, unit, path in files:
            state.files[unit] = path
            for item_id, (signed, item) in parsed[oid, unit].items():
                if item_id not in state.content:
                    state.content[item_id] = signed
                    state.progress[item_id] = list(item.progress)
        return state

    def _typed(self, today: str, unit: str) -> dict[str, tuple[seal.Signed, Item]]:
        items: dict[str, tuple[seal.Signed, Item]] = {}
        for group in self.data.commitments[today].groups:
            for item in group.items:
                items.setdefault(item.id, (seal.signed(unit, group.title, item), item))
        return items


@dataclass
class _State:
    """A year's items at one commit."""

    content: dict[str, seal.Signed] = field(default_factory=dict)
    progress: dict[str, list[Progress]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # unit -> path in the repository


def read(root: Path, data: YearData, shared: dict[str, Any]) -> seal.Seal | None:
    """The year's seal in git, or None when it was never sealed there."""
    context = _context(root, shared)
    if context is None:
        return None
    name = seal.tag_name(data.year)
    if context.repo is None or context.error:
        # git cannot say whether the year is sealed: a year whose seal.yaml says it was is
        # reported, rather than taken as never sealed
        if data.seal_record is None:
            return None
        return seal.Seal(
            data.year, "", dt.date.min, name, "unreadable", None, {}, error=context.error
        )
    tag = context.tags.get(name)
    newest = next(((c, d) for c, y, d in context.seals if y == data.year), None)
    try:
        return _read(root, context, data, name, tag, newest)
    except git.GitError as e:  # a seal that cannot be read is reported, never ignored
        commit = newest[0] if newest else (tag.commit if tag else None) or ""
        return seal.Seal(data.year, commit, dt.date.min, name, "unreadable", None, {}, error=str(e))


def _read(
    root: Path,
    context: _Context,
    data: YearData,
    name: str,
    tag: git.Tag | None,
    newest: tuple[str, dt.date | None] | None,
) -> seal.Seal | None:
    problem = None
    if newest is not None:
        commit, sealed_on = newest
        if tag is None:
            problem = "missing"
        elif tag.commit != commit:
            problem = "moved"
        elif not tag.annotated:
            problem = "lightweight"
    elif tag is not None and tag.commit is not None:
        commit = tag.commit
        sealed_on = _date_of(seal.trailers(tag.message).get(seal.TRAILER_DATE))
        head = context.repo.head if context.repo else None
        if head is None or not git.is_ancestor(root, commit, head):
            problem = "elsewhere"
        else:
            problem = "foreign"
    else:
        return None
    year = _Year(root, context, data)
    state = year.at(commit)
    found = seal.Seal(
        year=data.year,
        commit=commit,
        sealed_on=sealed_on or _committed_on(root, commit),
        tag=name,
        tag_problem=problem,
        tag_commit=tag.commit if tag else None,
        items=state.content,
        files=state.files,
    )
    _approvals(found, year, state.progress)
    return found


def _committed_on(root: Path, commit: str) -> dt.date:
    text = git.run(root, "log", "-1", "--format=%cs", commit).strip()
    return _date_of(text) or dt.date.min


def _approvals(found: seal.Seal, year: _Year, at_seal: dict[str, list[Progress]]) -> None:
    """Count the approvals added since the seal; for each item that changed, find the commit
    that added its latest approval, and the content it had there."""
    steps: list[str] | None = None
    for item_id, (content, item) in seal.items_of(year.data.commitments).items():
        approvals = [e for e in item.progress if seal.is_approval(e)]
        if not approvals:
            continue
        before = {seal.entry_key(e) for e in at_seal.get(item_id, [])}
        new = [e for e in approvals if seal.entry_key(e) not in before]
        found.approved += len(new)
        if not new or found.items.get(item_id) == content:
            continue
        if steps is None:
            steps = git.first_parents(year.root, found.commit, year.folder)
        best: seal.Approval | None = None
        best_at = -1
        for entry in new:
            at = _added_at(year, steps, item_id, seal.entry_key(entry))
            if at > best_at:
                best_at = at
                committed = at < len(steps)
                best = seal.Approval(
                    entry,
                    steps[at] if committed else None,
                    year.at(steps[at]).content.get(item_id) if committed else content,
                )
        if best is not None:
            found.approvals[item_id] = best


def _added_at(year: _Year, steps: list[str], item_id: str, key: tuple[Any, ...]) -> int:
    """The index in `steps` of the first commit whose item has the entry (len(steps): not
    committed yet). Entries are only ever added, so presence is monotone: a binary search."""
    lo, hi = 0, len(steps)
    while lo < hi:
        mid = (lo + hi) // 2
        progress = year.at(steps[mid]).progress.get(item_id, [])
        if any(seal.entry_key(e) == key for e in progress):
            hi = mid
        else:
            lo = mid + 1
    return lo
