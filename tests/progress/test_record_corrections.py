"""What `record` refuses because it would be a correction in disguise: a second `done` on the
same day, an `adjusted` entry with no change of signed content to approve."""

from __future__ import annotations

from pathlib import Path

import pytest

from camket import i18n, pipeline
from tests.conftest import git, repository, run

DONG_HA = "2019/commitments/dong-ha.yaml"
CAM_LO = "2019/commitments/cam-lo.yaml"
APPROVAL = [
    "--reason",
    "Lùi thời hạn do thiếu vốn",
    "--approved-by",
    "Công văn số 1502-CV/TU ngày 28/6/2019",
]


def record(folder: Path, *args: str):
    return run("record", *args, "--data", folder, cwd=folder)


def files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def test_a_second_done_on_the_same_day_is_refused(mini: Path):
    # dong-ha-2019-01's last entry: {date: 2019-06-20, status: done}
    before = files(mini)
    for status in ("done", "hoàn thành"):
        r = record(mini, "dong-ha-2019-01", status, "--date", "2019-06-20", "--note", "Bàn giao")
        assert r.exit_code == 1
        assert r.stderr.startswith(
            "từ chối: 'dong-ha-2019-01' đã được ghi hoàn thành ngày 2019-06-20"
        )
        assert "camket undo dong-ha-2019-01" in r.stderr
        assert files(mini) == before
    r = run(
        "--lang", "en", "record", "dong-ha-2019-01", "done", "--date", "2019-06-20", "--data", mini
    )
    assert r.exit_code == 1
    assert "already recorded as done on 2019-06-20" in r.stderr and "camket undo" in r.stderr
    assert files(mini) == before
    i18n.set_language("vi")
    # what the message says to do: undo the wrong one, record the right one
    assert run("undo", "dong-ha-2019-01", "--data", mini).exit_code == 0
    r = record(mini, "dong-ha-2019-01", "done", "--date", "2019-06-20", "--note", "Bàn giao")
    assert r.exit_code == 0, r.stderr
    text = (mini / DONG_HA).read_text(encoding="utf-8")
    assert '          - {date: 2019-06-20, status: done, note: "Bàn giao"}\n' in text
    assert "          - {date: 2019-06-20, status: done}\n" not in text
    assert pipeline.load_and_check(mini)[1] == []


def test_done_on_another_day_or_after_another_status_is_taken(mini: Path):
    r = record(mini, "dong-ha-2019-01", "done", "--date", "2019-06-21")
    assert r.exit_code == 0, r.stderr
    r = record(mini, "dong-ha-2019-03", "in_progress", "--date", "2019-05-01")
    assert r.exit_code == 0, r.stderr
    r = record(mini, "dong-ha-2019-03", "done", "--date", "2019-05-01")
    assert r.exit_code == 0, r.stderr


@pytest.fixture
def sealed(mini: Path) -> Path:
    repository(mini)
    r = run("seal", "2019", "--data", mini, "--date", "2019-02-20")
    assert r.exit_code == 0, r.stderr
    return mini


def state(folder: Path) -> tuple[str, str, dict[Path, bytes]]:
    return git(folder, "rev-parse", "HEAD"), git(folder, "status", "--porcelain"), files(folder)


def test_an_adjustment_with_no_change_of_signed_content_is_refused(sealed: Path):
    before = state(sealed)
    r = record(sealed, "cam-lo-2019-01", "adjusted", "--date", "2019-07-01", *APPROVAL, "--commit")
    assert r.exit_code == 1
    assert r.stderr.startswith("từ chối: nội dung đã ký của 'cam-lo-2019-01'")
    assert "không thay đổi so với lúc niêm phong ngày 2019-02-20" in r.stderr
    assert "hãy sửa nội dung hoặc thời hạn trong tệp cam-lo.yaml" in r.stderr
    assert state(sealed) == before
    r = run(
        "--lang",
        "en",
        "record",
        "cam-lo-2019-01",
        "adjusted",
        "--date",
        "2019-07-01",
        *APPROVAL,
        "--data",
        sealed,
    )
    assert r.exit_code == 1 and "has not changed since the seal of 2019-02-20" in r.stderr
    assert state(sealed) == before
    i18n.set_language("vi")  # in-process, --lang stays set for the next run

    # the change made, the decision is recorded
    path = sealed / CAM_LO
    path.write_text(
        path.read_text(encoding="utf-8").replace("due: 2019-03-31", "due: 2019-09-30"),
        encoding="utf-8",
    )
    r = record(sealed, "cam-lo-2019-01", "adjusted", "--date", "2019-07-01", *APPROVAL, "--commit")
    assert r.exit_code == 0, r.stderr
    assert pipeline.load_and_check(sealed)[1] == []

    # a second decision for the same content approves nothing new
    before = state(sealed)
    r = record(
        sealed,
        "cam-lo-2019-01",
        "adjusted",
        "--date",
        "2019-08-01",
        "--reason",
        "Nhắc lại",
        "--approved-by",
        "Công văn số 1600-CV/TU",
    )
    assert r.exit_code == 1
    assert "không thay đổi so với lúc ghi quyết định điều chỉnh ngày 2019-07-01" in r.stderr
    assert state(sealed) == before

    # a further change needs, and takes, a new decision
    path.write_text(
        path.read_text(encoding="utf-8").replace("due: 2019-09-30", "due: 2019-10-31"),
        encoding="utf-8",
    )
    r = record(
        sealed,
        "cam-lo-2019-01",
        "adjusted",
        "--date",
        "2019-08-01",
        "--reason",
        "Lùi lần hai",
        "--approved-by",
        "Công văn số 1600-CV/TU",
    )
    assert r.exit_code == 0, r.stderr
    assert pipeline.load_and_check(sealed)[1] == []


def test_an_adjustment_in_a_year_not_sealed_is_taken(mini: Path):
    """No seal, no signed content to compare with: the entry is the clerk's record."""
    r = record(mini, "dong-ha-2019-03", "adjusted", "--date", "2019-05-01", *APPROVAL)
    assert r.exit_code == 0, r.stderr
