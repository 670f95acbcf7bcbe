"""Commands that check and count: validate, status."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

import typer

from camket import vn
from camket.cli import options
from camket.cli.app import command
from camket.cli.options import (
    AsOfOption,
    DataOption,
    JsonOption,
    QuarterOption,
    YearArgument,
)
from camket.cli.output import err, out
from camket.errors import CamketError
from camket.i18n import N_, _
from camket.terminal import json_text


@command(
    help=N_(
        "Kiểm tra mọi tệp của thư mục dữ liệu; in từng lỗi dạng tệp:dòng:cột.\n\nVí dụ: camket "
        "validate --data data/; camket validate --explain E012"
    )
)
def validate(
    data: DataOption = None,
    json_output: JsonOption = False,
    use_cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache", help=N_("Dùng lại kết quả lần trước khi không tệp nào thay đổi.")
        ),
    ] = True,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar=N_("MÃ"),
            help=N_("Giải thích một mã lỗi (ví dụ E012) và cách sửa."),
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            metavar=N_("DẠNG"),
            help=N_(
                "Dạng in các lỗi: text (mặc định), json, github (GitHub, Gitea, Forgejo "
                "Actions), gitlab (Code Quality), junit hoặc sarif."
            ),
            show_default=False,
        ),
    ] = "text",
    reports: Annotated[
        list[str] | None,
        typer.Option(
            "--report",
            metavar=N_("DẠNG:TỆP"),
            help=N_(
                "Ghi thêm các lỗi ở dạng này vào tệp này, cho máy chủ CI; dùng được nhiều lần, ví "
                "dụ --report gitlab:gl-code-quality-report.json --report junit:camket-junit.xml"
            ),
            show_default=False,
        ),
    ] = None,
    cascade: Annotated[
        bool,
        typer.Option(
            "--cascade",
            help=N_("Kiểm tra cả thư mục dữ liệu của các cấp dưới (lower: trong camket.yaml)."),
        ),
    ] = False,
) -> None:
    """Check every file; problems as path:line:col, or one code explained."""
    from camket.cli import present
    from camket.problems import has_errors

    if explain is not None:
        from camket.checks.explanations import explain as explanation
        from camket.checks.explanations import explanations

        code = explain.strip().upper()
        if code not in explanations():
            raise CamketError(
                _("không có mã '{code}'; các mã: {codes}").format(
                    code=explain, codes=", ".join(explanations())
                )
            )
        out().print(explanation(code), markup=False)
        return
    if json_output:
        if fmt not in ("text", "json"):
            raise CamketError(
                _(
                    "--json là --format json; chỉ dùng một trong hai (không phải cùng "
                    "--format {fmt})"
                ).format(fmt=fmt)
            )
        fmt = "json"
    from camket.cli import formats

    targets = formats.targets(fmt, reports or [])
    root = options.root(data)
    from camket import cascade as cascading

    checked = cascading.check(root, cascade=cascade, use_cache=use_cache)
    problems = checked.problems
    base = formats.base_of(root) if fmt not in ("text", "json") or targets else Path.cwd()
    junit = fmt == "junit" or any(f == "junit" for f, _path in targets)
    files = checked.file_paths() if junit else []
    for report_fmt, path in targets:
        with contextlib.suppress(OSError):  # options.write says why the file cannot be written
            path.parent.mkdir(parents=True, exist_ok=True)
        options.write(path, formats.utf8(formats.render(report_fmt, problems, files, base)))
    summary = present.summary(problems, checked.files)
    if cascade:
        summary = present.cascade_line(len(checked.folders), len(checked.lower)) + " " + summary
    if fmt == "text":
        for line in present.problems_text(problems):
            out(always=True).print(line, markup=False)
        out().print(summary, markup=False)
    else:
        report = formats.utf8(formats.render(fmt, problems, files, base)).decode("utf-8")
        print(report, end="")
        if fmt != "json":
            err().print(summary, markup=False)  # the log says it; standard output is the report
    raise typer.Exit(1 if has_errors(problems) else 0)


@command(
    help=N_(
        "Tổng hợp kết quả thực hiện cam kết của một năm theo khối và đơn vị.\n\nVí dụ: camket "
        "status 2019 --quarter 2 --compare 2019-03-31"
    )
)
def status(
    year: YearArgument,
    data: DataOption = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", metavar=N_("MÃ"), help=N_("Chỉ một đơn vị (mã đơn vị)."), show_default=False
        ),
    ] = None,
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
    chart: Annotated[
        Path | None,
        typer.Option(
            "--chart",
            metavar=N_("TỆP"),
            help=N_("Ghi biểu đồ kết quả (PNG) vào tệp này."),
            show_default=False,
        ),
    ] = None,
    compare: Annotated[
        str | None,
        typer.Option(
            "--compare",
            "--since",
            metavar=N_("NGÀY"),
            help=N_("So sánh với ngày này: nội dung mới hoàn thành, mới chậm, tạm dừng."),
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
    cascade: Annotated[
        bool,
        typer.Option(
            "--cascade",
            help=N_(
                "Thêm số liệu riêng của từng cấp dưới (lower: trong camket.yaml) và tổng của cả "
                "hệ thống."
            ),
        ),
    ] = False,
) -> None:
    """The year's tallies by block and unit, or what moved between two dates."""
    from camket.cli import present
    from camket.counting.tally import default_as_of, tally

    when = options.as_of(year, as_of, quarter)
    since = options.date(compare)
    if cascade and (unit is not None or since is not None):
        raise CamketError(_("--cascade không dùng cùng --unit hay --compare; hãy bỏ một trong hai"))
    project = options.load_year(options.root(data), year, partial=True)
    if unit is not None and unit not in project.units:
        from camket.suggest import hint as suggestion

        hint = suggestion(unit, project.units)
        raise CamketError(
            _("không có đơn vị '{unit}' trong units.yaml{hint}").format(unit=unit, hint=hint)
        )
    if unit is not None and unit in project.years[year].left_out:
        raise CamketError(
            _(
                "không tính được số liệu của đơn vị '{unit}': tệp cam kết của đơn vị có lỗi; "
                "hãy sửa các lỗi trên rồi chạy lại"
            ).format(unit=unit)
        )
    if since is not None:
        from camket.counting.periods import compare as compare_dates

        until = when or default_as_of(year, project.today)
        if since > until:
            raise CamketError(
                _(
                    "khoảng thời gian bị ngược: ngày so sánh {since} sau ngày tính số liệu "
                    "{until}; hãy cho --compare một ngày trước {until} (ví dụ cuối quý trước)"
                ).format(since=vn.short_date(since), until=vn.short_date(until))
            )
        moved = compare_dates(project, year, since, until, unit)
        if json_output:
            print(json_text(moved.to_json(project)))
        else:
            present.moved(moved, project, out(always=True))
        options.finish(project, year)
        return
    result = tally(project, year, when, unit)
    lower = None
    if cascade:
        from camket.cli.cascading import lower_tally

        lower = lower_tally(project, result)
    if chart is not None:
        from camket.documents.render.chart import png

        options.write(chart, png(result))
    if json_output:
        body = result.to_json(figures=True)
        if lower is not None:
            body.update(lower.to_json())
        print(json_text(body))
    else:
        present.status_table(result, project, out(always=True))
        if lower is not None:
            present.cascade_table(lower, out(always=True))
    options.finish(project, year)
