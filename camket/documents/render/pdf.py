"""PDF through LibreOffice, when it is installed: `soffice --headless --convert-to pdf`.

LibreOffice is looked for where a clerk's machine has it: CAMKET_SOFFICE when set, then
`soffice` or `libreoffice` on the PATH, then where its installers put it (Windows and macOS
installers do not touch the PATH; the packages from libreoffice.org for Linux go to /opt).
A private LibreOffice profile per run keeps two conversions (or an open LibreOffice window)
from stepping on each other.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from camket.errors import CamketError
from camket.i18n import _

OVERRIDE = "CAMKET_SOFFICE"


class PdfError(CamketError):
    """No LibreOffice, or it failed; the message says what to do."""


def places(platform: str | None = None, environ: Mapping[str, str] | None = None) -> list[Path]:
    """Where LibreOffice's installers put soffice on `platform` (sys.platform by default)."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    if platform == "win32":
        bases = [
            environ.get("ProgramFiles") or r"C:\Program Files",
            environ.get("ProgramW6432") or "",  # the 64-bit folder, seen from a 32-bit Python
            environ.get("ProgramFiles(x86)") or r"C:\Program Files (x86)",
        ]
        found = [Path(b, "LibreOffice", "program", "soffice.exe") for b in bases if b]
    elif platform == "darwin":
        app = Path("LibreOffice.app", "Contents", "MacOS", "soffice")
        found = [Path("/Applications") / app]
        if environ.get("HOME"):
            found.append(Path(environ["HOME"], "Applications") / app)
    else:  # libreoffice.org's own packages: /opt/libreoffice7.6/program/soffice, newest first
        found = sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)
    return list(dict.fromkeys(found))


def soffice(platform: str | None = None, environ: Mapping[str, str] | None = None) -> str | None:
    """LibreOffice's program, or None; CAMKET_SOFFICE (a path or a command) when it is set."""
    environ = os.environ if environ is None else environ
    override = environ.get(OVERRIDE)
    if override:
        return shutil.which(override)
    on_path = shutil.which("soffice") or shutil.which("libreoffice")
    if on_path:
        return on_path
    return next((str(p) for p in places(platform, environ) if p.is_file()), None)


def not_found(platform: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Where LibreOffice was looked for, and how to install it or point camket at it."""
    environ = os.environ if environ is None else environ
    override = environ.get(OVERRIDE)
    if override:
        return _(
            "biến môi trường {var} chỉ tới '{path}', nhưng đó không phải chương trình chạy "
            "được; hãy ghi đúng đường dẫn tới tệp soffice của LibreOffice (trên Windows: "
            "C:\\Program Files\\LibreOffice\\program\\soffice.exe), hoặc xóa biến đó, rồi "
            "chạy lại. Tệp .docx vẫn đã được ghi và in được bằng Word."
        ).format(var=OVERRIDE, path=override)
    looked = [_("lệnh soffice và libreoffice trong PATH")]
    looked += [str(p) for p in places(platform, environ)]
    return _(
        "cần LibreOffice để xuất PDF, nhưng không tìm thấy (đã tìm: {places}). Hãy cài "
        "LibreOffice: trên Windows và macOS tải tại https://www.libreoffice.org/download/, trên "
        "Ubuntu/Debian chạy `sudo apt install libreoffice-writer`; đã cài ở chỗ khác thì đặt "
        "biến môi trường {var} là đường dẫn tới tệp soffice; rồi chạy lại lệnh. Tệp .docx vẫn "
        "đã được ghi và in được bằng Word."
    ).format(places="; ".join(looked), var=OVERRIDE)


def convert(docx: Path, timeout: int = 180) -> Path:
    exe = soffice()
    if exe is None:
        raise PdfError(not_found())
    with tempfile.TemporaryDirectory(prefix="camket-lo-") as profile:
        try:
            result = subprocess.run(
                [
                    exe,
                    # a URL LibreOffice reads on every system (file:///C:/… on Windows)
                    f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(docx.parent),
                    str(docx),
                ],
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(
                _(
                    "LibreOffice chưa chuyển xong {name} sang PDF sau {n} giây; hãy đóng các cửa "
                    "sổ LibreOffice đang mở rồi chạy lại. Tệp .docx vẫn đã được ghi."
                ).format(name=docx.name, n=timeout)
            ) from None
        except OSError as e:
            raise PdfError(
                _(
                    "không chạy được LibreOffice ({exe}): {e}; hãy cài lại LibreOffice (hoặc sửa "
                    "biến môi trường {var}) rồi chạy lại. Tệp .docx vẫn đã được ghi."
                ).format(exe=exe, e=e.strerror or e, var=OVERRIDE)
            ) from None
    pdf = docx.with_suffix(".pdf")
    if result.returncode != 0 or not pdf.is_file():
        # LibreOffice speaks the system's encoding (not UTF-8 on Windows): bytes, read leniently
        said = (result.stderr or result.stdout).decode("utf-8", "replace").strip()[:300]
        raise PdfError(
            _("LibreOffice không chuyển được {name} sang PDF: {err}").format(
                name=docx.name, err=said
            )
        )
    return pdf
