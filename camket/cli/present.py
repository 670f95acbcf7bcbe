"""Turning problems and tallies into what the clerk reads in the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from camket import vn
from camket.i18n import _
from camket.problems import Problem, Severity
from camket.terminal import json_text

if TYPE_CHECKING:  # `validate` prints problems without loading the models (a cache hit)
    from camket.counting.cascade import CascadeTally
    from camket.counting.periods import Moved
    from camket.counting.tally import Counts, YearTally
    from camket.reading.project import Project


def problems_text(problems: Sequence[Problem]) -> list[str]:
    return [p.format() for p in problems]


def problems_json(problems: Sequence[Problem]) -> str:
    return json_text([p.to_json() for p in problems])


def summary(problems: Sequence[Problem], files: int) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return _("Dữ liệu hợp lệ: {files} tệp, không có lỗi.").format(files=files)
    return _(
        "{files} tệp: {errors} lỗi, {warnings} cảnh báo. Giải thích một mã lỗi: "
        "camket validate --explain MÃ"
    ).format(files=files, errors=errors, warnings=warnings)


def cascade_line(folders: int, declared: int) -> str:
    """Before the summary of `validate --cascade`: how many folders were read."""
    return _("Đã kiểm tra {folders} thư mục dữ liệu (cấp này và {read}/{lower} cấp dưới).").format(
        folders=folders, read=folders - 1, lower=declared
    )


_COLUMNS = (
    _("Tổng"),
    _("Triển khai"),
    _("Hoàn thành"),
    _("Tạm dừng"),
    _("Chậm"),
    _("Chưa thực hiện"),
)


def _cells(c: Counts) -> list[str]:
    return [str(v) for v in (c.total, c.carried_out, c.completed, c.paused, c.late, c.not_started)]


def status_table(t: YearTally, project: Project, console: Console) -> None:
    """The year's table; names are data, printed as Text, never read as Rich markup."""
    table = Table(
        box=box.SIMPLE_HEAD,
        title=_("Kết quả thực hiện cam kết năm {year} (tính đến {date})").format(
            year=t.year, date=vn.short_date(t.as_of)
        ),
        title_justify="left",
    )
    table.add_column(_("Khối / đơn vị"), ratio=1, min_width=20)
    for name in _COLUMNS:
        table.add_column(name, justify="right", no_wrap=True)
    for block in t.blocks:
        table.add_row(*_bold([block.name, *_cells(block.counts)]))
        for unit in block.units:
            table.add_row(Text(f"  {unit.name}"), *_cells(unit.counts))
        table.add_section()
    table.add_row(*_bold([_("Tổng cộng"), *_cells(t.counts)]))
    console.print(table)
    c = t.counts
    lines = [
        _(
            "Đã triển khai thực hiện {done}/{total} nội dung cam kết; hoàn thành "
            "{completed}/{total}; tạm dừng {paused}; chậm {late}."
        ).format(
            done=c.carried_out,
            total=c.total,
            completed=c.completed,
            paused=vn.count(c.paused),
            late=vn.count(c.late),
        )
    ]
    if t.indicators_total:
        lines.append(
            _("Chỉ tiêu kinh tế - xã hội: đạt và vượt {met}/{total} chỉ tiêu.").format(
                met=t.indicators_met, total=t.indicators_total
            )
        )
    for tag, v in t.tags.items():
        lines.append(
            _("Nhóm '{tag}': {completed}/{total} hoàn thành.").format(
                tag=tag, completed=v.completed, total=v.total
            )
        )
    for line in lines:
        console.print(line, markup=False)


def cascade_table(c: CascadeTally, console: Console) -> None:
    """After this committee's table: one row per lower committee with its own figures for the
    year, then this committee's, then the whole cascade's."""
    table = Table(
        box=box.SIMPLE_HEAD,
        title=_("Kết quả thực hiện cam kết của các cấp dưới năm {year} (tính đến {date})").format(
            year=c.own.year, date=vn.short_date(c.own.as_of)
        ),
        title_justify="left",
    )
    table.add_column(_("Cấp dưới"), ratio=1, min_width=20)
    # One column more than the units' table: on an 80-column terminal the headings wrap (the
    # figures never do), so the names keep their room.
    for name in (_("Tập thể"), *_COLUMNS):
        table.add_column(name, justify="right", min_width=max(map(len, name.split())))

    from camket.counting.cascade import counts
    from camket.counting.tally import STATUS_FIELDS

    def cells(figures: dict[str, int]) -> list[str]:
        return [str(figures[f]) for f in ("units", *STATUS_FIELDS)]

    for row in c.lower:
        if row.has_year:
            table.add_row(Text(row.name), *cells(row.figures))
        else:
            missing = _("(chưa có dữ liệu năm {year})").format(year=c.own.year)
            table.add_row(Text(f"{row.name} {missing}"), *(["—"] * (len(_COLUMNS) + 1)))
    table.add_section()
    table.add_row(Text(_("Cấp này")), *cells(counts(c.own)))
    table.add_row(*_bold([_("Toàn hệ thống (cấp này và các cấp dưới)"), *cells(c.total)]))
    console.print(table)


def _figure_names() -> dict[str, str]:
    return {
        "total": _("tổng số nội dung"),
        "carried_out": _("đã triển khai thực hiện"),
        "completed": _("hoàn thành"),
        "completed_late": _("hoàn thành nhưng chậm so với thời hạn"),
        "paused": _("tạm dừng"),
        "not_started": _("chưa thực hiện"),
        "adjusted": _("điều chỉnh"),
        "late": _("chậm so với tiến độ"),
        "not_completed": _("chưa hoàn thành"),
        "late_or_not_completed": _("chậm hoặc chưa hoàn thành"),
        "open_not_late": _("chưa hoàn thành, chưa quá hạn"),
        "cause_objective": _("chậm/chưa hoàn thành do nguyên nhân khách quan"),
        "cause_subjective": _("chậm/chưa hoàn thành do nguyên nhân chủ quan"),
        "cause_unknown": _("chậm/chưa hoàn thành, chưa xác định nguyên nhân"),
        "met": _("chỉ tiêu đạt"),
        "missed": _("chỉ tiêu chưa đạt"),
    }


def figures_table(t: YearTally, project: Project, console: Console) -> None:
    """Every figure of the year with the ids behind it, so a printed number can be traced:
    one line per figure, then its ids on one line (long, but whole and easy to search)."""
    names = _figure_names()
    console.print(
        _("Các số liệu năm {year} (tính đến {date}) và các nội dung tạo nên chúng").format(
            year=t.year, date=vn.short_date(t.as_of)
        ),
        markup=False,
        style="bold",
    )
    for f in t.figures():
        kind, _sep, key = f.scope.partition(":")
        scope = {
            "year": _("Cả năm"),
            "block": project.blocks[key].name if key in project.blocks else key,
            "unit": project.units[key].name if key in project.units else key,
            "tag": _("Nhóm '{tag}'").format(tag=key),
            "indicators": _("Chỉ tiêu"),
        }[kind]
        console.print(f"{scope} · {names.get(f.name, f.name)}: {f.value}", markup=False)
        if f.items:
            console.print("    " + ", ".join(f.items), markup=False)


def _bold(cells: list[str]) -> list[Text]:
    return [Text(c, style="bold") for c in cells]


def moved(m: Moved, project: Project, console: Console) -> None:
    """What changed between two dates, for the quarterly meeting."""
    console.print(
        _("Thay đổi từ {a} đến {b}").format(a=vn.short_date(m.since), b=vn.short_date(m.until)),
        markup=False,
        style="bold",
    )
    for title, states, late in (
        (_("Mới hoàn thành"), m.completed, False),
        (_("Mới chậm tiến độ"), m.newly_late, True),
        (_("Tạm dừng"), m.paused, False),
    ):
        console.print(f"{title}: {len(states)}", markup=False, style="bold")
        for s in states:
            due = vn.short_date(s.item.due) if s.item.due else ""
            if late:  # late because of its due date: the last entry's date says nothing of it
                when = _("hạn {d}").format(d=due)
            else:
                when = vn.short_date(s.entry.date) if s.entry else ""
                when += _(" (hạn {d})").format(d=due) if due else ""
            console.print(
                f"  - {s.item.id} ({project.units[s.unit_id].name}) {when}: {s.item.text}",
                markup=False,
            )
