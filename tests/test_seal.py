"""Sealing what was signed: an unapproved edit is an error, an approved adjustment is not."""

from __future__ import annotations

from pathlib import Path

from camket import loader
from tests.conftest import run
from tests.docx_reading import document


def codes(folder: Path) -> list[str]:
    return [p.code for p in loader.load_and_check(folder)[1]]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_seal_then_edit_then_approve(mini: Path, tmp_path: Path):
    r = run("seal", "2019", "--data", mini, "--date", "2019-02-20")
    assert r.exit_code == 0, r.stderr
    assert (mini / "2019/seal.yaml").is_file() and codes(mini) == []
    assert run("seal", "2019", "--data", mini, "--check").exit_code == 0

    # progress stays free to add
    r = run("record", "dong-ha-2019-03", "in_progress", "--date", "2019-04-01", "--data", mini)
    assert r.exit_code == 0 and codes(mini) == []

    # an unapproved change of signed content
    cam_lo = mini / "2019/commitments/cam-lo.yaml"
    edit(cam_lo, "due: 2019-03-31", "due: 2019-09-30")
    _project, problems = loader.load_and_check(mini)
    [p] = problems
    assert p.code == "E121" and p.path == cam_lo and p.line == 7
    assert "'cam-lo-2019-01'" in p.message and "thời hạn" in p.message
    check = run("seal", "2019", "--data", mini, "--check")
    assert (
        check.exit_code == 1
        and "cam-lo-2019-01: thay đổi thời hạn (CHƯA phê duyệt)" in check.stdout
    )
    assert run("status", "2019", "--data", mini).exit_code == 1

    # the approved adjustment, recorded with camket itself
    r = run(
        "record",
        "cam-lo-2019-01",
        "adjusted",
        "--date",
        "2019-07-01",
        "--reason",
        "Lùi thời hạn do thiếu vốn",
        "--approved-by",
        "Công văn số 1502-CV/TU ngày 28/6/2019",
        "--data",
        mini,
    )
    assert r.exit_code == 0, r.stderr
    assert codes(mini) == []
    check = run("seal", "2019", "--data", mini, "--check")
    assert check.exit_code == 0
    assert "1 lần điều chỉnh đã phê duyệt, 0 thay đổi chưa phê duyệt" in check.stdout
    assert "cam-lo-2019-01: điều chỉnh ngày 2019-07-01 theo Công văn số 1502-CV/TU" in (
        mini / "2019/seal.yaml"
    ).read_text(encoding="utf-8")

    # sheets made after sealing say so
    out = tmp_path / "s.docx"
    assert (
        run("sheets", "2019", "cam-lo", "--data", mini, "--combined", "--out", out).exit_code == 0
    )
    assert "niêm phong ngày 2019-02-20" in document(out).core_properties.comments

    # the approval was for that change: a later one is an error again
    edit(cam_lo, "due: 2019-09-30", "due: 2019-10-31")
    assert codes(mini) == ["E121"]


def test_added_and_removed_items(mini: Path):
    run("seal", "2019", "--data", mini, "--date", "2019-02-20")
    dong_ha = mini / "2019/commitments/dong-ha.yaml"
    edit(dong_ha, "      - id: dong-ha-2019-03\n", "      - id: dong-ha-2019-04\n")
    problems = [p for p in loader.load_and_check(mini)[1] if p.code == "E121"]
    assert len(problems) == 2
    removed = next(p for p in problems if p.path.name == "seal.yaml")
    added = next(p for p in problems if p.path == dong_ha)
    assert "dong-ha-2019-03" in removed.message and "không còn" in removed.message
    assert "dong-ha-2019-04" in added.message and "nội dung mới" in added.message


def test_sealing_twice_needs_force(mini: Path):
    assert run("seal", "2019", "--data", mini).exit_code == 0
    r = run("seal", "2019", "--data", mini)
    assert r.exit_code == 1 and "--force" in r.stderr
    assert run("seal", "2019", "--data", mini, "--force").exit_code == 0


def test_check_before_sealing(mini: Path):
    r = run("seal", "2019", "--data", mini, "--check")
    assert r.exit_code == 1 and "chưa niêm phong" in r.stdout


def test_the_same_plan_written_differently_is_no_change(mini: Path):
    run("seal", "2019", "--data", mini, "--date", "2019-02-20")
    edit(mini / "2019/commitments/so-xay-dung.yaml", "plan: 31,", "plan: 31.0,")
    assert codes(mini) == []


def test_a_seal_cannot_be_dated_in_the_future(mini: Path):
    r = run("seal", "2019", "--data", mini, "--date", "2099-01-01")
    assert r.exit_code == 1 and not (mini / "2019/seal.yaml").exists()
