"""`camket report`: the .docx read back, its figures, footnote, form and bytes."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EMBEDDED_DATA, run, write
from tests.docx_reading import NS, W, document, paragraphs, part, text


@pytest.fixture(scope="module")
def report_2019(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "bc.docx"
    r = run("report", "2019", "--data", EMBEDDED_DATA, "--date", "2020-01-05", "--out", out)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip() == f"Đã ghi báo cáo: {out}"
    return out


def test_letterhead_and_title(report_2019: Path):
    doc = document(report_2019)
    head = doc.tables[0]
    left = [c.text for c in head.columns[0].cells]
    right = [c.text for c in head.columns[1].cells]
    # no line break inside the issuer's name: its spaces are no-break spaces
    assert left[0].split("\n") == ["TỈNH\u00a0ỦY\u00a0QUẢNG\u00a0TRỊ", "*"]
    assert left[1] == "Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/TU"
    assert right[0].startswith("ĐẢNG CỘNG SẢN VIỆT NAM")
    assert right[1] == "Quảng Trị, ngày 05 tháng 01 năm 2020"
    body = paragraphs(report_2019)
    assert "BÁO CÁO" in body
    assert (
        "kết quả thực hiện cam kết trách nhiệm với Ban Thường vụ Tỉnh ủy Quảng Trị năm 2019" in body
    )
    assert "DỰ THẢO" not in body


def test_figures_of_the_model_report(report_2019: Path):
    body = text(report_2019)
    for phrase in [
        "tổng số 220 nội dung cam kết",
        "đã triển khai thực hiện 219/220 nội dung cam kết, hoàn thành 212/220 nội dung",
        "Năm 2019 là năm thứ 3 triển khai chủ trương thực hiện cam kết trách nhiệm",
        "“Trách nhiệm, kỷ cương, tăng tốc phát triển”",
        "giao từ 2 đến 6 nhóm nhiệm vụ",
        "Các huyện, thị, thành ủy, đảng ủy trực thuộc đã triển khai thực hiện 49/49 nội dung",
        "Các sở, ngành khối Nhà nước đã triển khai thực hiện 96/97 nội dung cam kết",
        "còn 01 nhiệm vụ tạm dừng",
        "đã triển khai thực hiện 74/74 nội dung cam kết",
        "Nổi bật là 30 công trình, dự án trọng điểm được chọn khởi công, khánh thành nhân dịp "
        "kỷ niệm 30 năm lập lại tỉnh, đến hết năm 2019 có 29 công trình, dự án đã khởi công, "
        "khánh thành.",
        "Năm 2019 đạt và vượt 24/24 chỉ tiêu kinh tế - xã hội chủ yếu.",
        "II- HẠN CHẾ VÀ NGUYÊN NHÂN",
        "do nguyên nhân khách quan",
        "III- NHIỆM VỤ, GIẢI PHÁP NĂM 2020",
    ]:
        assert phrase in body, phrase


def test_paused_reason_is_a_real_footnote(report_2019: Path):
    notes = part(report_2019, "word/footnotes.xml")
    [note] = [n for n in notes.findall("w:footnote", NS) if n.get(f"{{{W}}}type") is None]
    assert "".join(note.itertext()).strip() == (
        "Nhiệm vụ về Quy hoạch phát triển vật liệu xây dựng trên địa bàn tỉnh đến năm 2025, tầm "
        "nhìn 2035 đang tạm dừng để tích hợp vào Quy hoạch tỉnh theo Luật Quy hoạch 2018."
    )
    body = part(report_2019, "word/document.xml")
    [ref] = body.iter(f"{{{W}}}footnoteReference")
    assert ref.get(f"{{{W}}}id") == note.get(f"{{{W}}}id")
    paragraph = next(p for p in body.iter(f"{{{W}}}p") if ref in p.iter())
    assert "96/97" in "".join(paragraph.itertext())
    with zipfile.ZipFile(report_2019) as z:
        assert "footnotes" in z.read("word/_rels/document.xml.rels").decode()
        assert "footnotes+xml" in z.read("[Content_Types].xml").decode()
    assert "\ue000" not in text(report_2019)


def test_times_new_roman_in_all_four_slots(report_2019: Path):
    styles = part(report_2019, "word/styles.xml")
    default = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert default.get(f"{{{W}}}{slot}") == "Times New Roman"
    document_xml = part(report_2019, "word/document.xml")
    used = {el.get(f"{{{W}}}val") for el in document_xml.iter(f"{{{W}}}pStyle", f"{{{W}}}rStyle")}
    used_styles = [
        st for st in styles.findall("w:style", NS) if st.get(f"{{{W}}}styleId") in used | {"Normal"}
    ]
    assert len(used_styles) >= 3
    for element in [document_xml, part(report_2019, "word/footnotes.xml"), *used_styles]:
        name = element.tag
        for fonts in element.iter(f"{{{W}}}rFonts"):
            named = {k.split("}")[1]: v for k, v in fonts.attrib.items()}
            if named:
                assert set(named) == {"ascii", "hAnsi", "cs", "eastAsia"}, (name, named)
                assert set(named.values()) == {"Times New Roman"}, (name, named)


def test_page_setup(report_2019: Path):
    first, appendix = document(report_2019).sections

    def mm(*lengths):
        return tuple(round(x.mm) for x in lengths)

    assert mm(first.page_width, first.page_height) == (210, 297)
    assert mm(first.top_margin, first.bottom_margin, first.left_margin, first.right_margin) == (
        20,
        20,
        30,
        15,
    )
    assert first.different_first_page_header_footer
    assert appendix.page_width > appendix.page_height  # the appendix is landscape


def test_appendix_traces_every_figure(report_2019: Path):
    doc = document(report_2019)
    units_table = next(t for t in doc.tables if t.cell(0, 1).text == "Địa phương, đơn vị")
    items_table = doc.tables[-1]
    rows = [[c.text for c in row.cells] for row in units_table.rows]
    assert rows[0][:4] == ["STT", "Địa phương, đơn vị", "Số nhóm", "Tổng số"]
    assert rows[-1][1:] == ["Tổng cộng", "137", "220", "219", "212", "1", "13", "0"]
    blocks = [r for r in rows if r[0] in ("I", "II", "III")]
    assert [r[3:5] for r in blocks] == [["49", "49"], ["97", "96"], ["74", "74"]]
    assert len(rows) == 1 + 3 + 59 + 1
    items = [[c.text for c in row.cells] for row in items_table.rows]
    paused = [r for r in items if r[4] == "Tạm dừng"]
    assert len(paused) == 1 and paused[0][1] == "Sở Xây dựng"
    assert "Luật Quy hoạch 2018" in paused[0][6]
    assert all(r[5] in ("", "Khách quan", "Chủ quan", "Chưa xác định") for r in items[1:])


def test_byte_identical_when_rendered_twice(report_2019: Path, tmp_path: Path):
    again = tmp_path / "again.docx"
    run("report", "2019", "--data", EMBEDDED_DATA, "--date", "2020-01-05", "--out", again)
    assert again.read_bytes() == report_2019.read_bytes()


def test_number_and_default_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAMKET_TODAY", "2020-01-06")
    r = run("report", "2019", "--data", EMBEDDED_DATA, "--number", "125", cwd=tmp_path)
    assert r.exit_code == 0, r.stderr
    out = tmp_path / "bao-cao-cam-ket-2019.docx"
    head = document(out).tables[0]
    assert head.cell(1, 0).text == "Số 125-BC/TU"
    assert head.cell(1, 1).text == "Quảng Trị, ngày 06 tháng 01 năm 2020"


def test_git_commit_in_properties(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(EMBEDDED_DATA, data)
    git = ["git", "-C", str(data), "-c", "user.name=Văn thư", "-c", "user.email=vt@example.vn"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "Dữ liệu 2019"], check=True)
    head = subprocess.run(
        [*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    out = tmp_path / "bc.docx"
    run("report", "2019", "--data", data, "--date", "2020-01-05", "--out", out)
    props = document(out).core_properties
    assert props.identifier == head and props.version == head[:12]
    assert "có thay đổi chưa commit" not in props.comments
    assert props.created == dt.datetime(2020, 1, 5, tzinfo=dt.UTC)
    (data / "2019/year.yaml").write_text(
        (data / "2019/year.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    run("report", "2019", "--data", data, "--date", "2020-01-05", "--out", out)
    props = document(out).core_properties
    assert props.version == head[:12] + "+" and "có thay đổi chưa commit" in props.comments


def test_nothing_about_quang_tri_is_hard_coded(mini: Path, tmp_path: Path):
    write(
        mini,
        "camket.yaml",
        """\
body: Ban Thường vụ Thành ủy Đông Hà
issuer: Thành ủy Đông Hà
superior: Đảng bộ tỉnh Quảng Trị
office: Văn phòng Thành ủy
place: Đông Hà
code: TU
""",
    )
    out = tmp_path / "dh.docx"
    r = run("report", "2019", "--data", mini, "--date", "2020-01-10", "--out", out)
    assert r.exit_code == 0, r.stderr
    head = document(out).tables[0]
    lines = head.cell(0, 0).text.replace("\u00a0", " ").split("\n")
    assert lines == ["ĐẢNG BỘ TỈNH QUẢNG TRỊ", "THÀNH ỦY ĐÔNG HÀ", "*"]
    assert head.cell(1, 1).text == "Đông Hà, ngày 10 tháng 01 năm 2020"
    body = text(out)
    assert "với Ban Thường vụ Thành ủy Đông Hà năm 2019" in body
    assert "- Lưu Văn phòng Thành ủy." in body
    assert "Tỉnh ủy Quảng Trị" not in body
    # mini started in 2019 with first_year 2017 in its own settings: here none, so year 1
    assert "Năm 2019 là năm đầu tiên triển khai" in body


def test_missed_indicators_are_named(mini: Path, tmp_path: Path):
    out = tmp_path / "m.docx"
    run("report", "2019", "--data", mini, "--date", "2020-01-10", "--out", out)
    body = text(out)
    assert (
        "Năm 2019 đạt và vượt 2/3 chỉ tiêu kinh tế - xã hội chủ yếu; 01 chỉ tiêu chưa đạt: "
        "Thu ngân sách đạt 90,41% (KH: 730,223 tỷ đồng)."
    ) in body
    assert "năm thứ 3" in body


def test_mid_year_report_says_so(tmp_path: Path):
    out = tmp_path / "2020.docx"
    r = run(
        "report",
        "2020",
        "--data",
        EMBEDDED_DATA,
        "--as-of",
        "2020-06-30",
        "--date",
        "2020-07-05",
        "--out",
        out,
    )
    assert r.exit_code == 0, r.stderr
    body = paragraphs(out)
    assert (
        "tình hình thực hiện cam kết trách nhiệm với Ban Thường vụ Tỉnh ủy Quảng Trị năm "
        "2020 (tính đến ngày 30 tháng 6 năm 2020)"
    ) in body
    assert "I- TÌNH HÌNH THỰC HIỆN CAM KẾT" in body
    assert any("Tính đến ngày 30 tháng 6 năm 2020, đã triển khai thực hiện" in p for p in body)


def test_invalid_data_is_refused_unless_forced(mini: Path, tmp_path: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("head:", "hed:"), encoding="utf-8")
    out = tmp_path / "x.docx"
    r = run("report", "2019", "--data", mini, "--out", out)
    assert r.exit_code == 1 and not out.exists()
    assert "cam-lo.yaml:1:1: lỗi: thiếu khóa bắt buộc 'head'" in r.stderr
    r = run("report", "2019", "--data", mini, "--out", out, "--force")
    assert r.exit_code == 0, r.stderr
    assert paragraphs(out)[0] == "DỰ THẢO"


def test_values_print_literally(mini: Path, tmp_path: Path):
    path = mini / "units.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "name: Sở Xây dựng", 'name: "Sở Kế hoạch & Đầu tư <dự thảo> {{ 7*7 }}"'
        ),
        encoding="utf-8",
    )
    out = tmp_path / "lit.docx"
    r = run("report", "2019", "--data", mini, "--out", out)
    assert r.exit_code == 0, r.stderr
    assert "Sở Kế hoạch & Đầu tư <dự thảo> {{ 7*7 }}" in text(out)
    assert "49" not in text(out).split("Sở Kế hoạch")[1][:40]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("{{ title ", "lỗi cú pháp Jinja"),
        ("{{ no_such_name }}", "no_such_name"),
        ("{{ ''.__class__.__mro__ }}", "không được phép"),
    ],
)
def test_template_errors_name_the_template_and_place(tmp_path: Path, mini: Path, tag, expected):
    from docx import Document

    from camket.documents.render.template import default

    doc = Document(str(default("bao-cao.docx")))
    title = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    title.add_run(tag)
    bad = tmp_path / "hong.docx"
    doc.save(str(bad))
    r = run("report", "2019", "--data", mini, "--template", bad, "--out", tmp_path / "o.docx")
    assert r.exit_code == 1
    assert "mẫu 'hong.docx', đoạn văn thứ" in r.stderr and expected in r.stderr
    assert "Traceback" not in r.stderr and not (tmp_path / "o.docx").exists()


def test_output_path_that_is_a_folder_gets_the_default_name(tmp_path: Path, mini: Path):
    r = run("report", "2019", "--data", mini, "--out", tmp_path)
    assert r.exit_code == 0 and (tmp_path / "bao-cao-cam-ket-2019.docx").is_file()


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed; .ci/run installs it",
)
def test_layout_in_libreoffice(report_2019: Path, tmp_path: Path):
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(report_2019),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "bc.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )
    assert 6 <= pages <= 14
    extracted = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "96/97" in extracted and "ĐẢNG CỘNG SẢN VIỆT NAM" in extracted
    assert "Luật Quy hoạch 2018" in extracted  # the footnote made it to the page


def test_limitations_count_what_the_appendix_lists(report_2019: Path):
    body = text(report_2019)
    items = document(report_2019).tables[-1]
    listed = [row for row in items.rows[1:] if row.cells[4].text != "Tạm dừng"]
    assert f"có {len(listed)} nội dung cam kết thực hiện chậm hoặc chưa hoàn thành" in body


def test_a_missed_rate_shows_its_value(mini: Path, tmp_path: Path):
    path = mini / "2019/year.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "plan: 7.0, actual: 7.05", "plan: 7.0, actual: 6.5"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "m.docx"
    run("report", "2019", "--data", mini, "--out", out)
    assert "Tốc độ tăng trưởng kinh tế đạt 6,5% (KH: 7,0%)" in text(out)
