"""A unit's broken file does not stop the others: `status`, `sheets` and `export` show the year
without that unit, name it before and after their output, and exit 1; `report` refuses unless
--force; an error outside the units' files (year.yaml, units.yaml, camket.yaml) refuses all.

The figures are counted by hand from tests/assets/mini with dong-ha.yaml left out:
- cam-lo-2019-01: due 31/03, in progress at year end: carried out, late, not completed;
- cam-lo-2019-02: not done on 31/12, due 31/12: carried out, not late (due on the as-of date),
  not completed, subjective cause;
- so-xay-dung-2019-01: paused: neither carried out nor late;
- so-xay-dung-2019-02: adjusted, due 30/11: carried out and late.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from camket import pipeline
from tests.conftest import EMBEDDED_DATA, run, write
from tests.docx_reading import paragraphs

DONG_HA = "2019/commitments/dong-ha.yaml"
NOTE = (
    "Bỏ qua 1 đơn vị có tệp lỗi: Thành ủy Đông Hà (2019/commitments/dong-ha.yaml); hãy sửa các "
    "tệp này (camket validate để xem lỗi) rồi chạy lại."
)
# (total, carried out, completed, paused, late, not started) of the table's rows
CAM_LO = ["2", "2", "0", "0", "1", "0"]
SO_XAY_DUNG = ["2", "1", "0", "1", "1", "0"]
TOTAL = ["4", "3", "0", "1", "2", "0"]


def _edit(folder: Path, rel: str, old: str, new: str) -> None:
    path = folder / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def bad_value(folder: Path) -> None:
    """An unknown status: the file reads, the value is left out."""
    _edit(folder, DONG_HA, "status: done}", "status: xong}")


def bad_syntax(folder: Path) -> None:
    """A tab before a key: the file does not read at all."""
    title = "  - title: Xây dựng Đảng\n"
    _edit(folder, DONG_HA, title + "    items:", title + "\titems:")


BREAKS = {"value": bad_value, "syntax": bad_syntax}


@pytest.fixture(params=sorted(BREAKS))
def broken(request: pytest.FixtureRequest, mini: Path) -> Path:
    """The mini folder with dong-ha.yaml broken one way or the other."""
    BREAKS[request.param](mini)
    return mini


def _row(stdout: str, name: str) -> list[str]:
    [line] = [line for line in stdout.splitlines() if line.strip().startswith(name)]
    return line.split()[-6:]


def test_status_shows_the_other_units_and_names_the_one_left_out(broken: Path):
    r = run("status", "2019", cwd=broken)
    assert r.exit_code == 1
    assert "Đông Hà" not in r.stdout
    assert _row(r.stdout, "Huyện ủy Cam Lộ") == CAM_LO
    assert _row(r.stdout, "Sở Xây dựng") == SO_XAY_DUNG
    assert _row(r.stdout, "Tổng cộng") == TOTAL
    assert "Đã triển khai thực hiện 3/4 nội dung cam kết; hoàn thành 0/4" in r.stdout
    lines = r.stderr.splitlines()
    # the file's problem first, then the note; the note again after the table (the last word)
    assert lines[0].startswith("2019/commitments/dong-ha.yaml:") and "lỗi:" in lines[0]
    assert lines[1:] == [NOTE, NOTE]


def test_the_note_in_english(broken: Path):
    r = run("--lang", "en", "status", "2019", cwd=broken)
    assert r.exit_code == 1 and _row(r.stdout, "Huyện ủy Cam Lộ") == CAM_LO
    assert r.stderr.splitlines()[-1] == (
        "Left out 1 unit(s) whose files have errors: Thành ủy Đông Hà "
        "(2019/commitments/dong-ha.yaml); fix these files (camket validate shows the errors) and "
        "run again."
    )


def test_status_json_counts_only_the_others_and_says_which_are_left_out(broken: Path):
    r = run("status", "2019", "--json", cwd=broken)
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    counts = [data[k] for k in ("total", "carried_out", "completed", "paused", "late")]
    assert counts == [4, 3, 0, 1, 2] and data["not_started"] == 0
    assert [(u["id"], u["total"]) for b in data["blocks"] for u in b["units"]] == [
        ("cam-lo", 2),
        ("so-xay-dung", 2),
    ]
    assert data["left_out"] == ["dong-ha"]
    assert data["tags"] == {}  # both tagged items are dong-ha's
    assert data["indicators"] == {"total": 3, "met": 2}  # year.yaml's: all of them
    assert r.stderr.splitlines()[-1] == NOTE


def test_status_of_the_unit_left_out_is_refused(broken: Path):
    r = run("status", "2019", "--unit", "dong-ha", cwd=broken)
    assert r.exit_code == 1 and r.stdout == ""
    assert "không tính được số liệu của đơn vị 'dong-ha'" in r.stderr
    r = run("status", "2019", "--unit", "cam-lo", "--json", cwd=broken)
    assert r.exit_code == 1  # the year's data has errors, though this unit's figures are whole
    data = json.loads(r.stdout)
    assert (data["total"], data["late"], "left_out" in data) == (2, 1, False)


def test_status_compare_leaves_the_unit_out_too(broken: Path):
    r = run("status", "2019", "--compare", "2019-06-30", "--json", cwd=broken)
    assert r.exit_code == 1
    moved = json.loads(r.stdout)
    ids = {i["id"] for kind in moved.values() if isinstance(kind, list) for i in kind}
    assert ids and not any(i.startswith("dong-ha") for i in ids)
    assert r.stderr.splitlines()[-1] == NOTE


def test_sheets_writes_only_the_valid_units(broken: Path, tmp_path: Path):
    out = tmp_path / "ban-cam-ket"
    r = run("sheets", "2019", "--out", out, cwd=broken)
    assert r.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "cam-ket-2019-cam-lo.docx",
        "cam-ket-2019-so-xay-dung.docx",
    ]
    assert "Đã ghi 2 bản cam kết" in r.stdout
    assert r.stderr.splitlines()[-1] == NOTE
    text = " ".join(paragraphs(out / "cam-ket-2019-cam-lo.docx"))
    assert "Xây dựng xã Cam Thành đạt chuẩn nông thôn mới nâng cao" in text


def test_sheets_combined_and_by_name(broken: Path, tmp_path: Path):
    combined = tmp_path / "tat-ca.docx"
    r = run("sheets", "2019", "--combined", "--out", combined, cwd=broken)
    assert r.exit_code == 1 and "Đã ghi 2 bản cam kết" in r.stdout
    text = " ".join(paragraphs(combined))
    assert "Ban Thường vụ Huyện ủy Cam Lộ" in text and "Sở Xây dựng" in text
    assert "Đông Hà" not in text and "Hùng Vương" not in text
    # asked by name: the unit left out is named by the note, not refused as unknown
    out = tmp_path / "hai"
    r = run("sheets", "2019", "dong-ha", "cam-lo", "--out", out, cwd=broken)
    assert r.exit_code == 1 and [p.name for p in out.iterdir()] == ["cam-ket-2019-cam-lo.docx"]
    assert "không có bản cam kết" not in r.stderr and r.stderr.splitlines()[-1] == NOTE
    # only the unit left out: nothing to write
    nothing = tmp_path / "khong"
    r = run("sheets", "2019", "dong-ha", "--out", nothing, cwd=broken)
    assert r.exit_code == 1 and r.stdout == "" and not nothing.exists()
    assert r.stderr.splitlines()[-1] == NOTE


def test_export_writes_the_valid_units(broken: Path, tmp_path: Path):
    expected = ["cam-lo-2019-01", "cam-lo-2019-02", "so-xay-dung-2019-01", "so-xay-dung-2019-02"]
    for fmt in ("json", "csv", "xlsx"):
        out = tmp_path / f"ck.{fmt}"
        r = run("export", "2019", "--out", out, cwd=broken)
        assert r.exit_code == 1, fmt
        assert r.stdout.strip() == f"Đã xuất: {out}"
        assert r.stderr.splitlines()[-1] == NOTE
        if fmt == "json":
            body = json.loads(out.read_text(encoding="utf-8"))
            assert [i["id"] for i in body["items"]] == expected
            assert body["left_out"] == ["dong-ha"]
        elif fmt == "csv":
            rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
            assert [row[4] for row in rows[1:]] == expected
        else:
            book = openpyxl.load_workbook(out)
            items = book["Nội dung cam kết"]
            assert [row[4] for row in items.iter_rows(min_row=2, values_only=True)] == expected
            units = book["Đơn vị"]
            names = [row[0] for row in units.iter_rows(min_row=2, values_only=True)]
            assert not any("Đông Hà" in str(n) for n in names)
            assert [c.value for c in units[units.max_row]][2:] == [4, 3, 0, 1, 2, 0]


def test_report_still_refuses_unless_forced(broken: Path, tmp_path: Path):
    out = tmp_path / "bao-cao.docx"
    r = run("report", "2019", "--out", out, cwd=broken)
    assert r.exit_code == 1 and not out.exists()
    assert "Dữ liệu có lỗi; hãy sửa các lỗi trên rồi chạy lại" in r.stderr
    assert "Bỏ qua" not in r.stderr
    r = run("report", "2019", "--out", out, "--force", cwd=broken)
    assert r.exit_code == 0 and out.is_file()
    assert "DỰ THẢO" in r.stderr


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("2019/year.yaml", "signed_on: 2019-02-20", "signed_on: 2019-02-30"),
        ("units.yaml", "    block: so-nganh", "    block: so-nganhh"),
        ("camket.yaml", "code: TU", "code: [TU"),
    ],
)
def test_an_error_outside_the_units_files_refuses_them_all(
    broken: Path, tmp_path: Path, rel: str, old: str, new: str
):
    _edit(broken, rel, old, new)
    for args in (
        ["status", "2019"],
        ["status", "2019", "--json"],
        ["sheets", "2019", "--out", tmp_path / "sheets"],
        ["export", "2019", "--format", "json", "--out", tmp_path / "ck.json"],
        ["report", "2019", "--out", tmp_path / "bc.docx"],
    ):
        r = run(*args, cwd=broken)
        assert r.exit_code == 1, args
        assert r.stdout == "", args
        assert "Bỏ qua" not in r.stderr
        assert r.stderr.splitlines()[-1] == (
            "Dữ liệu có lỗi; hãy sửa các lỗi trên rồi chạy lại (camket validate để kiểm tra)."
        )
    assert not (tmp_path / "sheets").exists() and not (tmp_path / "ck.json").exists()
    assert not (tmp_path / "bc.docx").exists()


def test_units_at_fault_from_the_problems(mini: Path):
    bad_value(mini)
    # an item id used twice: the folder's rule points at its second use (files are read in name
    # order: so-xay-dung.yaml after cam-lo.yaml), whose unit is left out
    _edit(mini, "2019/commitments/cam-lo.yaml", "id: cam-lo-2019-02", "id: so-xay-dung-2019-02")
    project, problems = pipeline.load_and_check(mini, years=[2019])
    data = project.years[2019]
    at_fault = pipeline.units_at_fault(problems, data)
    assert at_fault == {
        "dong-ha": data.files["dong-ha"],
        "so-xay-dung": data.files["so-xay-dung"],
    }
    rest = data.without(at_fault)
    assert sorted(rest.commitments) == sorted(rest.files) == ["cam-lo"]
    assert rest.left_out == at_fault and rest.complete
    assert sorted(data.commitments) == ["cam-lo", "dong-ha", "so-xay-dung"]  # untouched
    # with an error in year.yaml besides the units' errors, no unit's absence mends the year
    write(mini, "2019/commitments/khong-co.yaml", "unit: khong-co\n")
    _edit(mini, "2019/year.yaml", "theme: Trách nhiệm", "theme:\n  - Trách nhiệm")
    project, problems = pipeline.load_and_check(mini, years=[2019])
    assert pipeline.units_at_fault(problems, project.years[2019]) is None


def test_the_embedded_year_without_one_unit(tmp_path: Path):
    """The real 2019 data with Đông Hà's file broken: every figure is the whole year's less
    Đông Hà's own row."""
    whole = json.loads(run("status", "2019", "--data", EMBEDDED_DATA, "--json").stdout)
    folder = tmp_path / "data"
    shutil.copytree(EMBEDDED_DATA, folder, ignore=shutil.ignore_patterns(".git"))
    _edit(folder, DONG_HA, "year: 2019", "year: 2019\nyear: 2019")  # a key written twice
    r = run("status", "2019", "--json", cwd=folder)
    assert r.exit_code == 1
    part = json.loads(r.stdout)
    [dong_ha] = [u for b in whole["blocks"] for u in b["units"] if u["id"] == "dong-ha"]
    assert dong_ha["total"] > 0
    for key in ("total", "carried_out", "completed", "paused", "late", "not_started"):
        assert part[key] == whole[key] - dong_ha[key], key
    units = [u["id"] for b in part["blocks"] for u in b["units"]]
    assert "dong-ha" not in units
    assert len(units) == sum(len(b["units"]) for b in whole["blocks"]) - 1
    assert part["left_out"] == ["dong-ha"]
    assert "Bỏ qua 1 đơn vị có tệp lỗi: Thành ủy Đông Hà (2019/commitments/dong-ha.yaml)" in (
        r.stderr
    )
