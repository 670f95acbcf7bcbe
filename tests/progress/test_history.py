"""`camket history`: an item's changes from a real git repository, across renames and moves."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run

ITEM = "dong-ha-2019-01"


def git(folder: Path, *args: str, author: str = "Văn thư", date: str = "2019-03-01T09:00:00+07:00"):
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


def test_history_across_authors_renames_and_moves(mini: Path, tmp_path: Path):
    repo = tmp_path / "repo"
    mini.rename(repo)  # a data folder inside a bigger repository: paths stay relative to it
    data = repo
    git(data, "init", "-q")
    git(data, "add", ".")
    git(
        data,
        "commit",
        "-qm",
        "Dữ liệu ký cam kết",
        author="Nguyễn Văn A",
        date="2019-02-21T08:00:00+07:00",
    )
    dong_ha = data / "2019/commitments/dong-ha.yaml"
    edit(dong_ha, "đường Hùng Vương kéo dài", "đường Hùng Vương kéo dài (giai đoạn 2)")
    edit(dong_ha, "due: 2019-06-30", "due: 2019-07-15")
    git(
        data,
        "commit",
        "-qam",
        "Điều chỉnh nội dung",
        author="Trần Thị B",
        date="2019-04-02T10:00:00+07:00",
    )
    r = run("record", ITEM, "in_progress", "--date", "2019-07-01", "--data", data, cwd=data)
    assert r.exit_code == 0, r.stderr
    git(
        data,
        "commit",
        "-qam",
        "Báo cáo quý II",
        author="Lê Văn C",
        date="2019-07-02T10:00:00+07:00",
    )
    # the file is renamed; then the item moves to another file
    git(
        data,
        "mv",
        "2019/commitments/dong-ha.yaml",
        "2019/commitments/dong-ha.yml",
        author="Lê Văn C",
    )
    git(data, "commit", "-qm", "Đổi tên tệp", author="Lê Văn C", date="2019-08-01T10:00:00+07:00")
    moved = data / "2019/commitments/dong-ha.yml"
    text = moved.read_text(encoding="utf-8")
    start = text.index(f"      - id: {ITEM}")
    end = text.index("      - id: dong-ha-2019-02")
    block = text[start:end]
    moved.write_text(text[:start] + text[end:], encoding="utf-8")
    cam_lo = data / "2019/commitments/cam-lo.yaml"
    cam_lo.write_text(
        cam_lo.read_text(encoding="utf-8").replace(
            "  - title: Xây dựng Đảng\n    items:\n",
            "  - title: Xây dựng Đảng\n    items:\n"
            + block.replace("status: in_progress}", "status: done}"),
        ),
        encoding="utf-8",
    )
    git(
        data, "commit", "-qam", "Chuyển nội dung", author="Phạm D", date="2019-09-01T10:00:00+07:00"
    )

    r = run("history", ITEM, "--data", data, "--json", cwd=data)
    assert r.exit_code == 0, r.stderr
    rows = [(c["author"], c["field"], c["old"], c["new"]) for c in json.loads(r.stdout)]
    assert rows == [
        ("Nguyễn Văn A", "text", "", "Hoàn thành giải phóng mặt bằng đường Hùng Vương kéo dài"),
        ("Nguyễn Văn A", "due", "", "2019-06-30"),
        ("Nguyễn Văn A", "status", "", "done"),
        (
            "Trần Thị B",
            "text",
            "Hoàn thành giải phóng mặt bằng đường Hùng Vương kéo dài",
            "Hoàn thành giải phóng mặt bằng đường Hùng Vương kéo dài (giai đoạn 2)",
        ),
        ("Trần Thị B", "due", "2019-06-30", "2019-07-15"),
        ("Lê Văn C", "status", "done", "in_progress"),
        ("Phạm D", "status", "in_progress", "done"),
    ]
    history = json.loads(r.stdout)
    assert history[0]["date"] == "2019-02-21T08:00:00+07:00"
    assert history[-1]["path"] == "2019/commitments/cam-lo.yaml"
    assert len(history[-1]["commit"]) == 40
    table = run("history", ITEM, "--data", data, cwd=data)
    assert table.exit_code == 0 and "Trần Thị B" in table.stdout and "2019-04-02" in table.stdout


def test_not_a_repository(mini: Path):
    r = run("history", ITEM, "--data", mini)
    assert r.exit_code == 1 and "không nằm trong một kho git" in r.stderr


def test_unknown_item(mini: Path):
    git(mini, "init", "-q")
    git(mini, "add", ".")
    git(mini, "commit", "-qm", "x")
    r = run("history", "khong-co", "--data", mini)
    assert r.exit_code == 1 and "khong-co" in r.stderr


def test_history_follows_the_first_parent_through_a_merge(mini: Path):
    git(mini, "init", "-q", "-b", "main")
    git(mini, "add", ".")
    git(mini, "commit", "-qm", "Dữ liệu", date="2019-03-01T09:00:00+07:00")
    git(mini, "checkout", "-q", "-b", "van-thu-a")
    r = run("record", "dong-ha-2019-03", "in_progress", "--date", "2019-06-01", "--data", mini)
    assert r.exit_code == 0, r.stderr
    git(
        mini,
        "commit",
        "-qam",
        "A: đang thực hiện",
        author="Văn thư A",
        date="2019-06-02T09:00:00+07:00",
    )
    git(mini, "checkout", "-q", "main")
    edit(
        mini / "2019/commitments/dong-ha.yaml",
        "đường Hùng Vương kéo dài",
        "đường Hùng Vương kéo dài (giai đoạn 2)",
    )
    git(
        mini,
        "commit",
        "-qam",
        "B: sửa nội dung",
        author="Văn thư B",
        date="2019-07-01T09:00:00+07:00",
    )
    git(
        mini,
        "merge",
        "-q",
        "--no-edit",
        "van-thu-a",
        author="Văn thư B",
        date="2019-07-02T09:00:00+07:00",
    )
    rows = json.loads(run("history", "dong-ha-2019-03", "--data", mini, "--json").stdout)
    status = [(r["old"], r["new"]) for r in rows if r["field"] == "status"]
    # the file says in progress after the merge, and so does its history
    assert status == [("", "not_started"), ("not_started", "in_progress")]


def test_a_broken_commit_is_not_a_deletion(mini: Path):
    git(mini, "init", "-q")
    git(mini, "add", ".")
    git(mini, "commit", "-qm", "Dữ liệu")
    path = mini / "2019/commitments/cam-lo.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("head: Đào Mạnh Hùng", "head: Đào: Mạnh"), encoding="utf-8")
    git(mini, "commit", "-qam", "Hỏng", date="2019-04-01T09:00:00+07:00")
    path.write_text(good, encoding="utf-8")
    git(mini, "commit", "-qam", "Sửa", date="2019-04-02T09:00:00+07:00")
    rows = json.loads(run("history", "cam-lo-2019-02", "--data", mini, "--json").stdout)
    assert [r["field"] for r in rows] == ["text", "due", "status"]  # only the first sight


def test_a_version_past_the_size_limit_is_skipped_unread(
    mini: Path, monkeypatch: pytest.MonkeyPatch
):
    """A commit once held a 9 MB commitments file (a paste gone wrong): history says it skipped
    that version, and never reads it from git."""
    from camket import git as camket_git
    from camket.reading.files import MAX_FILE_BYTES

    git(mini, "init", "-q")
    git(mini, "add", ".")
    git(mini, "commit", "-qm", "Dữ liệu", date="2019-02-21T08:00:00+07:00")
    cam_lo = mini / "2019/commitments/cam-lo.yaml"
    original = cam_lo.read_text(encoding="utf-8")
    changed = original.replace("nâng cao", "kiểu mẫu")
    padding = "# " + "x" * (9 * 1024 * 1024) + "\n"
    cam_lo.write_text(changed + padding, encoding="utf-8")
    assert cam_lo.stat().st_size > MAX_FILE_BYTES
    git(mini, "commit", "-qam", "Dán nhầm", date="2019-05-02T10:00:00+07:00")
    big = git(mini, "rev-parse", "HEAD").strip()
    cam_lo.write_text(changed, encoding="utf-8")
    git(mini, "commit", "-qam", "Sửa lại", date="2019-05-03T10:00:00+07:00")

    read: list[int] = []
    show = camket_git.show

    def counting_show(folder: Path, commit: str, repo_path: str) -> bytes | None:
        data = show(folder, commit, repo_path)
        read.append(len(data or b""))
        return data

    monkeypatch.setattr(camket_git, "show", counting_show)
    r = run("history", "cam-lo-2019-01", "--data", mini)
    assert r.exit_code == 0, r
    assert read and max(read) < MAX_FILE_BYTES
    assert f"bỏ qua 2019/commitments/cam-lo.yaml ở commit {big[:10]} (2019-05-02)" in r.stderr
    assert "9.0 MB, vượt giới hạn 8 MB" in r.stderr
    assert "nâng cao → Xây dựng xã Cam Thành đạt chuẩn nông thôn mới kiểu mẫu" in r.stdout
    assert "2019-05-03" in r.stdout and "2019-05-02" not in r.stdout
    r = run("history", "cam-lo-2019-01", "--data", mini, "--json")
    rows = json.loads(r.stdout)
    assert [row["date"][:10] for row in rows if row["field"] == "text"] == [
        "2019-02-21",
        "2019-05-03",
    ]
    assert "bỏ qua" in r.stderr


def test_a_prefix_and_statuses_in_words(mini: Path):
    edit(mini / "2019/commitments/dong-ha.yaml", "dong-ha-2019-03", "dong-ha-2019-13")
    git(mini, "init", "-q")
    git(mini, "add", ".")
    git(mini, "commit", "-qm", "Dữ liệu", date="2019-03-01T09:00:00+07:00")
    r = run("record", "dong-ha-2019-13", "done", "--date", "2019-06-01", "--data", mini)
    assert r.exit_code == 0, r.stderr
    git(mini, "commit", "-qam", "Quý II", date="2019-06-02T09:00:00+07:00")
    r = run("history", "dong-ha-2019-0", "--data", mini)  # two ids start so
    assert r.exit_code == 1 and "dong-ha-2019-01" in r.stderr and "dong-ha-2019-02" in r.stderr
    for query in ("dong-ha-2019-13", "dong-ha-2019-1"):  # the id, or a prefix only it has
        r = run("history", query, "--data", mini)
        assert r.exit_code == 0, r.stderr
        assert "Lịch sử của dong-ha-2019-13" in r.stdout
        assert "chưa thực hiện → hoàn thành" in r.stdout and "not_started" not in r.stdout
    rows = json.loads(run("history", "dong-ha-2019-1", "--data", mini, "--json").stdout)
    assert [(r["old"], r["new"]) for r in rows if r["field"] == "status"] == [
        ("", "not_started"),
        ("not_started", "done"),
    ]
    english = run("--lang", "en", "history", "dong-ha-2019-13", "--data", mini)
    assert "not started → completed" in english.stdout
