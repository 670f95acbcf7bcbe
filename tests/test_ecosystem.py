"""init, schema and pre-commit: camket where offices and maintainers already work."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from camket import pipeline
from camket.reading.files import read_file
from camket.reading.schema import KINDS, schema
from tests.conftest import ASSETS, EMBEDDED_DATA, REPO, run, write


def test_init_makes_a_folder_that_validates_at_once(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CAMKET_TODAY", "2026-03-01")
    target = tmp_path / "du-lieu"
    r = run("init", target)
    assert r.exit_code == 0, r.stderr
    for rel in (
        "camket.yaml",
        "units.yaml",
        "2026/year.yaml",
        "2026/commitments/don-vi-mau.yaml",
        "README.md",
        ".gitignore",
        ".gitattributes",
        ".pre-commit-config.yaml",
        ".gitlab-ci.yml",
        ".vscode/settings.json",
        "schemas/commitments.schema.json",
    ):
        assert (target / rel).is_file(), rel
    assert "*.yaml text eol=lf" in (target / ".gitattributes").read_text()
    assert "*.docx binary" in (target / ".gitattributes").read_text()
    assert "*.docx" in (target / ".gitignore").read_text()
    assert "camket validate" in (target / ".pre-commit-config.yaml").read_text()
    assert "Thêm một đơn vị" in (target / "README.md").read_text(encoding="utf-8")
    first = (target / "2026/commitments/don-vi-mau.yaml").read_text(encoding="utf-8")
    assert first.startswith("# yaml-language-server: $schema=../../schemas/commitments.schema.json")
    # no error; the warnings ask for the signers' names, which a new folder cannot know, and
    # point at the examples to replace (the unit, the theme, the example head)
    problems = pipeline.load_and_check(target)[1]
    assert sorted((p.code, p.path.name) for p in problems) == [
        ("W102", "camket.yaml"),
        ("W102", "camket.yaml"),
        ("W104", "don-vi-mau.yaml"),
        ("W104", "units.yaml"),
        ("W104", "year.yaml"),
    ]
    assert run("validate", "--data", target).exit_code == 0
    if shutil.which("git"):
        log = subprocess.run(
            ["git", "-C", str(target), "log", "--format=%s"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert log.strip() == "camket init: thư mục dữ liệu mới"
        status = subprocess.run(
            ["git", "-C", str(target), "status", "--porcelain"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert status == ""
    assert run("report", "2026", "--data", target, "--out", tmp_path / "r.docx").exit_code == 0
    again = run("init", target)
    assert again.exit_code == 1 and "đã có tệp" in again.stderr


def test_init_a_new_year_carries_unfinished_items(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(EMBEDDED_DATA, data)
    r = run("init", data, "--from", data, "--year", "2021")
    assert r.exit_code == 0, r.stderr
    project, problems = pipeline.load_and_check(data)
    assert [p for p in problems if p.is_error] == []
    old = project.years[2020]
    new = project.years[2021]
    assert set(new.commitments) <= {u.id for u in project.units_in(2021)}
    carried = [i for c in new.commitments.values() for i in c.items()]
    from camket.counting.tally import tally

    unfinished = [
        s.item.id for s in tally(project, 2020, dt.date(2020, 12, 31)).items if s.status != "done"
    ]
    assert sorted(i.carried_from for i in carried) == sorted(unfinished)
    by_id = {i.id: i for c in old.commitments.values() for i in c.items()}
    assert all(by_id[i.carried_from].text == i.text and not i.progress for i in carried)
    assert new.commitments["dong-ha"].head == old.commitments["dong-ha"].head
    r = run("init", data, "--from", data, "--year", "2021")
    assert r.exit_code == 1 and "đã có" in r.stderr


def plain(value: Any) -> Any:
    """Read values as JSON would carry them (what an editor's schema check sees)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def kind_of(path: Path) -> str:
    if path.name in ("camket.yaml", "units.yaml"):
        return path.stem
    if path.name in ("year.yaml", "seal.yaml"):
        return path.stem
    return "commitments"


def schema_accepts(path: Path) -> bool:
    value, _ = read_file(path)
    validator = jsonschema.Draft202012Validator(schema(kind_of(path)))
    return validator.is_valid(plain(value))


def test_schemas_are_2020_12_and_the_data_passes_them():
    for kind in KINDS:
        jsonschema.Draft202012Validator.check_schema(schema(kind))
        assert schema(kind)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    files = [p for p in EMBEDDED_DATA.rglob("*.yaml")]
    assert len(files) > 100
    for path in files:
        assert schema_accepts(path), path


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("2019/commitments/cam-lo.yaml", "progress:", "progres:"),
        ("2019/commitments/cam-lo.yaml", "year: 2019", "year: hai"),
        ("2019/commitments/cam-lo.yaml", "head: Đào Mạnh Hùng\n", ""),
        ("2019/commitments/cam-lo.yaml", "status: not_done", "status: xong"),
        ("2019/year.yaml", "better: lower", "better: cao"),
        ("units.yaml", "block: so-nganh", "block: [so-nganh]"),
        ("camket.yaml", "code: TU", "code: 12"),
    ],
)
def test_schema_and_loader_agree(tmp_path: Path, rel: str, old: str, new: str):
    folder = tmp_path / "mini"
    shutil.copytree(ASSETS / "mini", folder)
    path = folder / rel
    assert schema_accepts(path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    write(folder, rel, text.replace(old, new, 1))
    assert not schema_accepts(path)
    assert [p for p in pipeline.load_and_check(folder)[1] if p.is_error and p.path == path]


def test_schema_command(tmp_path: Path):
    r = run("schema", "commitments")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["title"] == "camket: YEAR/commitments/UNIT.yaml"
    assert run("schema", "--out", tmp_path).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{k}.schema.json" for k in KINDS)
    assert run("schema", "khac").exit_code == 1


def _index_reachable() -> bool:
    """pre-commit installs the hook's dependencies from the package index pip is set to use."""
    probe = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--quiet",
            "--dest",
            tempfile.mkdtemp(),
            "six",
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    return probe.returncode == 0


def _working_tree_repository(target: Path) -> str:
    """camket as it stands in this working tree (committed or not), as a git repository
    pre-commit can install the hook from; returns its commit."""
    ignore = shutil.ignore_patterns(".git", ".venv", "*.egg-info", "__pycache__", "build", "data")
    shutil.copytree(REPO, target, ignore=ignore)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@x",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@x",
    }
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run(["git", "-C", str(target), *args], check=True, env=env, capture_output=True)
    return subprocess.run(
        ["git", "-C", str(target), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hook_refuses_a_bad_commit(tmp_path: Path):
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (it is in the test extras)")
    if not _index_reachable():
        pytest.skip("no package index is reachable: pre-commit installs the hook's dependencies")
    source = tmp_path / "camket-src"
    commit = _working_tree_repository(source)
    data = tmp_path / "data"
    assert run("init", data).exit_code == 0
    write(
        data,
        ".pre-commit-config.yaml",
        f"repos:\n  - repo: {source}\n    rev: {commit}\n    hooks:\n      - id: camket-validate\n",
    )
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "VT",
        "GIT_AUTHOR_EMAIL": "vt@x",
        "GIT_COMMITTER_NAME": "VT",
        "GIT_COMMITTER_EMAIL": "vt@x",
    }
    env.pop("CAMKET_DATA", None)

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["git", "-C", str(data), *args], capture_output=True, text=True, env=env
        )

    subprocess.run([pre_commit, "install"], cwd=data, check=True, env=env, capture_output=True)
    year = next(p for p in data.iterdir() if p.name.isdigit())
    bad = year / "commitments/don-vi-mau.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("head:", "hed:"), encoding="utf-8")
    git("add", ".")
    refused = git("commit", "-m", "dữ liệu sai")
    assert refused.returncode != 0
    assert "camket validate" in refused.stdout + refused.stderr
    assert "thiếu khóa bắt buộc 'head'" in refused.stdout + refused.stderr
    bad.write_text(bad.read_text(encoding="utf-8").replace("hed:", "head:"), encoding="utf-8")
    git("add", ".")
    assert git("commit", "-m", "dữ liệu đúng").returncode == 0


def test_init_a_new_year_into_a_new_folder_sets_it_up(tmp_path: Path):
    target = tmp_path / "nam-moi"
    r = run("init", target, "--from", EMBEDDED_DATA, "--year", "2021")
    assert r.exit_code == 0, r.stderr
    for rel in (
        "README.md",
        ".gitignore",
        ".gitattributes",
        ".pre-commit-config.yaml",
        "schemas/commitments.schema.json",
        "camket.yaml",
        "units.yaml",
    ):
        assert (target / rel).is_file(), rel
    assert [p for p in pipeline.load_and_check(target)[1] if p.is_error] == []
