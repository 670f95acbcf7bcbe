"""`camket record`: the entry is checked, inserted as text, and nothing else changes."""

from __future__ import annotations

import difflib
import errno
import subprocess
import sys
from pathlib import Path

import pytest

from camket import atomic, pipeline
from tests.conftest import git, repository, run, write

DONG_HA = "2019/commitments/dong-ha.yaml"


def inserted(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`, asserting it only adds (no other byte changes)."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    ops = [
        op
        for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    assert len(ops) == 1 and ops[0][0] == "insert", ops
    _tag, i1, _i2, j1, j2 = ops[0]
    assert "".join(a[:i1]) + "".join(b[j1:j2]) + "".join(a[i1:]) == after
    return b[j1:j2]


def record(folder: Path, *args: str):
    return run("record", *args, "--data", folder, cwd=folder)


def test_appends_in_the_style_of_the_entries_before(mini: Path):
    path = mini / DONG_HA
    before = path.read_text(encoding="utf-8")
    r = record(mini, "dong-ha-2019-01", "done", "--date", "2019-06-25", "--note", "Đã bàn giao")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("Đã ghi: dong-ha-2019-01 → done (2019-06-25)")
    assert inserted(before, path.read_text(encoding="utf-8")) == [
        '          - {date: 2019-06-25, status: done, note: "Đã bàn giao"}\n'
    ]
    # block-style entries get a block-style entry
    before = path.read_text(encoding="utf-8")
    record(
        mini,
        "dong-ha-2019-02",
        "done",
        "--date",
        "2019-11-01",
        "--cause",
        "objective",
        "--reason",
        "Nhà đầu tư chậm",
    )
    assert inserted(before, path.read_text(encoding="utf-8")) == [
        "          - date: 2019-11-01\n",
        "            status: done\n",
        '            reason: "Nhà đầu tư chậm"\n',
        "            cause: objective\n",
    ]
    _project, problems = pipeline.load_and_check(mini)
    assert problems == []


def test_an_item_without_progress_gets_the_key(mini: Path):
    path = mini / DONG_HA
    before = path.read_text(encoding="utf-8")
    r = record(mini, "dong-ha-2019-03", "in_progress", "--date", "2019-04-02")
    assert r.exit_code == 0, r.stderr
    assert inserted(before, path.read_text(encoding="utf-8")) == [
        "        progress:\n",
        "          - {date: 2019-04-02, status: in_progress}\n",
    ]
    assert pipeline.load_and_check(mini)[1] == []


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "      - {id: cam-lo-2019-09, text: Xây dựng 05 tuyến phố văn minh}\n",
            "      - {id: cam-lo-2019-09, text: Xây dựng 05 tuyến phố văn minh, progress: [{date: "
            "2019-05-05, status: done}]}\n",
        ),
        (
            "      - {id: cam-lo-2019-09, text: Xây dựng 05 tuyến phố văn minh, progress: []}\n",
            "      - {id: cam-lo-2019-09, text: Xây dựng 05 tuyến phố văn minh, progress: [{date: "
            "2019-05-05, status: done}]}\n",
        ),
        (
            "      - id: cam-lo-2019-09\n        text: Xây dựng 05 tuyến phố văn minh\n"
            "        progress: [{date: 2019-03-01, status: in_progress}]  # quý I\n",
            "      - id: cam-lo-2019-09\n        text: Xây dựng 05 tuyến phố văn minh\n"
            "        progress: [{date: 2019-03-01, status: in_progress}, "
            "{date: 2019-05-05, status: done}]  # quý I\n",
        ),
    ],
)
def test_flow_style_items_and_lists(mini: Path, item: str, expected: str):
    path = mini / "2019/commitments/cam-lo.yaml"
    base = path.read_text(encoding="utf-8")
    write(mini, "2019/commitments/cam-lo.yaml", base + item)
    r = record(mini, "cam-lo-2019-09", "done", "--date", "2019-05-05")
    assert r.exit_code == 0, r.stderr
    assert path.read_text(encoding="utf-8") == base + expected


def test_comments_crlf_bom_and_no_final_newline(mini: Path):
    path = mini / DONG_HA
    text = path.read_text(encoding="utf-8").replace(
        "          - {date: 2019-06-20, status: done}\n",
        "          - {date: 2019-06-20, status: done}  # báo cáo quý II\n"
        "          # ghi chú của văn thư\n\n",
    )
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").rstrip("\r\n").encode()
    path.write_bytes(data)
    r = record(mini, "dong-ha-2019-01", "done", "--date", "2019-06-25")
    assert r.exit_code == 0, r.stderr
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    added = b"          - {date: 2019-06-25, status: done}\r\n"
    at = data.index(b"# b\xc3\xa1o c\xc3\xa1o qu\xc3\xbd II\r\n") + len(
        "# báo cáo quý II\r\n".encode()
    )
    assert after == data[:at] + added + data[at:]
    # the last item of a file without a final newline
    before = path.read_bytes()
    record(mini, "dong-ha-2019-03", "in_progress", "--date", "2019-04-02")
    assert path.read_bytes() == before + (
        b"\r\n        progress:\r\n          - {date: 2019-04-02, status: in_progress}\r\n"
    )


def test_prefix_and_vietnamese_status(mini: Path):
    r = record(mini, "so-xay-dung-2019-02", "hoàn thành", "--date", "2019-11-20")
    assert r.exit_code == 0 and "→ done" in r.stdout
    r = record(mini, "cam-lo-2019-0", "done")
    assert r.exit_code == 1 and "khớp với 2 nội dung" in r.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["dong-ha-2019-03", "xong"], "trạng thái 'xong' không hợp lệ"),
        (
            ["dong-ha-2019-01", "done", "--date", "2019-05-01"],
            "hãy ghi --date từ 2019-06-20 trở đi",
        ),
        (["dong-ha-2019-03", "paused", "--date", "2019-05-01"], "thiếu --reason (lý do)"),
        (
            ["dong-ha-2019-03", "adjusted", "--date", "2019-05-01", "--reason", "x"],
            "thiếu --approved-by",
        ),
        (
            ["dong-ha-2019-03", "not_done", "--date", "2019-05-01"],
            "thiếu --cause, --reason; hãy ghi --cause objective",
        ),
        (
            ["cam-lo-2019-01", "done", "--date", "2019-07-01", "--reason", "Mưa lũ"],
            "thiếu --cause;",
        ),
        (["dong-ha-2019-03", "done", "--date", "2099-01-01"], "sau ngày hôm nay"),
        (["dong-ha-2019-03", "done", "--date", "2018-12-31"], "trước năm 2019"),
        (
            ["dong-ha-2019-03", "done", "--cause", "trời mưa", "--reason", "x"],
            "nguyên nhân 'trời mưa' không hợp lệ",
        ),
        (["dongha-2019-03", "done"], "có phải ý bạn là: dong-ha-2019-03"),
    ],
)
def test_refused_entries_change_nothing(mini: Path, args: list[str], expected: str):
    files = {p: p.read_bytes() for p in mini.rglob("*.yaml")}
    r = record(mini, *args)
    assert r.exit_code == 1
    assert expected in r.stderr and r.stderr.startswith("từ chối: ")
    assert {p: p.read_bytes() for p in mini.rglob("*.yaml")} == files


def test_a_file_with_errors_is_not_edited(mini: Path):
    path = mini / DONG_HA
    path.write_text(path.read_text(encoding="utf-8").replace("head:", "hed:"), encoding="utf-8")
    before = path.read_bytes()
    r = record(mini, "dong-ha-2019-03", "done", "--date", "2019-05-01")
    assert r.exit_code == 1 and path.read_bytes() == before


def test_commit(mini: Path):
    git = ["git", "-C", str(mini), "-c", "user.name=Văn thư", "-c", "user.email=vt@example.vn"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "Dữ liệu"], check=True)
    write(mini, "ghi-chu.txt", "chưa commit\n")
    subprocess.run([*git, "add", "ghi-chu.txt"], check=True)
    r = run(
        "record",
        "dong-ha-2019-03",
        "done",
        "--date",
        "2019-09-27",
        "--data",
        mini,
        "--commit",
        cwd=mini,
    )
    assert r.exit_code == 0, r.stderr
    subject = subprocess.run(
        [*git, "log", "-1", "--format=%s"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert subject == "camket: dong-ha-2019-03 → done (2019-09-27)"
    changed = subprocess.run(
        [*git, "show", "--name-only", "--format=", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert changed == [DONG_HA]  # the staged note stays staged, not committed
    status = subprocess.run(
        [*git, "status", "--porcelain"], capture_output=True, text=True, check=True
    ).stdout
    assert status.strip() == "A  ghi-chu.txt"


def test_commit_outside_a_repository_is_refused_before_writing(mini: Path):
    before = (mini / DONG_HA).read_bytes()
    r = record(mini, "dong-ha-2019-03", "done", "--date", "2019-09-27", "--commit")
    assert r.exit_code == 1 and "kho git" in r.stderr
    assert (mini / DONG_HA).read_bytes() == before


def test_concurrent_records_keep_every_entry(mini: Path):
    write(
        mini,
        "2019/year.yaml",
        (mini / "2019/year.yaml")
        .read_text(encoding="utf-8")
        .replace("dia-phuong: 5", "dia-phuong: 13"),
    )
    items = "".join(
        f"      - {{id: cam-lo-2019-{n:02d}, text: Nội dung cam kết số {n}}}\n"
        for n in range(10, 18)
    )
    text = (mini / "2019/commitments/cam-lo.yaml").read_text(encoding="utf-8") + items
    (mini / "2019/commitments/cam-lo.yaml").write_text(text, encoding="utf-8")
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "camket",
                "record",
                f"cam-lo-2019-{n:02d}",
                "done",
                "--date",
                "2019-05-05",
                "--data",
                str(mini),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(10, 18)
    ]
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    final = (mini / "2019/commitments/cam-lo.yaml").read_text(encoding="utf-8")
    for n in range(10, 18):
        assert (
            f"{{id: cam-lo-2019-{n:02d}, text: Nội dung cam kết số {n}, progress: "
            "[{date: 2019-05-05, status: done}]}"
        ) in final
    assert pipeline.load_and_check(mini)[1] == []


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"old\n")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("camket.atomic.os.replace", broken)
    with pytest.raises(OSError):
        atomic.write_bytes(path, b"new\n")
    assert path.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


# --- record --commit: all or nothing ---------------------------------------------------------


@pytest.fixture
def repo(mini: Path) -> Path:
    return repository(mini)


def state(folder: Path) -> tuple[str, str, str, bytes]:
    """HEAD, the index, the status and the file: what a refused record must leave as it was."""
    return (
        git(folder, "rev-parse", "HEAD"),
        git(folder, "ls-files", "-s"),
        git(folder, "status", "--porcelain"),
        (folder / DONG_HA).read_bytes(),
    )


DONE = ["dong-ha-2019-03", "done", "--date", "2019-09-27", "--commit"]


def test_commit_leaves_the_files_clean(repo: Path):
    r = record(repo, *DONE)
    assert r.exit_code == 0, r.stderr
    assert git(repo, "status", "--porcelain", "--ignored") == "!! .camket/\n"
    assert git(repo, "log", "-1", "--format=%s").strip() == (
        "camket: dong-ha-2019-03 → done (2019-09-27)"
    )


def test_commit_takes_only_the_lines_camket_wrote(repo: Path):
    path = repo / DONG_HA
    clerk = path.read_text(encoding="utf-8").replace(
        "Hồ Sỹ Trung", "Hồ Sỹ Trung  # người ký"
    )  # an unrelated edit, not staged, in the same file
    path.write_text(clerk, encoding="utf-8")
    r = record(repo, *DONE)
    assert r.exit_code == 0, r.stderr
    shown = git(repo, "show", "--format=", "HEAD")
    assert "+          - {date: 2019-09-27, status: done}" in shown
    assert "người ký" not in shown
    assert git(repo, "status", "--porcelain") == f" M {DONG_HA}\n"  # still unstaged
    diff = git(repo, "diff")
    assert "+head: Hồ Sỹ Trung  # người ký" in diff and "2019-09-27" not in diff
    assert "2019-09-27" in path.read_text(encoding="utf-8") and "người ký" in path.read_text(
        encoding="utf-8"
    )


def test_commit_keeps_what_the_clerk_staged_staged(repo: Path):
    path = repo / DONG_HA
    path.write_text(
        path.read_text(encoding="utf-8").replace("Hồ Sỹ Trung", "Hồ Sỹ Trung  # người ký"),
        encoding="utf-8",
    )
    git(repo, "add", DONG_HA)
    r = record(repo, *DONE)
    assert r.exit_code == 0, r.stderr
    assert "người ký" not in git(repo, "show", "--format=", "HEAD")
    assert git(repo, "status", "--porcelain") == f"M  {DONG_HA}\n"  # staged, not committed
    staged = git(repo, "diff", "--cached")
    assert "người ký" in staged and "2019-09-27" not in staged


def test_an_approval_commits_the_change_it_approves(repo: Path):
    assert run("seal", "2019", "--data", repo, "--date", "2019-02-20").exit_code == 0
    path = repo / DONG_HA
    text = path.read_text(encoding="utf-8")
    text = text.replace("Hồ Sỹ Trung", "Hồ Sỹ Trung  # người ký")  # unrelated
    text = text.replace("Nghị quyết 18-NQ/TW", "Nghị quyết 18-NQ/TW, giai đoạn 1")  # approved
    path.write_text(text, encoding="utf-8")
    r = record(
        repo,
        "dong-ha-2019-03",
        "adjusted",
        "--date",
        "2019-07-01",
        "--reason",
        "Chia giai đoạn",
        "--approved-by",
        "Công văn số 99-CV/TU",
        "--commit",
    )
    assert r.exit_code == 0, r.stderr
    shown = git(repo, "show", "--format=", "HEAD")
    assert "giai đoạn 1" in shown and "Công văn số 99-CV/TU" in shown and "người ký" not in shown
    assert pipeline.load_and_check(repo)[1] == []


def test_the_same_entry_twice_is_refused(repo: Path):
    assert record(repo, *DONE).exit_code == 0
    before = state(repo)
    r = record(repo, *DONE)
    assert r.exit_code == 1 and "đã được ghi" in r.stderr
    assert state(repo) == before
    r = record(repo, "dong-ha-2019-03", "done", "--date", "2019-09-27")  # without --commit too
    assert r.exit_code == 1 and state(repo) == before


def test_a_merge_in_progress_is_refused_before_writing(repo: Path):
    git(repo, "checkout", "-q", "-b", "khac")
    (repo / "ghi-chu.txt").write_text("a\n", encoding="utf-8")
    git(repo, "add", "ghi-chu.txt")
    git(repo, "commit", "-q", "-m", "Nhánh khác")
    git(repo, "checkout", "-q", "-")
    (repo / "ghi-chu.txt").write_text("b\n", encoding="utf-8")
    git(repo, "add", "ghi-chu.txt")
    git(repo, "commit", "-q", "-m", "Nhánh chính")
    merge = subprocess.run(["git", "-C", str(repo), "merge", "khac"], capture_output=True)
    assert merge.returncode != 0  # a conflict: the merge waits
    before = state(repo)
    r = record(repo, *DONE)
    assert r.exit_code == 1 and "merge" in r.stderr and "--abort" in r.stderr
    assert state(repo) == before


def test_another_git_holding_the_index_is_refused_before_writing(repo: Path):
    lock = repo / ".git/index.lock"
    lock.write_bytes(b"")
    before = (repo / DONG_HA).read_bytes(), git(repo, "rev-parse", "HEAD")
    r = record(repo, *DONE)
    assert r.exit_code == 1 and "index.lock" in r.stderr
    assert ((repo / DONG_HA).read_bytes(), git(repo, "rev-parse", "HEAD")) == before
    lock.unlink()
    assert record(repo, *DONE).exit_code == 0  # and once free, it records once


def test_a_commit_that_fails_after_writing_restores_the_file(repo: Path):
    hook = repo / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'kiểm tra không đạt' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    before = state(repo)
    r = record(repo, *DONE)
    assert r.exit_code == 1 and "không commit được" in r.stderr and "vẫn như cũ" in r.stderr
    assert state(repo) == before
    hook.unlink()
    assert record(repo, *DONE).exit_code == 0
    assert (repo / DONG_HA).read_text(encoding="utf-8").count("2019-09-27") == 1


def test_a_commit_racing_another_is_undone(repo: Path, monkeypatch: pytest.MonkeyPatch):
    from camket.git import writing

    real = writing.commit_index

    def racing(folder: Path, index: Path, message: str) -> str:
        (repo / "ghi-chu.txt").write_text("x\n", encoding="utf-8")
        git(repo, "add", "ghi-chu.txt")
        git(repo, "commit", "-q", "-m", "Commit của người khác")
        return real(folder, index, message)

    monkeypatch.setattr(writing, "commit_index", racing)
    file_before = (repo / DONG_HA).read_bytes()
    r = record(repo, *DONE)
    assert r.exit_code == 1 and "cùng lúc" in r.stderr
    assert git(repo, "log", "-1", "--format=%s").strip() == "Commit của người khác"
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == ["ghi-chu.txt"]
    assert (repo / DONG_HA).read_bytes() == file_before
    assert git(repo, "status", "--porcelain") == ""


def test_the_lock_lives_with_the_data(repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path):
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setenv("TMPDIR", str(shared))
    monkeypatch.setattr("tempfile.tempdir", None)
    assert record(repo, *DONE).exit_code == 0
    assert list(shared.iterdir()) == []
    assert [p.suffix for p in (repo / ".camket").iterdir() if p.name != ".gitignore"] == [".lock"]
    assert git(repo, "status", "--porcelain") == ""  # .camket/ ignores itself


def test_a_read_only_data_folder(mini: Path, monkeypatch: pytest.MonkeyPatch):
    from tests.progress.test_seal import read_only

    files = {p: p.read_bytes() for p in mini.rglob("*") if p.is_file()}
    read_only(mini, monkeypatch)
    r = record(mini, "dong-ha-2019-03", "done", "--date", "2019-09-27")
    assert r.exit_code == 1
    assert "không ghi được" in r.stderr and "EROFS" in r.stderr and "Traceback" not in r.stderr
    assert {p: p.read_bytes() for p in mini.rglob("*") if p.is_file()} == files


def test_a_full_disk(mini: Path, monkeypatch: pytest.MonkeyPatch):
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    # a first entry makes the lock folder: the disk fills while the data file is written
    assert record(mini, "so-xay-dung-2019-02", "done", "--date", "2019-11-20").exit_code == 0
    monkeypatch.setattr("camket.atomic.os.fsync", full)
    before = (mini / DONG_HA).read_bytes()
    r = record(mini, "dong-ha-2019-03", "done", "--date", "2019-09-27")
    assert r.exit_code == 1
    assert "ổ đĩa đã đầy (ENOSPC)" in r.stderr and "chưa ghi gì" in r.stderr
    assert (mini / DONG_HA).read_bytes() == before
    assert [p.name for p in (mini / DONG_HA).parent.iterdir() if p.name.endswith(".tmp")] == []
