"""`camket history INDICATOR`: an indicator's plan, actual value and figure date from a real git
repository, each change once, numbers the Vietnamese way in the table and as numbers in JSON."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run

YEAR = "2019/year.yaml"


def git(folder: Path, *args: str, author: str, date: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "vt@example.vn",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "vt@example.vn",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    return subprocess.run(
        ["git", "-C", str(folder), *args], check=True, env=env, capture_output=True, text=True
    ).stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def record_as(
    folder: Path, monkeypatch: pytest.MonkeyPatch, author: str, date: str, *args: str
) -> None:
    """`camket record … --commit` by a named clerk at a given time (git reads both from the
    environment camket's own git runs inherit)."""
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", author)
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "vt@example.vn")
        monkeypatch.setenv(f"GIT_{who}_DATE", date)
    r = run("record", *args, "--commit", "--data", folder, cwd=folder)
    assert r.exit_code == 0, r.stderr


@pytest.fixture
def history_repo(mini: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Signed in February; an estimate in October by record; the plan raised by hand; a broken
    commit and its repair; the final figure in January by record; 2020 declares the same id."""
    git(mini, "init", "-q", author="Nguyễn Văn A", date="2019-02-21T08:00:00+07:00")
    git(mini, "add", ".", author="Nguyễn Văn A", date="2019-02-21T08:00:00+07:00")
    git(
        mini, "commit", "-qm", "Ký cam kết", author="Nguyễn Văn A", date="2019-02-21T08:00:00+07:00"
    )
    record_as(
        mini,
        monkeypatch,
        "Trần Thị B",
        "2019-10-05T09:00:00+07:00",
        "thu-ngan-sach",
        "700,5",
        "--date",
        "2019-09-30",
    )
    path = mini / YEAR
    edit(path, "plan: 730.223", "plan: 750")
    edit(path, "plan: 7.0,", "plan: 7.00,")  # tang-truong rewritten, its value the same
    git(
        mini,
        "commit",
        "-qam",
        "Điều chỉnh kế hoạch",
        author="Lê Văn C",
        date="2019-11-01T10:00:00+07:00",
    )
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("theme: Trách", "theme: [Trách"), encoding="utf-8")
    git(mini, "commit", "-qam", "Hỏng", author="Lê Văn C", date="2019-11-02T10:00:00+07:00")
    path.write_text(good, encoding="utf-8")
    git(mini, "commit", "-qam", "Sửa", author="Lê Văn C", date="2019-11-03T10:00:00+07:00")
    record_as(
        mini,
        monkeypatch,
        "Trần Thị B",
        "2020-01-16T09:00:00+07:00",
        "thu-ngan-sach",
        "1.012,75",
        "--date",
        "2020-01-15",
    )
    (mini / "2020").mkdir()
    (mini / "2020/year.yaml").write_text(
        "year: 2020\ntheme: Về đích toàn diện\nsigned_on: 2020-02-25\nindicators:\n"
        "  - {id: thu-ngan-sach, name: Thu ngân sách, unit: tỷ đồng, plan: 3000}\n",
        encoding="utf-8",
    )
    git(mini, "add", ".", author="Nguyễn Văn A", date="2020-02-25T08:00:00+07:00")
    git(mini, "commit", "-qm", "Năm 2020", author="Nguyễn Văn A", date="2020-02-25T08:00:00+07:00")
    for name in ("AUTHOR", "COMMITTER"):
        for part in ("NAME", "EMAIL", "DATE"):
            monkeypatch.delenv(f"GIT_{name}_{part}")
    return mini


def test_json_keeps_numbers(history_repo: Path):
    r = run("history", "thu-ngan-sach", "--json", "--data", history_repo)
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [
        (c["date"][:10], c["author"], c["year"], c["field"], c["old"], c["new"]) for c in rows
    ] == [
        ("2019-02-21", "Nguyễn Văn A", 2019, "plan", None, 730.223),
        ("2019-02-21", "Nguyễn Văn A", 2019, "actual", None, 660.191),
        ("2019-10-05", "Trần Thị B", 2019, "actual", 660.191, 700.5),
        ("2019-10-05", "Trần Thị B", 2019, "actual_on", None, "2019-09-30"),
        ("2019-11-01", "Lê Văn C", 2019, "plan", 730.223, 750),
        ("2020-01-16", "Trần Thị B", 2019, "actual", 700.5, 1012.75),
        ("2020-01-16", "Trần Thị B", 2019, "actual_on", "2019-09-30", "2020-01-15"),
        ("2020-02-25", "Nguyễn Văn A", 2020, "plan", None, 3000),
    ]
    assert all(len(c["commit"]) == 40 for c in rows)
    assert rows[-1]["path"] == "2020/year.yaml" and rows[0]["path"] == YEAR
    # a value written again in another form is no change: 7.0 and 7.00 are one number
    r = run("history", "tang-truong", "--json", "--data", history_repo)
    assert [c["field"] for c in json.loads(r.stdout)] == ["plan", "actual"]


def test_the_table_writes_numbers_the_vietnamese_way(history_repo: Path):
    r = run("history", "thu-ngan-sach", "--data", history_repo)
    assert r.exit_code == 0, r.stderr
    assert "Lịch sử của chỉ tiêu thu-ngan-sach" in r.stdout
    lines = [line for line in r.stdout.splitlines() if "│" in line]
    header = next(line for line in r.stdout.splitlines() if "Người sửa" in line)
    assert [h.strip() for h in header.strip("┃ ").split("┃")] == [
        "Ngày",
        "Người sửa",
        "Commit",
        "Năm",
        "Thay đổi",
        "Cũ → mới",
    ]
    cells = [[c.strip() for c in line.strip("│ ").split("│")] for line in lines]
    assert [(c[0], c[1], c[3], c[4], c[5]) for c in cells] == [
        ("2019-02-21", "Nguyễn Văn A", "2019", "kế hoạch", "— → 730,223"),
        ("2019-02-21", "Nguyễn Văn A", "2019", "thực hiện", "— → 660,191"),
        ("2019-10-05", "Trần Thị B", "2019", "thực hiện", "660,191 → 700,5"),
        ("2019-10-05", "Trần Thị B", "2019", "ngày số liệu", "— → 2019-09-30"),
        ("2019-11-01", "Lê Văn C", "2019", "kế hoạch", "730,223 → 750"),
        ("2020-01-16", "Trần Thị B", "2019", "thực hiện", "700,5 → 1.012,75"),
        ("2020-01-16", "Trần Thị B", "2019", "ngày số liệu", "2019-09-30 → 2020-01-15"),
        ("2020-02-25", "Nguyễn Văn A", "2020", "kế hoạch", "— → 3.000"),
    ]


def test_english(history_repo: Path):
    r = run("--lang", "en", "history", "thu-ngan-sach", "--data", history_repo)
    assert r.exit_code == 0, r.stderr
    assert "History of indicator thu-ngan-sach" in r.stdout
    assert all(word in r.stdout for word in ("Year", "Change", "Old → new"))
    assert "│ plan " in r.stdout and "│ actual " in r.stdout and "│ figure date " in r.stdout
    assert "660,191 → 700,5" in r.stdout  # figures stay as the documents write them


def test_a_removed_indicator_keeps_its_history(history_repo: Path):
    path = history_repo / YEAR
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines(keepends=True) if "id: khach-du-lich" in x)
    path.write_text(text.replace(line, ""), encoding="utf-8")
    git(
        history_repo,
        "commit",
        "-qam",
        "Bỏ chỉ tiêu",
        author="Lê Văn C",
        date="2020-03-01T08:00:00+07:00",
    )
    r = run("history", "khach-du-lich", "--json", "--data", history_repo)
    assert r.exit_code == 0, r.stderr
    rows = [(c["date"][:10], c["field"], c["old"], c["new"]) for c in json.loads(r.stdout)]
    assert rows == [
        ("2019-02-21", "plan", None, 2200),
        ("2020-03-01", "indicator", "có", "đã xóa"),
    ]
