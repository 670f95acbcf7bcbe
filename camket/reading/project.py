"""A loaded data folder: the typed models of its files, and lookups the checks and tally share."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from camket.reading.models import (
    Block,
    Commitments,
    Settings,
    Signature,
    Unit,
    UnitsFile,
    YearConfig,
)
from camket.reading.seal import Seal


@dataclass
class YearData:
    year: int
    folder: Path
    config: YearConfig | None
    # unit id (the file name) -> its commitments; a file that failed to build is in `files` only
    commitments: dict[str, Commitments] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    seal: Seal | None = None  # what was signed, read from git (camket.reading.anchor)
    seal_record: Path | None = None  # YEAR/seal.yaml when there is one: for people, untrusted
    # unit id -> the file with errors it was left out for (`without`); empty: every unit is here
    left_out: dict[str, Path] = field(default_factory=dict)

    def exact(self, unit: str) -> bool:
        """The unit's file was typed whole: it read, and no bad value in it was left out."""
        built = self.commitments.get(unit)
        return built is not None and built.exact

    @property
    def complete(self) -> bool:
        """Every commitments file typed whole: what counts the year's items may judge them."""
        return all(self.exact(unit) for unit in self.files)

    def without(self, units: Mapping[str, Path]) -> YearData:
        """The year as it stands without these units' files (unit id -> the file at fault):
        what `status`, `sheets` and `export` still show when other units' files have errors.
        The units are named in `left_out`, so what counts the year leaves them out whole (no
        row of zeros) and says the figures are partial instead of pretending to be complete."""
        return dataclasses.replace(
            self,
            commitments={u: c for u, c in self.commitments.items() if u not in units},
            files={u: p for u, p in self.files.items() if u not in units},
            left_out={**self.left_out, **units},
        )


@dataclass
class Project:
    root: Path
    today: dt.date
    settings: Settings | None = None
    units_file: UnitsFile | None = None
    years: dict[int, YearData] = field(default_factory=dict)
    file_count: int = 0  # files read, for the summary line
    inside: set[Path] = field(default_factory=set)  # folders known to be in the data folder
    git: dict[str, Any] = field(default_factory=dict)  # what reading.anchor read once per load

    @cached_property
    def blocks(self) -> dict[str, Block]:
        """First declaration wins; duplicates are reported by a check."""
        out: dict[str, Block] = {}
        for block in self.units_file.blocks if self.units_file else ():
            out.setdefault(block.id, block)
        return out

    @cached_property
    def units(self) -> dict[str, Unit]:
        out: dict[str, Unit] = {}
        for unit in self.units_file.units if self.units_file else ():
            out.setdefault(unit.id, unit)
        return out

    def units_in(self, year: int) -> list[Unit]:
        return [u for u in self.units.values() if u.exists_in(year)]


def signer(
    settings_signature: Signature | None, year: YearConfig | None, kind: str
) -> Signature | None:
    """Who signs `kind` ("report" or "sheet") for a year: the year's own setting, field by
    field, over camket.yaml's (people change; the form rarely does)."""
    own = getattr(year, f"{kind}_signature", None) if year is not None else None
    if own is None:
        return settings_signature
    if settings_signature is None:
        return own
    return Signature.model_construct(
        on_behalf=own.on_behalf or settings_signature.on_behalf,
        title=own.title or settings_signature.title,
        name=own.name or settings_signature.name,
    )
