"""The rules `camket validate` applies after the files have been read and typed.

One module per rule, as yamllint does it. Each exports `CODE`, `SEVERITY`, `SCOPE` (what it
looks at: the folder, a year, a unit's file, or one item), `TITLE` and `FIX` (the explanation
`--explain` and docs/errors.md give, in Vietnamese, translated for `--lang en`), a docstring
that is its documentation (why it exists, a valid and an invalid example the test-suite runs),
and `check(target)` yielding `(span, message)` findings for one target of its scope.

The registry stamps each finding with the rule's code and its severity: the rule's own, or the
one camket.yaml sets (`checks: {W101: off, W103: error}`, as yamllint's configuration does;
the seal's rules cannot be turned off). A rule that raises becomes a problem naming the rule
(E100) and the other rules go on, as beancount turns a plugin's crash into an error. `record`
and the import of forms run the ITEM rules on one item; validate runs every scope.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import MappingProxyType, ModuleType
from typing import Any

from camket.checks import (
    _left_out,
    block_ids,
    cause_at_year_end,
    check_settings,
    expect_totals,
    group_count,
    indicator_dates,
    indicator_ids,
    item_ids,
    item_indicator_ids,
    lower_units,
    missing_commitments,
    placeholders,
    progress_dates,
    progress_order,
    report_sections,
    seal_record,
    seal_tag,
    sealed_content,
    signer_names,
    status_approval,
    status_cause,
    status_reason,
    template_paths,
    undeclared_tags,
    unit_block,
    unit_file,
    unit_ids,
    unit_in_year,
    unit_mismatch,
    year_mismatch,
    year_range,
)
from camket.checks._common import Folder, ItemIn, Scope, UnitFile, Year

__all__ = ["CHECKS", "Folder", "ItemIn", "Scope", "UnitFile", "Year", "run", "run_all"]
from camket.i18n import _
from camket.problems import Problem, Severity, Span
from camket.reading.project import Project

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
    cause_at_year_end,
    expect_totals,
    report_sections,
    indicator_ids,
    indicator_dates,
    item_indicator_ids,
    seal_tag,
    sealed_content,
    seal_record,
    template_paths,
    signer_names,
    placeholders,
    undeclared_tags,
    check_settings,
    lower_units,
)

CHECKS: MappingProxyType[str, ModuleType] = MappingProxyType({m.CODE: m for m in _MODULES})
CRASH = "E100"  # a rule that raised: reported, never hiding the other rules
LOCKED = frozenset({"E121", "E123"})  # the seal's integrity: no setting turns it off


def severities(project: Project) -> dict[str, Severity | None]:
    """Each rule's severity for this folder: its own, or camket.yaml's `checks:` (None: off)."""
    chosen = dict(project.settings.checks or {}) if project.settings else {}
    out: dict[str, Severity | None] = {}
    for code, module in CHECKS.items():
        setting = chosen.get(code)
        if setting is None or code in LOCKED:
            out[code] = module.SEVERITY
        else:
            out[code] = None if setting == "off" else Severity(setting)
    return out


def run(
    scope: Scope, target: Any, levels: dict[str, Severity | None] | None = None
) -> Iterator[Problem]:
    """The rules of `scope` on one target of it."""
    project = target if isinstance(target, Project) else target.project
    levels = levels if levels is not None else severities(project)
    echoes = _left_out.places(target)
    for code, module in CHECKS.items():
        if module.SCOPE is not scope or levels[code] is None:
            continue
        try:
            for span, message in module.check(target):
                if span not in echoes:
                    yield Problem.at(span, code, message, levels[code])
        except Exception as e:  # the rule's fault, not the data's: say so, go on
            yield Problem.at(
                _where(target),
                CRASH,
                _(
                    "quy tắc {code} gặp lỗi khi kiểm tra phần này ({error}); các quy tắc khác vẫn "
                    "được kiểm tra. Hãy báo lại cho người bảo trì camket"
                ).format(code=code, error=f"{type(e).__name__}: {e}"),
            )


def _where(target: Any) -> Span:
    """The place of a target, for a problem about it as a whole."""
    from camket.reading.folder import SETTINGS, YEAR

    if isinstance(target, ItemIn):
        return target.item.value_span("id")
    if isinstance(target, UnitFile):
        return Span(target.path, 1, 1)
    if isinstance(target, Year):
        return Span(target.data.folder / YEAR, 1, 1)
    project = target.project if isinstance(target, Folder) else target
    return Span(project.root / SETTINGS, 1, 1)


def run_years(
    project: Project, levels: dict[str, Severity | None] | None = None
) -> Iterator[Problem]:
    """Every rule but the folder's, over the years `project` holds: each year, each unit's
    file, each item."""
    levels = levels if levels is not None else severities(project)
    for year, data in project.years.items():
        yield from run(Scope.YEAR, Year(project, year, data), levels)
        for unit, commitments in data.commitments.items():
            path = data.files[unit]
            yield from run(
                Scope.UNIT_FILE, UnitFile(project, year, unit, commitments, path), levels
            )
            for item in commitments.items():
                yield from run(Scope.ITEM, ItemIn(project, year, unit, item), levels)


def run_all(project: Project) -> Iterator[Problem]:
    """Every rule over a loaded project (all its years at once)."""
    levels = severities(project)
    yield from run(Scope.FOLDER, Folder.of(project), levels)
    yield from run_years(project, levels)


def by_scope(scope: Scope) -> Iterable[ModuleType]:
    return [m for m in CHECKS.values() if m.SCOPE is scope]


def document() -> str:
    """docs/checks.md: the file-level codes, then each rule's docstring."""
    from camket.reading.codes import FILE_CODES

    out = [
        "# What `camket validate` checks",
        "",
        "<!-- Generated by `python -m camket.checks > docs/checks.md`; do not edit by hand. -->",
        "",
        "Each problem is printed as `path:line:col: error|warning: message`; the message says, "
        "in Vietnamese, what is wrong and what to do. The code identifies the rule.",
        "",
        "## Reading and typing the files",
        "",
        "| code | problem |",
        "| --- | --- |",
        *(f"| {code} | {entry.about} |" for code, entry in FILE_CODES.items()),
        "",
        "## Rules",
        "",
        "Each rule applies to one scope: the folder (settings, units, what crosses years), a "
        "year, a unit's commitments file, or an item (what `record` and the import of forms "
        "check before writing). Its severity can be set in camket.yaml: "
        "`checks: {W101: off, W103: error}` (E121 and E123 cannot be changed).",
        "",
    ]
    for code, module in CHECKS.items():
        doc = (module.__doc__ or "").strip()
        title, _sep, body = doc.partition("\n")
        out += [
            f"### {code} ({module.SEVERITY}, {module.SCOPE.value}): {title}",
            "",
            body.strip(),
            "",
        ]
    return "\n".join(out)
