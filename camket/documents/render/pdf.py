"""PDF through LibreOffice, when it is installed: `soffice --headless --convert-to pdf`.

A private LibreOffice profile per run keeps two conversions (or an open LibreOffice window)
from stepping on each other.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from camket.errors import CamketError
from camket.i18n import _

HOW_TO_INSTALL = _(
    "cần LibreOffice để xuất PDF. Cài đặt: trên Ubuntu/Debian `sudo apt install "
    "libreoffice-writer`; trên Windows và macOS tải tại https://www.libreoffice.org/ rồi chạy "
    "lại lệnh. Tệp .docx vẫn đã được ghi và in được bằng Word."
)


class PdfError(CamketError):
    """No LibreOffice, or it failed; the message says what to do."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx: Path, timeout: int = 180) -> Path:
    exe = soffice()
    if exe is None:
        raise PdfError(HOW_TO_INSTALL)
    with tempfile.TemporaryDirectory(prefix="camket-lo-") as profile:
        result = subprocess.run(
            [
                exe,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(docx.parent),
                str(docx),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    pdf = docx.with_suffix(".pdf")
    if result.returncode != 0 or not pdf.is_file():
        raise PdfError(
            _("LibreOffice không chuyển được {name} sang PDF: {err}").format(
                name=docx.name, err=(result.stderr or result.stdout).strip()[:300]
            )
        )
    return pdf
