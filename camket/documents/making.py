"""Making the documents: content, template, render, finish, write. Called by the CLI.

Heavy libraries (python-docx, docxtpl) are imported only below this module's functions, through
camket.documents.render, so the commands that do not print documents start fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from camket import git
from camket.counting.cascade import CascadeTally
from camket.counting.tally import YearTally
from camket.documents import report, sheets, wrapping
from camket.documents.render import markers
from camket.reading.project import Project


def first_year(project: Project, year_folders: Iterable[int]) -> int:
    if project.settings and project.settings.first_year:
        return project.settings.first_year
    return min(year_folders)


def report_docx(
    project: Project,
    t: YearTally,
    options: report.ReportOptions,
    template: Path,
    lower: CascadeTally | None = None,
) -> tuple[bytes, list[str]]:
    """The report's bytes, and the warnings about what it lacks (placeholders left); `lower`
    adds the lower committees' table to the appendix (report --cascade)."""
    from camket.documents.render import footnotes, keep, package, pictures
    from camket.documents.render import template as tpl
    from camket.documents.render.chart import indicators_png, png, size_mm

    content = report.build(project, t, options, lower)
    context, notes = content.context, content.footnotes
    charts = {"chart": png(t), "indicators_chart": indicators_png(t)}
    # The template places a marker; the picture goes in its place after rendering.
    for name, data in charts.items():
        context[name] = markers.picture_marker(name.replace("_", "")) if data else ""
    document = tpl.render(template, context)
    # the landscape appendix page: 262 mm wide, 175 mm high, less a heading
    pictures.place(
        document,
        {
            name.replace("_", ""): (data, size_mm(data, (250, 160)) if data else 0)
            for name, data in charts.items()
        },
    )
    footnotes.apply(document, notes)
    keep.signatures(document)
    props = package.Properties(
        title=markers.strip(f"Báo cáo {context['title']}").replace(wrapping.NBSP, " "),
        subject=f"Báo cáo kết quả thực hiện cam kết trách nhiệm năm {t.year}",
        author=project.settings.issuer if project.settings else "",
        date=options.date,
        git=git.state(project.root),
    )
    return package.finish(document, props), content.warnings


def sheets_docx(
    project: Project, year: int, documents: list[list[str]], template: Path, date: dt.date
) -> Iterator[bytes]:
    """One document per list of units, each holding those units' sheets (a page break between
    two units); all rendered by one sandboxed child, yielded as each is ready."""
    from camket.documents.render import keep, package
    from camket.documents.render import template as tpl

    settings = project.settings
    data = project.years[year]
    assert settings is not None and data.config is not None
    contexts = [
        {
            "sheets": [
                sheets.sheet(settings, data.config, project.units[u], data.commitments[u])
                for u in units
            ],
            "body": settings.body,
            "office": settings.office,
            "year": year,
        }
        for units in documents
    ]
    state = git.state(project.root)
    for units, document in zip(documents, tpl.render_each(template, contexts), strict=True):
        keep.signatures(document)
        names = ", ".join(project.units[u].name for u in units)
        props = package.Properties(
            title=f"Bản cam kết năm {year}: {names}"
            if len(units) < 4
            else f"Bản cam kết năm {year}",
            subject=f"Bản cam kết trách nhiệm năm {year}",
            author=settings.issuer,
            date=date,
            git=state,
            note=(
                f"nội dung đã niêm phong ngày {data.seal.sealed_on.isoformat()} "
                f"(thẻ git {data.seal.tag}, commit {data.seal.commit[:12]})"
                if data.seal and data.seal.commit
                else ""
            ),
        )
        yield package.finish(document, props)
