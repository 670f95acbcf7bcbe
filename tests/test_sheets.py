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
    assert head.cell(0, 0).text.split("\n") == ["ĐẢNG BỘ TỈNH QUẢNG TRỊ", "THÀNH ỦY ĐÔNG HÀ", "*"]
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
    # signature lines keep "THÀNH ỦY" and "THƯỜNG VỤ" together with no-break spaces
    left = sign.cell(0, 0).text.replace("\u00a0", " ").split("\n")
    assert left[:2] == ["T/M BAN THƯỜNG VỤ TỈNH ỦY", "BÍ THƯ"]
    assert "THÀNH\u00a0ỦY" in sign.cell(0, 1).text
    right = [line for line in sign.cell(0, 1).text.replace("\u00a0", " ").split("\n") if line]
    assert right == ["T/M BAN THƯỜNG VỤ THÀNH ỦY", "BÍ THƯ", "Hồ Sỹ Trung"]  # FORMAT.md
    # a department is not a party organisation: the province's letterhead
    dept = document(tmp_path / "cam-ket-2019-so-y-te.docx").tables[0]
    assert dept.cell(0, 0).text.split("\n") == ["TỈNH ỦY QUẢNG TRỊ", "*"]
    assert any(
        "tập thể lãnh đạo Sở Y tế" in p for p in paragraphs(tmp_path / "cam-ket-2019-so-y-te.docx")
    )


def test_combined_has_every_unit_with_page_breaks(tmp_path: Path):
    r = run("sheets", "2019", "--data", EMBEDDED_DATA, "--combined", "--out", tmp_path)
    assert r.exit_code == 0, r.stderr
    out = tmp_path / "cam-ket-2019.docx"
    body = paragraphs(out)
    assert body.count("BẢN CAM KẾT") == 59
    breaks = [
        b
        for b in part(out, "word/document.xml").iter(f"{{{W}}}br")
        if b.get(f"{{{W}}}type") == "page"
    ]
    assert len(breaks) == 58
    again = tmp_path / "again.docx"
    run("sheets", "2019", "--data", EMBEDDED_DATA, "--combined", "--out", again)
    assert again.read_bytes() == out.read_bytes()


def test_unknown_unit(tmp_path: Path):
    r = run("sheets", "2019", "dong-h", "--data", EMBEDDED_DATA, "--out", tmp_path)
    assert r.exit_code == 1 and "'dong-ha'" in r.stderr
    assert list(tmp_path.iterdir()) == []
