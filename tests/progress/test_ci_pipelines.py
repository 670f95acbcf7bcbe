"""The CI files `camket init` writes, run for real: the GitLab pipeline with gitlab-ci-local,
the GitHub (Gitea, Forgejo) workflow through actionlint."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests import ci_tools
from tests.conftest import REPO, run

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
GIT = ("-c", "user.name=VT", "-c", "user.email=vt@x")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *GIT, *args], capture_output=True, text=True, check=True
    ).stdout


def year_of(folder: Path) -> str:
    return next(p.name for p in folder.iterdir() if re.fullmatch(r"\d{4}", p.name))


@pytest.mark.parametrize(
    ("ci", "written", "absent"),
    [
        (None, ".gitlab-ci.yml", ".github"),
        ("gitlab", ".gitlab-ci.yml", ".github"),
        ("github", ".github/workflows/camket.yml", ".gitlab-ci.yml"),
        ("none", None, ".gitlab-ci.yml"),
    ],
)
def test_init_writes_the_ci_file_asked_for(tmp_path: Path, ci, written, absent):
    target = tmp_path / "du-lieu"
    r = run("init", target, *(["--ci", ci] if ci else []))
    assert r.exit_code == 0, r.stderr
    if written:
        assert (target / written).is_file()
        tracked = git(target, "ls-files").split()
        assert written in tracked  # committed with the rest
    assert not (target / absent).exists()
    assert git(target, "status", "--porcelain") == ""


def test_init_refuses_an_unknown_server(tmp_path: Path):
    r = run("init", tmp_path / "x", "--ci", "bitbucket")
    assert r.exit_code == 1 and "--ci nhận một trong: gitlab, github, none" in r.stderr
    assert not (tmp_path / "x").exists()


def test_github_workflow_passes_actionlint(tmp_path: Path):
    actionlint, why = ci_tools.actionlint()
    if actionlint is None:
        pytest.skip(why)
    target = tmp_path / "du-lieu"
    assert run("init", target, "--ci", "github").exit_code == 0
    out = subprocess.run([actionlint], cwd=target, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout == ""
    # and actionlint does find a mistake in it (it really read the file)
    workflow = target / ".github/workflows/camket.yml"
    workflow.write_text(
        workflow.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs-on: [", 1),
        encoding="utf-8",
    )
    bad = subprocess.run([actionlint], cwd=target, capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and "camket.yml" in bad.stdout


# --- the GitLab pipeline, run by gitlab-ci-local ------------------------------------------


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """camket from this working tree, and what it needs, as wheels: the pipeline installs from
    here (`--no-index`), so its runs need no network."""
    tool, why = ci_tools.gitlab_ci_local()
    if tool is None:
        pytest.skip(why)
    folder = tmp_path_factory.mktemp("wheels")
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--wheel-dir", str(folder), str(REPO)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if out.returncode != 0:
        pytest.skip(f"could not build the wheels the pipeline installs: {out.stderr[-400:]}")
    return folder


def pipeline(repo: Path, wheels: Path, *args: str) -> subprocess.CompletedProcess:
    tool, _why = ci_tools.gitlab_ci_local()
    assert tool is not None
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CI_", "GITLAB_"))}
    return subprocess.run(
        [
            tool,
            "--force-shell-executor",  # the jobs run here, not in the python:3.12 image
            "--no-color",
            "--home",
            str(repo.parent / "glcl-home"),
            "--variable",
            f"CAMKET_PIP_SPEC=--no-index --find-links {wheels} camket",
            *args,
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def artifact(repo: Path, job: str, name: str) -> Path:
    return repo / ".gitlab-ci-local" / "artifacts" / job / name


def test_gitlab_pipeline_passes_fails_on_a_bad_edit_and_prints_on_a_seal(
    tmp_path: Path, wheels: Path
):
    repo = tmp_path / "du-lieu"
    assert run("init", repo).exit_code == 0
    year = year_of(repo)
    git(repo, "config", "user.name", "VT")
    git(repo, "config", "user.email", "vt@x")

    clean = pipeline(repo, wheels)
    assert clean.returncode == 0, clean.stdout[-3000:] + clean.stderr[-2000:]
    assert re.search(r"PASS\s+kiem-tra", clean.stdout)
    quality = json.loads(artifact(repo, "kiem-tra", "gl-code-quality-report.json").read_text())
    assert [i["severity"] for i in quality if i["severity"] == "major"] == []
    junit = ET.parse(artifact(repo, "kiem-tra", "camket-junit.xml")).getroot()
    assert junit.get("failures") == "0" and int(junit.get("tests")) >= 4

    rel = f"{year}/commitments/don-vi-mau.yaml"
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("head:")].count("\n") + 1
    path.write_text(text.replace("head:", "hed:"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "sửa nhầm")
    broken = pipeline(repo, wheels)
    assert broken.returncode != 0
    assert re.search(r"FAIL\s+kiem-tra", broken.stdout)
    quality = json.loads(artifact(repo, "kiem-tra", "gl-code-quality-report.json").read_text())
    e005 = [(i["severity"], i["location"]) for i in quality if i["check_name"] == "E005"]
    assert e005 == [("major", {"path": rel, "lines": {"begin": line}})]
    cases = ET.parse(artifact(repo, "kiem-tra", "camket-junit.xml")).getroot().iter("testcase")
    [failed] = [c for c in cases if c.find("failure") is not None]
    assert failed.get("name") == rel
    assert f"{rel}:{line}:1: lỗi: khóa 'hed'" in failed.find("failure").text

    path.write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "sửa lại")
    sealed = run("seal", year, "--data", repo)
    assert sealed.exit_code == 0, sealed.stderr
    tagged = pipeline(
        repo,
        wheels,
        "--variable",
        f"CI_COMMIT_TAG=cam-ket-{year}",
        "--variable",
        f"CAMKET_YEAR={year}",
        "--manual",
        "bao-cao",
    )
    assert tagged.returncode == 0, tagged.stdout[-3000:] + tagged.stderr[-2000:]
    for job in ("kiem-tra", "ban-cam-ket", "bao-cao"):
        assert re.search(rf"PASS\s+{job}", tagged.stdout), job
    sheet = artifact(repo, "ban-cam-ket", f"ban-cam-ket/cam-ket-{year}-don-vi-mau.docx")
    report = artifact(repo, "bao-cao", f"bao-cao/bao-cao-cam-ket-{year}.docx")
    assert sheet.stat().st_size > 10_000 and report.stat().st_size > 10_000


def test_gitlab_pipeline_of_a_province_checks_its_districts(tmp_path: Path, wheels: Path):
    from camket.progress import ci
    from tests.cascade_repos import province

    repo = province(tmp_path)
    (repo / ".gitlab-ci.yml").write_text(ci.GITLAB_CI, encoding="utf-8")
    git(repo, "add", ".gitlab-ci.yml")
    git(repo, "commit", "-q", "-m", "kiểm tra tự động")
    assert pipeline(repo, wheels).returncode == 0
    bad = repo / "cap-duoi/cam-lo/2019/commitments/xa-cam-thanh.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("year: 2019", "year: 2018"), "utf-8")
    broken = pipeline(repo, wheels)
    assert broken.returncode != 0
    quality = json.loads(artifact(repo, "kiem-tra", "gl-code-quality-report.json").read_text())
    assert [(i["check_name"], i["location"]) for i in quality if i["severity"] == "major"] == [
        (
            "E106",
            {"path": "cap-duoi/cam-lo/2019/commitments/xa-cam-thanh.yaml", "lines": {"begin": 2}},
        )
    ]
