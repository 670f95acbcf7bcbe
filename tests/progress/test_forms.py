"""`camket forms` and `camket import`: the quarter out to the units as Excel forms, and back.

Real forms made from a copy of the embedded data, filled in with openpyxl as a unit's Excel
would save them (and re-saved by LibreOffice where it is installed), imported by the command a
clerk types; the data files are read back and compared with what `camket record` writes.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest

from camket.progress import forms
from tests.conftest import EMBEDDED_DATA, git, repository, run

Q3 = dt.date(2020, 9, 30)
CODES = {
    "hoàn thành": "done",
    "tạm dừng": "paused",
    "không hoàn thành": "not_done",
    "đang thực hiện": "in_progress",
}
CAUSES = {"khách quan": "objective", "chủ quan": "subjective"}
# A quarter's reports: on time, late with a cause, paused with a reason, not done, a note with
# quotes and colons, a date typed as text; every other row of every form left empty.
FILLED = {
    "dong-ha-2020-02": {"status": "hoàn thành", "note": "UBND tỉnh đã phê duyệt quy hoạch"},
    "dong-ha-2020-04": {"status": "tạm dừng", "reason": "Thị trường bất động sản trầm lắng"},
    "dong-ha-2020-05": {
        "status": "hoàn thành",
        "date": "15/9/2020",
        "cause": "khách quan",
        "reason": "Dịch COVID-19 làm lùi lịch đại hội",
    },
    "cam-lo-2020-04": {
        "status": "không hoàn thành",
        "date": dt.datetime(2020, 9, 20),
        "cause": "chủ quan",
        "reason": "Chưa chủ động phối hợp với chủ đầu tư",
    },
    "hai-lang-2020-03": {
        "status": "hoàn thành",
        "date": dt.datetime(2020, 8, 10),
        "cause": "khách quan",
        "reason": "Mưa lũ kéo dài",
    },
    "so-y-te-2020-05": {
        "status": "đang thực hiện",
        "note": 'Đã có "phương án": 12/15 trạm, tỷ lệ = 80%',
    },
}
COLUMNS = {"status": 6, "date": 7, "note": 8, "reason": 9, "cause": 10}


def copy_data(target: Path) -> Path:
    shutil.copytree(EMBEDDED_DATA, target)
    return target


def make_forms(folder: Path, out: Path, *args: str) -> list[Path]:
    """Forms of 2020 (quarter 3 unless the period is given) in `out`."""
    period = () if {"--quarter", "--as-of"} & set(args) else ("--quarter", "3")
    r = run("forms", "2020", *args, *period, "--data", folder, "--out", out)
    assert r.exit_code == 0, r.stderr
    return sorted(out.glob("*.xlsx"))


def form_path(out: Path, unit: str) -> Path:
    return out / f"tien-do-2020-q3-{unit}.xlsx"


def row_of(sheet, item: str) -> int:
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == item)


def fill(path: Path, rows: dict[str, dict], save_as: Path | None = None) -> dict[str, int]:
    """Fill rows as a unit would; the row number of each item."""
    book = openpyxl.load_workbook(path)
    sheet = book[forms.FORM_SHEET]
    where = {}
    for item, cells in rows.items():
        where[item] = r = row_of(sheet, item)
        for key, value in cells.items():
            sheet.cell(r, COLUMNS[key]).value = value
    book.save(save_as or path)
    return where


def import_(folder: Path, *args: str | Path):
    return run("import", *args, "--data", folder, cwd=folder)


def record_args(item: str, cells: dict) -> list[str]:
    date = cells.get("date", Q3)
    if isinstance(date, str):
        day, month, year = (int(p) for p in date.split("/"))
        date = dt.date(year, month, day)
    args = [item, CODES[cells["status"]], "--date", date.strftime("%Y-%m-%d")]
    for key in ("note", "reason"):
        if key in cells:
            args += [f"--{key}", cells[key]]
    if "cause" in cells:
        args += ["--cause", CAUSES[cells["cause"]]]
    return args


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".camket" not in p.parts and ".git" not in p.parts
    }


def by_unit(rows: dict[str, dict]) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = {}
    for item, cells in rows.items():
        out.setdefault(item.rsplit("-", 2)[0], {})[item] = cells
    return out


# --- the forms ------------------------------------------------------------------------------


def test_a_form_for_every_unit(tmp_path: Path):
    made = make_forms(EMBEDDED_DATA, tmp_path)
    assert len(made) == 59
    assert form_path(tmp_path, "dong-ha") in made
    book = openpyxl.load_workbook(form_path(tmp_path, "dong-ha"))
    assert book.sheetnames == ["Tiến độ", "Hướng dẫn", "camket"]
    assert book["camket"].sheet_state == "hidden"
    sheet = book["Tiến độ"]
    assert (
        "QUÝ III NĂM 2020" in sheet["A1"].value and sheet["A2"].value == "Đơn vị: Thành ủy Đông Hà"
    )
    header = [c.value for c in sheet[5]]
    assert " | ".join(header) == (
        "Mã nội dung | Nhóm nhiệm vụ | Nội dung cam kết | Thời hạn | Tình trạng hiện nay | "
        "Tình trạng mới | Ngày | Ghi chú | Lý do | Nguyên nhân"
    )
    ids = [sheet.cell(r, 1).value for r in range(6, sheet.max_row + 1)]
    assert ids == [f"dong-ha-2020-0{n}" for n in range(1, 9)]
    first = [c.value for c in sheet[row_of(sheet, "dong-ha-2020-05")]]
    assert first[:3] == [
        "dong-ha-2020-05",
        "Xây dựng Đảng, hệ thống chính trị",
        "Lãnh đạo tổ chức thành công đại hội các tổ chức cơ sở đảng trực thuộc và Đại hội Đảng bộ "
        "thành phố lần thứ XIII, nhiệm kỳ 2020 - 2025",
    ]
    assert first[3] == dt.datetime(2020, 8, 31)
    assert first[4].startswith("đang thực hiện (30/06/2020)\nĐã đại hội xong 100%")
    assert first[5] is None and first[6] == dt.datetime(2020, 9, 30) and first[7:] == [None] * 3
    # locked and free cells, protection without a password
    assert sheet.protection.sheet and not sheet.protection.password
    cells = sheet[row_of(sheet, "dong-ha-2020-05")]
    assert [c.protection.locked for c in cells] == [True] * 5 + [False] * 5
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["F6:F13"] == (
        '"chưa thực hiện,đang thực hiện,hoàn thành,không hoàn thành,tạm dừng"'
    )
    assert lists["J6:J13"] == '"khách quan,chủ quan"'
    # it prints: landscape A4, fit to width, the header row on every page
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$5:$5"
    assert sheet.column_dimensions["C"].width > 40 and sheet["C6"].alignment.wrap_text
    guide = " ".join(str(c.value) for row in book["Hướng dẫn"].iter_rows() for c in row)
    for words in ("tạm dừng", "Ghi Lý do", "Nguyên nhân và Lý do", "Không được sửa".upper()):
        assert words in guide
    with zipfile.ZipFile(form_path(tmp_path, "dong-ha")) as z:
        custom = z.read("docProps/custom.xml").decode()
    assert "camket_unit" in custom and "dong-ha" in custom


def test_forms_are_the_same_bytes_each_time(tmp_path: Path):
    a = make_forms(EMBEDDED_DATA, tmp_path / "a", "--quarter", "3")
    b = make_forms(EMBEDDED_DATA, tmp_path / "b", "--quarter", "3")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_periods_and_units(tmp_path: Path):
    made = make_forms(EMBEDDED_DATA, tmp_path, "--as-of", "2020-08-15")
    assert made[0].name.startswith("tien-do-2020-den-2020-08-15-")
    sheet = openpyxl.load_workbook(made[0])["Tiến độ"]
    assert sheet["G6"].value == dt.datetime(2020, 8, 15)
    r = run(
        "forms",
        "2020",
        "dong-ha",
        "cam-lo",
        "--as-of",
        "30/6/2020",
        "--data",
        EMBEDDED_DATA,
        "--out",
        tmp_path / "q2",
    )
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "q2").iterdir()) == [
        "tien-do-2020-q2-cam-lo.xlsx",
        "tien-do-2020-q2-dong-ha.xlsx",
    ]
    r = run("forms", "2020", "dong-haa", "--data", EMBEDDED_DATA, "--out", tmp_path / "x")
    assert r.exit_code == 1 and "có phải ý bạn là 'dong-ha'" in r.stderr
    r = run("forms", "2020", "--quarter", "3", "--as-of", "2020-09-30", "--data", EMBEDDED_DATA)
    assert r.exit_code == 1 and "chỉ dùng một" in r.stderr
    r = run("forms", "2020", "--as-of", "2021-01-15", "--data", EMBEDDED_DATA)
    assert r.exit_code == 1 and "phải thuộc năm 2020" in r.stderr


# --- the round trip -------------------------------------------------------------------------


def test_import_writes_exactly_what_record_writes(tmp_path: Path):
    imported = copy_data(tmp_path / "imported")
    recorded = copy_data(tmp_path / "recorded")
    before = json.loads(
        run("status", "2020", "--quarter", "3", "--json", "--data", imported).stdout
    )
    out = tmp_path / "forms"
    made = make_forms(imported, out)
    for unit, rows in by_unit(FILLED).items():
        fill(form_path(out, unit), rows)
    r = import_(imported, *made)
    assert r.exit_code == 0, r.stderr
    assert "Đã nhập 59/59 phiếu, thêm 6 mục tiến độ; 0 phiếu bị từ chối." in r.stdout
    assert "camket status 2020 --quarter 3" in r.stdout
    for item, cells in FILLED.items():
        done = run("record", *record_args(item, cells), "--data", recorded)
        assert done.exit_code == 0, done.stderr
    assert snapshot(imported) == snapshot(recorded)
    # and status for the period shows the new figures
    after = json.loads(run("status", "2020", "--quarter", "3", "--json", "--data", imported).stdout)
    assert after["completed"] == before["completed"] + 3
    assert after["paused"] == before["paused"] + 1
    assert run("validate", "--data", imported).exit_code == 0


def test_import_twice_adds_nothing(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out, "--quarter", "3")
    fill(form_path(out, "dong-ha"), by_unit(FILLED)["dong-ha"])
    assert import_(folder, form_path(out, "dong-ha")).exit_code == 0
    once = snapshot(folder)
    r = import_(folder, form_path(out, "dong-ha"))
    assert r.exit_code == 0, r.stderr
    assert "đã được nhập trước đó: 3 dòng đã có trong dữ liệu, không thêm gì" in r.stdout
    assert snapshot(folder) == once
    # a copy of the same form, in the same run as another unit's
    copy = tmp_path / "copy.xlsx"
    shutil.copy(form_path(out, "dong-ha"), copy)
    fill(form_path(out, "cam-lo"), by_unit(FILLED)["cam-lo"])
    r = import_(folder, copy, form_path(out, "cam-lo"))
    assert r.exit_code == 0 and "thêm 1 mục tiến độ" in r.stdout


def test_dry_run_changes_nothing(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out)
    fill(form_path(out, "dong-ha"), by_unit(FILLED)["dong-ha"])
    before = snapshot(folder)
    r = import_(folder, out, "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert "dong-ha (" in r.stdout and "sẽ thêm 3 mục tiến độ" in r.stdout
    assert "dong-ha-2020-05 → done (2020-09-15); reason: Dịch COVID-19" in r.stdout
    assert "chưa ghi gì" in r.stdout
    assert snapshot(folder) == before and not (folder / ".camket").exists()


# --- refusals -------------------------------------------------------------------------------


def test_a_form_with_one_bad_row_is_refused_whole(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out)
    rows = dict(by_unit(FILLED)["dong-ha"])
    rows["dong-ha-2020-07"] = {"status": "tạm dừng"}  # no reason
    where = fill(form_path(out, "dong-ha"), rows)
    fill(form_path(out, "cam-lo"), by_unit(FILLED)["cam-lo"])
    dong_ha = (folder / "2020/commitments/dong-ha.yaml").read_bytes()
    r = import_(folder, form_path(out, "dong-ha"), form_path(out, "cam-lo"))
    assert r.exit_code == 1
    cell = f"{form_path(out, 'dong-ha')}!Tiến độ!F{where['dong-ha-2020-07']}"
    assert f"{cell}: lỗi: dong-ha-2020-07: 'dong-ha-2020-07' chuyển sang 'tạm dừng'" in r.stderr
    assert "thiếu cột “Lý do” (lý do); hãy ghi lý do" in r.stderr
    assert (folder / "2020/commitments/dong-ha.yaml").read_bytes() == dong_ha  # none of it
    assert "cam-lo-2020-04" in (folder / "2020/commitments/cam-lo.yaml").read_text()
    assert "Từ chối phiếu" in r.stdout and "Đã nhập 1/2 phiếu, thêm 1 mục" in r.stdout


def test_every_problem_of_every_form_in_one_run(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out)
    a = fill(
        form_path(out, "dong-ha"),
        {
            "dong-ha-2020-01": {"status": "xong"},
            "dong-ha-2020-02": {"status": "hoàn thành", "date": "31/02/2020"},
            "dong-ha-2020-03": {"status": "đang thực hiện", "date": dt.datetime(2020, 5, 1)},
        },
    )
    b = fill(
        form_path(out, "cam-lo"),
        {
            "cam-lo-2020-02": {"status": "đang thực hiện", "date": dt.datetime(2019, 12, 31)},
            "cam-lo-2020-04": {"status": "không hoàn thành", "cause": "trời mưa", "reason": "x"},
            "cam-lo-2020-06": {"status": "không hoàn thành"},
        },
    )
    before = snapshot(folder)
    r = import_(folder, out)
    assert r.exit_code == 1
    d, c = form_path(out, "dong-ha"), form_path(out, "cam-lo")
    expected = [
        (f"{d}!Tiến độ!F{a['dong-ha-2020-01']}", "trạng thái 'xong' không hợp lệ"),
        (
            f"{d}!Tiến độ!G{a['dong-ha-2020-02']}",
            "ô Ngày 31/02/2020: tháng 2 năm 2020 chỉ có 29 ngày",
        ),
        (f"{d}!Tiến độ!F{a['dong-ha-2020-03']}", "không được ghi trước đó; hãy ghi cột “Ngày” từ"),
        (f"{c}!Tiến độ!F{b['cam-lo-2020-02']}", "trước năm 2020"),
        (f"{c}!Tiến độ!J{b['cam-lo-2020-04']}", "nguyên nhân 'trời mưa' không hợp lệ"),
        (f"{c}!Tiến độ!F{b['cam-lo-2020-06']}", "thiếu cột “Nguyên nhân”, cột “Lý do”"),
    ]
    lines = r.stderr.splitlines()
    for cell, words in expected:
        assert any(line.startswith(f"{cell}: lỗi: ") and words in line for line in lines), (
            cell,
            r.stderr,
        )
    assert snapshot(folder) == before
    assert "Đã nhập 57/59 phiếu, thêm 0 mục tiến độ; 2 phiếu bị từ chối." in r.stdout


def test_a_conflict_names_both_entries(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out)
    where = fill(form_path(out, "dong-ha"), by_unit(FILLED)["dong-ha"])
    by_hand = run(
        "record", "dong-ha-2020-02", "in_progress", "--date", "2020-08-01", "--data", folder
    )
    assert by_hand.exit_code == 0, by_hand.stderr
    before = snapshot(folder)
    r = import_(folder, form_path(out, "dong-ha"))
    assert r.exit_code == 1
    cell = f"{form_path(out, 'dong-ha')}!Tiến độ!F{where['dong-ha-2020-02']}"
    assert (
        f"{cell}: xung đột: dong-ha-2020-02: xung đột: từ khi lập phiếu, nội dung này đã có mục "
        "tiến độ 'đang thực hiện' ngày 01/08/2020; phiếu ghi 'hoàn thành' ngày 30/09/2020"
    ) in r.stderr
    assert snapshot(folder) == before
    r = import_(folder, form_path(out, "dong-ha"), "--force")
    assert r.exit_code == 0, r.stderr
    text = (folder / "2020/commitments/dong-ha.yaml").read_text(encoding="utf-8")
    assert text.index("2020-08-01") < text.index("{date: 2020-09-30, status: done")


def test_a_conflict_with_another_form(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out, "dong-ha")
    other = tmp_path / "lan-2.xlsx"
    fill(form_path(out, "dong-ha"), {"dong-ha-2020-02": {"status": "hoàn thành"}})
    fill(
        form_path(out, "dong-ha"),
        {"dong-ha-2020-02": {"status": "đang thực hiện", "note": "Gửi lại"}},
        save_as=other,
    )
    r = import_(folder, form_path(out, "dong-ha"), other)
    assert r.exit_code == 1
    assert "xung đột" in r.stderr and "'hoàn thành' ngày 30/09/2020" in r.stderr
    assert "Đã nhập 1/2 phiếu" in r.stdout


def test_edited_locked_cells_are_never_applied_to_another_item(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out, "dong-ha")
    path = form_path(out, "dong-ha")
    book = openpyxl.load_workbook(path)
    sheet = book["Tiến độ"]
    r2, r3, r4 = (row_of(sheet, f"dong-ha-2020-0{n}") for n in (2, 3, 4))
    sheet.cell(r2, 1).value = "dong-ha-2020-08"  # another item's id
    sheet.cell(r2, 6).value = "hoàn thành"
    sheet.cell(r3, 3).value = "Một nội dung khác"
    sheet.cell(r3, 6).value = "hoàn thành"
    sheet.cell(r4, 3).value = "Sửa nhầm nhưng không điền"  # not filled: reported only
    book.save(path)
    before = snapshot(folder)
    r = import_(folder, path)
    assert r.exit_code == 1
    assert f"{path}!Tiến độ!C{r2}: lỗi: dong-ha-2020-08: nội dung cam kết ở dòng này khác" in (
        r.stderr
    )
    assert f"{path}!Tiến độ!C{r3}: lỗi: dong-ha-2020-03:" in r.stderr
    assert f"{path}!Tiến độ!C{r4}: lưu ý: dong-ha-2020-04:" in r.stderr
    assert snapshot(folder) == before


def test_commit_one_per_unit(tmp_path: Path):
    folder = repository(copy_data(tmp_path / "data"))
    out = tmp_path / "forms"
    made = make_forms(folder, out)
    for unit, rows in by_unit(FILLED).items():
        fill(form_path(out, unit), rows)
    head = git(folder, "rev-parse", "HEAD").strip()
    r = import_(folder, *made, "--commit")
    assert r.exit_code == 0, r.stderr
    subjects = git(folder, "log", "--format=%s", f"{head}..HEAD").splitlines()
    assert sorted(subjects) == sorted(
        [
            "camket: tiến độ quý III năm 2020 của Thành ủy Đông Hà (dong-ha), 3 mục",
            "camket: tiến độ quý III năm 2020 của Huyện ủy Cam Lộ (cam-lo), 1 mục",
            "camket: tiến độ quý III năm 2020 của Huyện ủy Hải Lăng (hai-lang), 1 mục",
            "camket: tiến độ quý III năm 2020 của Sở Y tế (so-y-te), 1 mục",
        ]
    )
    shown = git(folder, "show", "--name-only", "--format=%B", "HEAD~3")
    assert "→" in shown and "Từ phiếu: tien-do-2020-q3-" in shown
    assert git(folder, "status", "--porcelain") == ""


def test_a_failed_commit_leaves_the_form_unwritten(tmp_path: Path):
    folder = repository(copy_data(tmp_path / "data"))
    out = tmp_path / "forms"
    make_forms(folder, out, "dong-ha")
    fill(form_path(out, "dong-ha"), by_unit(FILLED)["dong-ha"])
    hook = folder / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'kiểm tra không đạt' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    head, before = git(folder, "rev-parse", "HEAD"), snapshot(folder)
    r = import_(folder, form_path(out, "dong-ha"), "--commit")
    assert r.exit_code == 1 and "không commit được" in r.stderr and "vẫn như cũ" in r.stderr
    assert git(folder, "rev-parse", "HEAD") == head and snapshot(folder) == before
    assert git(folder, "status", "--porcelain") == ""


def test_commit_outside_git_is_refused_before_reading(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out, "dong-ha")
    r = import_(folder, out, "--commit")
    assert r.exit_code == 1 and "kho git" in r.stderr


# --- untrusted files ------------------------------------------------------------------------


def test_files_that_are_not_forms(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out, "dong-ha")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "text.xlsx").write_text("không phải bảng tính", encoding="utf-8")
    (bad / "old.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with zipfile.ZipFile(bad / "calc.xlsx", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    with zipfile.ZipFile(bad / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (120 * 1024 * 1024))
    export = run("export", "2020", "--data", folder, "--out", bad / "export.xlsx")
    assert export.exit_code == 0
    entity = bad / "entity.xlsx"
    with zipfile.ZipFile(form_path(out, "dong-ha")) as src, zipfile.ZipFile(entity, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/sharedStrings.xml":
                body = body.replace(b"?>", b'?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]>', 1)
            dst.writestr(info, body)
    r = import_(folder, bad)
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    expected = {
        "text.xlsx": "không phải bảng tính Excel (.xlsx) hoặc đã hỏng",
        "old.xlsx": "Excel 97-2003 (.xls) hoặc có đặt mật khẩu",
        "calc.xlsx": "dạng OpenDocument (.ods)",
        "bomb.xlsx": "quá nhiều dữ liệu",
        "export.xlsx": "không phải phiếu tiến độ do camket lập",
        "entity.xlsx": "có khai báo DOCTYPE, không đọc",
    }
    for name, words in expected.items():
        assert any(name in line and words in line for line in r.stderr.splitlines()), name
    assert "Đã nhập 0/6 phiếu" in r.stdout


def test_a_form_of_another_data_folder(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out, "dong-ha")
    path = form_path(out, "dong-ha")
    book = openpyxl.load_workbook(path)
    hidden = book["camket"]
    body = next(r for r in range(1, 20) if hidden.cell(r, 1).value == "body")
    hidden.cell(body, 2).value = "Ban Thường vụ Thành ủy Đông Hà"
    book["Tiến độ"].cell(6, 6).value = "hoàn thành"
    book.save(path)
    r = import_(folder, path)
    assert r.exit_code == 1
    assert (
        "phiếu này lập cho Ban Thường vụ Thành ủy Đông Hà, không phải cho Ban Thường vụ Tỉnh ủy"
        in (r.stderr)
    )


def test_formulas_are_never_evaluated_and_rows_are_bounded(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out, "dong-ha")
    path = form_path(out, "dong-ha")
    book = openpyxl.load_workbook(path)
    sheet = book["Tiến độ"]
    r2, r3 = row_of(sheet, "dong-ha-2020-02"), row_of(sheet, "dong-ha-2020-03")
    sheet.cell(r2, 6).value = "hoàn thành"
    sheet.cell(r2, 8).value = '=HYPERLINK("http://example.com/","Bấm vào đây")'  # no cached value
    sheet.cell(r3, 6).value = '=IF(TRUE,"hoàn thành")'  # a status only a formula gives: none
    sheet.cell(50000, 1).value = "dong-ha-2020-08"  # far below the form: never read
    sheet.cell(50000, 6).value = "hoàn thành"
    book.save(path)
    r = import_(folder, path)
    assert r.exit_code == 0, r.stderr
    text = (folder / "2020/commitments/dong-ha.yaml").read_text(encoding="utf-8")
    assert "{date: 2020-09-30, status: done}" in text  # the row, without the formula's note
    assert "example.com" not in text and text.count("2020-09-30") == 1
    assert "thêm 1 mục tiến độ" in r.stdout


# --- LibreOffice ----------------------------------------------------------------------------


def resave_with_libreoffice(path: Path, out: Path) -> Path:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="camket-lo-") as profile:
        result = subprocess.run(
            [
                exe,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "xlsx",
                "--outdir",
                str(out),
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    saved = out / path.name
    if not saved.is_file():
        pytest.skip(f"LibreOffice cannot open .xlsx here (Calc not installed?): {result.stderr}")
    return saved


def test_a_form_resaved_by_libreoffice(tmp_path: Path):
    direct = copy_data(tmp_path / "direct")
    through = copy_data(tmp_path / "through")
    out = tmp_path / "forms"
    make_forms(direct, out, "dong-ha")
    path = form_path(out, "dong-ha")
    fill(path, by_unit(FILLED)["dong-ha"])
    saved = resave_with_libreoffice(path, tmp_path / "libreoffice")
    assert saved.read_bytes() != path.read_bytes()
    r = import_(direct, path)
    assert r.exit_code == 0, r.stderr
    r = import_(through, saved)
    assert r.exit_code == 0, r.stderr
    assert "thêm 3 mục tiến độ" in r.stdout
    assert snapshot(through) == snapshot(direct)


def test_a_folder_of_forms_skips_lock_files_and_a_missing_file_is_named(tmp_path: Path):
    folder = copy_data(tmp_path / "data")
    out = tmp_path / "forms"
    make_forms(folder, out, "dong-ha")
    (out / "~$tien-do-2020-q3-dong-ha.xlsx").write_bytes(b"\0" * 165)  # Excel's, while open
    (out / ".~lock.tien-do-2020-q3-dong-ha.xlsx#").write_text("x", encoding="utf-8")
    r = import_(folder, out)
    assert r.exit_code == 0, r.stderr
    assert "Đã nhập 1/1 phiếu, thêm 0 mục tiến độ" in r.stdout and "status" not in r.stdout
    r = import_(folder, tmp_path / "khong-co.xlsx")
    assert r.exit_code == 1 and "khong-co.xlsx: lỗi: không có tệp này" in r.stderr
    english = subprocess.run(
        [sys.executable, "-m", "camket", "--lang", "en", "import", "khong-co.xlsx"],
        capture_output=True,
        text=True,
        cwd=folder,
        check=False,
    )
    assert english.returncode == 1 and "error: no such file" in english.stderr
    assert "Imported 0/1 forms" in english.stdout


def test_a_forms_entries_are_inserted_as_one_by_one():
    """A form's entries go into its unit's file with the file parsed once: the same text as
    record's insertions one after the other, for every file and every item of the data."""
    from camket.progress import editing

    entry = {"date": Q3, "status": "in_progress", "note": 'Báo cáo: quý III, "đạt"'}
    seen = 0
    for path in sorted((EMBEDDED_DATA / "2020/commitments").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        ids = [
            line.split("id:", 1)[1].split(",")[0].strip()
            for line in text.splitlines()
            if line.strip().startswith(("- id:", "- {id:"))
        ]
        one_by_one = text
        for item in ids:
            one_by_one = editing.insert_progress(one_by_one, item, entry)
        assert editing.insert_entries(text, [(i, entry) for i in ids]) == one_by_one, path.name
        seen += len(ids)
    assert seen == 329  # every item of 2020, flow and block styles alike
