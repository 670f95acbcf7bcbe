"""Commands that write documents: report, sheets, export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from camket import clock, vn
from camket.cli.app import (
    AsOfOption,
    DataOption,
    OutOption,
    PdfOption,
    QuarterOption,
    TemplateOption,
    _as_of,
    _date,
    _err,
    _load_year,
    _out,
    _output,
    _pdf,
    _root,
    _template,
    _write,
    app,
)
from camket.i18n import _
from camket.reading import folder


@app.command(
    help=_(
        "Lập báo cáo kết quả thực hiện cam kết của một năm (tệp .docx).\n\nVí dụ: camket report "
        "2019 --number 125 --date 2020-01-05"
    )
)
def report(
    year: Annotated[int, typer.Argument(help=_("Năm báo cáo, ví dụ 2019."))],
    data: DataOption = None,
    out: OutOption = None,
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
    number: Annotated[
        str | None,
        typer.Option(
            "--number", help=_("Số văn bản (để trống nếu chưa có số)."), show_default=False
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help=_("Ngày ghi trên văn bản (mặc định: hôm nay)."), show_default=False
        ),
    ] = None,
    template: TemplateOption = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("In bản DỰ THẢO dù dữ liệu còn lỗi."))
    ] = False,
    pdf: PdfOption = False,
    figures: Annotated[
        bool,
        typer.Option(
            "--figures",
            help=_("Không in văn bản: liệt kê mọi số liệu của báo cáo và mã các nội dung tạo nên."),
        ),
    ] = False,
    cascade: Annotated[
        bool,
        typer.Option(
            "--cascade",
            help=_(
                "Thêm vào phụ lục bảng số liệu riêng của từng cấp dưới (lower: trong camket.yaml)."
            ),
        ),
    ] = False,
) -> None:
    """The year-end (or mid-year) report as .docx, optionally PDF."""
    from camket.counting.tally import tally
    from camket.documents import making
    from camket.documents.render.template import TemplateError
    from camket.documents.report import ReportOptions

    when = _as_of(year, as_of, quarter)
    printed = _date(date) or clock.today()
    root = _root(data)
    project = _load_year(root, year, force)
    if figures:
        from camket.cli import present

        present.figures_table(tally(project, year, when), project, _out(always=True))
        return

    path = _output(out, f"bao-cao-cam-ket-{year}.docx")
    options = ReportOptions(
        date=printed,
        first_year=making.first_year(project, [y for y, _ in folder.year_folders(root)]),
        number=number,
        draft=force,
    )
    t = tally(project, year, when)
    lower = None
    if cascade:
        from camket.cli.checking import lower_tally

        lower = lower_tally(project, t)
    try:
        docx, warnings = making.report_docx(
            project, t, options, _template("report", template, project), lower
        )
    except TemplateError as e:
        _err().print(_("lỗi: {e}").format(e=e), markup=False)
        raise typer.Exit(1) from None
    if when is not None and date is None and (printed - t.as_of).days > 31:
        # a mid-year report printed long after its date reads as if made then: say so
        warnings.append(
            _(
                "báo cáo tính đến ngày {as_of} nhưng ghi ngày lập là hôm nay, {today}; nếu báo "
                "cáo được lập vào ngày khác, hãy ghi --date NGÀY"
            ).format(as_of=vn.short_date(t.as_of), today=vn.short_date(printed))
        )
    for warning in warnings:
        _err().print(_("cảnh báo: {w}").format(w=warning), markup=False)
    _write(path, docx)
    _out().print(_("Đã ghi báo cáo: {path}").format(path=path), markup=False)
    if pdf:
        _pdf([path])


@app.command(
    help=_(
        "In bản cam kết của các đơn vị để ký tại hội nghị (mỗi đơn vị một tệp .docx).\n\nVí dụ: "
        "camket sheets 2019 dong-ha cam-lo --out ban-cam-ket/"
    )
)
def sheets(
    year: Annotated[int, typer.Argument(help=_("Năm ký cam kết, ví dụ 2019."))],
    units: Annotated[
        list[str] | None,
        typer.Argument(help=_("Mã các đơn vị (mặc định: tất cả)."), show_default=False),
    ] = None,
    data: DataOption = None,
    out: OutOption = None,
    combined: Annotated[
        bool,
        typer.Option("--combined", help=_("Gộp tất cả vào một tệp, mỗi đơn vị một trang mới.")),
    ] = False,
    template: TemplateOption = None,
    pdf: PdfOption = False,
) -> None:
    """The commitment sheets signed at the ceremony."""
    from camket.documents import making
    from camket.documents.render.template import TemplateError

    project = _load_year(_root(data), year)
    data_year = project.years[year]
    chosen = list(units or [u.id for u in project.units.values() if u.id in data_year.commitments])
    missing = [u for u in chosen if u not in data_year.commitments]
    if missing:
        from camket.suggest import hint as suggestion

        for u in missing:
            hint = suggestion(u, data_year.commitments)
            _err().print(
                _("lỗi: năm {year} không có bản cam kết của đơn vị '{unit}'{hint}").format(
                    year=year, unit=u, hint=hint
                ),
                markup=False,
            )
        raise typer.Exit(1)
    path = _template("sheet", template, project)
    date = data_year.config.signed_on if data_year.config else None
    target_dir = out or Path()
    try:
        if combined:
            target = _output(out, f"cam-ket-{year}.docx")
            (docx,) = making.sheets_docx(project, year, [chosen], path, date)
            _write(target, docx)
            _out().print(
                _("Đã ghi {n} bản cam kết vào: {path}").format(n=len(chosen), path=target),
                markup=False,
            )
            if pdf:
                _pdf([target])
            return
        if not target_dir.exists():
            target_dir.mkdir(parents=True)
        from rich.progress import Progress

        with Progress(console=_err(), transient=True) as progress:
            task = progress.add_task(_("Đang in bản cam kết"), total=len(chosen))
            made = making.sheets_docx(project, year, [[u] for u in chosen], path, date)
            for unit, docx in zip(chosen, made, strict=True):
                _write(target_dir / f"cam-ket-{year}-{unit}.docx", docx)
                progress.advance(task)
    except TemplateError as e:
        _err().print(_("lỗi: {e}").format(e=e), markup=False)
        raise typer.Exit(1) from None
    _out().print(
        _("Đã ghi {n} bản cam kết vào thư mục: {path}").format(n=len(chosen), path=target_dir),
        markup=False,
    )
    if pdf:
        _pdf([target_dir / f"cam-ket-{year}-{unit}.docx" for unit in chosen])


@app.command(
    help=_(
        "Xuất các nội dung cam kết của một năm ra Excel (xlsx, csv) hoặc json.\n\nVí dụ: camket "
        "export 2019 --format xlsx --out cam-ket-2019.xlsx"
    )
)
def export(
    year: Annotated[int, typer.Argument(help=_("Năm cần xuất, ví dụ 2019."))],
    data: DataOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help=_("Định dạng: xlsx, csv hoặc json (mặc định: theo đuôi của --out, hoặc xlsx)."),
            show_default=False,
        ),
    ] = None,
    out: OutOption = None,
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
) -> None:
    """The year's items as xlsx, csv or json."""
    from camket.counting.tally import tally
    from camket.documents import export as exporting

    if fmt is None:  # from the --out file's suffix, else Excel
        fmt = out.suffix.lower().lstrip(".") if out is not None and out.suffix else "xlsx"
    if fmt not in exporting.WRITERS:
        _err().print(
            _("lỗi: định dạng '{fmt}' không hỗ trợ; dùng xlsx, csv hoặc json").format(fmt=fmt),
            markup=False,
        )
        raise typer.Exit(1)
    when = _as_of(year, as_of, quarter)
    project = _load_year(_root(data), year)
    path = _output(out, f"cam-ket-{year}.{fmt}")
    _write(path, exporting.WRITERS[fmt](project, tally(project, year, when)))
    _out().print(_("Đã xuất: {path}").format(path=path), markup=False)
