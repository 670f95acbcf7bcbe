"""export (xlsx, csv, json), PDF and the chart: the same figures as `status`, reproducibly."""

from __future__ import annotations

import csv
import io
import json
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
    assert items.column_dimensions["F"].width == 60
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
    monkeypatch.setattr("camket.render.pdf.soffice", lambda: None)
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
