"""Making the documents: content, template, render, finish, write. Called by the CLI.

Heavy libraries (python-docx, docxtpl) are imported only below this module's functions, through
camket.render, so the commands that do not print documents start fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from camket import git, report, sheets
from camket.project import Project
from camket.render import markers
from camket.tally import YearTally


def first_year(project: Project, year_folders: Iterable[int]) -> int:
    if project.settings and project.settings.first_year:
        return project.settings.first_year
    return min(year_folders)


def report_docx(
    project: Project, t: YearTally, options: report.ReportOptions, template: Path
) -> bytes:
    from docxtpl import RichText

    from camket.render import footnotes, package
    from camket.render import template as tpl

    context, notes = report.build(project, t, options)
    # Rows of the units table are bold for blocks and totals: docxtpl's RichText carries that.
    context["appendix"]["units"] = [
        {k: RichText(v, bold=row["bold"] or None) for k, v in row["cells"].items()}
        for row in context["appendix"]["units"]
    ]
    from camket.render.chart import png, size_mm

    config = project.years[t.year].config
    chart = png(t, config.indicators if config else [])
    # the landscape appendix page: 262 mm wide, about 150 mm below a heading
    document = tpl.render(template, context, images={"chart": (chart, size_mm(chart, (255, 145)))})
    footnotes.apply(document, notes)
    props = package.Properties(
        title=markers.strip(f"Báo cáo {context['title']}"),
        subject=f"Báo cáo kết quả thực hiện cam kết trách nhiệm năm {t.year}",
        author=project.settings.office if project.settings else "",
        date=options.date,
        git=git.state(project.root),
    )
    return package.finish(document, props)


def sheets_docx(
    project: Project, year: int, units: list[str], template: Path, date: dt.date
) -> bytes:
    """One document holding the sheets of `units` (one page break between two units)."""
    from camket.render import package
    from camket.render import template as tpl

    settings = project.settings
    data = project.years[year]
    assert settings is not None and data.config is not None
    context = {
        "sheets": [
            sheets.sheet(settings, data.config, project.units[u], data.commitments[u])
            for u in units
        ],
        "body": settings.body,
        "office": settings.office,
        "year": year,
    }
    document = tpl.render(template, context)
    names = ", ".join(project.units[u].name for u in units)
    props = package.Properties(
        title=f"Bản cam kết năm {year}: {names}" if len(units) < 4 else f"Bản cam kết năm {year}",
        subject=f"Bản cam kết trách nhiệm năm {year}",
        author=settings.office,
        date=date,
        git=git.state(project.root),
        note=(
            f"nội dung đã niêm phong ngày {data.seal.sealed_on.isoformat()} (seal.yaml)"
            if data.seal
            else ""
        ),
    )
    return package.finish(document, props)
