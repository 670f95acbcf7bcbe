"""Commands of the quarterly work and the audit trail: record, history, seal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from camket import clock
from camket.cli import options, output
from camket.cli.app import command
from camket.cli.options import (
    DataOption,
    JsonOption,
    YearArgument,
)
from camket.errors import CamketError
from camket.i18n import N_, _


@command(
    help=N_(
        "Ghi một mục tiến độ cho một nội dung cam kết, hoặc giá trị thực hiện của một chỉ "
        "tiêu, không sửa gì khác trong tệp.\n\nVí dụ: camket record dong-ha-2020-02 done "
        "--date 2020-09-30 --commit; camket record thu-ngan-sach 730,223 --year 2019"
    )
)
def record(
    item: Annotated[
        str,
        typer.Argument(
            metavar=N_("MÃ"),
            help=N_("Mã nội dung cam kết (hoặc phần đầu của mã), hoặc mã chỉ tiêu."),
        ),
    ],
    status: Annotated[
        str,
        typer.Argument(
            metavar=N_("TRẠNG_THÁI"),
            help=N_(
                "Trạng thái: done, in_progress, not_done, "
                "paused, adjusted… hoặc tiếng Việt "
                '("hoàn thành", "tạm dừng"…); với chỉ tiêu: giá trị thực hiện, viết '
                "kiểu Việt Nam (730,223; 1.234.567)."
            ),
        ),
    ],
    data: DataOption = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar=N_("NGÀY"),
            help=N_("Ngày của tiến độ, hoặc của số liệu chỉ tiêu (mặc định: hôm nay)."),
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar=N_("NĂM"),
            help=N_("Năm của chỉ tiêu, khi mã chỉ tiêu có trong nhiều năm."),
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", metavar=N_("VĂN_BẢN"), help=N_("Ghi chú."), show_default=False),
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason",
            metavar=N_("VĂN_BẢN"),
            help=N_("Lý do (bắt buộc khi tạm dừng, điều chỉnh, chậm, không hoàn thành)."),
            show_default=False,
        ),
    ] = None,
    cause: Annotated[
        str | None,
        typer.Option(
            "--cause",
            metavar="objective|subjective",
            help=N_("Nguyên nhân: objective (khách quan) hoặc subjective (chủ quan)."),
            show_default=False,
        ),
    ] = None,
    approved_by: Annotated[
        str | None,
        typer.Option(
            "--approved-by",
            metavar=N_("VĂN_BẢN"),
            help=N_("Văn bản cho phép điều chỉnh."),
            show_default=False,
        ),
    ] = None,
    commit: Annotated[bool, typer.Option("--commit", help=N_("Commit thay đổi vào git."))] = False,
) -> None:
    """Append one checked progress entry to an item, or set an indicator's actual value,
    changing no other byte."""
    from camket.progress import indicators
    from camket.progress.record import record as do_record

    root = options.root(data)
    when = options.date(date)
    if year is not None or indicators.wanted(root, item, status):
        item_only = {
            "--note": note,
            "--reason": reason,
            "--cause": cause,
            "--approved-by": approved_by,
        }
        given = [name for name, value in item_only.items() if value is not None]
        if given:
            raise indicators.Refused(
                [
                    _(
                        "{options} chỉ dùng khi ghi tiến độ nội dung cam kết; với chỉ tiêu "
                        "'{id}' chỉ ghi giá trị và ngày số liệu (--date): hãy bỏ {options}"
                    ).format(options=", ".join(given), id=item)
                ]
            )
        from camket.cli.indicators import record_indicator

        record_indicator(root, item, status, year, when, commit)
        return
    done = do_record(  # an entry refused is a CamketError: the app says why
        root,
        item,
        status,
        when,
        note=note,
        reason=reason,
        cause=cause,
        approved_by=approved_by,
        commit=commit,
    )
    line = _("Đã ghi: {id} → {status} ({date}) vào {path}").format(
        id=done.item_id, status=done.status, date=done.date.isoformat(), path=done.path
    )
    if done.commit:
        line += _("; commit {sha}").format(sha=done.commit[:10])
    output.out().print(line, markup=False)


@command(
    help=N_(
        "Lịch sử thay đổi của một nội dung cam kết hay một chỉ tiêu theo git: ngày, người sửa, "
        "commit, cũ → mới.\n\nVí dụ: camket history dong-ha-2019-01; camket history "
        "thu-ngan-sach"
    )
)
def history(
    item: Annotated[
        str, typer.Argument(metavar=N_("MÃ"), help=N_("Mã nội dung cam kết hoặc mã chỉ tiêu."))
    ],
    data: DataOption = None,
    json_output: JsonOption = False,
) -> None:
    """An item's changes from the data folder's git history."""
    from rich.table import Table
    from rich.text import Text

    from camket import git
    from camket.progress.history import Skipped, item_history, resolve
    from camket.progress.indicator_history import IndicatorChange, indicator_history
    from camket.reading.files import MAX_FILE_BYTES
    from camket.terminal import json_text

    root = options.root(data)
    skipped: list[Skipped] = []
    measures: list[IndicatorChange] = []
    try:
        git.toplevel(root)
        kind, item = resolve(root, item)
        changes = item_history(root, item, skipped) if kind == "item" else []
        if not changes:  # an indicator, or an id that is no item's (one deleted since)
            measures = indicator_history(root, item, skipped)
    except git.GitError:
        raise CamketError(
            _(
                "thư mục dữ liệu {root} không nằm trong một kho git, nên chưa có lịch "
                'sử; hãy chạy: git init && git add . && git commit -m "Dữ liệu ban đầu"'
            ).format(root=root)
        ) from None
    for s in skipped:
        output.err().print(
            _(
                "bỏ qua {path} ở commit {sha} ({date}): tệp lớn {size:.1f} MB, vượt giới hạn "
                "{limit} MB nên không đọc; lịch sử của nội dung ở phiên bản này có thể thiếu"
            ).format(
                path=s.path,
                sha=s.commit[:10],
                date=s.date[:10],
                size=s.size / 1024 / 1024,
                limit=MAX_FILE_BYTES // 1024 // 1024,
            ),
            markup=False,
        )
    if measures:
        from camket.cli.indicators import history_table

        history_table(item, measures, json_output)
        return
    if json_output:
        print(json_text([c.to_json() for c in changes]))
        return
    if not changes:
        raise CamketError(
            _("không thấy '{item}' trong lịch sử git của thư mục dữ liệu").format(item=item)
        )
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
        old, new = c.old, c.new
        if c.field == "status":  # the codes (done…) are the JSON's; the clerk reads words
            old, new = _status_words(old) if old else old, _status_words(new)
        table.add_row(
            Text(c.date[:10]),
            Text(c.author),
            Text(c.commit[:10]),
            Text(names.get(c.field, c.field)),
            Text(f"{old or '—'} → {new}"),
        )
    output.out(always=True).print(table)


# camket.reading.models.STATUS_WORDS, marked for the catalogue: the table translates them.
STATUS_WORDS_MARKED = (
    N_("chưa thực hiện"),
    N_("đang thực hiện"),
    N_("hoàn thành"),
    N_("không hoàn thành"),
    N_("tạm dừng"),
    N_("điều chỉnh"),
)


def _status_words(code: str) -> str:
    """A status as the clerk says it (hoàn thành); an old version's unknown word as it was."""
    from camket.reading.models import STATUS_WORDS, Status

    try:
        return _(STATUS_WORDS[Status(code)])
    except ValueError:
        return code


@command(
    help=N_(
        "Niêm phong nội dung đã ký của một năm, để mọi thay đổi sau đó phải có phê duyệt.\n\nVí "
        "dụ: camket seal 2019; camket seal 2019 --check"
    )
)
def seal(
    year: YearArgument,
    data: DataOption = None,
    check: Annotated[
        bool, typer.Option("--check", help=N_("Chỉ xem tình trạng niêm phong, không ghi gì."))
    ] = False,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar=N_("NGÀY"),
            help=N_("Ngày niêm phong (mặc định: hôm nay)."),
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=N_("Niêm phong lại năm đã niêm phong."))
    ] = False,
) -> None:
    """Commit and tag what was signed, or show the seal's state."""
    root = options.root(data)
    options.require_year(root, year)
    if check:
        _seal_check(root, year)
        return
    from camket.progress import sealing

    when = options.date(date) or clock.today()
    if when > clock.today():
        raise CamketError(
            _("ngày niêm phong {date} sau ngày hôm nay").format(date=when.isoformat())
        )
    try:
        done = sealing.make(root, year, when, force=force)
    except sealing.Refused as e:  # the year's problems first, then why nothing was sealed
        from camket.cli import present

        for line in present.problems_text(e.problems):
            output.err().print(line, markup=False)
        raise
    output.out().print(
        _(
            "Đã niêm phong {n} nội dung cam kết năm {year}: commit {sha}, thẻ git {tag} (bản ghi "
            "cho người đọc: {path}). Đưa lên máy chủ: git push origin HEAD {tag}"
        ).format(n=done.count, year=year, sha=done.commit[:10], tag=done.tag, path=done.record),
        markup=False,
    )


def _seal_check(root: Path, year: int) -> None:
    """The seal's state, counted from git and the data; exit 1 while anything is wrong."""
    from camket import pipeline
    from camket.checks.sealed_content import part_word, year_changes

    project, problems = pipeline.load_and_check(root, years=[year])
    for p in problems:
        if p.code != "E121":  # the changes are the point: they are listed below
            output.err().print(p.format(), markup=False)
    data_year = project.years[year]
    out = output.out(always=True)
    found = data_year.seal
    if found is None:
        out.print(
            _("Năm {year} chưa niêm phong (không có thẻ git {tag}).").format(
                year=year, tag=f"cam-ket-{year}"
            ),
            markup=False,
        )
        raise typer.Exit(1)
    if found.tag_problem == "unreadable":  # said above (E123): nothing can be counted
        raise typer.Exit(1)
    changes = year_changes(data_year)
    out.print(
        _(
            "Năm {year} niêm phong ngày {date} (thẻ {tag}, commit {sha}): {n} nội dung; {a} lần "
            "điều chỉnh đã phê duyệt, {b} thay đổi chưa phê duyệt."
        ).format(
            year=year,
            date=found.sealed_on_text,
            tag=found.tag,
            sha=found.commit[:10],
            n=len(found.items),
            a=found.approved,
            b=len(changes),
        ),
        markup=False,
    )
    kinds = {"changed": _("thay đổi"), "added": _("thêm mới"), "removed": _("đã xóa")}
    for c in changes:
        parts = " " + ", ".join(part_word(p) for p in c.parts) if c.parts else ""
        state = _("CHƯA phê duyệt")
        out.print(f"  - {c.item_id}: {kinds[c.kind]}{parts} ({state})", markup=False)
    raise typer.Exit(1 if changes or found.tag_problem else 0)
