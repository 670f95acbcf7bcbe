"""The validate cache: used only for a folder whose files have not changed since."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import run


def validate(folder: Path) -> list[dict]:
    r = run("validate", "--data", folder, "--json")
    return json.loads(r.stdout)


def entries() -> list[Path]:
    return sorted(Path(os.environ["CAMKET_CACHE_DIR"]).glob("validate-*.json"))


def test_warm_result_is_the_cold_one(mini: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("head:", "hed:"), encoding="utf-8")
    cold = validate(mini)
    assert len(entries()) == 1
    assert validate(mini) == cold and len(entries()) == 1
    assert (
        run("validate", "--data", mini, "--no-cache", "--json").stdout
        == run("validate", "--data", mini, "--json").stdout
    )


@pytest.mark.parametrize("change", ["edit", "add", "remove", "rename", "today", "lang"])
def test_any_change_is_seen(mini: Path, monkeypatch: pytest.MonkeyPatch, change: str):
    assert validate(mini) == []
    commitments = mini / "2019/commitments"
    if change == "edit":
        p = commitments / "cam-lo.yaml"
        p.write_text(p.read_text(encoding="utf-8").replace("head:", "hed:"), encoding="utf-8")
        assert {p["code"] for p in validate(mini)} == {"E005", "E008"}
    elif change == "add":
        shutil.copy(commitments / "cam-lo.yaml", commitments / "gio-linh.yaml")
        assert "E104" in {p["code"] for p in validate(mini)}
    elif change == "remove":
        (commitments / "cam-lo.yaml").unlink()
        assert {p["code"] for p in validate(mini)} == {"W101", "E115"}
    elif change == "rename":
        (commitments / "cam-lo.yaml").rename(commitments / "cam-lo2.yaml")
        assert "E104" in {p["code"] for p in validate(mini)}
    elif change == "today":
        monkeypatch.setenv("CAMKET_TODAY", "2019-10-01")
        assert "E111" in {p["code"] for p in validate(mini)}
    else:
        p = commitments / "cam-lo.yaml"
        p.write_text(p.read_text(encoding="utf-8").replace("head:", "hed:"), encoding="utf-8")
        vietnamese = validate(mini)
        import subprocess
        import sys

        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "camket",
                "--lang",
                "en",
                "validate",
                "--data",
                str(mini),
                "--json",
            ],
            capture_output=True,
            text=True,
        )
        english = json.loads(out.stdout)
        assert english[0]["message"] != vietnamese[0]["message"]
    assert len(entries()) == (3 if change == "lang" else 2)  # lang: clean, vi, en


def test_a_broken_cache_is_ignored(mini: Path):
    validate(mini)
    [entry] = entries()
    entry.write_text("{not json", encoding="utf-8")
    assert validate(mini) == []


def test_an_unwritable_cache_does_not_matter(
    mini: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CAMKET_CACHE_DIR", str(blocker / "cache"))
    assert run("validate", "--data", mini).exit_code == 0
