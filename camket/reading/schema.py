"""JSON Schema (2020-12) of each file kind, generated from the models the loader validates with.

Never written by hand: the schema an editor completes from and the rules `validate` applies
come from the same classes, so they cannot drift apart.
"""

from __future__ import annotations

import json
from typing import Any

from camket.reading.models import Commitments, SealFile, Settings, UnitsFile, YearConfig

KINDS = {
    "camket": (Settings, "camket.yaml"),
    "units": (UnitsFile, "units.yaml"),
    "year": (YearConfig, "YEAR/year.yaml"),
    "commitments": (Commitments, "YEAR/commitments/UNIT.yaml"),
    "seal": (SealFile, "YEAR/seal.yaml"),
}
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema(kind: str) -> dict[str, Any]:
    model, filename = KINDS[kind]
    out: dict[str, Any] = {"$schema": DIALECT, "title": f"camket: {filename}"}
    out.update(model.model_json_schema(mode="validation"))
    out["title"] = f"camket: {filename}"
    return out


def text(kind: str) -> str:
    return json.dumps(schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
