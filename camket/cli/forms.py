"""The quarter's round trip: `forms` out to the units, `import` of what comes back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from camket.cli import options, output
from camket.cli.app import command
from camket.cli.options import AsOfOption, DataOption, QuarterOption, YearArgument
from camket.errors import CamketError
from camket.i18n import N_, _

if TYPE_CHECKING:
    from rich.table import Table

    from camket.progress.entries import Checked
    from camket.progress.importing import Issue, Outcome

MANY = 5  # more forms than this get a progress bar on a terminal


@command(
    name="forms",
    help=N_(
        "Lập phiếu báo cáo tiến độ (Excel) cho từng đơn vị, để đơn vị điền rồi gửi lại.\n\nVí "
        "dụ: camket forms 2020 --quarter 3 --out phieu-quy-3"
    ),
)
def forms_command(
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
    quarter: QuarterOption = None,
    as_of: AsOfOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar=N_("THƯ_MỤC"),
            help=N_("Thư mục ghi các phiếu (mặc định: ở đây)."),
            show_default=False,
        ),
    ] = None,
) -> None:
    """One Excel progress form per unit for the period, ready to e-mail."""
    from camket import git
    from camket.progress import forms

    if as_of is not None and quarter is not None:
        raise CamketError(_("chỉ dùng một trong --as-of và --quarter"))
    root = options.root(data)
    project = options.load_year(root, year)
    try:
        period = forms.Period.of(year, project.today, quarter, options.date(as_of))
    except ValueError:
        raise CamketError(_("ngày --as-of phải thuộc năm {year}").format(year=year)) from None
    data_year = project.years[year]
    chosen = list(units or [u.id for u in project.units.values() if u.id in data_year.commitments])
    missing = [u for u in chosen if u not in data_year.commitments]
    if missing:
        from camket.suggest import hint

        raise CamketError(
            *(
                _("năm {year} không có bản cam kết của đơn vị '{unit}'{hint}").format(
                    year=year, unit=u, hint=hint(u, data_year.commitments)
                )
                for u in missing
            )
        )
    state = git.state(root)
    source = forms.Source(
        project.settings.body if project.settings else "",
        state.commit if state else "",
        state.dirty if state else False,
    )
    target = options.folder_out(out, ".xlsx")
    from rich.progress import Progress

    with Progress(console=output.err(), transient=True, disable=len(chosen) <= MANY) as bar:
        task = bar.add_task(_("Đang lập phiếu"), total=len(chosen))
        for unit in chosen:
            options.write(
                target / forms.file_name(period, unit), forms.make(project, unit, period, source)
            )
            bar.advance(task)
    output.out().print(
        _("Đã ghi {n} phiếu tiến độ {period} vào thư mục: {path}").format(
            n=len(chosen), period=period.words, path=target
        ),
        markup=False,
    )
    output.out().print(
        _("Khi các đơn vị gửi lại phiếu: camket import {pattern}").format(
            pattern=target / f"tien-do-{year}-{period.slug}-*.xlsx"
        ),
        markup=False,
    )
    if source.dirty:
        output.err().print(
            _(
                "lưu ý: thư mục dữ liệu có thay đổi chưa commit; phiếu vẫn dùng được, nhưng nên "
                "commit trước khi gửi phiếu (git add -A && git commit)"
            ),
            markup=False,
        )


def _files(given: list[Path]) -> list[Path]:
    """The files given; a folder stands for the .xlsx files in it (not the lock files Excel
    and LibreOffice leave beside an open file)."""
    out: list[Path] = []
    for path in given:
        if path.is_dir():
            out += sorted(
                p
                for p in path.glob("*.xlsx")
                if p.is_file() and not p.name.startswith(("~$", ".~lock"))
            )
        else:
            out.append(path)
    return list(dict.fromkeys(out))


@command(
    name="import",
    help=N_(
        "Nhập các phiếu tiến độ đơn vị gửi lại: mỗi phiếu được ghi trọn vẹn hoặc không ghi gì.\n\n"
        "Ví dụ: camket import phieu-quy-3/ --commit"
    ),
)
def import_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar=N_("TỆP"),
            help=N_("Các tệp phiếu .xlsx (hoặc thư mục chứa phiếu)."),
            show_default=False,
        ),
    ],
    data: DataOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=N_("Chỉ in các mục sẽ ghi, không ghi gì."))
    ] = False,
    commit: Annotated[
        bool, typer.Option("--commit", help=N_("Commit mỗi phiếu (mỗi đơn vị) một lần vào git."))
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=N_("Vẫn ghi khi nội dung đã có mục tiến độ mới hơn phiếu (xung đột).")
        ),
    ] = False,
) -> None:
    """Apply returned forms, each whole or not at all."""
    from rich.progress import Progress

    from camket.progress import importing

    root = options.root(data)
    paths = _files(files)
    if not paths:
        raise CamketError(_("không có tệp phiếu .xlsx nào để nhập"))
    with Progress(console=output.err(), transient=True, disable=len(paths) <= MANY) as bar:
        task = bar.add_task(_("Đang nhập phiếu"), total=len(paths))
        outcomes = importing.run(  # a refusal before any form is read is a CamketError
            root,
            paths,
            dry_run=dry_run,
            commit=commit,
            force=force,
            advance=lambda: bar.advance(task),
        )
    _report(outcomes, dry_run)
    if any(o.refused for o in outcomes):
        raise typer.Exit(1)


def _report(outcomes: list[Outcome], dry_run: bool) -> None:
    err, out = output.err(), output.out(always=True)
    for o in outcomes:
        for issue in o.problems:
            err.print(_("{where}: lỗi: {what}").format(**_parts(issue)), markup=False)
        for issue in o.conflicts:
            err.print(_("{where}: xung đột: {what}").format(**_parts(issue)), markup=False)
        for issue in o.notes:
            err.print(_("{where}: lưu ý: {what}").format(**_parts(issue)), markup=False)
    if dry_run:
        for o in outcomes:
            if o.checked and not o.refused:
                out.print(
                    _("{unit} ({file}): sẽ thêm {n} mục tiến độ").format(
                        unit=o.unit, file=o.path, n=len(o.checked)
                    ),
                    markup=False,
                )
                for c in o.checked:
                    out.print(f"  {_entry_line(c)}", markup=False)
    out.print(_table(outcomes, dry_run))
    for o in outcomes:
        if o.refused:
            first = (o.problems + o.conflicts)[0]
            out.print(
                _(
                    "Từ chối phiếu {file}: {p} lỗi, {c} xung đột, đầu tiên: {first}; không ghi gì "
                    "từ phiếu này. Sửa theo các dòng trên rồi nhập lại."
                ).format(
                    file=o.path,
                    p=len(o.problems),
                    c=len(o.conflicts),
                    first=_parts(first)["what"],
                ),
                markup=False,
            )
        elif o.already and not o.checked:
            out.print(
                _(
                    "Phiếu {file} đã được nhập trước đó: {n} dòng đã có trong dữ liệu, không "
                    "thêm gì."
                ).format(file=o.path, n=len(o.already)),
                markup=False,
            )
    done = [o for o in outcomes if not o.refused]
    added = sum(len(o.checked) for o in done)
    line = (
        _(
            "Thử (--dry-run), chưa ghi gì: {a}/{n} phiếu nhập được, {e} mục tiến độ; {r} phiếu "
            "bị từ chối."
        )
        if dry_run
        else _("Đã nhập {a}/{n} phiếu, thêm {e} mục tiến độ; {r} phiếu bị từ chối.")
    )
    out.print(
        line.format(a=len(done), n=len(outcomes), e=added, r=len(outcomes) - len(done)),
        markup=False,
    )
    periods = {(o.form.year, o.form.period.quarter) for o in done if o.form}
    if len(periods) == 1 and added and not dry_run:
        year, quarter = next(iter(periods))
        command = f"camket status {year}" + (f" --quarter {quarter}" if quarter else "")
        out.print(_("Xem số liệu mới: {command}").format(command=command), markup=False)


def _parts(issue: Issue) -> dict[str, str]:
    what = f"{issue.item}: {issue.message}" if issue.item else issue.message
    return {"where": issue.where, "what": what}


def _entry_line(c: Checked) -> str:
    p = c.progress
    parts = [f"{c.found.item.id} → {p.status} ({p.date.isoformat()})"]
    parts += [f"{key}: {c.entry[key]}" for key in ("note", "reason", "cause") if c.entry.get(key)]
    return "; ".join(parts)


def _table(outcomes: list[Outcome], dry_run: bool) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=_("Kết quả nhập phiếu"), title_justify="left")
    added = _("Mục sẽ thêm") if dry_run else _("Mục đã thêm")
    for column in (_("Đơn vị"), _("Dòng đã điền"), added, _("Từ chối"), _("Xung đột")):
        table.add_column(column)
    table.add_column(_("Kết quả"))
    for o in outcomes:
        if o.refused:
            result = _("TỪ CHỐI")
        elif o.checked:
            result = _("sẽ nhập") if dry_run else _("đã nhập")
            if o.commit:
                result += f" ({o.commit[:10]})"
        elif o.already:
            result = _("đã nhập trước đó")
        else:
            result = _("không có dòng nào")
        refused = len(o.refused_rows) if o.form else "—"
        table.add_row(
            Text(o.unit or o.path.name),
            Text(str(o.filled)),
            Text(str(0 if o.refused else len(o.checked))),
            Text(str(refused)),
            Text(str(len(o.conflicts))),
            Text(result),
        )
    return table
