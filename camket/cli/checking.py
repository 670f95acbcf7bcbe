"""Commands that check and count: validate, status."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from camket.cli.app import (
    AsOfOption,
    DataOption,
    JsonOption,
    QuarterOption,
    _as_of,
    _date,
    _err,
    _load_year,
    _out,
    _root,
    _write,
    app,
)
from camket.i18n import _
from camket.terminal import json_text

if TYPE_CHECKING:
    from camket.counting.cascade import CascadeTally
    from camket.counting.tally import YearTally
    from camket.reading.project import Project


@app.command(
    help=_(
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
            "--cache/--no-cache", help=_("Dùng lại kết quả lần trước khi không tệp nào thay đổi.")
        ),
    ] = True,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="MÃ",
            help=_("Giải thích một mã lỗi (ví dụ E012) và cách sửa."),
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="DẠNG",
            help=_(
                "Dạng in các lỗi: text (mặc định), json, github (GitHub, Gitea, Forgejo "
                "Actions), gitlab (Code Quality), junit hoặc sarif."
            ),
        ),
    ] = "text",
    reports: Annotated[
        list[str] | None,
        typer.Option(
            "--report",
            metavar="DẠNG:TỆP",
            help=_(
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
            help=_("Kiểm tra cả thư mục dữ liệu của các cấp dưới (lower: trong camket.yaml)."),
        ),
    ] = False,
) -> None:
    """Check every file; problems as path:line:col, or one code explained."""
    from camket.cli import formats, present
    from camket.problems import has_errors

    if explain is not None:
        from camket.checks.explanations import EXPLANATIONS
        from camket.checks.explanations import explain as explanation

        code = explain.strip().upper()
        if code not in EXPLANATIONS:
            _err().print(
                _("lỗi: không có mã '{code}'; các mã: {codes}").format(
                    code=explain, codes=", ".join(sorted(EXPLANATIONS))
                ),
                markup=False,
            )
            raise typer.Exit(1)
        _out().print(explanation(code), markup=False)
        return
    if json_output:
        fmt = "json"
    targets = _report_targets(fmt, reports or [])
    root = _root(data)
    from camket import cascade as cascading

    checked = cascading.check(root, cascade=cascade, use_cache=use_cache)
    problems = checked.problems
    base = formats.base_of(root) if fmt not in ("text", "json") or targets else Path.cwd()
    files = checked.file_paths() if fmt == "junit" or any(f == "junit" for f, _p in targets) else []
    for report_fmt, path in targets:
        with contextlib.suppress(OSError):  # _write says why the file cannot be written
            path.parent.mkdir(parents=True, exist_ok=True)
        _write(path, _utf8(formats.render(report_fmt, problems, files, base)))
    summary = present.summary(problems, checked.files)
    if cascade:
        summary = present.cascade_line(len(checked.folders), len(checked.lower)) + " " + summary
    if fmt == "text":
        for line in present.problems_text(problems):
            _out(always=True).print(line, markup=False)
        _out().print(summary, markup=False)
    else:
        print(_utf8(formats.render(fmt, problems, files, base)).decode("utf-8"), end="")
        if fmt not in ("json",):
            _err().print(summary, markup=False)  # the log says it; standard output is the report
    raise typer.Exit(1 if has_errors(problems) else 0)


def _utf8(text: str) -> bytes:
    """A file name that is not UTF-8 reaches a report as lone surrogates: a ? there, rather
    than a report that cannot be written at all."""
    return text.encode("utf-8", "replace")


def _report_targets(fmt: str, reports: list[str]) -> list[tuple[str, Path]]:
    """--format checked, and each --report FORMAT:FILE split (a Windows path keeps its C:)."""
    from camket.cli.formats import FORMATS

    def known(name: str) -> str:
        if name not in FORMATS:
            _err().print(
                _("lỗi: dạng '{fmt}' không có; dùng một trong: {formats}").format(
                    fmt=name, formats=", ".join(FORMATS)
                ),
                markup=False,
            )
            raise typer.Exit(1)
        return name

    known(fmt)
    out = []
    for spec in reports:
        name, sep, path = spec.partition(":")
        if not sep or not path:
            _err().print(
                _(
                    "lỗi: --report cần dạng và tệp, ví dụ --report junit:camket-junit.xml "
                    "(không phải '{spec}')"
                ).format(spec=spec),
                markup=False,
            )
            raise typer.Exit(1)
        out.append((known(name), Path(path)))
    return out


@app.command(
    help=_(
        "Tổng hợp kết quả thực hiện cam kết của một năm theo khối và đơn vị.\n\nVí dụ: camket "
        "status 2019 --quarter 2 --compare 2019-03-31"
    )
)
def status(
    year: Annotated[int, typer.Argument(help=_("Năm cần tổng hợp, ví dụ 2019."))],
    data: DataOption = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", help=_("Chỉ một đơn vị (mã đơn vị)."), show_default=False),
    ] = None,
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
    chart: Annotated[
        Path | None,
        typer.Option(
            "--chart", help=_("Ghi biểu đồ kết quả (PNG) vào tệp này."), show_default=False
        ),
    ] = None,
    compare: Annotated[
        str | None,
        typer.Option(
            "--compare",
            "--since",
            help=_("So sánh với ngày này: nội dung mới hoàn thành, mới chậm, tạm dừng."),
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
    cascade: Annotated[
        bool,
        typer.Option(
            "--cascade",
            help=_(
                "Thêm số liệu riêng của từng cấp dưới (lower: trong camket.yaml) và tổng của cả "
                "hệ thống."
            ),
        ),
    ] = False,
) -> None:
    """The year's tallies by block and unit, or what moved between two dates."""
    from camket.cli import present
    from camket.counting.tally import default_as_of, tally

    when = _as_of(year, as_of, quarter)
    since = _date(compare)
    if cascade and (unit is not None or since is not None):
        _err().print(
            _("lỗi: --cascade không dùng cùng --unit hay --compare; hãy bỏ một trong hai"),
            markup=False,
        )
        raise typer.Exit(1)
    project = _load_year(_root(data), year)
    if unit is not None and unit not in project.units:
        from camket.suggest import hint as suggestion

        hint = suggestion(unit, project.units)
        _err().print(
            _("lỗi: không có đơn vị '{unit}' trong units.yaml{hint}").format(unit=unit, hint=hint),
            markup=False,
        )
        raise typer.Exit(1)
    if since is not None:
        from camket.counting.periods import compare as compare_dates

        until = when or default_as_of(year, project.today)
        moved = compare_dates(project, year, since, until, unit)
        if json_output:
            print(json_text(moved.to_json(project)))
        else:
            present.moved(moved, project, _out(always=True))
        return
    result = tally(project, year, when, unit)
    lower = lower_tally(project, result) if cascade else None
    if chart is not None:
        from camket.documents.render.chart import png

        _write(chart, png(result))
    if json_output:
        body = result.to_json(figures=True)
        if lower is not None:
            body.update(lower.to_json())
        print(json_text(body))
    else:
        present.status_table(result, project, _out(always=True))
        if lower is not None:
            present.cascade_table(lower, _out(always=True))


def lower_tally(project: Project, own: YearTally) -> CascadeTally:
    """The lower committees' figures for the year of `own`, at its date; their problems are
    printed, and errors (a folder missing, data that does not validate) stop the command."""
    from camket import cascade
    from camket.cli import present
    from camket.counting.cascade import CascadeTally

    found = cascade.lower_years(project, own.year, own.as_of)
    err = _err()
    for line in present.problems_text(found.problems):
        err.print(line, markup=False)
    for warning in found.warnings:
        err.print(_("cảnh báo: {w}").format(w=warning), markup=False)
    if any(p.is_error for p in found.problems):
        err.print(
            _(
                "Dữ liệu của cấp dưới có lỗi hoặc chưa có; hãy sửa các lỗi trên rồi chạy lại "
                "(camket validate --cascade để kiểm tra)."
            ),
            markup=False,
        )
        raise typer.Exit(1)
    return CascadeTally(own, found.rows)
