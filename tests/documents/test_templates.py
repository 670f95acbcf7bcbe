"""The default templates are what templates/build.py writes, and ship with the package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from camket.documents.render.template import DEFAULTS, default, find
from tests.conftest import REPO


def test_committed_templates_are_the_build_scripts_output(tmp_path: Path):
    subprocess.run([sys.executable, str(REPO / "templates/build.py"), str(tmp_path)], check=True)
    for name in DEFAULTS.values():
        assert (tmp_path / name).read_bytes() == (REPO / "templates" / name).read_bytes(), (
            f"templates/{name} is stale: run python templates/build.py"
        )


def test_template_lookup_order(tmp_path: Path):
    assert default("bao-cao.docx").is_file()
    assert find("report", None, None, tmp_path) == default("bao-cao.docx")
    local = tmp_path / "templates" / "bao-cao.docx"
    local.parent.mkdir()
    local.write_bytes(default("bao-cao.docx").read_bytes())
    assert find("report", None, None, tmp_path) == local
    configured = tmp_path / "mau.docx"
    configured.write_bytes(b"x")
    assert find("report", None, "mau.docx", tmp_path) == configured
    explicit = tmp_path / "khac.docx"
    explicit.write_bytes(b"x")
    assert find("report", explicit, "mau.docx", tmp_path) == explicit
