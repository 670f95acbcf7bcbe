"""The commands as a clerk runs them: output, messages and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run, write


def test_validate_clean_folder(mini: Path):
    r = run("validate", "--data", mini)
    assert r.exit_code == 0
    assert r.stdout.strip() == "Dữ liệu hợp lệ: 6 tệp, không có lỗi."


def test_validate_prints_path_line_col_relative_to_cwd(mini: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("head:", "hed:"), encoding="utf-8")
    r = run("validate", cwd=mini)
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert lines[0].startswith("2019/commitments/cam-lo.yaml:1:1: lỗi: thiếu khóa bắt buộc 'head'")
    assert lines[1].startswith("2019/commitments/cam-lo.yaml:3:1: lỗi: khóa 'hed'")
    assert lines[0].endswith("[E008]") and lines[1].endswith("[E005]")
    assert (
        lines[-1] == "6 tệp: 2 lỗi, 0 cảnh báo. Giải thích một mã lỗi: camket validate --explain MÃ"
    )


def test_validate_warnings_only_exit_zero(mini: Path):
    write(
        mini,
        "units.yaml",
        (mini / "units.yaml").read_text(encoding="utf-8")
        + """\
  - id: gio-linh
    name: Huyện ủy Gio Linh
    block: dia-phuong
    collective: Ban Thường vụ Huyện ủy Gio Linh
    head_title: Bí thư Huyện ủy
""",
    )
    r = run("validate", "--data", mini)
    assert r.exit_code == 0
    assert "units.yaml:23:9: cảnh báo: đơn vị 'gio-linh'" in r.stdout
    assert r.stdout.splitlines()[-1].startswith("6 tệp: 0 lỗi, 1 cảnh báo.")


def test_validate_json(mini: Path):
    write(
        mini,
        "2019/year.yaml",
        (mini / "2019/year.yaml")
        .read_text(encoding="utf-8")
        .replace("signed_on: 2019-02-20", "signed_on: 2019-02-30"),
    )
    r = run("validate", "--data", mini, "--json", cwd=mini)
    assert r.exit_code == 1
    [problem] = json.loads(r.stdout)
    assert problem == {
        "path": "2019/year.yaml",
        "line": 3,
        "col": 12,
        "severity": "error",
        "code": "E007",
        "message": "'signed_on': 2019-02-30: tháng 2 năm 2019 chỉ có 28 ngày; hãy sửa lại",
    }


def test_status_json(mini: Path):
    r = run("status", "2019", "--data", mini, "--json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert (data["total"], data["carried_out"], data["late"]) == (7, 5, 3)


def test_status_as_of_accepts_both_date_forms(mini: Path):
    a = json.loads(run("status", "2019", "--data", mini, "--json", "--as-of", "2019-06-30").stdout)
    b = json.loads(run("status", "2019", "--data", mini, "--json", "--as-of", "30/6/2019").stdout)
    assert a == b and a["as_of"] == "2019-06-30" and a["completed"] == 1


def test_status_bad_date(mini: Path):
    r = run("status", "2019", "--data", mini, "--as-of", "2019-13-01")
    assert r.exit_code != 0
    assert "không có tháng 13; tháng chỉ từ 1 đến 12" in r.stderr


def test_status_table(mini: Path):
    r = run("status", "2019", "--data", mini)
    assert r.exit_code == 0
    assert "Kết quả thực hiện cam kết năm 2019 (tính đến 31/12/2019)" in r.stdout
    assert "Huyện ủy Cam Lộ" in r.stdout and "Tổng cộng" in r.stdout
    assert "Đã triển khai thực hiện 5/7 nội dung cam kết; hoàn thành 2/7" in r.stdout
    assert "đạt và vượt 2/3 chỉ tiêu" in r.stdout


def test_status_unit(mini: Path):
    r = run("status", "2019", "--data", mini, "--unit", "cam-lo", "--json")
    data = json.loads(r.stdout)
    assert [u["id"] for b in data["blocks"] for u in b["units"]] == ["cam-lo"]
    r = run("status", "2019", "--data", mini, "--unit", "camlo")
    assert r.exit_code == 1 and "'cam-lo'" in r.stderr


def test_status_refuses_invalid_data_and_prints_no_table(mini: Path):
    """An error in year.yaml touches every unit (a unit's broken file leaves that unit out:
    tests/cli/test_partial.py)."""
    path = mini / "2019/year.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("actual: 7.05}", "actual: bảy}", 1),
        encoding="utf-8",
    )
    r = run("status", "2019", "--data", mini)
    assert r.exit_code == 1
    assert r.stdout == ""
    assert "year.yaml:9:" in r.stderr and "Dữ liệu có lỗi" in r.stderr


def test_status_unknown_year(mini: Path):
    r = run("status", "2031", "--data", mini)
    assert r.exit_code == 1 and "2031" in r.stderr


def test_data_folder_from_environment(mini: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("CAMKET_DATA", str(mini))
    assert run("validate", cwd=tmp_path).exit_code == 0


def test_data_folder_found_upward_and_in_data_subfolder(mini: Path, tmp_path: Path):
    assert run("validate", cwd=mini / "2019" / "commitments").exit_code == 0
    project = tmp_path / "project"
    project.mkdir()
    mini.rename(project / "data")
    assert run("validate", cwd=project).exit_code == 0


def test_no_data_folder_says_how_to_make_one(tmp_path: Path):
    r = run("validate", cwd=tmp_path)
    assert r.exit_code == 1
    assert "camket init" in r.stderr
    r = run("validate", "--data", tmp_path / "nowhere")
    assert r.exit_code == 1 and "camket init" in r.stderr
    r = run("validate", "--data", tmp_path)
    assert r.exit_code == 1 and "camket.yaml" in r.stderr


def test_console_script_runs_without_traceback(mini: Path):
    """The installed entry point, in a real process: help, version, and a bad folder."""
    exe = [sys.executable, "-m", "camket"]
    out = subprocess.run([*exe, "--help"], capture_output=True, text=True, check=True)
    assert "validate" in out.stdout and "status" in out.stdout
    out = subprocess.run([*exe, "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("camket ")
    out = subprocess.run(
        [*exe, "status", "2019", "--data", str(mini / "nope")], capture_output=True, text=True
    )
    assert out.returncode == 1 and "Traceback" not in out.stderr


def test_settings_missing_fields(mini: Path):
    write(mini, "camket.yaml", "body: Ban Thường vụ Tỉnh ủy Quảng Trị\nissuer: Tỉnh ủy Quảng Trị\n")
    r = run("validate", cwd=mini)
    assert r.exit_code == 1
    for key in ("office", "place", "code"):
        assert f"camket.yaml:1:1: lỗi: thiếu khóa bắt buộc '{key}'" in r.stdout


def test_installed_console_script_renders_from_anywhere(tmp_path: Path):
    """The entry point as installed (templates shipped as package data), run outside the repo."""
    import shutil

    from tests.conftest import EMBEDDED_DATA

    exe = shutil.which("camket", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("camket is not installed in this environment")
    out = subprocess.run(
        [exe, "report", "2019", "--data", str(EMBEDDED_DATA), "--date", "2020-01-05"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "bao-cao-cam-ket-2019.docx").stat().st_size > 10_000


def test_help_imports_nothing_heavy():
    """`camket --help` stays fast: the pipeline, pydantic and Word are imported by commands."""
    code = (
        "import sys, camket.cli\n"
        "heavy = [m for m in ('pydantic', 'docx', 'docxtpl', 'yaml', 'camket.reading.models') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_explain():
    r = run("validate", "--explain", "e012")
    assert r.exit_code == 0
    assert r.stdout.startswith("E012 — Tệp không phải một bảng khóa")
    assert "Cách sửa:" in r.stdout and "- dong-ha" in r.stdout
    r = run("validate", "--explain", "E999")
    assert r.exit_code == 1 and "E012" in r.stderr


def test_out_without_suffix_is_a_folder(mini: Path, tmp_path: Path):
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "bao-cao")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "bao-cao" / "bao-cao-cam-ket-2019.docx").is_file()
    r = run("export", "2019", "--data", mini, "--format", "csv", "--out", tmp_path / "xuat")
    assert (tmp_path / "xuat" / "cam-ket-2019.csv").is_file()


def test_english_and_quiet():
    env_run = subprocess.run(
        [sys.executable, "-m", "camket", "--lang", "en", "validate", "--explain", "E999"],
        capture_output=True,
        text=True,
    )
    assert env_run.returncode == 1 and env_run.stderr.startswith("error: there is no code 'E999'")
    import os

    out = subprocess.run(
        [sys.executable, "-m", "camket", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "CAMKET_LANG": "en"},
    )
    assert "manage responsibility commitments" in out.stdout
    out = subprocess.run(
        [sys.executable, "-m", "camket", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "CAMKET_LANG": ""},
    )
    assert "quản lý cam kết trách nhiệm" in out.stdout


def test_quiet_keeps_problems(mini: Path):
    r = run("--quiet", "validate", "--data", mini)
    assert r.exit_code == 0 and r.stdout == ""
    (mini / "2019/commitments/cam-lo.yaml").write_text("unit: cam-lo\n", encoding="utf-8")
    r = run("--quiet", "validate", "--data", mini)
    assert r.exit_code == 1 and "[E008]" in r.stdout


@pytest.mark.parametrize(
    "args",
    [
        [b"record", b"\xff\xfe", b"done"],
        [b"record", b"cam-lo-2019-01", b"done", b"--note", b"ghi ch\xfa"],
        [b"validate", b"--data", b"\xff"],
        [b"status", b"2019", b"--unit", b"\xc3"],
        [b"fix-encoding", b"2019/commitments/c\xe0m-lo.yaml"],
        [b"history", b"cam-lo-2019-\x9b01"],
    ],
)
def test_arguments_that_are_not_utf8_are_refused(mini: Path, args: list[bytes]):
    """POSIX hands Python the raw bytes of the command line: a real process, with bytes."""
    before = {p: p.read_bytes() for p in mini.rglob("*.yaml")}
    out = subprocess.run(
        [sys.executable, "-m", "camket", *args], cwd=mini, capture_output=True, timeout=60
    )
    err = out.stderr.decode("utf-8")
    assert out.returncode == 1, err
    assert "không phải UTF-8" in err and "Traceback" not in err
    position = next(i for i, a in enumerate(args, start=1) if not _is_utf8(a))
    assert f"tham số thứ {position} " in err
    assert {p: p.read_bytes() for p in mini.rglob("*.yaml")} == before


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize(
    "args",
    [
        ["status", "\x1b]0;pwned\x072019"],  # Click would echo it in "not a valid integer"
        ["status", "2019", "--as-of", "2019-\x9b2J01-01"],
        ["fix-encoding", "2019/commitments/x\x1b[31m.yaml"],  # a file name, from a glob
        ["record", "cam-lo-2019-01", "done", "--note", "ghi \u202echú"],
    ],
)
def test_arguments_with_control_characters_are_refused(mini: Path, args: list[str]):
    before = {p: p.read_bytes() for p in mini.rglob("*.yaml")}
    out = subprocess.run(
        [sys.executable, "-m", "camket", *args], cwd=mini, capture_output=True, timeout=60
    )
    err = out.stderr.decode("utf-8")
    assert out.returncode == 1, err
    assert "ký tự điều khiển" in err and "Traceback" not in err
    assert not any(ch in err for ch in "\x1b\x07\x9b\u202e")
    assert {p: p.read_bytes() for p in mini.rglob("*.yaml")} == before
