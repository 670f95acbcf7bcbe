"""`camket undo`: the last progress entry removed, and nothing else; refused, nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from camket import pipeline
from camket.progress import editing, removing
from tests.conftest import EMBEDDED_DATA, git, repository, run, write

DONG_HA = "2019/commitments/dong-ha.yaml"
CAM_LO = "2019/commitments/cam-lo.yaml"


def undo(folder: Path, *args: str):
    return run("undo", *args, "--data", folder, cwd=folder)


def record(folder: Path, *args: str):
    return run("record", *args, "--data", folder, cwd=folder)


def files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def test_removes_exactly_the_last_entry_of_either_style(mini: Path):
    path = mini / DONG_HA
    before = path.read_text(encoding="utf-8")
    flow = "          - {date: 2019-06-20, status: done}\n"
    block = (
        "          - date: 2019-10-15\n"
        "            status: done\n"
        "            cause: objective\n"
        "            reason: Nhà đầu tư chậm hoàn thiện hồ sơ\n"
    )
    assert before.count(flow) == 1 and before.count(block) == 1

    r = undo(mini, "dong-ha-2019-01")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(
        "Đã xóa mục tiến độ cuối của dong-ha-2019-01 (done, ngày 2019-06-20) khỏi "
    )
    assert path.read_text(encoding="utf-8") == before.replace(flow, "")

    r = undo(mini, "dong-ha-2019-02")
    assert r.exit_code == 0, r.stderr
    assert path.read_text(encoding="utf-8") == before.replace(flow, "").replace(block, "")
    assert pipeline.load_and_check(mini)[1] == []
    project, _problems = pipeline.load_and_check(mini)
    items = {i.id: i for i in project.years[2019].commitments["dong-ha"].items()}
    assert [str(e.status) for e in items["dong-ha-2019-01"].progress] == ["in_progress"]
    assert [str(e.status) for e in items["dong-ha-2019-02"].progress] == ["in_progress"]


def test_an_only_entry_takes_the_progress_key_with_it(mini: Path):
    path = mini / DONG_HA
    before = path.read_bytes()
    assert record(mini, "dong-ha-2019-03", "in_progress", "--date", "2019-04-02").exit_code == 0
    assert path.read_bytes() != before
    r = undo(mini, "dong-ha-2019-03")
    assert r.exit_code == 0, r.stderr
    assert path.read_bytes() == before  # as it was before record added `progress:`


@pytest.mark.parametrize(
    "item",
    [
        "      - {id: cam-lo-2019-09, text: Xây dựng 05 tuyến phố văn minh}\n",
        "      - {id: cam-lo-2019-09, text: Xây dựng 05 tuyến phố văn minh, progress: []}\n",
        "      - id: cam-lo-2019-09\n        text: Xây dựng 05 tuyến phố văn minh\n"
        "        progress: [{date: 2019-03-01, status: in_progress}]  # quý I\n",
        "      - id: cam-lo-2019-09\n        text: Xây dựng 05 tuyến phố văn minh\n"
        "        progress:\n          - {date: 2019-03-01, status: in_progress}\n"
        "          # ghi chú của văn thư\n\n",
    ],
)
def test_undo_is_the_inverse_of_record(mini: Path, item: str):
    path = mini / CAM_LO
    base = path.read_text(encoding="utf-8")
    write(mini, CAM_LO, base + item)
    before = path.read_bytes()
    r = record(mini, "cam-lo-2019-09", "done", "--date", "2019-05-05", "--note", "Đã xong")
    assert r.exit_code == 0, r.stderr
    r = undo(mini, "cam-lo-2019-09")
    assert r.exit_code == 0, r.stderr
    after = path.read_bytes()
    if "progress" in item:
        assert after == before
    else:  # the flow item keeps the key record added, empty: it reads the same
        assert after.decode() == base + item.replace("}\n", ", progress: []}\n")
    # the file reads clean (the year's count of items, one more than declared, is not its own)
    assert [p for p in pipeline.load_and_check(mini)[1] if p.path == path] == []


def test_crlf_bom_comments_and_no_final_newline(mini: Path):
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
    assert undo(mini, "dong-ha-2019-01").exit_code == 0
    assert path.read_bytes() == data  # the comments and the blank line after it stay
    # the last item of a file without a final newline
    record(mini, "dong-ha-2019-03", "in_progress", "--date", "2019-04-02")
    assert path.read_bytes() != data
    assert undo(mini, "dong-ha-2019-03").exit_code == 0
    # record ended the file with a line break; undo keeps it (it cannot tell it was not there)
    assert path.read_bytes() == data + b"\r\n"


def test_every_item_of_the_embedded_data_round_trips():
    """record then undo gives the same text, for every item of the sample data, whatever the
    shape of its entries; and where undo takes an entry camket could have written, the file
    reads as before less exactly that entry."""
    entry = {"date": "2020-12-31", "status": "done", "note": "Kiểm tra: 1, 2"}
    removed = 0
    for path in sorted(EMBEDDED_DATA.glob("*/commitments/*.yaml")):
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            if not line.lstrip().startswith(("- id:", "- {id:")):
                continue
            item_id = line.split("id:")[1].split(",")[0].strip()
            with_entry = editing.insert_progress(text, item_id, entry)
            assert removing.remove_last(with_entry, item_id)[0] == text, (path, item_id)
            try:
                less, _gone = removing.remove_last(text, item_id)
            except removing.EditError:
                continue
            removed += 1
            expected = yaml.load(text, Loader=yaml.CSafeLoader)
            [item] = [i for g in expected["groups"] for i in g["items"] if i["id"] == item_id]
            item["progress"].pop()
            found = yaml.load(less, Loader=yaml.CSafeLoader)
            [after] = [i for g in found["groups"] for i in g["items"] if i["id"] == item_id]
            if not item["progress"] and "progress" not in after:
                del item["progress"]
            assert found == expected, (path, item_id)
    assert removed > 100


def test_a_file_ending_on_the_entry_still_ends_so():
    text = (
        "unit: a\r\nyear: 2019\r\nhead: X\r\ngroups:\r\n  - title: T\r\n    items:\r\n"
        "      - id: a-2019-01\r\n        text: Y\r\n        progress:\r\n"
        "          - {date: 2019-03-31, status: in_progress}\r\n"
        "          - {date: 2019-06-30, status: done}"
    )
    less, gone = removing.remove_last(text, "a-2019-01")
    assert gone == "          - {date: 2019-06-30, status: done}"
    assert less == text.removesuffix("\r\n          - {date: 2019-06-30, status: done}")


def test_an_id_prefix_like_record(mini: Path):
    before = files(mini)
    r = undo(mini, "so-xay-dung-2019-0")
    assert r.exit_code == 1 and "khớp với 2 nội dung" in r.stderr
    r = undo(mini, "dongha-2019-01")
    assert r.exit_code == 1 and "có phải ý bạn là: dong-ha-2019-01" in r.stderr
    assert files(mini) == before
    path = mini / CAM_LO
    text = path.read_text(encoding="utf-8")
    item = (
        "      - id: cam-lo-2019-10\n        text: Xây dựng 05 tuyến phố văn minh\n"
        "        progress:\n          - {date: 2019-03-01, status: in_progress}\n"
    )
    write(mini, CAM_LO, text + item)
    r = undo(mini, "cam-lo-2019-1")  # only cam-lo-2019-10 starts so
    assert r.exit_code == 0, r.stderr
    assert "cam-lo-2019-10 (in_progress, ngày 2019-03-01)" in r.stdout
    assert path.read_text(encoding="utf-8") == text + item.replace(
        "        progress:\n          - {date: 2019-03-01, status: in_progress}\n", ""
    )


HAND_WRITTEN = [
    (
        "          - {date: 2019-06-20, status: done}\n",
        "          - {date: 2019-06-20, status: done}  # báo cáo quý II\n",
        "ghi chú (#)",
    ),
    (
        "          - {date: 2019-06-20, status: done}\n",
        "          - date: 2019-06-20\n            # theo báo cáo\n            status: done\n",
        "không nằm trên các dòng liền nhau",
    ),
    (
        "          - {date: 2019-06-20, status: done}\n",
        "          - date: 2019-06-20\n            status: done  # quý II\n",
        "ghi chú (#)",
    ),
    (
        "          - {date: 2019-06-20, status: done}\n",
        "          - {date: 2019-06-20, status: done,\n             note: Bàn giao}\n",
        "trải trên nhiều dòng",
    ),
    (
        "          - {date: 2019-06-20, status: done}\n",
        "          - date: 2019-06-20\n            status: done\n            note: Đã bàn\n"
        "              giao mặt bằng\n",
        "không viết trên một dòng",
    ),
    (
        "          - {date: 2019-06-20, status: done}\n",
        "          - date: 2019-06-20\n            status: done\n            note: |\n"
        "              Đã bàn giao\n",
        "không viết trên một dòng",
    ),
    (
        "        progress:\n          - {date: 2019-03-31, status: in_progress, note: "
        '"Đã kiểm đếm 80% diện tích"}\n          - {date: 2019-06-20, status: done}\n',
        "        progress:  # cập nhật hằng quý\n          - {date: 2019-06-20, status: done}\n",
        "dòng 'progress:' ngay trên nó",
    ),
    (
        "        progress:\n          - {date: 2019-03-31, status: in_progress, note: "
        '"Đã kiểm đếm 80% diện tích"}\n          - {date: 2019-06-20, status: done}\n',
        "        progress: [{date: 2019-03-31, status: in_progress},\n"
        "                   {date: 2019-06-20, status: done}]\n",
        "cùng dòng với mục trước nó",
    ),
]


@pytest.mark.parametrize(("old", "new", "why"), HAND_WRITTEN)
def test_an_entry_camket_did_not_write_is_refused(mini: Path, old: str, new: str, why: str):
    path = mini / DONG_HA
    text = path.read_text(encoding="utf-8")
    assert old in text
    write(mini, DONG_HA, text.replace(old, new))
    assert pipeline.load_and_check(mini)[1] == []  # valid, just not camket's shape
    before = files(mini)
    r = undo(mini, "dong-ha-2019-01")
    assert r.exit_code == 1
    assert r.stderr.startswith("từ chối: mục tiến độ cuối của 'dong-ha-2019-01' (dong-ha.yaml, ")
    assert why in r.stderr and "xóa mục đó bằng tay" in r.stderr
    assert files(mini) == before


def test_refusals_change_nothing(mini: Path):
    before = files(mini)
    r = undo(mini, "dong-ha-2019-03")
    assert r.exit_code == 1
    assert "'dong-ha-2019-03' chưa có mục tiến độ nào" in r.stderr
    assert "camket history dong-ha-2019-03" in r.stderr
    r = undo(mini, "khong-co-2019-01")
    assert r.exit_code == 1 and "không có nội dung cam kết hay chỉ tiêu nào mã" in r.stderr
    assert files(mini) == before
    # a file with errors of its own is not edited
    path = mini / DONG_HA
    path.write_text(path.read_text(encoding="utf-8").replace("head:", "hed:"), encoding="utf-8")
    before = files(mini)
    r = undo(mini, "dong-ha-2019-01")
    assert r.exit_code == 1 and "đang có lỗi" in r.stderr
    assert files(mini) == before


def test_messages_in_english(mini: Path):
    before = files(mini)
    r = run("--lang", "en", "undo", "dong-ha-2019-03", "--data", mini)
    assert r.exit_code == 1
    assert r.stderr.startswith("refused: 'dong-ha-2019-03' has no progress entry")
    r = run("--lang", "en", "undo", "dong-ha-2019-01", "--data", mini)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(
        "Removed the last progress entry of dong-ha-2019-01 (done, 2019-06-20) from "
    )
    assert files(mini) != before
    r = run("--lang", "en", "undo", "--help")
    assert "Remove the last progress entry" in r.stdout


# --- undo --commit -------------------------------------------------------------------------


@pytest.fixture
def repo(mini: Path) -> Path:
    return repository(mini)


def state(folder: Path) -> tuple[str, str, str, bytes]:
    return (
        git(folder, "rev-parse", "HEAD"),
        git(folder, "ls-files", "-s"),
        git(folder, "status", "--porcelain"),
        (folder / DONG_HA).read_bytes(),
    )


def test_commit_makes_one_commit_of_exactly_that_change(repo: Path):
    path = repo / DONG_HA
    head = git(repo, "rev-parse", "HEAD").strip()
    clerk = path.read_text(encoding="utf-8").replace("Hồ Sỹ Trung", "Hồ Sỹ Trung  # người ký")
    path.write_text(clerk, encoding="utf-8")  # an unrelated edit, not staged
    r = undo(repo, "dong-ha-2019-02", "--commit")
    assert r.exit_code == 0, r.stderr
    assert "; commit " in r.stdout
    assert git(repo, "rev-parse", "HEAD~1").strip() == head
    assert git(repo, "log", "-1", "--format=%s").strip() == (
        "camket: xóa mục tiến độ cuối của dong-ha-2019-02 (done, 2019-10-15)"
    )
    assert git(repo, "log", "-1", "--format=%b").strip() == (
        "Mục đã xóa:\n- date: 2019-10-15\n  status: done\n  cause: objective\n"
        "  reason: Nhà đầu tư chậm hoàn thiện hồ sơ"
    )
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [DONG_HA]
    diff = git(repo, "show", "--format=", "--unified=0", "HEAD")
    changed = [
        line
        for line in diff.splitlines()
        if line.startswith(("+", "-")) and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        "-          - date: 2019-10-15",
        "-            status: done",
        "-            cause: objective",
        "-            reason: Nhà đầu tư chậm hoàn thiện hồ sơ",
    ]
    # the clerk's edit is still there, still not staged; camket's change is committed
    assert git(repo, "status", "--porcelain") == f" M {DONG_HA}\n"
    assert "người ký" in git(repo, "diff") and "2019-10-15" not in git(repo, "diff")
    assert "2019-10-15" not in path.read_text(encoding="utf-8")


def test_commit_keeps_what_the_clerk_staged_staged(repo: Path):
    path = repo / DONG_HA
    path.write_text(
        path.read_text(encoding="utf-8").replace("Hồ Sỹ Trung", "Hồ Sỹ Trung  # người ký"),
        encoding="utf-8",
    )
    git(repo, "add", DONG_HA)
    r = undo(repo, "dong-ha-2019-01", "--commit")
    assert r.exit_code == 0, r.stderr
    shown = git(repo, "show", "--format=", "HEAD")
    assert "-          - {date: 2019-06-20, status: done}" in shown and "người ký" not in shown
    assert git(repo, "status", "--porcelain") == f"M  {DONG_HA}\n"  # staged, not committed
    staged = git(repo, "diff", "--cached")
    assert "người ký" in staged and "2019-06-20" not in staged


def test_commit_of_an_entry_not_committed_is_refused(repo: Path):
    assert record(repo, "dong-ha-2019-03", "done", "--date", "2019-09-27").exit_code == 0
    before = state(repo)
    r = undo(repo, "dong-ha-2019-03", "--commit")
    assert r.exit_code == 1 and "chưa được commit" in r.stderr and "bỏ --commit" in r.stderr
    assert state(repo) == before
    r = undo(repo, "dong-ha-2019-03")  # without --commit it goes
    assert r.exit_code == 0
    assert git(repo, "status", "--porcelain") == ""


def test_record_commit_then_undo_commit(repo: Path):
    before = (repo / DONG_HA).read_bytes()
    assert (
        record(repo, "dong-ha-2019-03", "done", "--date", "2019-09-27", "--commit").exit_code == 0
    )
    r = undo(repo, "dong-ha-2019-03", "--commit")
    assert r.exit_code == 0, r.stderr
    assert (repo / DONG_HA).read_bytes() == before
    assert git(repo, "diff", "HEAD~2", "HEAD") == ""
    assert git(repo, "status", "--porcelain") == ""


def test_commit_outside_a_repository_is_refused(mini: Path):
    before = files(mini)
    r = undo(mini, "dong-ha-2019-01", "--commit")
    assert r.exit_code == 1 and "kho git" in r.stderr
    assert files(mini) == before


# --- a sealed year ---------------------------------------------------------------------------

APPROVAL = [
    "--reason",
    "Lùi thời hạn do thiếu vốn",
    "--approved-by",
    "Công văn số 1502-CV/TU ngày 28/6/2019",
]


@pytest.fixture
def sealed(repo: Path) -> Path:
    r = run("seal", "2019", "--data", repo, "--date", "2019-02-20")
    assert r.exit_code == 0, r.stderr
    return repo


def test_a_sealed_years_approved_adjustment_is_not_undone(sealed: Path):
    path = sealed / CAM_LO
    path.write_text(
        path.read_text(encoding="utf-8").replace("due: 2019-03-31", "due: 2019-09-30"),
        encoding="utf-8",
    )
    r = record(sealed, "cam-lo-2019-01", "adjusted", "--date", "2019-07-01", *APPROVAL, "--commit")
    assert r.exit_code == 0, r.stderr
    before = state(sealed), path.read_bytes()
    for args in ([], ["--commit"]):
        r = undo(sealed, "cam-lo-2019-01", *args)
        assert r.exit_code == 1
        assert "quyết định điều chỉnh đã phê duyệt (Công văn số 1502-CV/TU" in r.stderr
        assert "năm 2019 đã niêm phong" in r.stderr and "nên camket không xóa" in r.stderr
        assert (state(sealed), path.read_bytes()) == before
    assert pipeline.load_and_check(sealed)[1] == []
    # what the message says to do with a mistyped document: correct it in place, commit
    assert "sửa approved_by: hoặc reason: của mục đó ngay trong tệp cam-lo.yaml (dòng 12)" in (
        r.stderr
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace("1502-CV/TU", "1520-CV/TU"), encoding="utf-8"
    )
    git(sealed, "commit", "-qam", "Sửa số công văn")
    assert pipeline.load_and_check(sealed)[1] == []  # still the approval of the same change
    r = run("--lang", "en", "undo", "cam-lo-2019-01", "--data", sealed)
    assert (
        r.exit_code == 1
        and "is an approved adjustment" in r.stderr
        and "2019 is sealed" in r.stderr
    )


def test_a_sealed_years_ordinary_entry_is_undone(sealed: Path):
    before = (sealed / DONG_HA).read_bytes()
    assert (
        record(sealed, "dong-ha-2019-03", "done", "--date", "2019-09-27", "--commit").exit_code == 0
    )
    r = undo(sealed, "dong-ha-2019-03", "--commit")
    assert r.exit_code == 0, r.stderr
    assert (sealed / DONG_HA).read_bytes() == before
    assert pipeline.load_and_check(sealed)[1] == []
    assert run("seal", "2019", "--check", "--data", sealed).exit_code == 0


def test_an_adjustment_of_a_year_not_sealed_can_be_undone(mini: Path):
    path = mini / DONG_HA
    before = path.read_bytes()
    r = record(mini, "dong-ha-2019-03", "adjusted", "--date", "2019-05-01", *APPROVAL)
    assert r.exit_code == 0, r.stderr
    assert undo(mini, "dong-ha-2019-03").exit_code == 0
    assert path.read_bytes() == before
