"""Every rule's documented examples run: the valid one passes it, the invalid one trips it.

Each rule module's docstring is its documentation; running the examples keeps the two in step
(yamllint's rule docs are not run, and can drift).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from camket import checks, pipeline
from camket.problems import Severity
from tests.conftest import ASSETS, run, write

_BLOCK = re.compile(r"```yaml\n(.*?)```", re.S)


def examples(doc: str, kind: str) -> list[list[tuple[str, str]]]:
    """The `kind` ("Valid" or "Invalid") examples of a docstring: one list of steps per block,
    each a file to write (`# file: PATH`, then its text) or a command to run (`# run: camket
    …` or `# run: git …`, in the data folder, which the first command makes a repository)."""
    section = doc.split(f"\n{kind}:\n", 1)[1]
    other = "Invalid" if kind == "Valid" else "Valid"
    section = section.split(f"\n{other}:\n", 1)[0]
    out = []
    for block in _BLOCK.findall(section):
        steps: list[tuple[str, str]] = []
        texts: list[str] = []
        for line in block.splitlines(keepends=True):
            m = re.match(r"# (file|run): (.+)$", line.rstrip("\n"))
            if m:
                steps.append((m.group(1), m.group(2)))
                texts.append("")
            elif steps:
                texts[-1] += line
        assert steps, "an example must start with '# file: PATH' or '# run: COMMAND'"
        out.append(
            [
                (k, f"{target}\n{text}" if k == "file" else target)
                for (k, target), text in zip(steps, texts, strict=True)
            ]
        )
    assert out, f"no {kind} example"
    return out


def apply(folder: Path, steps: list[tuple[str, str]]) -> Path:
    for kind, what in steps:
        if kind == "file":
            rel, text = what.split("\n", 1)
            write(folder, rel, text)
            continue
        if not (folder / ".git").exists():
            git = ["git", "-C", str(folder)]
            subprocess.run([*git, "init", "-q"], check=True)
            subprocess.run([*git, "config", "user.name", "Văn thư"], check=True)
            subprocess.run([*git, "config", "user.email", "vt@example.vn"], check=True)
            subprocess.run([*git, "add", "-A"], check=True)
            subprocess.run([*git, "commit", "-q", "-m", "Dữ liệu"], check=True)
        program, *args = shlex.split(what)
        if program == "camket":
            r = run(*args, "--data", folder)
            assert r.exit_code == 0, (what, r.stderr)
        else:
            assert program == "git", what
            subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)
    return folder


@pytest.mark.parametrize("code", sorted(checks.CHECKS))
def test_rule_has_documentation(code: str):
    module = checks.CHECKS[code]
    doc = module.__doc__ or ""
    assert "Why:" in doc, f"{code}: say why the rule exists"
    assert module.SEVERITY in ("error", "warning")


@pytest.mark.parametrize("code", sorted(checks.CHECKS))
def test_valid_examples_pass(code: str, tmp_path: Path):
    for i, files in enumerate(examples(checks.CHECKS[code].__doc__, "Valid")):
        folder = tmp_path / f"valid{i}"
        shutil.copytree(ASSETS / "mini", folder)
        _project, problems = pipeline.load_and_check(apply(folder, files))
        assert [p for p in problems if p.is_error] == [], (code, problems)
        assert code not in {p.code for p in problems}


@pytest.mark.parametrize("code", sorted(checks.CHECKS))
def test_invalid_examples_fail_at_a_place_in_the_file(code: str, tmp_path: Path):
    for i, files in enumerate(examples(checks.CHECKS[code].__doc__, "Invalid")):
        folder = tmp_path / f"invalid{i}"
        shutil.copytree(ASSETS / "mini", folder)
        _project, problems = pipeline.load_and_check(apply(folder, files))
        hits = [p for p in problems if p.code == code]
        assert hits, (code, problems)
        for p in hits:
            assert p.path.is_file() and p.path.is_relative_to(folder)
            lines = p.path.read_text(encoding="utf-8").splitlines()
            assert 1 <= p.line <= max(len(lines), 1)
            assert p.message


def test_the_mini_fixture_is_clean():
    _project, problems = pipeline.load_and_check(ASSETS / "mini")
    assert problems == []


# --- precise places and messages of a few rules ------------------------------------------


def test_duplicate_item_id_names_both_places(mini: Path):
    text = (mini / "2019/commitments/cam-lo.yaml").read_text(encoding="utf-8")
    write(mini, "2019/commitments/cam-lo.yaml", text.replace("cam-lo-2019-02", "dong-ha-2019-03"))
    _project, problems = pipeline.load_and_check(mini)
    [p] = [p for p in problems if p.code == "E108"]
    # files are read in name order: the second use is dong-ha's, and names the first
    assert p.path.name == "dong-ha.yaml" and (p.line, p.col) == (27, 13)
    assert "2019/commitments/cam-lo.yaml:14" in p.message


def test_item_ids_are_unique_across_years(mini: Path):
    shutil.copytree(mini / "2019", mini / "2020")
    for path in (mini / "2020").rglob("*.yaml"):
        path.write_text(
            path.read_text(encoding="utf-8").replace("year: 2019", "year: 2020"), encoding="utf-8"
        )
    _project, problems = pipeline.load_and_check(mini)
    dups = [p for p in problems if p.code == "E108"]
    assert len(dups) == 7 and all("2020" in str(p.path) for p in dups)
    # `status` reads one year only: the duplicates across years are validate's business.
    _project, problems = pipeline.load_and_check(mini, years=[2020])
    assert not [p for p in problems if p.code == "E108"]


def test_expect_mismatch_is_reported_at_the_block_line(mini: Path):
    path = mini / "2019/year.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("dia-phuong: 5", "dia-phuong: 49"),
        encoding="utf-8",
    )
    _project, problems = pipeline.load_and_check(mini)
    [p] = [p for p in problems if p.code == "E115"]
    assert (p.path, p.line, p.col) == (path, 6, 15)
    assert "49" in p.message and "5" in p.message


def test_progress_after_today(mini: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAMKET_TODAY", "2019-10-01")
    _project, problems = pipeline.load_and_check(mini)
    late = [p for p in problems if p.code == "E111"]
    assert {(p.path.name, p.line) for p in late} == {("dong-ha.yaml", 21), ("cam-lo.yaml", 18)}
    assert all("2019-10-01" in p.message for p in late)


def test_progress_entry_that_is_not_done_needs_cause_and_reason(mini: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    text = path.read_text(encoding="utf-8").replace(
        ", cause: subjective, reason: Chuẩn bị văn kiện chậm", ""
    )
    path.write_text(text, encoding="utf-8")
    _project, problems = pipeline.load_and_check(mini)
    [p] = [p for p in problems if p.code == "E114"]
    assert (p.line, p.col) == (18, 40)
    assert "cause:" in p.message and "reason:" in p.message


def test_missing_units_file_and_year_file(mini: Path):
    (mini / "units.yaml").unlink()
    (mini / "2019/year.yaml").unlink()
    _project, problems = pipeline.load_and_check(mini)
    assert {"E031", "E032"} <= {p.code for p in problems}


def test_every_problem_in_one_run(mini: Path):
    """Problems in several files and stages are all reported together."""
    write(
        mini,
        "units.yaml",
        (mini / "units.yaml")
        .read_text(encoding="utf-8")
        .replace("block: so-nganh", "block: so-ngan"),
    )
    write(
        mini,
        "2019/commitments/cam-lo.yaml",
        (mini / "2019/commitments/cam-lo.yaml")
        .read_text(encoding="utf-8")
        .replace("year: 2019", "year: 2018")
        .replace("head:", "hed:"),
    )
    write(
        mini,
        "2019/commitments/dong-ha.yaml",
        (mini / "2019/commitments/dong-ha.yaml")
        .read_text(encoding="utf-8")
        .replace("status: done}", "status: finished}"),
    )
    _project, problems = pipeline.load_and_check(mini)
    assert {"E103", "E005", "E008", "E020"} <= {p.code for p in problems}


# --- the registry: scopes, severities from camket.yaml, a rule that crashes --------------


def test_every_rule_declares_its_scope_and_the_registry_runs_each_scope():
    from camket.checks import Scope

    scopes = {m.SCOPE for m in checks.CHECKS.values()}
    assert scopes == set(Scope)
    item_rules = {code for code, m in checks.CHECKS.items() if m.SCOPE is Scope.ITEM}
    assert {"E110", "E111", "E112", "E113", "E114"} <= item_rules


def test_severity_set_in_camket_yaml(mini: Path):
    write(mini, "2019/commitments/so-noi-vu.yaml", "")  # an empty file: E002
    text = (mini / "units.yaml").read_text(encoding="utf-8")
    write(
        mini,
        "units.yaml",
        text + "  - {id: so-tu-phap, name: Sở Tư pháp, block: so-nganh,"
        " collective: Tập thể lãnh đạo Sở Tư pháp, head_title: Giám đốc Sở Tư pháp}\n",
    )
    _project, problems = pipeline.load_and_check(mini)
    assert "W101" in {p.code for p in problems}  # so-tu-phap has no file for 2019
    settings = mini / "camket.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "checks:\n  W101: off\n  E002: off\n",
        encoding="utf-8",
    )
    _project, problems = pipeline.load_and_check(mini)
    codes = {p.code for p in problems}
    assert "W101" not in codes
    assert "E002" in codes  # a reader's code is not a rule: it cannot be turned off
    assert "E125" in codes  # and saying so is an error at its place


def test_a_warning_raised_to_an_error_fails_validate(mini: Path):
    text = (mini / "units.yaml").read_text(encoding="utf-8")
    write(
        mini,
        "units.yaml",
        text + "  - {id: so-tu-phap, name: Sở Tư pháp, block: so-nganh,"
        " collective: Tập thể lãnh đạo Sở Tư pháp, head_title: Giám đốc Sở Tư pháp}\n",
    )
    assert run("validate", "--data", mini).exit_code == 0  # a warning
    settings = mini / "camket.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "checks: {W101: error}\n", encoding="utf-8"
    )
    r = run("validate", "--data", mini)
    assert r.exit_code == 1 and ": lỗi: " in r.stdout and "[W101]" in r.stdout


def test_the_seals_rules_cannot_be_turned_off(mini: Path):
    settings = mini / "camket.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "checks: {E121: off}\n", encoding="utf-8"
    )
    _project, problems = pipeline.load_and_check(mini)
    [problem] = [p for p in problems if p.code == "E125"]
    assert "E121" in problem.message and problem.line == 9
    assert checks.severities(_project)["E121"] is Severity.ERROR


def test_a_rule_that_raises_is_a_problem_and_the_others_still_run(
    mini: Path, monkeypatch: pytest.MonkeyPatch
):
    from camket.checks import group_count

    def broken(target):
        raise KeyError("groups")

    monkeypatch.setattr(group_count, "check", broken)
    write(
        mini,
        "2019/commitments/cam-lo.yaml",
        (mini / "2019/commitments/cam-lo.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "due: 2019-03-31",
            "due: 2019-03-31\n        progress: [{date: 2019-02-01, status: paused}]",
            1,
        ),
    )
    r = run("validate", "--data", mini)
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert "[E100]" in r.stdout and "E109" in r.stdout and "KeyError" in r.stdout
    assert "[E112]" in r.stdout  # the pause without a reason is still found


def test_explain_in_english_is_english():
    r = run("--lang", "en", "validate", "--explain", "E121")
    assert r.exit_code == 0
    assert "How to fix:" in r.stdout and "Cách sửa" not in r.stdout


def test_an_item_with_an_indicators_id_names_the_indicator(mini: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("cam-lo-2019-02", "ho-ngheo"), encoding="utf-8"
    )
    _project, problems = pipeline.load_and_check(mini)
    [p] = [p for p in problems if p.code == "E126"]
    assert p.path == path and p.is_error
    assert "'ho-ngheo'" in p.message and "year.yaml, dòng 10" in p.message
    # another year's indicator may have the id: the year tells which is meant
    year = mini / "2019/year.yaml"
    year.write_text(
        year.read_text(encoding="utf-8").replace("id: ho-ngheo", "id: ty-le-ho-ngheo"),
        encoding="utf-8",
    )
    assert "E126" not in {p.code for p in pipeline.load_and_check(mini)[1]}


def test_an_undeclared_tag_is_one_warning_at_its_first_use(mini: Path):
    year = mini / "2019/year.yaml"
    text = year.read_text(encoding="utf-8")
    year.write_text(text[: text.index("tags:")], encoding="utf-8")
    _project, problems = pipeline.load_and_check(mini)
    [p] = [p for p in problems if p.code == "W105"]
    assert p.severity is Severity.WARNING
    assert (p.path.name, p.line) == ("dong-ha.yaml", 11)
    assert "'du-an-trong-diem'" in p.message and "2 nội dung năm 2019" in p.message
    r = run("validate", "--data", mini)
    assert r.exit_code == 0 and "[W105]" in r.stdout
