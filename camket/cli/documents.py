"""Commands that write documents: report, sheets, export."""

from __future__ import annotations

from typing import Annotated

import typer

from camket import clock, vn
from camket.cli import options, output
from camket.cli.app import command
from camket.cli.options import (
    AsOfOption,
    DataOption,
    OutOption,
    PdfOption,
    QuarterOption,
    TemplateOption,
    YearArgument,
)
from camket.errors import CamketError
from camket.i18n import N_, _
from camket.reading import folder


@command(
    help=N_(
        "Lập báo cáo kết quả thực hiện cam kết của một năm (tệp .docx).\n\nVí dụ: camket report "
        "2019 --number 125 --date 2020-01-05"
    )
)
def report(
    year: YearArgument,
    data: DataOption = None,
    target: OutOption = None,
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
    number: Annotated[
        str | None,
        typer.Option(
            "--number",
            metavar=N_("SỐ"),
            help=N_("Số văn bản (để trống nếu chưa có số)."),
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar=N_("NGÀY"),
            help=N_("Ngày ghi trên văn bản (mặc định: hôm nay)."),
            show_default=False,
        ),
    ] = None,
    template: TemplateOption = None,
    force: Annotated[
        bool, typer.Option("--force", help=N_("In bản DỰ THẢO dù dữ liệu còn lỗi."))
    ] = False,
    pdf: PdfOption = False,
    figures: Annotated[
        bool,
        typer.Option(
            "--figures",
            help=N_(
                "Không in văn bản: liệt kê mọi số liệu của báo cáo và mã các nội dung tạo nên."
            ),
        ),
    ] = False,
    cascade: Annotated[
        bool,
        typer.Option(
            "--cascade",
            help=N_(
                "Thêm vào phụ lục bảng số liệu riêng của từng cấp dưới (lower: trong camket.yaml)."
            ),
        ),
    ] = False,
) -> None:
    """The year-end (or mid-year) report as .docx, optionally PDF."""
    from camket.counting.tally import tally
    from camket.documents import making
    from camket.documents.report import ReportOptions

    when = options.as_of(year, as_of, quarter)
    printed = options.date(date) or clock.today()
    root = options.root(data)
    project = options.load_year(root, year, force)
    if figures:
        from camket.cli import present

        present.figures_table(tally(project, year, when), project, output.out(always=True))
        return

    path = options.output(target, f"bao-cao-cam-ket-{year}.docx")
    settings = ReportOptions(
        date=printed,
        first_year=making.first_year(project, [y for y, _ in folder.year_folders(root)]),
        number=number,
        draft=force,
    )
    t = tally(project, year, when)
    lower = None
    if cascade:
        from camket.cli.cascading import lower_tally

        lower = lower_tally(project, t)
    docx, warnings = making.report_docx(
        project, t, settings, options.template("report", template, project), lower
    )
    if when is not None and date is None and (printed - t.as_of).days > 31:
        # a mid-year report printed long after its date reads as if made then: say so
        warnings.append(
            _(
                "báo cáo tính đến ngày {as_of} nhưng ghi ngày lập là hôm nay, {today}; nếu báo "
                "cáo được lập vào ngày khác, hãy ghi --date NGÀY"
            ).format(as_of=vn.short_date(t.as_of), today=vn.short_date(printed))
        )
    for warning in warnings:
        output.err().print(_("cảnh báo: {w}").format(w=warning), markup=False)
    options.write(path, docx)
    output.out().print(_("Đã ghi báo cáo: {path}").format(path=path), markup=False)
    if pdf:
        options.pdf([path])


@command(
    help=N_(
        "In bản cam kết của các đơn vị để ký tại hội nghị (mỗi đơn vị một tệp .docx).\n\nVí dụ: "
        "camket sheets 2019 dong-ha cam-lo --out ban-cam-ket/"
    )
)
def sheets(
    year: YearArgument,
    units: Annotated[
        list[str] | None,
        typer.Argument(
            metavar=N_("MÃ_ĐƠN_VỊ"),
            help=N_("Mã các đơn vị (mặc định: tất cả)."),
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    target: OutOption = None,
    combined: Annotated[
        bool,
        typer.Option("--combined", help=N_("Gộp tất cả vào một tệp, mỗi đơn vị một trang mới.")),
    ] = False,
    template: TemplateOption = None,
    pdf: PdfOption = False,
) -> None:
    """The commitment sheets signed at the ceremony."""
    from camket.documents import making

    project = options.load_year(options.root(data), year, partial=True)
    data_year = project.years[year]
    chosen = list(units or [u.id for u in project.units.values() if u.id in data_year.commitments])
    # A unit left out for its file's errors is named by the note, not refused as unknown.
    chosen = [u for u in chosen if u not in data_year.left_out]
    missing = [u for u in chosen if u not in data_year.commitments]
    if missing:
        from camket.suggest import hint as suggestion

        raise CamketError(
            *(
                _("năm {year} không có bản cam kết của đơn vị '{unit}'{hint}").format(
                    year=year, unit=u, hint=suggestion(u, data_year.commitments)
                )
                for u in missing
            )
        )
    if not chosen:  # every unit asked for was left out: nothing to print, the note says why
        options.finish(project, year)
    path = options.template("sheet", template, project)
    date = data_year.config.signed_on if data_year.config else None
    if combined:
        combined_path = options.output(target, f"cam-ket-{year}.docx")
        (docx,) = making.sheets_docx(project, year, [chosen], path, date)
        options.write(combined_path, docx)
        output.out().print(
            _("Đã ghi {n} bản cam kết vào: {path}").format(n=len(chosen), path=combined_path),
            markup=False,
        )
        if pdf:
            options.pdf([combined_path])
        options.finish(project, year)
        return
    target_dir = options.folder_out(target, ".docx")
    from rich.progress import Progress

    with Progress(console=output.err(), transient=True) as progress:
        task = progress.add_task(_("Đang in bản cam kết"), total=len(chosen))
        made = making.sheets_docx(project, year, [[u] for u in chosen], path, date)
        for unit, docx in zip(chosen, made, strict=True):
            options.write(target_dir / f"cam-ket-{year}-{unit}.docx", docx)
            progress.advance(task)
    output.out().print(
        _("Đã ghi {n} bản cam kết vào thư mục: {path}").format(n=len(chosen), path=target_dir),
        markup=False,
    )
    if pdf:
        options.pdf([target_dir / f"cam-ket-{year}-{unit}.docx" for unit in chosen])
    options.finish(project, year)


@command(
    help=N_(
        "Xuất các nội dung cam kết của một năm ra Excel (xlsx, csv) hoặc json.\n\nVí dụ: camket "
        "export 2019 --format xlsx --out cam-ket-2019.xlsx"
    )
)
def export(
    year: YearArgument,
    data: DataOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="xlsx|csv|json",
            help=N_("Định dạng: xlsx, csv hoặc json (mặc định: theo đuôi của --out, hoặc xlsx)."),
            show_default=False,
        ),
    ] = None,
    target: OutOption = None,
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
) -> None:
    """The year's items as xlsx, csv or json."""
    from camket.counting.tally import tally
    from camket.documents import export as exporting

    if fmt is None:  # from the --out file's suffix, else Excel
        fmt = target.suffix.lower().lstrip(".") if target is not None and target.suffix else "xlsx"
    if fmt not in exporting.WRITERS:
        raise CamketError(
            _("định dạng '{fmt}' không hỗ trợ; dùng xlsx, csv hoặc json").format(fmt=fmt)
        )
    when = options.as_of(year, as_of, quarter)
    project = options.load_year(options.root(data), year, partial=True)
    path = options.output(target, f"cam-ket-{year}.{fmt}")
    options.write(path, exporting.WRITERS[fmt](project, tally(project, year, when)))
    output.out().print(_("Đã xuất: {path}").format(path=path), markup=False)
    options.finish(project, year)
