"""Every number the report writes is a field of the tally, and the report never contradicts
itself: the summary's late items and part II's late-or-not-completed ones add up."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from camket import vn
from camket.counting.tally import tally
from camket.reading import folder, loader
from tests.conftest import EMBEDDED_DATA, REPO, run
from tests.docx_reading import W, part
from tests.docx_reading import _text as reading_text


def _body_paragraphs(path: Path) -> list[str]:
    """The running text: paragraphs outside tables, before the appendix's title."""
    root = part(path, "word/document.xml")
    body = root.find(f"{{{W}}}body")
    out = []
    for child in body:
        if child.tag != f"{{{W}}}p":
            continue
        text = reading_text(child, " ").replace("\u00a0", " ")
        if text.startswith("KẾT QUẢ THỰC HIỆN CAM KẾT TRÁCH NHIỆM NĂM"):
            break
        out.append(text)
    return out


def _data_strings(project, year: int) -> list[str]:
    """Text that comes from the data (names, prose, item texts): numbers in it are the data's."""
    s = project.settings
    data = project.years[year]
    config = data.config
    strings = [s.body, s.issuer, s.office, s.place, config.theme]
    strings += [b.name for b in project.blocks.values()]
    strings += [u.name for u in project.units.values()]
    for paragraphs in (config.report or {}).values():
        strings += paragraphs
    for tag in (config.tags or {}).values():
        strings += [tag.name, tag.noun, tag.done]
    for c in data.commitments.values():
        for item in c.items():
            strings.append(item.text)
            for p in item.progress:
                strings += [p.reason or "", p.note or ""]
    return sorted((x for x in strings if x), key=len, reverse=True)


def _check(path: Path, project, year: int, as_of: dt.date | None) -> int:
    t = tally(project, year, as_of)
    values = {f.value for f in t.figures()}
    values |= {t.groups, len(t.units), *(t.groups_range or ())}
    shares = {
        vn.ratio(share)
        for counts in [t.counts, *(b.counts for b in t.blocks)]
        for name in counts.ids
        if (share := counts.share(name)) is not None
    }
    first = project.settings.first_year or min(y for y, _ in folder.year_folders(project.root))
    checked = 0
    data_strings = _data_strings(project, year)
    for paragraph in _body_paragraphs(path):
        text = paragraph
        for s in data_strings:
            text = text.replace(s, " ")
        # the scheme's year count, dates and years are not figures
        for m in re.finditer(r"năm thứ (\d+)", text):
            assert int(m.group(1)) == year - first + 1, paragraph
        text = re.sub(r"năm thứ \d+", " ", text)
        text = re.sub(r"ngày \d{2} tháng \d{1,2} năm \d{4}", " ", text)
        text = re.sub(r"(?i)năm \d{4}", " ", text)
        text = re.sub(r"\d{2}/\d{2}/\d{4}", " ", text)
        # the missed indicators' values and plans are the data's own numbers
        text = re.sub(r"chỉ tiêu chưa đạt:.*", "chỉ tiêu chưa đạt", text)
        for m in re.finditer(r"(\d+(?:,\d+)?)%", text):
            assert m.group(1) in shares, (m.group(0), paragraph)
            checked += 1
        text = re.sub(r"\d+(?:,\d+)?%", " ", text)
        for number in re.findall(r"\d+", text):
            assert int(number) in values, (number, paragraph)
            checked += 1
    return checked


def _render(tmp_path: Path, data: Path, year: int, *options: str) -> Path:
    out = tmp_path / f"bc-{year}.docx"
    r = run("report", str(year), "--data", data, "--out", out, *options)
    assert r.exit_code == 0, r.stderr
    return out


@pytest.mark.parametrize(
    ("year", "as_of"), [(2019, None), (2020, dt.date(2020, 6, 30)), (2020, dt.date(2020, 9, 30))]
)
def test_every_number_of_the_embedded_reports_is_a_tally_field(tmp_path: Path, year, as_of):
    options = ["--as-of", as_of.isoformat()] if as_of else []
    out = _render(tmp_path, EMBEDDED_DATA, year, *options)
    project, _ = loader.load(EMBEDDED_DATA, [year])
    assert _check(out, project, year, as_of) > 20


def test_every_number_of_a_generated_report_is_a_tally_field(tmp_path: Path):
    subprocess.run(
        [sys.executable, str(REPO / "bench/make_large.py"), "1", "--out", str(tmp_path / "big")],
        check=True,
        capture_output=True,
    )
    out = _render(tmp_path, tmp_path / "big", 2024, "--force")
    project, _ = loader.load(tmp_path / "big", [2024])
    assert _check(out, project, 2024, None) > 10


def _counts(text: str, pattern: str) -> int:
    m = re.search(pattern, text)
    assert m, pattern
    return int(m.group(1))


@pytest.mark.parametrize("as_of", [None, "2020-06-30"])
def test_summary_and_part_two_add_up(tmp_path: Path, as_of: str | None):
    year = 2019 if as_of is None else 2020
    out = _render(tmp_path, EMBEDDED_DATA, year, *(["--as-of", as_of] if as_of else []))
    text = " ".join(_body_paragraphs(out))
    project, _ = loader.load(EMBEDDED_DATA, [year])
    t = tally(project, year, dt.date.fromisoformat(as_of) if as_of else None)
    late = _counts(text, r"; (\d+) nội dung chậm so với tiến độ đề ra")
    slipped = _counts(text, r"có (\d+) nội dung cam kết thực hiện chậm hoặc chưa hoàn thành")
    others = t.counts.open_not_late
    assert (late, slipped) == (t.counts.late, t.counts.late_or_not_completed)
    if others:
        assert f"; {vn.count(others)} nội dung khác chưa hoàn thành" in text
        assert (
            f"({vn.count(late)} nội dung chậm so với tiến độ đề ra, "
            f"{vn.count(others)} nội dung khác chưa hoàn thành)" in text
        )
    assert late + others == slipped


def test_the_2019_report_names_both_figures(tmp_path: Path):
    text = " ".join(_body_paragraphs(_render(tmp_path, EMBEDDED_DATA, 2019)))
    assert "13 nội dung chậm so với tiến độ đề ra; 03 nội dung khác chưa hoàn thành" in text
    assert "có 16 nội dung cam kết thực hiện chậm hoặc chưa hoàn thành theo tiến độ đề ra (13" in (
        text
    )


def test_figures_trace_96_of_97_to_the_items(tmp_path: Path):
    r = run("report", "2019", "--figures", "--data", EMBEDDED_DATA)
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    at = lines.index("Các sở, ngành khối Nhà nước · đã triển khai thực hiện: 96")
    ids = lines[at + 1].strip().split(", ")
    assert len(ids) == 96 and "so-xay-dung-2019-01" not in ids  # the paused one
    total = lines.index("Các sở, ngành khối Nhà nước · tổng số nội dung: 97")
    assert set(lines[total + 1].strip().split(", ")) - set(ids) == {"so-xay-dung-2019-01"}
    assert not list(Path.cwd().glob("bao-cao-cam-ket-2019.docx"))


def test_status_json_lists_the_figures_with_their_items():
    import json

    r = run("status", "2019", "--json", "--data", EMBEDDED_DATA)
    data = json.loads(r.stdout)
    figures = {(f["scope"], f["name"]): f for f in data["figures"]}
    assert figures[("year", "carried_out")]["value"] == data["carried_out"] == 219
    assert len(figures[("year", "total")]["items"]) == data["total"]
    assert figures[("indicators", "met")]["value"] == data["indicators"]["met"]
    block = data["blocks"][0]
    assert figures[(f"block:{block['id']}", "late")]["value"] == block["late"]
    late = figures[("year", "late")]["items"]
    assert sorted(late) == sorted(
        s.item.id for s in tally(loader.load(EMBEDDED_DATA, [2019])[0], 2019).items if s.late
    )


def test_the_completion_rate_is_the_tallys_share():
    t = tally(loader.load(EMBEDDED_DATA, [2019])[0], 2019)
    assert t.counts.share("completed") == Decimal(212) * 100 / 220
