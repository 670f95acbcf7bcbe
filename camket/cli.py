"""The command line: parse options, call the pipeline, print, choose the exit code.

Only this module turns problems and exceptions into output and exit codes; everything it calls
returns values. Heavy libraries are imported inside the commands that need them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from camket import __version__, clock, folder, i18n
from camket.i18n import _


def _language_from(argv: list[str]) -> str | None:
    """--lang is read before anything else: help texts are translated when this module loads."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


i18n.set_language(_language_from(sys.argv[1:]))

if TYPE_CHECKING:
    from camket.project import Project

app = typer.Typer(
    name="camket",
    help=_("camket — quản lý cam kết trách nhiệm: kiểm tra dữ liệu, tổng hợp kết quả, in văn bản."),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help=_("Thư mục dữ liệu (mặc định: $CAMKET_DATA, hoặc thư mục có camket.yaml gần nhất)."),
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help=_("In kết quả dạng JSON."))]


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        from camket.vn import parse_date

        return parse_date(text)
    except ValueError:
        raise typer.BadParameter(
            _("'{text}' không phải ngày hợp lệ; viết dạng 2019-06-30 hoặc 30/06/2019").format(
                text=text
            )
        ) from None


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help=_("Tính số liệu đến ngày này (YYYY-MM-DD); mặc định: hôm nay hoặc 31/12 của năm."),
        show_default=False,
    ),
]


QuarterOption = Annotated[
    int | None,
    typer.Option(
        "--quarter", min=1, max=4, help=_("Tính số liệu đến hết quý này (1–4)."), show_default=False
    ),
]


def _as_of(year: int, as_of: str | None, quarter: int | None) -> dt.date | None:
    if as_of is not None and quarter is not None:
        _err().print(_("lỗi: chỉ dùng một trong --as-of và --quarter"), markup=False)
        raise typer.Exit(1)
    if quarter is not None:
        from camket.periods import quarter_end

        return quarter_end(year, quarter)
    return _date(as_of)


_OUTPUT = {"quiet": False, "no_color": False}


def _out(always: bool = False) -> Console:
    """Standard output; colours only on a terminal (Rich decides), never with --no-color.
    --quiet silences it, except for what the command exists to print (`always`)."""
    return Console(
        highlight=False,
        soft_wrap=True,
        quiet=_OUTPUT["quiet"] and not always,
        no_color=_OUTPUT["no_color"] or None,
    )


def _err() -> Console:
    """Problems and errors: --quiet never hides them."""
    return Console(
        stderr=True, highlight=False, soft_wrap=True, no_color=_OUTPUT["no_color"] or None
    )


def _root(data: Path | None) -> Path:
    try:
        return folder.find(data)
    except folder.DataFolderNotFound as e:
        _err().print(_("lỗi: {e}").format(e=e), markup=False)
        raise typer.Exit(1) from None


def _version(value: bool) -> None:
    if value:
        print(f"camket {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=_("In phiên bản rồi thoát.")
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help=_(
                "Ngôn ngữ của thông báo: vi (mặc định) hoặc en; cũng "
                "đặt được bằng biến CAMKET_LANG."
            ),
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help=_("Không in thông báo thường, chỉ in lỗi."))
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help=_("Không dùng màu."))] = False,
) -> None:
    """The options every command shares (the language itself is read when the module loads)."""
    if lang is not None and lang.split("_")[0].lower() not in i18n.LANGUAGES:
        raise typer.BadParameter(
            _("ngôn ngữ '{lang}' chưa có; dùng: {langs}").format(
                lang=lang, langs=", ".join(i18n.LANGUAGES)
            ),
            param_hint="--lang",
        )
    _OUTPUT["quiet"] = quiet
    _OUTPUT["no_color"] = no_color or bool(os.environ.get("NO_COLOR"))


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
) -> None:
    """Check every file; problems as path:line:col, or one code explained."""
    from camket import present
    from camket.problems import has_errors

    if explain is not None:
        from camket.explanations import EXPLANATIONS
        from camket.explanations import explain as explanation

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
    root = _root(data)
    from camket import cache

    key = cache.key(root, i18n.language(), clock.today()) if use_cache else None
    hit = cache.load(key, root) if key else None
    if hit is not None:
        files, problems = hit
    else:
        from camket import loader

        files, problems = loader.check_folder(root)
        if key:
            cache.store(key, root, files, problems)
    if json_output:
        print(present.problems_json(problems))
    else:
        for line in present.problems_text(problems):
            _out(always=True).print(line, markup=False)
        _out().print(present.summary(problems, files), markup=False)
    raise typer.Exit(1 if has_errors(problems) else 0)


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
) -> None:
    """The year's tallies by block and unit, or what moved between two dates."""
    from camket import present
    from camket.tally import default_as_of, tally

    when = _as_of(year, as_of, quarter)
    since = _date(compare)
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
        from camket.periods import compare as compare_dates

        until = when or default_as_of(year, project.today)
        moved = compare_dates(project, year, since, until, unit)
        if json_output:
            print(json.dumps(moved.to_json(project), ensure_ascii=False, indent=2))
        else:
            present.moved(moved, project, _out(always=True))
        return
    result = tally(project, year, when, unit)
    if chart is not None:
        from camket.render.chart import png

        config = project.years[year].config
        _write(chart, png(result, config.indicators if config else []))
    if json_output:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        present.status_table(result, project, _out(always=True))


def _load_year(root: Path, year: int, force: bool = False) -> Project:
    """Load one year and its shared files; invalid data stops here unless `force`."""
    from camket import loader, present
    from camket.problems import has_errors

    if year not in dict(folder.year_folders(root)):
        _err().print(
            _("lỗi: thư mục dữ liệu chưa có năm {year} (không có thư mục {path})").format(
                year=year, path=root / str(year)
            ),
            markup=False,
        )
        raise typer.Exit(1)
    project, problems = loader.load_and_check(root, years=[year])
    err = _err()
    for line in present.problems_text(problems):
        err.print(line, markup=False)
    if has_errors(problems):
        unusable = project.settings is None or project.years[year].config is None
        if not force or unusable:
            err.print(
                _(
                    "Dữ liệu có lỗi; hãy sửa các lỗi trên rồi chạy lại "
                    "(camket validate để kiểm tra)."
                ),
                markup=False,
            )
            raise typer.Exit(1)
        err.print(_("Dữ liệu có lỗi: văn bản được in dưới dạng DỰ THẢO (--force)."), markup=False)
    return project


PdfOption = Annotated[bool, typer.Option("--pdf", help=_("Xuất thêm tệp PDF (cần LibreOffice)."))]


def _pdf(paths: list[Path]) -> None:
    from camket.render.pdf import PdfError, convert

    for path in paths:
        try:
            made = convert(path)
        except PdfError as e:
            _err().print(_("lỗi: {e}").format(e=e), markup=False)
            raise typer.Exit(1) from None
        _out().print(_("Đã ghi PDF: {path}").format(path=made), markup=False)


OutOption = Annotated[
    Path | None,
    typer.Option("--out", help=_("Nơi ghi văn bản (tệp hoặc thư mục)."), show_default=False),
]
TemplateOption = Annotated[
    Path | None,
    typer.Option(
        "--template", help=_("Mẫu văn bản .docx dùng thay mẫu mặc định."), show_default=False
    ),
]


def _template(kind: str, explicit: Path | None, project: Project) -> Path:
    from camket.render import template

    configured = None
    if project.settings and project.settings.templates:
        configured = getattr(project.settings.templates, kind)
    try:
        return template.find(kind, explicit, configured, project.root)
    except template.TemplateError as e:
        _err().print(_("lỗi: {e}").format(e=e), markup=False)
        raise typer.Exit(1) from None


def _output(out: Path | None, name: str) -> Path:
    """--out as given: a file with the document's suffix, or else a folder (made if need be)
    that receives the default name; without --out, the default name here."""
    if out is None:
        return Path(name)
    if out.is_dir() or (not out.exists() and out.suffix.lower() != Path(name).suffix):
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            _err().print(
                _("lỗi: không tạo được thư mục '{path}': {e}").format(path=out, e=e.strerror or e),
                markup=False,
            )
            raise typer.Exit(1) from None
        return out / name
    return out


def _write(path: Path, data: bytes) -> None:
    from camket.render import package

    if path.is_dir():
        _err().print(
            _("lỗi: '{path}' là một thư mục; hãy cho tên tệp .docx").format(path=path), markup=False
        )
        raise typer.Exit(1)
    try:
        package.write(path, data)
    except OSError as e:
        _err().print(
            _("lỗi: không ghi được '{path}': {e}").format(path=path, e=e.strerror or e),
            markup=False,
        )
        raise typer.Exit(1) from None


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
) -> None:
    """The year-end (or mid-year) report as .docx, optionally PDF."""
    from camket import documents
    from camket.render.template import TemplateError
    from camket.report import ReportOptions
    from camket.tally import tally

    when = _as_of(year, as_of, quarter)
    printed = _date(date) or clock.today()
    root = _root(data)
    project = _load_year(root, year, force)

    path = _output(out, f"bao-cao-cam-ket-{year}.docx")
    options = ReportOptions(
        date=printed,
        first_year=documents.first_year(project, [y for y, _ in folder.year_folders(root)]),
        number=number,
        draft=force,
    )
    try:
        docx = documents.report_docx(
            project, tally(project, year, when), options, _template("report", template, project)
        )
    except TemplateError as e:
        _err().print(_("lỗi: {e}").format(e=e), markup=False)
        raise typer.Exit(1) from None
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
    from camket import documents
    from camket.render.template import TemplateError

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
            _write(target, documents.sheets_docx(project, year, chosen, path, date))
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
            for unit in chosen:
                _write(
                    target_dir / f"cam-ket-{year}-{unit}.docx",
                    documents.sheets_docx(project, year, [unit], path, date),
                )
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
        "Ghi một mục tiến độ cho một nội dung cam kết, không sửa gì khác trong tệp.\n\nVí dụ: "
        "camket record dong-ha-2020-02 done --date 2020-09-30 --commit"
    )
)
def record(
    item: Annotated[str, typer.Argument(help=_("Mã nội dung cam kết (hoặc phần đầu của mã)."))],
    status: Annotated[
        str,
        typer.Argument(
            help=_(
                "Trạng thái: done, in_progress, not_done, "
                "paused, adjusted… hoặc tiếng Việt "
                '("hoàn thành", "tạm dừng"…).'
            )
        ),
    ],
    data: DataOption = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help=_("Ngày của tiến độ (mặc định: hôm nay)."), show_default=False),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help=_("Ghi chú."), show_default=False)
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason",
            help=_("Lý do (bắt buộc khi tạm dừng, điều chỉnh, chậm, không hoàn thành)."),
            show_default=False,
        ),
    ] = None,
    cause: Annotated[
        str | None,
        typer.Option(
            "--cause",
            help=_("Nguyên nhân: objective (khách quan) hoặc subjective (chủ quan)."),
            show_default=False,
        ),
    ] = None,
    approved_by: Annotated[
        str | None,
        typer.Option("--approved-by", help=_("Văn bản cho phép điều chỉnh."), show_default=False),
    ] = None,
    commit: Annotated[bool, typer.Option("--commit", help=_("Commit thay đổi vào git."))] = False,
) -> None:
    """Append one checked progress entry to an item, changing no other byte."""
    from camket.record import Refused
    from camket.record import record as do_record

    when = _date(date)
    try:
        done = do_record(
            _root(data),
            item,
            status,
            when,
            note=note,
            reason=reason,
            cause=cause,
            approved_by=approved_by,
            commit=commit,
        )
    except Refused as e:
        for message in e.messages:
            _err().print(_("từ chối: {m}").format(m=message), markup=False)
        raise typer.Exit(1) from None
    line = _("Đã ghi: {id} → {status} ({date}) vào {path}").format(
        id=done.item_id, status=done.status, date=done.date.isoformat(), path=done.path
    )
    if done.commit:
        line += _("; commit {sha}").format(sha=done.commit[:10])
    _out().print(line, markup=False)


@app.command(
    help=_(
        "Lịch sử thay đổi của một nội dung cam kết theo git: ngày, người sửa, commit, cũ → "
        "mới.\n\nVí dụ: camket history dong-ha-2019-01"
    )
)
def history(
    item: Annotated[str, typer.Argument(help=_("Mã nội dung cam kết."))],
    data: DataOption = None,
    json_output: JsonOption = False,
) -> None:
    """An item's changes from the data folder's git history."""
    from rich.table import Table
    from rich.text import Text

    from camket import git
    from camket.history import item_history

    root = _root(data)
    try:
        changes = item_history(root, item)
    except git.GitError:
        _err().print(
            _(
                "lỗi: thư mục dữ liệu {root} không nằm trong một kho git, nên chưa có lịch "
                'sử; hãy chạy: git init && git add . && git commit -m "Dữ liệu ban đầu"'
            ).format(root=root),
            markup=False,
        )
        raise typer.Exit(1) from None
    if json_output:
        print(json.dumps([c.to_json() for c in changes], ensure_ascii=False, indent=2))
        return
    if not changes:
        _err().print(
            _("Không thấy '{item}' trong lịch sử git của thư mục dữ liệu.").format(item=item),
            markup=False,
        )
        raise typer.Exit(1)
    names = {
        "text": _("nội dung"),
        "due": _("thời hạn"),
        "status": _("trạng thái"),
        "indicator": _("chỉ tiêu"),
        "item": _("nội dung cam kết"),
    }
    table = Table(title=_("Lịch sử của {item}").format(item=item), title_justify="left")
    for column in (_("Ngày"), _("Người sửa"), _("Commit"), _("Thay đổi"), _("Cũ → mới")):
        table.add_column(column)
    for c in changes:
        table.add_row(
            Text(c.date[:10]),
            Text(c.author),
            Text(c.commit[:10]),
            Text(names.get(c.field, c.field)),
            Text(f"{c.old or '—'} → {c.new}"),
        )
    _out(always=True).print(table)


@app.command(
    help=_(
        "Niêm phong nội dung đã ký của một năm, để mọi thay đổi sau đó phải có phê duyệt.\n\nVí "
        "dụ: camket seal 2019; camket seal 2019 --check"
    )
)
def seal(
    year: Annotated[int, typer.Argument(help=_("Năm cần niêm phong, ví dụ 2019."))],
    data: DataOption = None,
    check: Annotated[
        bool, typer.Option("--check", help=_("Chỉ xem tình trạng niêm phong, không ghi gì."))
    ] = False,
    date: Annotated[
        str | None,
        typer.Option("--date", help=_("Ngày niêm phong (mặc định: hôm nay)."), show_default=False),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("Niêm phong lại năm đã niêm phong."))
    ] = False,
) -> None:
    """Fingerprint what was signed, or show the seal's state."""
    from camket import atomic, clock
    from camket import seal as sealing
    from camket.folder import SEAL

    root = _root(data)
    if check:  # the changes are the point: show them rather than refuse
        from camket import loader

        if year not in dict(folder.year_folders(root)):
            _err().print(
                _("lỗi: thư mục dữ liệu chưa có năm {year}").format(year=year), markup=False
            )
            raise typer.Exit(1)
        project, problems = loader.load_and_check(root, years=[year])
        for p in problems:
            if p.code != "E121":
                _err().print(p.format(), markup=False)
    else:
        project = _load_year(root, year)
    data_year = project.years[year]
    path = data_year.folder / SEAL
    out = _out(always=check)
    if check:
        if data_year.seal is None:
            out.print(
                _("Năm {year} chưa niêm phong (chưa có {path}).").format(year=year, path=path),
                markup=False,
            )
            raise typer.Exit(1)
        changes = sealing.changes(project, year)
        open_changes = [c for c in changes if not c.approved]
        out.print(
            _(
                "Năm {year} niêm phong ngày {date}: {n} nội dung; {a} thay đổi đã phê duyệt, "
                "{b} thay đổi chưa phê duyệt."
            ).format(
                year=year,
                date=data_year.seal.sealed_on.isoformat(),
                n=len(data_year.seal.items),
                a=len(changes) - len(open_changes),
                b=len(open_changes),
            ),
            markup=False,
        )
        from camket.checks.sealed_content import PART_WORDS

        kinds = {"changed": _("thay đổi"), "added": _("thêm mới"), "removed": _("đã xóa")}
        for c in changes:
            state = _("đã phê duyệt") if c.approved else _("CHƯA phê duyệt")
            parts = " " + ", ".join(PART_WORDS[p] for p in c.parts) if c.parts else ""
            out.print(f"  - {c.item_id}: {kinds[c.kind]}{parts} ({state})", markup=False)
        raise typer.Exit(1 if open_changes else 0)
    if data_year.seal is not None and not force:
        _err().print(
            _(
                "lỗi: năm {year} đã niêm phong ngày {date}; dùng --check để xem, hoặc "
                "--force để niêm phong lại (khi đã có quyết định)"
            ).format(year=year, date=data_year.seal.sealed_on.isoformat()),
            markup=False,
        )
        raise typer.Exit(1)
    when = _date(date) or clock.today()
    atomic.write_text(path, sealing.seal_text(project, year, when))
    count = sum(len(c.items()) for c in data_year.commitments.values())
    out.print(
        _("Đã niêm phong {n} nội dung cam kết năm {year} vào {path}").format(
            n=count, year=year, path=path
        ),
        markup=False,
    )


@app.command(
    "fix-encoding",
    help=_(
        "Chuyển văn bản ở bảng mã cũ (TCVN3, VNI) sang Unicode và chuẩn hóa dấu (NFC).\n\nVí dụ: "
        "camket fix-encoding 2019/commitments/dong-ha.yaml"
    ),
)
def fix_encoding(
    files: Annotated[list[Path], typer.Argument(help=_("Các tệp YAML cần sửa."))],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=_("Chỉ cho biết sẽ sửa gì, không ghi."))
    ] = False,
) -> None:
    """Convert legacy TCVN3/VNI text to Unicode and normalise to NFC."""
    from camket.fix_encoding import NotFixable, fix
    from camket.legacy import NAMES

    out, failed = _out(), False
    for path in files:
        if not path.is_file():
            _err().print(_("lỗi: không có tệp '{path}'").format(path=path), markup=False)
            failed = True
            continue
        try:
            result = fix(path, write=not dry_run)
        except NotFixable:
            _err().print(
                _(
                    "lỗi: {path} không phải UTF-8 và cũng không nhận ra bảng mã TCVN3 "
                    "hay VNI; hãy mở bằng Word và lưu lại theo UTF-8"
                ).format(path=path),
                markup=False,
            )
            failed = True
            continue
        except OSError as e:
            _err().print(
                _("lỗi: không ghi được '{path}': {e}").format(path=path, e=e.strerror or e),
                markup=False,
            )
            failed = True
            continue
        done = []
        if result.whole_file:
            done.append(_("cả tệp từ {name}").format(name=NAMES[result.whole_file]))
        for encoding, n in result.converted.items():
            done.append(_("{n} đoạn từ {name}").format(n=n, name=NAMES[encoding]))
        if result.normalised:
            done.append(_("chuẩn hóa dấu NFC"))
        verb = _("Sẽ sửa") if dry_run else _("Đã sửa")
        line = (
            f"{path}: {verb} " + "; ".join(done)
            if done
            else _("{path}: không cần sửa").format(path=path)
        )
        out.print(line, markup=False)
    raise typer.Exit(1 if failed else 0)


@app.command(
    help=_(
        "Tạo thư mục dữ liệu mới (kiểm tra hợp lệ ngay), hoặc một năm mới từ năm trước.\n\nVí dụ: "
        "camket init du-lieu; camket init du-lieu --from du-lieu --year 2021"
    )
)
def init(
    target: Annotated[
        Path,
        typer.Argument(metavar="THƯ_MỤC", help=_("Thư mục dữ liệu mới (hoặc đã có, với --from).")),
    ],
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help=_(
                "Thư mục dữ liệu có năm trước, để chuyển tiếp đơn vị và nội dung chưa hoàn thành."
            ),
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help=_("Năm của dữ liệu mới (mặc định: năm nay)."), show_default=False
        ),
    ] = None,
) -> None:
    """A new data folder, or a new year started from the previous one."""
    from camket import clock, loader, scaffold

    today = clock.today()
    target_year = year or today.year
    try:
        if source is not None:
            project, problems = loader.load_and_check(_root(source))
            errors = [p for p in problems if p.is_error]
            if errors:
                for p in errors:
                    _err().print(p.format(), markup=False)
                raise scaffold.InitError(_("dữ liệu nguồn có lỗi; hãy sửa trước"))
            made = scaffold.new_year(target, project, target_year, today)
        else:
            made = scaffold.new_folder(target, target_year, today)
    except scaffold.InitError as e:
        _err().print(_("lỗi: {e}").format(e=e), markup=False)
        raise typer.Exit(1) from None
    out = _out()
    out.print(
        _("Đã tạo {n} tệp trong {root}").format(n=len(made.files), root=made.root), markup=False
    )
    if made.commit:
        out.print(
            _("Đã khởi tạo kho git, commit đầu tiên {sha}").format(sha=made.commit[:10]),
            markup=False,
        )


@app.command(
    "schema",
    help=_(
        "In lược đồ JSON Schema của một loại tệp, để trình soạn thảo gợi ý khóa và trạng "
        "thái.\n\nVí dụ: camket schema commitments; camket schema --out schemas/"
    ),
)
def schema_command(
    kind: Annotated[
        str | None,
        typer.Argument(
            help=_("Loại tệp: camket, units, year, commitments, seal."), show_default=False
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help=_("Ghi mọi lược đồ vào thư mục này."), show_default=False),
    ] = None,
) -> None:
    """JSON Schema of a file kind, generated from the models."""
    from camket import atomic
    from camket import schema as schemas

    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for name in schemas.KINDS:
            atomic.write_text(out / f"{name}.schema.json", schemas.text(name))
        _out().print(
            _("Đã ghi {n} lược đồ vào {out}").format(n=len(schemas.KINDS), out=out), markup=False
        )
        return
    if kind not in schemas.KINDS:
        _err().print(
            _("lỗi: hãy chọn một loại tệp: {kinds}").format(kinds=", ".join(schemas.KINDS)),
            markup=False,
        )
        raise typer.Exit(1)
    print(schemas.text(kind), end="")


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
        str, typer.Option("--format", help=_("Định dạng: xlsx, csv hoặc json."))
    ] = "xlsx",
    out: OutOption = None,
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
) -> None:
    """The year's items as xlsx, csv or json."""
    from camket import export as exporting
    from camket.tally import tally

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


def main() -> None:
    """Entry point: a clerk never sees a traceback (set CAMKET_DEBUG=1 to get one)."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except clock.ClockError as e:
        print(_("lỗi: {e}").format(e=e), file=sys.stderr)
        sys.exit(1)
    except Exception as e:
        if os.environ.get("CAMKET_DEBUG"):
            raise
        print(
            _(
                "lỗi nội bộ của camket: {e}. Hãy báo lại cho người bảo trì, kèm lệnh vừa chạy "
                "(chạy lại với CAMKET_DEBUG=1 để xem chi tiết)."
            ).format(e=e),
            file=sys.stderr,
        )
        sys.exit(70)  # EX_SOFTWARE: not the clerk's mistake (2 is a usage error)
