"""Sealing what was signed: the seal is a git tag on a commit, and validate reads the signed
content from git; an unapproved edit is an error, an approved adjustment is not, and nothing
done to the files alone (seal.yaml, comments, entries without approval) changes that."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest

from camket import pipeline
from tests.conftest import run
from tests.docx_reading import document

CAM_LO = "2019/commitments/cam-lo.yaml"
DONG_HA = "2019/commitments/dong-ha.yaml"
APPROVAL = [
    "--reason",
    "Lùi thời hạn do thiếu vốn",
    "--approved-by",
    "Công văn số 1502-CV/TU ngày 28/6/2019",
]


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    ).stdout


def problems(folder: Path) -> list:
    return pipeline.load_and_check(folder)[1]


def codes(folder: Path) -> list[str]:
    return [p.code for p in problems(folder)]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def commit_all(folder: Path, message: str) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message)


@pytest.fixture
def repo(mini: Path) -> Path:
    """The mini folder in a git repository, everything committed."""
    git(mini, "init", "-q")
    git(mini, "config", "user.name", "Văn thư")
    git(mini, "config", "user.email", "vt@example.vn")
    commit_all(mini, "Dữ liệu")
    return mini


@pytest.fixture
def sealed(repo: Path) -> Path:
    r = run("seal", "2019", "--data", repo, "--date", "2019-02-20")
    assert r.exit_code == 0, r.stderr
    return repo


def record(folder: Path, *args: str):
    return run("record", *args, "--data", folder)


# --- the seal itself -------------------------------------------------------------------------


def test_seal_commits_the_year_and_tags_the_commit(repo: Path):
    before = git(repo, "rev-parse", "HEAD").strip()
    r = run("seal", "2019", "--data", repo, "--date", "2019-02-20")
    assert r.exit_code == 0, r.stderr
    head = git(repo, "rev-parse", "HEAD").strip()
    assert "thẻ git cam-ket-2019" in r.stdout and head[:10] in r.stdout
    assert git(repo, "rev-parse", "HEAD^").strip() == before
    assert git(repo, "cat-file", "-t", "cam-ket-2019").strip() == "tag"  # annotated
    assert git(repo, "rev-parse", "cam-ket-2019^{commit}").strip() == head
    message = git(repo, "log", "-1", "--format=%B")
    assert "Camket-Seal: 2019" in message and "Camket-Sealed-On: 2019-02-20" in message
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == ["2019/seal.yaml"]
    assert git(repo, "status", "--porcelain") == ""
    record_text = (repo / "2019/seal.yaml").read_text(encoding="utf-8")
    assert (
        "tag: cam-ket-2019" in record_text and '"cam-lo-2019-01": {unit: "cam-lo"}' in record_text
    )
    assert codes(repo) == []
    check = run("seal", "2019", "--data", repo, "--check")
    assert check.exit_code == 0
    assert "niêm phong ngày 2019-02-20 (thẻ cam-ket-2019" in check.stdout
    assert "7 nội dung; 0 lần điều chỉnh đã phê duyệt, 0 thay đổi chưa phê duyệt" in check.stdout


def test_seal_outside_a_repository_refuses_and_says_why(mini: Path):
    r = run("seal", "2019", "--data", mini)
    assert r.exit_code == 1 and "cần một kho git" in r.stderr and "git init" in r.stderr
    assert not (mini / "2019/seal.yaml").exists()


def test_seal_refuses_uncommitted_changes(repo: Path):
    edit(repo / CAM_LO, "due: 2019-03-31", "due: 2019-04-30")
    head = git(repo, "rev-parse", "HEAD")
    r = run("seal", "2019", "--data", repo)
    assert r.exit_code == 1 and "chưa commit" in r.stderr and "cam-lo.yaml" in r.stderr
    assert git(repo, "rev-parse", "HEAD") == head and git(repo, "tag") == ""
    assert not (repo / "2019/seal.yaml").exists()


def test_seal_refuses_a_year_with_errors(repo: Path):
    edit(repo / DONG_HA, "head:", "hed:")
    commit_all(repo, "Sửa nhầm")
    r = run("seal", "2019", "--data", repo)
    assert r.exit_code == 1 and "còn lỗi" in r.stderr and "[E0" in r.stderr
    assert git(repo, "tag") == "" and not (repo / "2019/seal.yaml").exists()


def test_sealing_twice_needs_force(sealed: Path):
    r = run("seal", "2019", "--data", sealed)
    assert r.exit_code == 1 and "--force" in r.stderr
    first = git(sealed, "rev-parse", "cam-ket-2019^{commit}")
    # a decision changes a due date; the year is sealed again with it
    edit(sealed / CAM_LO, "due: 2019-03-31", "due: 2019-06-30")
    commit_all(sealed, "Lùi thời hạn theo quyết định")
    assert codes(sealed) == ["E121"]
    r = run("seal", "2019", "--data", sealed, "--force", "--date", "2019-07-01")
    assert r.exit_code == 0, r.stderr
    assert git(sealed, "rev-parse", "cam-ket-2019^{commit}") != first
    assert codes(sealed) == []
    assert "niêm phong ngày 2019-07-01" in run("seal", "2019", "--data", sealed, "--check").stdout


def test_a_seal_cannot_be_dated_in_the_future(repo: Path):
    r = run("seal", "2019", "--data", repo, "--date", "2099-01-01")
    assert r.exit_code == 1 and not (repo / "2019/seal.yaml").exists()


def test_check_before_sealing(repo: Path):
    r = run("seal", "2019", "--data", repo, "--check")
    assert r.exit_code == 1 and "chưa niêm phong" in r.stdout


FAKE_GPG = """#!/bin/sh
# signs anything: what git needs from gpg to sign a tag
cat > /dev/null
echo "[GNUPG:] SIG_CREATED D 1 8 00 1 ABC" >&2
printf -- '-----BEGIN PGP SIGNATURE-----\\n\\nZmFrZQ==\\n-----END PGP SIGNATURE-----\\n'
"""


def test_the_tag_is_signed_when_git_signs_tags(repo: Path, tmp_path: Path):
    gpg = tmp_path / "gpg"
    gpg.write_text(FAKE_GPG)
    gpg.chmod(0o755)
    git(repo, "config", "tag.gpgSign", "true")
    git(repo, "config", "gpg.program", str(gpg))
    git(repo, "config", "user.signingKey", "ABC")
    assert run("seal", "2019", "--data", repo).exit_code == 0
    assert "-----BEGIN PGP SIGNATURE-----" in git(repo, "cat-file", "tag", "cam-ket-2019")


def test_seal_is_all_or_nothing_when_the_tag_fails(repo: Path):
    git(repo, "config", "tag.gpgSign", "true")
    git(repo, "config", "gpg.program", "false")  # signing fails: no tag can be made
    head = git(repo, "rev-parse", "HEAD")
    r = run("seal", "2019", "--data", repo)
    assert r.exit_code == 1 and "không niêm phong được" in r.stderr
    assert git(repo, "rev-parse", "HEAD") == head and git(repo, "tag") == ""
    assert not (repo / "2019/seal.yaml").exists()
    assert git(repo, "status", "--porcelain") == ""


def test_seal_in_a_read_only_data_folder(repo: Path, monkeypatch: pytest.MonkeyPatch):
    read_only(repo, monkeypatch)
    head = git(repo, "rev-parse", "HEAD")
    r = run("seal", "2019", "--data", repo)
    assert r.exit_code == 1
    assert "không ghi được" in r.stderr and "EROFS" in r.stderr and "Traceback" not in r.stderr
    assert git(repo, "rev-parse", "HEAD") == head and git(repo, "tag") == ""
    assert not (repo / "2019/seal.yaml").exists()


def read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file camket would create in `folder` fails as on a read-only disk (root ignores
    permission bits, so they cannot be used here)."""
    real_open, real_mkdir = os.open, os.mkdir
    inside = str(folder.resolve())

    def refuse(path: object) -> None:
        if str(Path(os.fsdecode(path)).resolve()).startswith(inside):  # type: ignore[arg-type]
            raise OSError(30, "Read-only file system", os.fsdecode(path))  # type: ignore[arg-type]

    def opening(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            refuse(path)
        return real_open(path, flags, *args, **kwargs)

    def making(path, *args, **kwargs):
        refuse(path)
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", opening)
    monkeypatch.setattr(os, "mkdir", making)


# --- changes and approvals -------------------------------------------------------------------


def test_seal_then_edit_then_approve(sealed: Path, tmp_path: Path):
    # progress stays free to add
    r = record(sealed, "dong-ha-2019-03", "in_progress", "--date", "2019-04-01", "--commit")
    assert r.exit_code == 0 and codes(sealed) == []

    # an unapproved change of signed content
    cam_lo = sealed / CAM_LO
    edit(cam_lo, "due: 2019-03-31", "due: 2019-09-30")
    [p] = problems(sealed)
    assert p.code == "E121" and p.path == cam_lo and p.line == 7
    assert "'cam-lo-2019-01'" in p.message and "thời hạn" in p.message
    check = run("seal", "2019", "--data", sealed, "--check")
    assert (
        check.exit_code == 1
        and "cam-lo-2019-01: thay đổi thời hạn (CHƯA phê duyệt)" in check.stdout
    )
    assert run("status", "2019", "--data", sealed).exit_code == 1

    # the approved adjustment, recorded with camket itself, commits the change it approves
    r = record(sealed, "cam-lo-2019-01", "adjusted", "--date", "2019-07-01", *APPROVAL, "--commit")
    assert r.exit_code == 0, r.stderr
    assert git(sealed, "status", "--porcelain") == ""
    assert "+        due: 2019-09-30" in git(sealed, "show", "HEAD")
    assert codes(sealed) == []
    check = run("seal", "2019", "--data", sealed, "--check")
    assert check.exit_code == 0
    assert "1 lần điều chỉnh đã phê duyệt, 0 thay đổi chưa phê duyệt" in check.stdout

    # sheets made after sealing say so
    out = tmp_path / "s.docx"
    r = run("sheets", "2019", "cam-lo", "--data", sealed, "--combined", "--out", out)
    assert r.exit_code == 0
    assert "niêm phong ngày 2019-02-20" in document(out).core_properties.comments

    # the approval was for that change: a later one is an error again, committed or not
    edit(cam_lo, "due: 2019-09-30", "due: 2019-10-31")
    [p] = problems(sealed)
    assert p.code == "E121" and "sau quyết định điều chỉnh ngày 2019-07-01" in p.message
    commit_all(sealed, "Lùi tiếp")
    assert codes(sealed) == ["E121"]


def test_an_approval_recorded_without_commit_covers_the_files_as_they_are(sealed: Path):
    edit(sealed / CAM_LO, "due: 2019-03-31", "due: 2019-09-30")
    r = record(sealed, "cam-lo-2019-01", "adjusted", "--date", "2019-07-01", *APPROVAL)
    assert r.exit_code == 0, r.stderr
    assert codes(sealed) == []
    commit_all(sealed, "Điều chỉnh thời hạn")  # committed together: still approved
    assert codes(sealed) == []


# An approval written before the change it is for (record refuses it: nothing to approve yet;
# a clerk can still type it into the file).
APPROVAL_LINE = (
    '          - {date: 2019-07-01, status: adjusted, reason: "Lùi thời hạn do thiếu vốn", '
    'approved_by: "Công văn số 1502-CV/TU ngày 28/6/2019"}\n'
)
PROGRESS_LINE = "          - {date: 2019-06-30, status: đang thực hiện}\n"


def approve_by_hand(folder: Path) -> None:
    edit(folder / CAM_LO, PROGRESS_LINE, PROGRESS_LINE + APPROVAL_LINE)


def test_an_approval_committed_before_the_change_does_not_cover_it(sealed: Path):
    approve_by_hand(sealed)
    commit_all(sealed, "Quyết định điều chỉnh")
    edit(sealed / CAM_LO, "due: 2019-03-31", "due: 2019-09-30")
    commit_all(sealed, "Lùi thời hạn")
    [p] = problems(sealed)
    assert p.code == "E121" and "sau quyết định điều chỉnh" in p.message


def test_the_latest_approval_counts(sealed: Path):
    edit(sealed / CAM_LO, "due: 2019-03-31", "due: 2019-09-30")
    assert (
        record(sealed, "cam-lo-2019-01", "adjusted", "--date", "2019-07-01", *APPROVAL).exit_code
        == 0
    )
    commit_all(sealed, "Lần 1")
    edit(sealed / CAM_LO, "due: 2019-09-30", "due: 2019-11-30")
    commit_all(sealed, "Lùi tiếp, chưa có quyết định")
    assert codes(sealed) == ["E121"]
    r = record(
        sealed,
        "cam-lo-2019-01",
        "adjusted",
        "--date",
        "2019-10-01",
        "--reason",
        "Lùi lần hai",
        "--approved-by",
        "Công văn số 2001-CV/TU",
        "--commit",
    )
    assert r.exit_code == 0, r.stderr
    assert codes(sealed) == []
    assert (
        "2 lần điều chỉnh đã phê duyệt" in run("seal", "2019", "--data", sealed, "--check").stdout
    )


def test_added_removed_and_moved_items(sealed: Path):
    dong_ha = sealed / DONG_HA
    edit(dong_ha, "      - id: dong-ha-2019-03\n", "      - id: dong-ha-2019-04\n")
    found = [p for p in problems(sealed) if p.code == "E121"]
    assert len(found) == 2
    removed = next(p for p in found if "dong-ha-2019-03" in p.message)
    added = next(p for p in found if "dong-ha-2019-04" in p.message)
    assert removed.path == dong_ha and "không còn" in removed.message
    assert "git show" in removed.message and "dong-ha.yaml" in removed.message
    assert added.path == dong_ha and "nội dung mới" in added.message
    git(sealed, "checkout", "--", DONG_HA)
    # an item moved to another unit's file changed its unit
    text = (sealed / CAM_LO).read_text(encoding="utf-8")
    block = text[text.index("      - id: cam-lo-2019-02") :]
    (sealed / CAM_LO).write_text(
        text.replace(block, "").replace("  - title: Xây dựng Đảng\n    items:\n", ""),
        encoding="utf-8",
    )
    edit(
        dong_ha,
        "  - title: Xây dựng Đảng\n    items:\n",
        "  - title: Xây dựng Đảng\n    items:\n" + block,
    )
    [p] = [p for p in problems(sealed) if p.code == "E121"]
    assert "'cam-lo-2019-02'" in p.message and "đơn vị" in p.message and p.path == dong_ha


def test_the_same_plan_written_differently_is_no_change(sealed: Path):
    edit(sealed / "2019/commitments/so-xay-dung.yaml", "plan: 31,", "plan: 31.0,")
    assert codes(sealed) == []


# --- what the files alone cannot do ----------------------------------------------------------


def _digest(value: object) -> str:  # the fingerprint seal.yaml used to hold
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def test_a_fingerprint_recomputed_by_hand_approves_nothing(sealed: Path):
    new = "Xây dựng xã Cam Thành đạt chuẩn nông thôn mới"
    edit(sealed / CAM_LO, "đạt chuẩn nông thôn mới nâng cao", "đạt chuẩn nông thôn mới")
    seal_yaml = sealed / "2019/seal.yaml"
    edit(
        seal_yaml,
        '"cam-lo-2019-01": {unit: "cam-lo"}',
        f'"cam-lo-2019-01": {{unit: "cam-lo", text: "{_digest(new)}"}}',
    )
    commit_all(sealed, "Sửa lời văn và dấu vân tay")
    [p] = problems(sealed)
    assert p.code == "E121" and "nội dung" in p.message


def test_deleting_or_editing_seal_yaml_changes_nothing(sealed: Path):
    edit(sealed / CAM_LO, "due: 2019-03-31", "due: 2019-09-30")
    before = [(p.code, p.line, p.message) for p in problems(sealed)]
    assert [c for c, _l, _m in before] == ["E121"]
    (sealed / "2019/seal.yaml").write_text("year: [không còn là YAML hợp lệ\n", encoding="utf-8")
    assert [(p.code, p.line, p.message) for p in problems(sealed)] == before
    (sealed / "2019/seal.yaml").unlink()
    commit_all(sealed, "Xóa seal.yaml")
    assert [(p.code, p.line, p.message) for p in problems(sealed)] == before


def test_a_comment_claiming_approval_counts_for_nothing(sealed: Path):
    edit(sealed / CAM_LO, "due: 2019-03-31", "due: 2019-09-30")
    claim = "  # cam-lo-2019-01: điều chỉnh ngày 2019-07-01 theo Công văn số 1502-CV/TU\n"
    (sealed / "2019/seal.yaml").write_text(
        (sealed / "2019/seal.yaml").read_text(encoding="utf-8") + claim, encoding="utf-8"
    )
    edit(sealed / CAM_LO, "        due: 2019-09-30\n", "        due: 2019-09-30\n" + claim * 2)
    commit_all(sealed, "Ghi chú phê duyệt")
    assert codes(sealed) == ["E121"]
    check = run("seal", "2019", "--data", sealed, "--check")
    assert "0 lần điều chỉnh đã phê duyệt, 1 thay đổi chưa phê duyệt" in check.stdout


def test_an_adjustment_without_approved_by_approves_nothing(sealed: Path):
    edit(sealed / CAM_LO, "due: 2019-03-31", "due: 2019-09-30")
    edit(
        sealed / CAM_LO,
        "          - {date: 2019-06-30, status: đang thực hiện}\n",
        "          - {date: 2019-06-30, status: đang thực hiện}\n"
        "          - {date: 2019-07-01, status: adjusted, reason: Lùi thời hạn}\n",
    )
    commit_all(sealed, "Điều chỉnh không có văn bản")
    assert sorted(codes(sealed)) == ["E113", "E121"]


def test_a_moved_tag_is_reported_and_whitewashes_nothing(sealed: Path):
    edit(sealed / CAM_LO, "due: 2019-03-31", "due: 2019-09-30")
    commit_all(sealed, "Lùi thời hạn")
    git(sealed, "tag", "-f", "-a", "cam-ket-2019", "-m", "Dời thẻ", "HEAD")
    found = problems(sealed)
    assert sorted(p.code for p in found) == ["E121", "E123"]
    moved = next(p for p in found if p.code == "E123")
    assert moved.path == sealed / "2019/year.yaml" and "đã bị dời" in moved.message
    assert run("seal", "2019", "--data", sealed, "--check").exit_code == 1


def test_a_deleted_tag_is_reported(sealed: Path):
    edit(sealed / CAM_LO, "due: 2019-03-31", "due: 2019-09-30")
    git(sealed, "tag", "-d", "cam-ket-2019")
    found = problems(sealed)
    assert sorted(p.code for p in found) == ["E121", "E123"]
    assert "không còn thẻ git cam-ket-2019" in next(p for p in found if p.code == "E123").message


def test_a_tag_replaced_by_a_lightweight_one_is_reported(sealed: Path):
    git(sealed, "tag", "-f", "cam-ket-2019", "HEAD")  # the same commit, no longer annotated
    found = problems(sealed)
    assert [p.code for p in found] == ["E123"] and "thẻ có chú thích" in found[0].message


def test_a_tag_made_by_hand_is_reported(repo: Path):
    git(repo, "tag", "-a", "cam-ket-2019", "-m", "Niêm phong bằng tay")
    found = problems(repo)
    assert [p.code for p in found] == ["E123"] and "không phải commit do camket seal" in found[
        0
    ].message


def test_a_seal_outside_the_branch_in_use_is_reported(sealed: Path):
    git(sealed, "checkout", "-q", "-b", "truoc-niem-phong", "HEAD^")
    found = problems(sealed)
    assert [p.code for p in found] == ["E123"] and "git pull" in found[0].message


def test_an_old_seal_yaml_without_a_tag_asks_for_a_new_seal(repo: Path):
    old = (
        "year: 2019\nsealed_on: 2019-02-20\nitems:\n"
        '  "cam-lo-2019-01": {unit: "cam-lo", group: "7265572f14ddac5a", '
        'text: "68b9649047fd0969", due: "b84255fd880b44c4", indicator: "74234e98afe7498f"}\n'
    )
    (repo / "2019/seal.yaml").write_text(old, encoding="utf-8")
    commit_all(repo, "Niêm phong kiểu cũ")
    found = problems(repo)
    assert [p.code for p in found] == ["W123"] and "--force" in found[0].message
    r = run("seal", "2019", "--data", repo)
    assert r.exit_code == 1 and "--force" in r.stderr
    assert run("seal", "2019", "--data", repo, "--force").exit_code == 0
    assert codes(repo) == []


def test_validate_cache_sees_a_tag_deleted_or_a_new_commit(sealed: Path):
    assert run("validate", "--data", sealed).exit_code == 0
    git(sealed, "tag", "-d", "cam-ket-2019")
    r = run("validate", "--data", sealed)  # the files are as they were: the cache must not hit
    assert r.exit_code == 1 and "[E123]" in r.stdout
    git(sealed, "tag", "-a", "cam-ket-2019", "-m", "Lấy lại", "HEAD")
    assert run("validate", "--data", sealed).exit_code == 0
    # an approval committed, then the change: the files end up as before, the verdict not
    cam_lo = sealed / CAM_LO
    edit(cam_lo, "due: 2019-03-31", "due: 2019-09-30")
    assert (
        record(sealed, "cam-lo-2019-01", "adjusted", "--date", "2019-07-01", *APPROVAL).exit_code
        == 0
    )
    after = cam_lo.read_bytes()
    assert run("validate", "--data", sealed).exit_code == 0
    git(sealed, "checkout", "--", CAM_LO)
    approve_by_hand(sealed)
    commit_all(sealed, "Quyết định điều chỉnh")
    cam_lo.write_bytes(after)
    r = run("validate", "--data", sealed)
    assert r.exit_code == 1 and "[E121]" in r.stdout


def test_a_data_folder_inside_a_larger_repository(mini: Path, tmp_path: Path):
    top = tmp_path / "kho"
    data = top / "Dữ liệu cam kết"
    data.parent.mkdir()
    mini.rename(data)
    (top / "ghi-chu.txt").write_text("tệp khác của cơ quan\n", encoding="utf-8")
    git(top, "init", "-q")
    git(top, "config", "user.name", "Văn thư")
    git(top, "config", "user.email", "vt@example.vn")
    commit_all(top, "Dữ liệu")
    assert run("seal", "2019", "--data", data, "--date", "2019-02-20").exit_code == 0
    assert "Camket-Folder: Dữ liệu cam kết" in git(top, "log", "-1", "--format=%B")
    edit(data / CAM_LO, "due: 2019-03-31", "due: 2019-09-30")
    (top / "ghi-chu.txt").write_text("đang sửa\n", encoding="utf-8")
    assert codes(data) == ["E121"]
    r = record(data, "cam-lo-2019-01", "adjusted", "--date", "2019-07-01", *APPROVAL, "--commit")
    assert r.exit_code == 0, r.stderr
    assert codes(data) == []
    assert git(top, "status", "--porcelain") == " M ghi-chu.txt\n"
    shown = git(top, "-c", "core.quotePath=false", "show", "--name-only", "--format=", "HEAD")
    assert shown == "Dữ liệu cam kết/2019/commitments/cam-lo.yaml\n"


def test_without_git_a_sealed_year_is_not_taken_as_unsealed(
    sealed: Path, monkeypatch: pytest.MonkeyPatch
):
    edit(sealed / CAM_LO, "due: 2019-03-31", "due: 2019-09-30")
    monkeypatch.setattr("camket.git.shutil.which", lambda name: None)
    found = problems(sealed)
    assert [p.code for p in found] == ["E123"] and "chưa cài git" in found[0].message
    check = run("seal", "2019", "--data", sealed, "--check")
    assert check.exit_code == 1 and "chưa cài git" in check.stderr
