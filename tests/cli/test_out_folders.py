"""--out into a folder that does not exist yet: every command that writes makes it, with its
parents, whether --out names the folder or a file inside it; a file in the way is refused
clearly, and nothing is written."""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run


def docx_ok(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        assert "word/document.xml" in z.namelist()


def test_report_into_new_folders(mini: Path, tmp_path: Path):
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "bao-cao" / "2019")
    assert r.exit_code == 0, r.stderr
    docx_ok(tmp_path / "bao-cao/2019/bao-cao-cam-ket-2019.docx")
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "moi/nam-2019/bc.docx")
    assert r.exit_code == 0, r.stderr
    docx_ok(tmp_path / "moi/nam-2019/bc.docx")


def test_sheets_into_new_folders(mini: Path, tmp_path: Path):
    r = run("sheets", "2019", "dong-ha", "--data", mini, "--out", tmp_path / "ky/2019")
    assert r.exit_code == 0, r.stderr
    docx_ok(tmp_path / "ky/2019/cam-ket-2019-dong-ha.docx")
    combined = tmp_path / "gop/2019/tat-ca.docx"
    r = run("sheets", "2019", "--combined", "--data", mini, "--out", combined)
    assert r.exit_code == 0, r.stderr
    docx_ok(combined)


def test_export_into_new_folders(mini: Path, tmp_path: Path):
    r = run("export", "2019", "--data", mini, "--out", tmp_path / "xuat/2019/bang.csv")
    assert r.exit_code == 0, r.stderr
    assert "dong-ha-2019-01" in (tmp_path / "xuat/2019/bang.csv").read_text(encoding="utf-8-sig")
    r = run("export", "2019", "--data", mini, "--out", tmp_path / "excel/2019")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "excel/2019/cam-ket-2019.xlsx").read_bytes().startswith(b"PK")


def test_forms_chart_and_schemas_into_new_folders(mini: Path, tmp_path: Path):
    r = run("forms", "2019", "--quarter", "3", "--data", mini, "--out", tmp_path / "phieu/q3")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "phieu/q3/tien-do-2019-q3-dong-ha.xlsx").read_bytes().startswith(b"PK")
    chart = tmp_path / "bieu-do/2019/ket-qua.png"
    r = run("status", "2019", "--data", mini, "--chart", chart)
    assert r.exit_code == 0, r.stderr
    assert chart.read_bytes().startswith(b"\x89PNG")
    r = run("schema", "--out", tmp_path / "luoc-do/moi")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "luoc-do/moi/commitments.schema.json").is_file()


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["sheets", "2019", "dong-ha"], "dong-ha.docx"),
        (["forms", "2019", "--quarter", "3"], "phieu.xlsx"),
        (["schema"], "luoc-do.json"),
    ],
)
def test_a_file_name_where_a_folder_of_files_goes(
    mini: Path, tmp_path: Path, command: list[str], name: str
):
    data = ["--data", mini] if command[0] != "schema" else []
    r = run(*command, *data, "--out", tmp_path / "moi" / name)
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert "là một tệp hoặc tên tệp" in r.stderr and "--out tên một thư mục" in r.stderr
    assert not (tmp_path / "moi").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["report", "2019", "--out", "{file}/bc.docx"],
        ["export", "2019", "--out", "{file}/x/bang.csv"],
        ["sheets", "2019", "dong-ha", "--out", "{file}/ky"],
        ["forms", "2019", "--quarter", "3", "--out", "{file}"],
        ["status", "2019", "--chart", "{file}/c.png"],
        ["schema", "--out", "{file}/luoc-do"],
    ],
)
def test_a_file_in_the_way_is_refused_clearly(mini: Path, tmp_path: Path, command: list[str]):
    blocking = tmp_path / "ghi-chu.txt"
    blocking.write_text("của văn thư\n", encoding="utf-8")
    args = [a.replace("{file}", str(blocking)) for a in command]
    data = ["--data", str(mini)] if command[0] != "schema" else []
    r = run(*args, *data)
    assert r.exit_code == 1, r.stdout
    assert "Traceback" not in r.stderr and "ghi-chu.txt" in r.stderr
    assert blocking.read_text(encoding="utf-8") == "của văn thư\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ghi-chu.txt", "mini"]


def test_a_document_open_in_word_is_named(mini: Path, tmp_path: Path, monkeypatch):
    """Windows refuses to replace a file Word holds open (PermissionError); the clerk is told
    to close it. Simulated: Linux has no such lock."""
    out = tmp_path / "bc.docx"
    out.write_bytes(b"the report Word has open")

    def locked(path: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr("camket.atomic.write_bytes", locked)
    r = run("report", "2019", "--data", mini, "--out", out)
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert "đang mở trong Word hoặc Excel, hãy đóng tệp" in r.stderr
    assert out.read_bytes() == b"the report Word has open"
