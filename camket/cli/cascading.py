"""The lower committees' figures for `status --cascade` and `report --cascade`: read, printed
problems first, and refused when a lower folder is missing or its data does not validate."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from camket.cli.output import err
from camket.i18n import _

if TYPE_CHECKING:
    from camket.counting.cascade import CascadeTally
    from camket.counting.tally import YearTally
    from camket.reading.project import Project


def lower_tally(project: Project, own: YearTally) -> CascadeTally | None:
    """The lower committees' figures for the year of `own`, at its date; their problems are
    printed, and errors (a folder missing, data that does not validate) stop the command.
    None when camket.yaml declares no lower committee: the command is as without --cascade."""
    from camket import cascade
    from camket.cli import present
    from camket.counting.cascade import CascadeTally
    from camket.reading import lower

    if not lower.declared(project.root, project.settings):
        return None  # the CI pipeline asks every folder for --cascade: none below, no table
    found = cascade.lower_years(project, own.year, own.as_of)
    console = err()
    for line in present.problems_text(found.problems):
        console.print(line, markup=False)
    for warning in found.warnings:
        console.print(_("cảnh báo: {w}").format(w=warning), markup=False)
    if any(p.is_error for p in found.problems):
        console.print(
            _(
                "Dữ liệu của cấp dưới có lỗi hoặc chưa có; hãy sửa các lỗi trên rồi chạy lại "
                "(camket validate --cascade để kiểm tra)."
            ),
            markup=False,
        )
        raise typer.Exit(1)
    return CascadeTally(own, found.rows)
