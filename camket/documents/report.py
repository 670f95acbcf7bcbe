"""The year-end report's content: every sentence with a figure, phrased as the model report.

A pure function of the loaded project, the tally and the options; it returns the context a
template renders and the footnotes to attach. It never counts (the tally did) and never touches
Word (the render stage does), so its sentences are easy to test as text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from camket import vn
from camket.counting.cascade import CascadeTally
from camket.counting.tally import ItemState, YearTally
from camket.documents import formalities, wrapping
from camket.documents.lower import appendix
from camket.documents.render.markers import footnote_marker
from camket.i18n import _
from camket.reading.models import STATUS_WORDS, Cause, Settings, Status, YearConfig
from camket.reading.project import Project

NBSP6 = "\u00a0" * 6  # the blank left for the office to write the number in
CAUSE_WORDS = {Cause.OBJECTIVE: "khách quan", Cause.SUBJECTIVE: "chủ quan"}


@dataclass(frozen=True)
class ReportOptions:
    date: dt.date  # the date printed on the report
    first_year: int  # the first year of the scheme ("năm thứ 3")
    number: str | None = None
    draft: bool = False


def is_year_end(t: YearTally) -> bool:
    return t.as_of >= dt.date(t.year, 12, 31)


@dataclass(frozen=True)
class Content:
    """The report's content: the template's context, the footnotes to attach, and warnings for
    the clerk about what the report lacks."""

    context: dict[str, Any]
    footnotes: dict[int, str]
    warnings: list[str]


def build(
    project: Project, t: YearTally, options: ReportOptions, lower: CascadeTally | None = None
) -> Content:
    """`lower`: the lower committees' own figures (report --cascade), a table of the appendix."""
    settings = project.settings
    config = project.years[t.year].config
    assert settings is not None and config is not None, "report needs valid data"
    w = _Writer(project, settings, config, t, options)
    w.lower = lower
    context = {
        "draft": options.draft,
        "superior": formalities.letterhead_superior(settings.superior or ""),
        "issuer": formalities.letterhead_issuer(settings.issuer),
        "number": options.number or NBSP6,
        "code": settings.code,
        "place": settings.place,
        "date_line": vn.long_date(options.date),
        "title": wrapping.title(w.title()),
        "sections": w.sections(),
        "recipients": recipients(settings),
        "signature": formalities.given_block(
            formalities.signer(settings.report_signature, config, "report"),
            "T/L BAN THƯỜNG VỤ",
            "CHÁNH VĂN PHÒNG",
        ),
        "appendix": w.appendix(),
        "body": settings.body,
        "office": settings.office,
        "year": t.year,
    }
    return Content(context, w.footnotes, w.warnings)


def recipients(settings: Settings) -> list[str]:
    names = settings.recipients or [
        f"{settings.body} (báo cáo)",
        "Các địa phương, đơn vị ký cam kết",
        f"Lưu {settings.office}",
    ]
    names = [n.strip().rstrip(".,;") for n in names]
    return [f"- {n}," for n in names[:-1]] + [f"- {names[-1]}."]


class _Writer:
    def __init__(
        self,
        project: Project,
        settings: Settings,
        config: YearConfig,
        t: YearTally,
        options: ReportOptions,
    ) -> None:
        self.project = project
        self.s = settings
        self.config = config
        self.t = t
        self.o = options
        self.year_end = is_year_end(t)
        self.footnotes: dict[int, str] = {}
        self.warnings: list[str] = []  # for the clerk, in the terminal: what to write still
        self.prose = config.report or {}
        self.lower: CascadeTally | None = None

    # -- small phrases -------------------------------------------------------------------

    def n(self, count: int) -> str:
        return vn.count(count, self.s.leading_zero)

    def until(self) -> str:
        return f"hết năm {self.t.year}" if self.year_end else vn.long_date(self.t.as_of)

    def title(self) -> str:
        kind = "kết quả" if self.year_end else "tình hình"
        text = f"{kind} thực hiện cam kết trách nhiệm với {self.s.body} năm {self.t.year}"
        if not self.year_end:
            text += f" (tính đến {vn.long_date(self.t.as_of)})"
        return text

    # -- the body ------------------------------------------------------------------------

    def sections(self) -> list[dict[str, Any]]:
        """FORMAT.md's parts, always: a part the data gives nothing for is a marked placeholder
        for the office to write (and a warning), never a part silently missing."""
        out = [{"heading": "", "paragraphs": [self.summary()]}]
        part1 = (
            "I- KẾT QUẢ THỰC HIỆN CAM KẾT" if self.year_end else "I- TÌNH HÌNH THỰC HIỆN CAM KẾT"
        )
        out.append({"heading": part1, "paragraphs": self.results()})
        limits = self.limitations()
        if not limits:
            limits = ["[Hạn chế, khuyết điểm và nguyên nhân: …]"]
            self.warnings.append(
                _(
                    "báo cáo chưa có phần hạn chế và nguyên nhân: đã để chỗ “[Hạn chế, khuyết điểm "
                    "và nguyên nhân: …]”; hãy viết ở report: limitations: trong {year}/year.yaml"
                ).format(year=self.t.year)
            )
        out.append({"heading": "II- HẠN CHẾ VÀ NGUYÊN NHÂN", "paragraphs": limits})
        when = f"NĂM {self.t.year + 1}" if self.year_end else f"NHỮNG THÁNG CUỐI NĂM {self.t.year}"
        tasks = list(self.prose.get("next_year", []))
        if not tasks:
            tasks = [f"[Nhiệm vụ, giải pháp {when.lower()}: …]"]
            self.warnings.append(
                _(
                    "báo cáo chưa có phần nhiệm vụ, giải pháp: đã để chỗ “{placeholder}”; hãy viết "
                    "ở report: next_year: trong {year}/year.yaml"
                ).format(placeholder=tasks[0], year=self.t.year)
            )
        out.append({"heading": f"III- NHIỆM VỤ, GIẢI PHÁP {when}", "paragraphs": tasks})
        return out

    def summary(self) -> str:
        c = self.t.counts
        units, groups = len(self.t.units), self.t.groups
        text = (
            f"Năm {self.t.year}, {self.n(units)} địa phương, đơn vị ký cam kết trách nhiệm với "
            f"{self.s.body} với {self.n(groups)} nhóm nhiệm vụ, tổng số {self.n(c.total)} nội "
            f"dung cam kết. Tính đến {self.until()}, đã triển khai thực hiện "
            f"{c.carried_out}/{c.total} nội dung cam kết, hoàn thành {c.completed}/{c.total} nội "
            "dung"
        )
        rate = c.share("completed")
        if rate is not None:
            text += f" (đạt {vn.ratio(rate)}%)"
        extras = []
        if c.paused:
            extras.append(f"còn {self.n(c.paused)} nhiệm vụ tạm dừng")
        if c.late:
            extras.append(f"{self.n(c.late)} nội dung chậm so với tiến độ đề ra")
        if c.open_not_late:  # with the late ones, what part II counts as late or not completed
            extras.append(f"{self.n(c.open_not_late)} nội dung khác chưa hoàn thành")
        if c.not_started:
            extras.append(f"{self.n(c.not_started)} nội dung chưa triển khai thực hiện")
        return text + ("; " + "; ".join(extras) if extras else "") + "."

    def results(self) -> list[str]:
        year, body = self.t.year, self.s.body
        lead = (
            f"Năm {year} là {_ordinal(year - self.o.first_year + 1)} triển khai chủ trương thực "
            f"hiện cam kết trách nhiệm của tập thể lãnh đạo và người đứng đầu các địa phương, "
            f"đơn vị với {body}."
        )
        intro = list(self.prose.get("intro", []))
        if self.config.theme not in " ".join(intro):
            lead += f" Chủ đề năm {year} là “{self.config.theme}”."
        groups = self.groups_sentence()
        first = " ".join(x for x in (lead, intro[0] if intro else "", groups) if x)
        paragraphs = [first, *intro[1:]]
        tag_block = self.tag_placement()
        for block in self.t.blocks:
            sentence = self.block_sentence(block)
            extra = [self.tag_sentence(tag) for tag, b in tag_block.items() if b == block.id]
            prose = list(self.prose.get(block.id, []))
            head = " ".join([sentence, *extra, *(prose[:1])])
            paragraphs += [head, *prose[1:]]
        for tag, b in tag_block.items():
            if b is None:
                paragraphs.append(self.tag_sentence(tag))
        indicators = self.indicator_sentence()
        results = list(self.prose.get("results", []))
        if indicators:
            paragraphs.append(" ".join([indicators, *results[:1]]))
            paragraphs += results[1:]
        else:
            paragraphs += results
        return paragraphs

    def groups_sentence(self) -> str:
        if self.t.groups_range is None:
            return ""
        low, high = self.t.groups_range
        return (
            f"Mỗi địa phương, đơn vị được {self.s.body} giao từ {low} đến {high} nhóm nhiệm vụ "
            "để tập trung lãnh đạo, chỉ đạo thực hiện."
        )

    def block_sentence(self, block: Any) -> str:
        c = block.counts
        text = (
            f"{block.name} đã triển khai thực hiện {c.carried_out}/{c.total} nội dung cam kết "
            f"với {self.s.body}"
        )
        if c.completed != c.carried_out or not self.year_end:
            text += f", hoàn thành {c.completed}/{c.total} nội dung"
        if c.paused:
            paused = self.t.states("paused", block.id)
            text += f"; còn {self.n(c.paused)} nhiệm vụ tạm dừng" + self.footnote(paused)
        return text + "."

    def footnote(self, paused: list[ItemState]) -> str:
        notes = []
        for s in paused:
            reason = (s.entry.reason if s.entry else "") or ""
            unit = self.project.units[s.unit_id].name
            if reason.startswith("Nhiệm vụ"):
                notes.append(reason.rstrip(".") + ".")
            else:
                notes.append(f"Nhiệm vụ “{s.item.text}” của {unit} tạm dừng: {reason.rstrip('.')}.")
        number = len(self.footnotes) + 1
        self.footnotes[number] = " ".join(notes)
        return footnote_marker(number)

    def tag_placement(self) -> dict[str, str | None]:
        """Each tag's sentence goes with the block holding most of its items."""
        return {tag: v.block for tag, v in self.t.tags.items()}

    def tag_sentence(self, tag: str) -> str:
        v = self.t.tags[tag]
        declared = (self.config.tags or {}).get(tag)
        if declared is None:
            return f"Nhóm nội dung “{tag}”: hoàn thành {v.completed}/{v.total}."
        return (
            f"Nổi bật là {self.n(v.total)} {declared.name}, đến {self.until()} có "
            f"{self.n(v.completed)} {declared.noun} {declared.done}."
        )

    def indicator_sentence(self) -> str:
        t = self.t
        if not t.indicators_total:
            return ""
        text = (
            f"Năm {t.year} đạt và vượt {t.indicators_met}/{t.indicators_total} chỉ tiêu kinh tế - "
            "xã hội chủ yếu"
        )
        if not t.indicators_missed:
            return text + "."
        parts = []
        for state in (s for s in t.known_indicators if not s.met):
            i = state.indicator
            assert i.actual is not None
            plan = _quantity(i.plan, i.unit)
            if i.better == "higher" and state.ratio is not None and i.unit != "%":
                parts.append(f"{i.name} đạt {vn.ratio(state.ratio)}% (KH: {plan})")
            elif i.better == "higher":  # a rate: its value, not a percentage of a percentage
                parts.append(f"{i.name} đạt {_quantity(i.actual, i.unit)} (KH: {plan})")
            else:
                parts.append(f"{i.name} là {_quantity(i.actual, i.unit)} (KH: {plan})")
        return (
            text + f"; {self.n(t.indicators_missed)} chỉ tiêu chưa đạt: " + "; ".join(parts) + "."
        )

    def open_items(self) -> list[ItemState]:
        """The items the appendix lists: late or not completed (what part II counts), paused
        (the footnotes give why) and adjusted (approved changes)."""
        return [
            s for s in self.t.items if s.slipped or s.status in (Status.PAUSED, Status.ADJUSTED)
        ]

    def limitations(self) -> list[str]:
        paragraphs = list(self.prose.get("limitations", []))
        c = self.t.counts
        if not c.late_or_not_completed:
            return paragraphs
        causes = [
            f"{self.n(n)} nội dung {word}"
            for n, word in (
                (c.cause_objective, "do nguyên nhân khách quan"),
                (c.cause_subjective, "do nguyên nhân chủ quan"),
                (c.cause_unknown, "chưa xác định nguyên nhân"),
            )
            if n
        ]
        # The summary names the late ones apart: where the two differ, say how they add up.
        parts = ""
        if c.open_not_late and c.late:
            parts = (
                f" ({self.n(c.late)} nội dung chậm so với tiến độ đề ra, "
                f"{self.n(c.open_not_late)} nội dung khác chưa hoàn thành)"
            )
        paragraphs.append(
            f"Tính đến {self.until()}, có {self.n(c.late_or_not_completed)} nội dung cam kết thực "
            f"hiện chậm hoặc chưa hoàn thành theo tiến độ đề ra{parts}, trong đó: "
            f"{', '.join(causes)} (chi tiết tại Phụ lục)."
        )
        for name, word in (
            ("cause_objective", "Nguyên nhân khách quan"),
            ("cause_subjective", "Nguyên nhân chủ quan"),
        ):
            group = self.t.states(name)
            if not group:
                continue
            details = "; ".join(
                f"{self.project.units[s.unit_id].name}: {s.entry.reason.rstrip('.')}"
                for s in group
                if s.entry and s.entry.reason
            )
            paragraphs.append(f"{word} ({self.n(len(group))} nội dung): {details}.")
        return paragraphs

    # -- the appendix --------------------------------------------------------------------

    def appendix(self) -> dict[str, Any]:
        units: list[dict[str, Any]] = []
        for bi, block in enumerate(self.t.blocks, start=1):
            units.append(_row(_roman(bi), block.name, block.groups, block.counts, bold=True))
            for ui, unit in enumerate(block.units, start=1):
                units.append(_row(str(ui), unit.name, unit.groups, unit.counts))
        units.append(_row("", "Tổng cộng", self.t.groups, self.t.counts, bold=True))
        items = []
        for i, s in enumerate(self.open_items(), start=1):
            entry = s.entry
            status = STATUS_WORDS[s.status].capitalize()
            if s.late:
                status += " (chậm)"
            if s.cause is not None:
                cause = CAUSE_WORDS[s.cause].capitalize()
            else:  # what part II counts as "chưa xác định nguyên nhân"
                cause = "Chưa xác định" if s.slipped else ""
            items.append(
                {
                    "no": str(i),
                    "unit": self.project.units[s.unit_id].name,
                    "text": s.item.text,
                    "due": vn.short_date(s.item.due) if s.item.due else "",
                    "status": status,
                    "cause": cause,
                    "reason": (entry.reason or entry.note or "") if entry else "",
                }
            )
        indicators = [
            {
                "no": str(i),
                "name": s.indicator.name,
                "unit": s.indicator.unit or "",
                "plan": vn.number(s.indicator.plan),
                "actual": vn.number(s.indicator.actual) if s.indicator.actual is not None else "—",
                "ratio": f"{vn.ratio(s.ratio)}%" if s.ratio is not None else "—",
                "verdict": {True: "Đạt", False: "Chưa đạt", None: "Chưa có số liệu"}[s.met],
            }
            for i, s in enumerate(self.t.indicators, start=1)
        ]
        headings = iter(range(1, 10))
        chart = "2- Biểu đồ kết quả theo khối" + (
            " và các chỉ tiêu kinh tế - xã hội" if self.t.scored_indicators else ""
        )
        return {
            "title": f"KẾT QUẢ THỰC HIỆN CAM KẾT TRÁCH NHIỆM NĂM {self.t.year}"
            + ("" if self.year_end else f" (TÍNH ĐẾN NGÀY {vn.short_date(self.t.as_of)})"),
            "subtitle": (
                f"(Kèm theo Báo cáo số {self.o.number or '......'}-BC/{self.s.code} ngày "
                f"{vn.short_date(self.o.date)} của {self.s.issuer})"
            ),
            "units_heading": f"{next(headings)}- Kết quả theo địa phương, đơn vị (tính đến "
            f"{vn.short_date(self.t.as_of)})",
            "units": units,
            **appendix(self.lower, self.t, headings),  # report --cascade
            "chart_heading": chart.replace("2-", f"{next(headings)}-", 1),
            "indicators_heading": (
                f"{next(headings)}- Các chỉ tiêu kinh tế - xã hội chủ yếu" if indicators else ""
            ),
            "indicators": indicators,
            "open_heading": (
                f"{next(headings)}- "
                + (
                    "Các nội dung chưa hoàn thành, thực hiện chậm, tạm dừng hoặc điều chỉnh"
                    if self.t.counts.adjusted
                    else "Các nội dung chưa hoàn thành, tạm dừng hoặc thực hiện chậm"
                )
            ),
            "open_items": items,
        }


def _row(no: str, name: str, groups: int, c: Any, bold: bool = False) -> dict[str, Any]:
    """A row of the units table; `bold` (blocks and the total) picks the template's bold row."""
    return {
        "bold": bold,
        "no": no,
        "name": name,
        "groups": str(groups),
        "total": str(c.total),
        "carried_out": str(c.carried_out),
        "completed": str(c.completed),
        "paused": str(c.paused),
        "late": str(c.late),
        "not_started": str(c.not_started),
    }


def _ordinal(n: int) -> str:
    """ "năm đầu tiên", then "năm thứ 2", "năm thứ 3" as the model report writes them."""
    return "năm đầu tiên" if n == 1 else f"năm thứ {n}"


def _roman(n: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out


def _quantity(value: Decimal, unit: str | None) -> str:
    if not unit:
        return vn.number(value)
    return f"{vn.number(value)}{unit}" if unit == "%" else f"{vn.number(value)} {unit}"
