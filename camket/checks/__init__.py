"""The rules `camket validate` applies after the files have been read and typed.

One module per rule, as yamllint does it: each exports `CODE`, `SEVERITY`, a docstring that is
the rule's documentation (why it exists, with a valid and an invalid example that the test-suite
runs), and `check(project)` yielding `(span, message)` findings. The registry below stamps each
finding with its rule's code and severity; rules never choose how they are reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType, ModuleType

from camket.checks import (
    block_ids,
    expect_totals,
    group_count,
    item_ids,
    missing_commitments,
    progress_dates,
    progress_order,
    report_sections,
    status_approval,
    status_cause,
    status_reason,
    unit_block,
    unit_file,
    unit_ids,
    unit_in_year,
    unit_mismatch,
    year_mismatch,
    year_range,
)
from camket.problems import Problem
from camket.project import Project

_MODULES: tuple[ModuleType, ...] = (
    block_ids,
    unit_ids,
    unit_block,
    year_range,
    unit_file,
    unit_mismatch,
    year_mismatch,
    unit_in_year,
    missing_commitments,
    item_ids,
    group_count,
    progress_order,
    progress_dates,
    status_reason,
    status_approval,
    status_cause,
    expect_totals,
    report_sections,
)

CHECKS: MappingProxyType[str, ModuleType] = MappingProxyType({m.CODE: m for m in _MODULES})


def run(project: Project) -> Iterator[Problem]:
    for module in CHECKS.values():
        for span, message in module.check(project):
            yield Problem.at(span, module.CODE, message, module.SEVERITY)
