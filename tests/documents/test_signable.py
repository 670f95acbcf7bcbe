"""Documents signable as they come out: read on the printed page (LibreOffice's PDF), and in
the .docx where the page is not needed.

A signature block is never alone on its page; each sheet of a combined document numbers its own
pages; names, positions and titles never break inside a word; the signer's name is printed with
room above it to sign and seal.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from camket.documents import wrapping
from tests.conftest import EMBEDDED_DATA, run, write
from tests.docx_reading import W, document, layout_paragraphs, paragraphs, part, text

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler are not installed; .ci/run installs them",
)


def pdf_pages(docx: Path) -> list[str]:
    """The text of each printed page."""
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    out = subprocess.run(
        ["pdftotext", "-layout", str(docx.with_suffix(".pdf")), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [" ".join(page.split()) for page in out.split("\f") if page.strip()]


CLOSING = "3- Kết quả thực hiện cam kết là căn cứ"


@needs_libreoffice
@pytest.mark.parametrize("year", ["2019", "2020"])
def test_no_sheet_leaves_its_signatures_alone_on_a_page(tmp_path: Path, year: str):
    r = run("sheets", year, "--combined", "--data", EMBEDDED_DATA, "--out", tmp_path / "s.docx")
    assert r.exit_code == 0, r.stderr
    pages = pdf_pages(tmp_path / "s.docx")
    sheets = sum(p.count("BẢN CAM KẾT") for p in pages)
    signing = [p for p in pages if "T/M BAN THƯỜNG VỤ TỈNH ỦY" in p]
    assert sheets == len(signing) > 50
    for page in signing:
        # the closing paragraph of part II goes over with the block when it must
        assert CLOSING in page, page[:300]
        before = page.split("T/M BAN THƯỜNG VỤ TỈNH ỦY")[0]
        assert len(before.split()) > 15, page[:300]


@needs_libreoffice
def test_each_sheet_numbers_its_own_pages_from_its_second(tmp_path: Path):
    r = run("sheets", "2019", "--combined", "--data", EMBEDDED_DATA, "--out", tmp_path / "s.docx")
    assert r.exit_code == 0, r.stderr
    pages = pdf_pages(tmp_path / "s.docx")
    expected = 1
    for page in pages:
        if "BẢN CAM KẾT" in page:
            expected = 1  # a new sheet: a new page, no number on it
            assert not re.match(r"^\d+ ", page), page[:80]
        else:
            assert page.startswith(f"{expected} "), (expected, page[:80])
        expected += 1


@needs_libreoffice
@pytest.mark.parametrize(
    "args", [["2019"], ["2020", "--as-of", "2020-06-30", "--date", "2020-07-05"]]
)
def test_the_reports_signature_is_with_its_text(tmp_path: Path, args: list[str]):
    r = run("report", *args, "--data", EMBEDDED_DATA, "--out", tmp_path / "r.docx")
    assert r.exit_code == 0, r.stderr
    pages = pdf_pages(tmp_path / "r.docx")
    [page] = [p for p in pages if "Nơi nhận:" in p]
    assert "Hồ Xuân Hiếu" in page
    assert len(page.split("Nơi nhận:")[0].split()) > 15, page[:300]


def test_names_and_positions_never_break_inside_a_word():
    cases = {
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH": (68.2, ["ĐẢNG ỦY KHỐI", "CÁC CƠ QUAN TỈNH"]),
        "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH": (
            68.2,
            ["ỦY BAN MẶT TRẬN", "TỔ QUỐC VIỆT NAM TỈNH"],
        ),
        "BAN CÁN SỰ ĐẢNG ỦY BAN NHÂN DÂN TỈNH": (68.2, ["BAN CÁN SỰ ĐẢNG", "ỦY BAN NHÂN DÂN TỈNH"]),
        "T/M TẬP THỂ LÃNH ĐẠO SỞ Y TẾ": (78.2, ["T/M TẬP THỂ LÃNH ĐẠO", "SỞ Y TẾ"]),
        "SỞ Y TẾ": (68.2, ["SỞ Y TẾ"]),
        "HỘI LIÊN HIỆP PHỤ NỮ TỈNH": (68.2, ["HỘI LIÊN HIỆP", "PHỤ NỮ TỈNH"]),
        "T/M BAN THƯỜNG VỤ THÀNH ỦY": (78.2, ["T/M BAN THƯỜNG VỤ", "THÀNH ỦY"]),
    }
    for name, (width, expected) in cases.items():
        laid = wrapping.lines(name, width, 14, bold=True)
        assert laid.replace(wrapping.NBSP, " ").split("\n") == expected, name
        assert " " not in laid  # inside a line, only no-break spaces
        for line in laid.split("\n"):
            assert wrapping.width_mm(line, 14, bold=True) <= width


def test_every_letterhead_and_signature_of_the_embedded_sheets_breaks_well(tmp_path: Path):
    """Every unit's lines: no bound pair of syllables ends one line and starts the next."""
    r = run("sheets", "2019", "--combined", "--data", EMBEDDED_DATA, "--out", tmp_path / "s.docx")
    assert r.exit_code == 0, r.stderr
    checked = 0
    for paragraph in layout_paragraphs(tmp_path / "s.docx"):
        lines = paragraph.split("\n")
        for first, second in itertools.pairwise(lines):
            last = first.split(wrapping.NBSP)[-1].casefold()
            following = second.split(wrapping.NBSP)[0].casefold()
            assert (last, following) not in wrapping.BOUND, paragraph
            assert last not in ("t/m", "k/t", "t/l"), paragraph
            checked += 1
    assert checked > 50


def test_signers_names_are_printed_with_room_to_sign(tmp_path: Path):
    r = run("sheets", "2019", "dong-ha", "--data", EMBEDDED_DATA, "--out", tmp_path)
    assert r.exit_code == 0, r.stderr
    sheet = tmp_path / "cam-ket-2019-dong-ha.docx"
    sign = document(sheet).tables[-1]
    names = [c.text.replace("\u00a0", " ") for c in sign.rows[-1].cells]
    assert names == ["Nguyễn Văn Hùng", "Hồ Sỹ Trung"]
    for cell in sign.rows[-1].cells:
        before = cell.paragraphs[0].paragraph_format.space_before
        assert 25 <= before.mm <= 30  # mm between the position and the name


def test_a_missing_name_leaves_a_visible_place_and_a_warning(mini: Path, tmp_path: Path):
    settings = mini / "camket.yaml"
    text_ = settings.read_text(encoding="utf-8").replace(
        "report_signature: {name: Trần Văn Nam}\n", ""
    )
    settings.write_text(text_, encoding="utf-8")
    r = run("validate", "--data", mini)
    assert r.exit_code == 0 and "[W102]" in r.stdout and "báo cáo năm 2019" in r.stdout
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "r.docx")
    assert r.exit_code == 0
    table = next(t for t in document(tmp_path / "r.docx").tables if "Nơi nhận" in t.cell(0, 0).text)
    signature = table.rows[0].cells[1].text
    assert "……………" in signature


def test_a_years_signer_overrides_camket_yaml(mini: Path, tmp_path: Path):
    path = mini / "2019/year.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "report_signature: {name: Lê Thị Hoa}\n",
        encoding="utf-8",
    )
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "r.docx")
    assert r.exit_code == 0, r.stderr
    body = text(tmp_path / "r.docx").replace("\u00a0", " ")
    assert "Lê Thị Hoa" in body and "Trần Văn Nam" not in body
    assert "T/L BAN THƯỜNG VỤ" in body  # the rest of camket.yaml's block stays


def test_the_rule_under_the_party_line_is_as_long_as_it():
    from camket.documents.formalities import CELL_MARGINS_MM, LETTERHEAD_COLUMNS_MM
    from camket.documents.render.template import default

    root = part(default("bao-cao.docx"), "word/document.xml")
    rule = next(p for p in root.iter(f"{{{W}}}p") if p.find(f".//{{{W}}}pBdr") is not None)
    left = int(rule.find(f".//{{{W}}}ind").get(f"{{{W}}}left")) / 1440 * 25.4
    width = LETTERHEAD_COLUMNS_MM[1] - CELL_MARGINS_MM - 2 * left
    line = wrapping.width_mm("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True)
    assert abs(width - line) < 1.0


def test_sheet_grounds_are_italic_and_end_alike(tmp_path: Path):
    r = run("sheets", "2019", "dong-ha", "--data", EMBEDDED_DATA, "--out", tmp_path)
    assert r.exit_code == 0, r.stderr
    doc = document(tmp_path / "cam-ket-2019-dong-ha.docx")
    grounds = [p for p in doc.paragraphs if p.text.startswith("Căn cứ")]
    assert len(grounds) == 2
    assert all(run_.italic for p in grounds for run_ in p.runs)
    assert [p.text[-1] for p in grounds] == [";", ","]


def test_a_target_is_not_written_twice_in_two_forms(mini: Path, tmp_path: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    write(
        mini,
        "2019/commitments/cam-lo.yaml",
        path.read_text(encoding="utf-8").replace(
            "text: Tổ chức đại hội chi bộ điểm nhiệm kỳ 2020 - 2022",
            "text: Mở 08 lớp bồi dưỡng lý luận chính trị\n        indicator: {plan: 8, unit: lớp}",
        ),
    )
    text_ = (mini / "2019/commitments/cam-lo.yaml").read_text(encoding="utf-8")
    write(
        mini,
        "2019/commitments/cam-lo.yaml",
        text_.replace(
            "text: Xây dựng xã Cam Thành đạt chuẩn nông thôn mới nâng cao",
            "text: Trồng mới rừng tập trung\n        indicator: {plan: 5, unit: ha}",
        ),
    )
    path = mini / "2019/commitments/dong-ha.yaml"
    write(
        mini,
        "2019/commitments/dong-ha.yaml",
        path.read_text(encoding="utf-8").replace(
            "text: Hoàn thành đề án sắp xếp tổ chức bộ máy theo Nghị quyết 18-NQ/TW",
            "text: Thu ngân sách đạt 2.615 tỷ đồng\n"
            "        indicator: {plan: 2615.0, unit: tỷ đồng}",
        ),
    )
    assert run("validate", "--data", mini).exit_code == 0
    r = run("sheets", "2019", "cam-lo", "dong-ha", "--data", mini, "--out", tmp_path)
    assert r.exit_code == 0, r.stderr
    lines = paragraphs(tmp_path / "cam-ket-2019-cam-lo.docx") + paragraphs(
        tmp_path / "cam-ket-2019-dong-ha.docx"
    )
    # the text says it already
    assert "- Mở 08 lớp bồi dưỡng lý luận chính trị (thời hạn: 31/12/2019)." in lines
    assert "- Thu ngân sách đạt 2.615 tỷ đồng." in lines
    assert "- Trồng mới rừng tập trung (chỉ tiêu: 05 ha; thời hạn: 31/03/2019)." in lines


def test_the_indicators_table_of_the_appendix(mini: Path, tmp_path: Path):
    path = mini / "2019/year.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  - {id: khach-du-lich, name: Lượt khách du lịch, unit: nghìn lượt, plan: 2200}",
            "  - {id: khach-du-lich, name: Lượt khách du lịch, unit: nghìn lượt, plan: 2200}\n"
            "  - {id: von, name: Vốn đầu tư, unit: tỷ đồng, plan: 500, actual: 515.85}",
        ),
        encoding="utf-8",
    )
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "r.docx")
    assert r.exit_code == 0, r.stderr
    doc = document(tmp_path / "r.docx")
    table = next(t for t in doc.tables if t.cell(0, 1).text == "Chỉ tiêu")
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == [
        "STT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Kế hoạch",
        "Thực hiện",
        "% so với kế hoạch",
        "Đánh giá",
    ]
    by_name = {r[1]: r for r in rows[1:]}
    assert len(by_name) == 5  # every indicator, those without an actual value too
    assert by_name["Vốn đầu tư"][3:] == ["500", "515,85", "103,17%", "Đạt"]
    assert by_name["Thu ngân sách"][3:] == ["730,223", "660,191", "90,41%", "Chưa đạt"]
    assert by_name["Lượt khách du lịch"][3:] == ["2.200", "—", "—", "Chưa có số liệu"]
    for row in table.rows[1:]:  # rows never split across pages
        assert row._tr.trPr is not None and row._tr.trPr.find(f"{{{W}}}cantSplit") is not None


def test_a_report_without_prose_keeps_its_parts_with_placeholders(mini: Path, tmp_path: Path):
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "r.docx")
    assert r.exit_code == 0, r.stderr
    body = paragraphs(tmp_path / "r.docx")
    assert "III- NHIỆM VỤ, GIẢI PHÁP NĂM 2020" in body
    assert "[Nhiệm vụ, giải pháp năm 2020: …]" in body
    assert "cảnh báo:" in r.stderr and "next_year" in r.stderr


def test_a_mid_year_report_dated_long_after_says_so(mini: Path, tmp_path: Path):
    r = run("report", "2019", "--as-of", "2019-06-30", "--data", mini, "--out", tmp_path / "r.docx")
    assert r.exit_code == 0
    assert "báo cáo tính đến ngày 30/06/2019 nhưng ghi ngày lập là hôm nay" in r.stderr
    r = run(
        "report",
        "2019",
        "--as-of",
        "2019-06-30",
        "--date",
        "2019-07-05",
        "--data",
        mini,
        "--out",
        tmp_path / "r.docx",
    )
    assert "ghi ngày lập là hôm nay" not in r.stderr


def test_unknown_causes_are_counted_and_shown(mini: Path, tmp_path: Path):
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "r.docx")
    assert r.exit_code == 0, r.stderr
    body = text(tmp_path / "r.docx")
    assert "03 nội dung chưa xác định nguyên nhân" in body
    items = document(tmp_path / "r.docx").tables[-1]
    unknown = [row for row in items.rows[1:] if row.cells[5].text == "Chưa xác định"]
    assert len(unknown) == 3


def test_no_cause_in_a_year_end_report_is_a_warning(mini: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    text_ = path.read_text(encoding="utf-8")
    write(
        mini,
        "2019/commitments/cam-lo.yaml",
        text_.replace(
            "          - {date: 2019-06-30, status: đang thực hiện}\n",
            "          - {date: 2019-06-30, status: đang thực hiện}\n"
            "          - {date: 2019-12-20, status: đang thực hiện}\n",
        ),
    )
    r = run("validate", "--data", mini)
    assert r.exit_code == 0
    assert "cam-lo.yaml:7:" in r.stdout and "[W103]" in r.stdout
    assert "camket record cam-lo-2019-01 not_done --date 2019-12-31" in r.stdout
