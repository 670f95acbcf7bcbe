"""LibreOffice is found where a clerk's machine has it, not only on the PATH: where the Windows
and macOS installers put it, or where CAMKET_SOFFICE says; when it is nowhere, the message
names where camket looked and how to install it.

The installs are laid out in tmp_path as each installer lays them out; the programs in them
are small shell scripts that make a PDF as LibreOffice would (POSIX only).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from camket.documents.render import pdf
from tests.conftest import run

posix_only = pytest.mark.skipif(os.name == "nt", reason="the stand-in soffice is a shell script")

# What `soffice --headless --convert-to pdf --outdir DIR FILE.docx` does, as far as camket
# can tell: FILE.pdf in DIR; and the arguments it was given, for the test to read.
FAKE = """#!/bin/sh
printf '%s\\n' "$@" > "{log}"
outdir=""
while [ $# -gt 1 ]; do
    if [ "$1" = "--outdir" ]; then outdir="$2"; fi
    shift
done
name=${{1##*/}}
name=${{name%.docx}}
printf '%%PDF-1.7 stand-in\\n' > "$outdir/$name.pdf"
"""


def executable(path: Path, text: str = "#!/bin/sh\nexit 0\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture
def no_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """No LibreOffice on the PATH (the Windows and macOS installers never put it there)."""
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv(pdf.OVERRIDE, raising=False)


@posix_only
def test_windows_program_files(tmp_path: Path, no_path):
    program_files = tmp_path / "Program Files"
    exe = executable(program_files / "LibreOffice" / "program" / "soffice.exe")
    env = {"ProgramFiles": str(program_files), "ProgramFiles(x86)": str(tmp_path / "x86")}
    assert pdf.soffice("win32", env) == str(exe)


@posix_only
def test_windows_program_files_x86(tmp_path: Path, no_path):
    x86 = tmp_path / "Program Files (x86)"
    exe = executable(x86 / "LibreOffice" / "program" / "soffice.exe")
    env = {"ProgramFiles": str(tmp_path / "Program Files"), "ProgramFiles(x86)": str(x86)}
    assert pdf.soffice("win32", env) == str(exe)


def test_windows_places_without_the_variables():
    assert pdf.places("win32", {}) == [
        Path(r"C:\Program Files", "LibreOffice", "program", "soffice.exe"),
        Path(r"C:\Program Files (x86)", "LibreOffice", "program", "soffice.exe"),
    ]


@posix_only
def test_macos_applications(tmp_path: Path, no_path):
    assert Path("/Applications/LibreOffice.app/Contents/MacOS/soffice") in pdf.places("darwin", {})
    home = tmp_path / "home"  # dragged into the clerk's own Applications folder
    exe = executable(home / "Applications/LibreOffice.app/Contents/MacOS/soffice")
    assert pdf.soffice("darwin", {"HOME": str(home)}) == str(exe)


@posix_only
def test_the_path_comes_first(tmp_path: Path, monkeypatch):
    on_path = executable(tmp_path / "bin" / "soffice")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.delenv(pdf.OVERRIDE, raising=False)
    program_files = tmp_path / "Program Files"
    executable(program_files / "LibreOffice" / "program" / "soffice.exe")
    assert pdf.soffice("win32", {"ProgramFiles": str(program_files)}) == str(on_path)


def test_nowhere_names_where_it_looked(tmp_path: Path, no_path):
    env = {"ProgramFiles": str(tmp_path / "PF"), "ProgramFiles(x86)": str(tmp_path / "PF86")}
    assert pdf.soffice("win32", env) is None
    message = pdf.not_found("win32", env)
    assert str(tmp_path / "PF" / "LibreOffice" / "program" / "soffice.exe") in message
    assert str(tmp_path / "PF86" / "LibreOffice" / "program" / "soffice.exe") in message
    assert "PATH" in message and "https://www.libreoffice.org/download/" in message
    assert "CAMKET_SOFFICE" in message
    assert "/Applications/LibreOffice.app/Contents/MacOS/soffice" in pdf.not_found("darwin", {})


@posix_only
def test_camket_soffice_makes_the_pdf_through_the_cli(mini: Path, tmp_path: Path, monkeypatch):
    log = tmp_path / "args.txt"
    exe = executable(tmp_path / "Lib Office" / "soffice", FAKE.format(log=log))
    monkeypatch.setenv("PATH", "")
    monkeypatch.setenv(pdf.OVERRIDE, str(exe))
    out = tmp_path / "bc.docx"
    r = run("report", "2019", "--data", mini, "--out", out, "--pdf")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "bc.pdf").read_bytes() == b"%PDF-1.7 stand-in\n"
    assert f"Đã ghi PDF: {tmp_path / 'bc.pdf'}" in r.stdout
    args = log.read_text(encoding="utf-8").splitlines()
    profile = next(a for a in args if a.startswith("-env:UserInstallation="))
    assert profile.startswith("-env:UserInstallation=file:///")  # a URL on every system
    assert args[-1] == str(out) and "--headless" in args


def test_camket_soffice_pointing_nowhere(mini: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv(pdf.OVERRIDE, str(tmp_path / "khong-co" / "soffice.exe"))
    out = tmp_path / "bc.docx"
    r = run("report", "2019", "--data", mini, "--out", out, "--pdf")
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert "CAMKET_SOFFICE" in r.stderr and "khong-co" in r.stderr
    assert out.is_file() and not (tmp_path / "bc.pdf").exists()


def test_no_libreoffice_anywhere_through_the_cli(mini: Path, tmp_path: Path, no_path, monkeypatch):
    looked = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    monkeypatch.setattr(pdf, "places", lambda platform=None, environ=None: [looked])
    out = tmp_path / "bc.docx"
    r = run("report", "2019", "--data", mini, "--out", out, "--pdf")
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert "không tìm thấy" in r.stderr and str(looked) in r.stderr
    assert "https://www.libreoffice.org/download/" in r.stderr
    assert out.is_file() and not (tmp_path / "bc.pdf").exists()
    r = run("sheets", "2019", "dong-ha", "--data", mini, "--out", tmp_path / "ky", "--pdf")
    assert r.exit_code == 1 and str(looked) in r.stderr
    assert (tmp_path / "ky/cam-ket-2019-dong-ha.docx").is_file()


@posix_only
def test_libreoffice_that_fails_or_hangs(mini: Path, tmp_path: Path, monkeypatch):
    """Its complaint in the system's 8-bit encoding, or no answer: a message, not a crash."""
    docx = tmp_path / "bc.docx"
    assert run("report", "2019", "--data", mini, "--out", docx).exit_code == 0
    failing = executable(
        tmp_path / "hong" / "soffice", "#!/bin/sh\nprintf 'L\\341i: \\377\\n' >&2\nexit 77\n"
    )
    monkeypatch.setenv(pdf.OVERRIDE, str(failing))
    with pytest.raises(
        pdf.PdfError, match=re.escape("không chuyển được bc.docx sang PDF: L\ufffdi: \ufffd")
    ):
        pdf.convert(docx)
    hanging = executable(tmp_path / "treo" / "soffice", "#!/bin/sh\nexec sleep 30\n")
    monkeypatch.setenv(pdf.OVERRIDE, str(hanging))
    with pytest.raises(pdf.PdfError, match="sau 1 giây"):
        pdf.convert(docx, timeout=1)
