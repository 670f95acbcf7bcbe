"""validate's problems in the formats CI servers read, on a broken folder in a real repository."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from camket.cli import formats
from camket.problems import Problem, Severity
from tests.conftest import ASSETS, run, write

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = ("-c", "user.name=VT", "-c", "user.email=vt@x")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *GIT_ENV, *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A repository whose data folder is `data/`: one file with two errors, one warning."""
    repo = tmp_path / "kho"
    data = repo / "data"
    shutil.copytree(ASSETS / "mini", data)
    cam_lo = data / "2019/commitments/cam-lo.yaml"
    cam_lo.write_text(cam_lo.read_text(encoding="utf-8").replace("head:", "hed:"), "utf-8")
    units = data / "units.yaml"
    write(
        data,
        "units.yaml",
        units.read_text(encoding="utf-8")
        + "  - id: gio-linh\n    name: Huyện ủy Gio Linh\n    block: dia-phuong\n"
        "    collective: Ban Thường vụ Huyện ủy Gio Linh\n    head_title: Bí thư Huyện ủy\n",
    )
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "dữ liệu")
    return repo


def test_github_workflow_commands_with_paths_from_the_repository_root(broken: Path):
    # run from inside the data folder: the paths still start at the repository's root
    r = run("validate", "--format", "github", cwd=broken / "data" / "2019")
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert lines == [
        "::error file=data/2019/commitments/cam-lo.yaml,line=1,col=1,title=E008::thiếu khóa "
        "bắt buộc 'head'; hãy thêm dòng 'head: …'",
        "::error file=data/2019/commitments/cam-lo.yaml,line=3,col=1,title=E005::khóa 'hed' "
        "không có trong mẫu dữ liệu; có phải ý bạn là 'head'?",
        "::warning file=data/units.yaml,line=23,col=9,title=W101::" + lines[2].split("::")[2],
    ]
    assert "gio-linh" in lines[2]
    assert "3 lỗi" not in r.stderr and "2 lỗi, 1 cảnh báo" in r.stderr


def test_github_escapes_what_would_start_a_command_of_its_own(tmp_path: Path):
    p = Problem(tmp_path / "a,b:c.yaml", 2, 3, Severity.ERROR, "E001", "x\n::stop-commands::t 100%")
    line = formats.github_line(p, tmp_path)
    assert "\n" not in line
    assert (
        line == "::error file=a%2Cb%3Ac.yaml,line=2,col=3,title=E001::x%0A::stop-commands::t 100%25"
    )


def test_gitlab_code_quality_report(broken: Path):
    r = run("validate", "--format", "gitlab", cwd=broken)
    assert r.exit_code == 1
    report = json.loads(r.stdout)
    assert [(i["check_name"], i["severity"], i["location"]) for i in report] == [
        ("E008", "major", {"path": "data/2019/commitments/cam-lo.yaml", "lines": {"begin": 1}}),
        ("E005", "major", {"path": "data/2019/commitments/cam-lo.yaml", "lines": {"begin": 3}}),
        ("W101", "minor", {"path": "data/units.yaml", "lines": {"begin": 23}}),
    ]
    assert all(i["description"].endswith(f"[{i['check_name']}]") for i in report)
    assert len({i["fingerprint"] for i in report}) == 3
    # a line inserted above moves the problems, not their fingerprints (the MR diff is stable)
    cam_lo = broken / "data/2019/commitments/cam-lo.yaml"
    cam_lo.write_text("# ghi chú\n" + cam_lo.read_text(encoding="utf-8"), "utf-8")
    again = json.loads(run("validate", "--format", "gitlab", cwd=broken).stdout)
    assert [i["location"]["lines"]["begin"] for i in again] == [2, 4, 23]
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in report]


def test_junit_one_test_case_per_file(broken: Path):
    r = run("validate", "--format", "junit", cwd=broken)
    assert r.exit_code == 1
    root = ET.fromstring(r.stdout)
    [suite] = root.findall("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert sorted(cases) == sorted(
        f"data/{p.relative_to(ASSETS / 'mini').as_posix()}"
        for p in (ASSETS / "mini").rglob("*.yaml")
    )
    assert (suite.get("tests"), suite.get("failures")) == ("6", "1")
    [failure] = cases["data/2019/commitments/cam-lo.yaml"].findall("failure")
    assert failure.get("type") == "E008"
    assert failure.get("message").startswith("data/2019/commitments/cam-lo.yaml:1:1: thiếu khóa")
    assert failure.text.splitlines() == [
        "data/2019/commitments/cam-lo.yaml:1:1: lỗi: thiếu khóa bắt buộc 'head'; hãy thêm "
        "dòng 'head: …' [E008]",
        "data/2019/commitments/cam-lo.yaml:3:1: lỗi: khóa 'hed' không có trong mẫu dữ liệu; "
        "có phải ý bạn là 'head'? [E005]",
    ]
    units = cases["data/units.yaml"]
    assert units.find("failure") is None  # a warning fails nothing
    assert units.find("system-out").text.startswith("data/units.yaml:23:9: cảnh báo:")
    assert all(
        len(c) == 0 for n, c in cases.items() if n not in ("data/units.yaml",) and "cam-lo" not in n
    )


def test_sarif_is_valid_sarif_2_1_0(broken: Path):
    schema = json.loads((ASSETS / "sarif/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    r = run("validate", "--format", "sarif", cwd=broken)
    assert r.exit_code == 1
    log = json.loads(r.stdout)
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(log)
    [run_] = log["runs"]
    rules = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert rules == ["E005", "E008", "W101"]
    found = [
        (
            res["ruleId"],
            res["level"],
            res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            res["locations"][0]["physicalLocation"]["region"]["startLine"],
            rules[res["ruleIndex"]],
        )
        for res in run_["results"]
    ]
    assert found == [
        ("E008", "error", "data/2019/commitments/cam-lo.yaml", 1, "E008"),
        ("E005", "error", "data/2019/commitments/cam-lo.yaml", 3, "E005"),
        ("W101", "warning", "data/units.yaml", 23, "W101"),
    ]
    # a clean folder is a valid log too, with no result
    shutil.copytree(ASSETS / "mini", broken / "sach")
    clean = run("validate", "--format", "sarif", "--data", broken / "sach")
    assert clean.exit_code == 0
    jsonschema.Draft4Validator(schema).validate(json.loads(clean.stdout))
    assert json.loads(clean.stdout)["runs"][0]["results"] == []


def test_sarif_uri_of_a_name_with_spaces_and_accents(tmp_path: Path):
    p = Problem(tmp_path / "2019/ghi chú.yaml", 1, 1, Severity.WARNING, "W001", "m")
    uri = formats.sarif([p], tmp_path)["runs"][0]["results"][0]["locations"][0]
    assert uri["physicalLocation"]["artifactLocation"]["uri"] == "2019/ghi%20ch%C3%BA.yaml"


def test_reports_written_beside_the_text_and_the_exit_code_unchanged(broken: Path):
    r = run(
        "validate",
        "--report",
        "gitlab:gl-code-quality-report.json",
        "--report",
        "junit:bao-cao/camket-junit.xml",
        cwd=broken,
    )
    assert r.exit_code == 1
    assert "data/2019/commitments/cam-lo.yaml:1:1: lỗi:" in r.stdout
    report = json.loads((broken / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert report[0]["location"]["path"] == "data/2019/commitments/cam-lo.yaml"
    junit = ET.parse(broken / "bao-cao/camket-junit.xml").getroot()
    assert junit.get("failures") == "1"
    # warnings only: every format exits 0
    cam_lo = broken / "data/2019/commitments/cam-lo.yaml"
    cam_lo.write_text(cam_lo.read_text(encoding="utf-8").replace("hed:", "head:"), "utf-8")
    for fmt in formats.FORMATS:
        assert run("validate", "--format", fmt, cwd=broken).exit_code == 0, fmt


def test_outside_a_repository_paths_are_from_the_working_directory(mini: Path):
    (mini / "2019/commitments/cam-lo.yaml").write_text("unit: cam-lo\n", encoding="utf-8")
    r = run("validate", "--format", "github", "--data", mini, cwd=mini.parent)
    assert r.exit_code == 1
    assert r.stdout.startswith("::error file=mini/2019/commitments/cam-lo.yaml,line=1,col=1,")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--format", "xml"], "dạng 'xml' không có"),
        (["--report", "junit"], "--report cần dạng và tệp"),
        (["--report", "csv:x.csv"], "dạng 'csv' không có"),
        (["--json", "--format", "sarif"], "--json là --format json; chỉ dùng một trong hai"),
    ],
)
def test_unknown_formats_are_refused(mini: Path, args: list[str], said: str):
    r = run("validate", "--data", mini, *args)
    assert r.exit_code == 1 and said in r.stderr and r.stdout == ""


def test_a_file_name_that_is_not_utf8_does_not_stop_a_report(mini: Path, tmp_path: Path):
    import os

    bad = os.fsdecode(b"2019/commitments/c\xe0m-lo.yaml")
    (mini / "2019/commitments/cam-lo.yaml").rename(mini / bad)
    for fmt in ("github", "gitlab", "junit", "sarif"):
        r = run("validate", "--format", fmt, "--data", mini, cwd=mini)
        assert r.exit_code == 1, (fmt, r.stderr)
        assert "m-lo.yaml" in r.stdout, fmt  # as ?, %E0 or \udce0: shown, not a crash
        if fmt in ("gitlab", "sarif"):
            json.loads(r.stdout)
    r = run("validate", "--report", f"junit:{tmp_path / 'j.xml'}", "--data", mini, cwd=mini)
    assert int(ET.parse(tmp_path / "j.xml").getroot().get("failures")) >= 1
