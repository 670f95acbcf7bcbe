"""`camket sheets`: one commitment sheet per unit, or all of them in one document."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EMBEDDED_DATA, run
from tests.docx_reading import W, document, paragraphs, part


def test_one_sheet_per_unit(tmp_path: Path):
    r = run("sheets", "2019", "dong-ha", "so-y-te", "--data", EMBEDDED_DATA, "--out", tmp_path)
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cam-ket-2019-dong-ha.docx",
        "cam-ket-2019-so-y-te.docx",
    ]
    sheet = tmp_path / "cam-ket-2019-dong-ha.docx"
    head = document(sheet).tables[0]
    lines = head.cell(0, 0).text.split("\n")
    assert lines == [
        "ĐẢNG\u00a0BỘ\u00a0TỈNH\u00a0QUẢNG\u00a0TRỊ",
        "THÀNH\u00a0ỦY\u00a0ĐÔNG\u00a0HÀ",
        "*",
    ]
    assert head.cell(1, 1).text == "Quảng Trị, ngày 20 tháng 02 năm 2019"
    body = paragraphs(sheet)
    assert "BẢN CAM KẾT" in body
    assert (
        "thực hiện nhiệm vụ năm 2019 của tập thể Ban Thường vụ Thành ủy Đông Hà và đồng chí "
        "Bí thư Thành ủy"
    ) in body
    assert any(p.startswith("Căn cứ") for p in body)
    i, ii = body.index("I- NỘI DUNG CAM KẾT"), body.index("II- TỔ CHỨC THỰC HIỆN")
    groups = [p for p in body[i:ii] if p[:2] in ("1-", "2-", "3-", "4-", "5-", "6-")]
    items = [p for p in body[i:ii] if p.startswith("- ")]
    assert len(groups) == 3 and len(items) == 4
    assert any("(thời hạn: 15/06/2019)" in p for p in items)
    sign = document(sheet).tables[-1]
    # one row per line (the names level), each line kept whole with no-break spaces
    columns = [[row.cells[i].text for row in sign.rows] for i in (0, 1)]
    plain = [[line.replace("\u00a0", " ") for line in column] for column in columns]
    assert plain[0] == ["T/M BAN THƯỜNG VỤ TỈNH ỦY", "BÍ THƯ", "Nguyễn Văn Hùng"]
    # FORMAT.md's form; too wide for its column, it breaks before "THÀNH ỦY", not inside it
    assert plain[1] == ["T/M BAN THƯỜNG VỤ\nTHÀNH ỦY", "BÍ THƯ", "Hồ Sỹ Trung"]
    assert all(" " not in line for column in columns for line in column)  # no other break
    # a department is not a party organisation: the province's letterhead
    dept = document(tmp_path / "cam-ket-2019-so-y-te.docx").tables[0]
    assert dept.cell(0, 0).text.split("\n") == ["TỈNH\u00a0ỦY\u00a0QUẢNG\u00a0TRỊ", "*"]
    assert any(
        "tập thể lãnh đạo Sở Y tế" in p for p in paragraphs(tmp_path / "cam-ket-2019-so-y-te.docx")
    )


def test_combined_has_every_unit_with_page_breaks(tmp_path: Path):
    r = run("sheets", "2019", "--data", EMBEDDED_DATA, "--combined", "--out", tmp_path)
    assert r.exit_code == 0, r.stderr
    out = tmp_path / "cam-ket-2019.docx"
    body = paragraphs(out)
    assert body.count("BẢN CAM KẾT") == 59
    # one section per unit: each starts a new page and numbers its pages from 1
    root = part(out, "word/document.xml")
    sections = list(root.iter(f"{{{W}}}sectPr"))
    assert len(sections) == 59
    for section in sections:
        assert section.find(f"{{{W}}}pgNumType").get(f"{{{W}}}start") == "1"
        assert section.find(f"{{{W}}}titlePg") is not None  # no number on a first page
    again = tmp_path / "again.docx"
    run("sheets", "2019", "--data", EMBEDDED_DATA, "--combined", "--out", again)
    assert again.read_bytes() == out.read_bytes()


def test_unknown_unit(tmp_path: Path):
    r = run("sheets", "2019", "dong-h", "--data", EMBEDDED_DATA, "--out", tmp_path)
    assert r.exit_code == 1 and "'dong-ha'" in r.stderr
    assert list(tmp_path.iterdir()) == []
