"""`camket record INDICATOR VALUE`: an indicator's actual value in year.yaml, the Vietnamese way,
byte-preserving, and with --commit exactly that change or nothing."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from camket import pipeline
from tests.conftest import git, repository, run, write

YEAR = "2019/year.yaml"
LINE = (
    "  - {id: thu-ngan-sach, name: Thu ngân sách, unit: tỷ đồng, plan: 730.223, actual: 660.191}\n"
)

YEAR_2020 = """\
# Chỉ tiêu chủ yếu năm 2020 (Nghị quyết HĐND tỉnh)
year: 2020
theme: Hành động quyết liệt - Về đích toàn diện - Tạo đà bứt phá
signed_on: 2020-02-25
indicators:
  - id: tang-truong
    name: Tốc độ tăng trưởng kinh tế
    unit: "%"
    plan: 7.5        # theo Nghị quyết
    better: higher

  # thu ngân sách: số ước của Sở Tài chính
  - id: thu-ngan-sach
    name: Thu ngân sách
    unit: tỷ đồng
    plan: 3000
    actual: 2800.5   # ước 9 tháng
    actual_on: 2020-09-30
"""


def record(folder: Path, *args: str):
    return run("record", *args, "--data", folder, cwd=folder)


def changes(before: str, after: str) -> list[tuple[list[str], list[str]]]:
    """The (old lines, new lines) of each place `after` differs from `before`."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    return [
        (a[i1:i2], b[j1:j2])
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if op != "equal"
    ]


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts}


def with_2020(mini: Path) -> Path:
    return write(mini, "2020/year.yaml", YEAR_2020)


def test_only_the_value_changes_in_a_flow_mapping(mini: Path):
    path = mini / YEAR
    before = path.read_text(encoding="utf-8")
    r = record(mini, "thu-ngan-sach", "730,223", "--date", "2020-01-15")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(
        "Đã ghi chỉ tiêu thu-ngan-sach năm 2019: 660,191 → 730,223 tỷ đồng (số liệu ngày "
        "2020-01-15) vào "
    )
    assert changes(before, path.read_text(encoding="utf-8")) == [
        (
            [LINE],
            [
                "  - {id: thu-ngan-sach, name: Thu ngân sách, unit: tỷ đồng, plan: 730.223, "
                "actual: 730.223, actual_on: 2020-01-15}\n"
            ],
        )
    ]
    project, problems = pipeline.load_and_check(mini)
    assert problems == []
    indicator = {i.id: i for i in project.years[2019].config.indicators}["thu-ngan-sach"]
    assert str(indicator.actual) == "730.223" and indicator.actual_on.isoformat() == "2020-01-15"


@pytest.mark.parametrize(
    ("typed", "written", "shown"),
    [
        ("730,223", "730.223", "730,223"),
        ("1.234.567", "1234567", "1.234.567"),
        ("1.234,5", "1234.5", "1.234,5"),
        ("42", "42", "42"),
        ("12.5", "12.5", "12,5"),
        ("7,10", "7.10", "7,10"),
    ],
)
def test_vietnamese_numbers(mini: Path, typed: str, written: str, shown: str):
    r = record(mini, "khach-du-lich", typed, "--date", "2020-01-10")
    assert r.exit_code == 0, r.stderr
    assert f"— → {shown} nghìn lượt" in r.stdout
    text = (mini / YEAR).read_text(encoding="utf-8")
    assert (
        "  - {id: khach-du-lich, name: Lượt khách du lịch, unit: nghìn lượt, plan: 2200, "
        f"actual: {written}, actual_on: 2020-01-10}}\n"
    ) in text
    project, problems = pipeline.load_and_check(mini)
    assert [p for p in problems if p.is_error] == []
    indicator = {i.id: i for i in project.years[2019].config.indicators}["khach-du-lich"]
    assert str(indicator.actual) == written


def test_a_negative_value_after_a_double_dash(mini: Path):
    r = run("record", "tang-truong", "--date", "2019-12-31", "--data", mini, "--", "-2,5")
    assert r.exit_code == 0, r.stderr
    assert "actual: -2.5, actual_on: 2019-12-31}" in (mini / YEAR).read_text(encoding="utf-8")


def test_block_style_keeps_comments_and_blank_lines(mini: Path):
    path = with_2020(mini)
    r = record(mini, "tang-truong", "7,48", "--year", "2020", "--date", "2020-12-31")
    assert r.exit_code == 0, r.stderr
    after = path.read_text(encoding="utf-8")
    # the missing fields go after plan:, at its indentation; nothing else moves
    assert changes(YEAR_2020, after) == [
        ([], ["    actual: 7.48\n", "    actual_on: 2020-12-31\n"])
    ]
    assert "    plan: 7.5        # theo Nghị quyết\n    actual: 7.48\n" in after
    r = record(mini, "thu-ngan-sach", "3.012,75", "--year", "2020", "--date", "2021-01-20")
    assert r.exit_code == 0, r.stderr
    assert "2.800,5 → 3.012,75 tỷ đồng" in r.stdout
    assert changes(after, path.read_text(encoding="utf-8")) == [
        (
            ["    actual: 2800.5   # ước 9 tháng\n", "    actual_on: 2020-09-30\n"],
            ["    actual: 3012.75   # ước 9 tháng\n", "    actual_on: 2021-01-20\n"],
        )
    ]


def test_crlf_bom_and_no_final_newline(mini: Path):
    text = YEAR_2020.replace("\n", "\r\n").rstrip("\r\n")
    path = mini / "2020/year.yaml"
    path.parent.mkdir()
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    r = record(mini, "thu-ngan-sach", "2.900", "--year", "2020", "--date", "2020-12-31")
    assert r.exit_code == 1 and "2.900" in r.stderr  # 2900 or 2,9: ambiguous, refused
    r = record(mini, "thu-ngan-sach", "2900", "--year", "2020", "--date", "2020-12-31")
    assert r.exit_code == 0, r.stderr
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.endswith(b"\n")
    expected = text.replace("actual: 2800.5 ", "actual: 2900 ").replace(
        "actual_on: 2020-09-30", "actual_on: 2020-12-31"
    )
    assert data == b"\xef\xbb\xbf" + expected.encode("utf-8")
    r = record(mini, "tang-truong", "7,1", "--year", "2020", "--date", "2020-12-31")
    assert r.exit_code == 0, r.stderr
    assert (
        b"    plan: 7.5        # theo Ngh\xe1\xbb\x8b quy\xe1\xba\xbft\r\n    actual: 7.1\r\n"
        in (path.read_bytes())
    )
    assert b"\n" not in path.read_bytes().replace(b"\r\n", b"")


def test_the_year_when_the_id_is_in_several(mini: Path):
    with_2020(mini)
    files = snapshot(mini)
    r = record(mini, "tang-truong", "7,2")
    assert r.exit_code == 1
    assert "chỉ tiêu 'tang-truong' có trong nhiều năm: 2019, 2020" in r.stderr
    assert "--year 2020" in r.stderr
    assert snapshot(mini) == files
    r = record(mini, "tang-truong", "7,2", "--year", "2020", "--date", "2020-12-31")
    assert r.exit_code == 0, r.stderr
    assert (mini / YEAR).read_bytes() == files[mini / YEAR]  # 2019 untouched
    assert "actual: 7.2" in (mini / "2020/year.yaml").read_text(encoding="utf-8")
    # an id only one year has needs no --year
    r = record(mini, "ho-ngheo", "6,9", "--date", "2019-12-31")
    assert r.exit_code == 0, r.stderr
    assert "Đã ghi chỉ tiêu ho-ngheo năm 2019: 7,05 → 6,9%" in r.stdout


def test_an_item_and_an_indicator_of_another_year_with_one_id(mini: Path):
    """The value decides: a status is for the item, a number for the indicator."""
    write(mini, "2020/year.yaml", YEAR_2020.replace("id: tang-truong", "id: dong-ha-2019-03"))
    r = record(mini, "dong-ha-2019-03", "done", "--date", "2019-09-27")
    assert r.exit_code == 0, r.stderr
    assert "dong-ha-2019-03 → done" in r.stdout
    r = record(mini, "dong-ha-2019-03", "7,6", "--date", "2020-12-31")
    assert r.exit_code == 0, r.stderr
    assert "Đã ghi chỉ tiêu dong-ha-2019-03 năm 2020" in r.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["thu-ngan-sach", "730.223"],
            "giá trị '730.223' chưa rõ là 730.223 hay 730,223: dấu chấm ngăn cách hàng nghìn, "
            "dấu phẩy ngăn phần thập phân; hãy viết 730223 nếu là số nguyên, 730,223 nếu là "
            "số thập phân",
        ),
        (["thu-ngan-sach", "7,05%"], "giá trị '7,05%' không phải một số; hãy viết số"),
        (["thu-ngan-sach", "khoảng 700"], "không phải một số"),
        (["thu-ngan-sach", "1,234,5"], "ví dụ 730,223 hoặc 1.234.567 hoặc 1.234,5"),
        (
            ["thu-ngan-sach", "700", "--date", "2099-01-01"],
            "ngày số liệu 2099-01-01 của chỉ tiêu 'thu-ngan-sach' sau ngày hôm nay",
        ),
        (
            ["thu-ngan-sach", "700", "--date", "2018-12-31"],
            "ngày số liệu 2018-12-31 của chỉ tiêu 'thu-ngan-sach' trước năm 2019",
        ),
        (
            ["thu-ngan-sach", "700", "--note", "ước", "--reason", "x"],
            "--note, --reason chỉ dùng khi ghi tiến độ nội dung cam kết",
        ),
        (
            ["thu-ngan-sac", "700"],
            "không có nội dung cam kết hay chỉ tiêu nào mã 'thu-ngan-sac'; có phải ý bạn là: "
            "thu-ngan-sach",
        ),
        (
            ["thu-ngan-sach", "done"],
            "'thu-ngan-sach' là mã chỉ tiêu (năm 2019), không phải nội dung cam kết",
        ),
        (
            ["thu-ngan-sac", "700", "--year", "2019"],
            "năm 2019 không có chỉ tiêu nào mã 'thu-ngan-sac'; --year chỉ dùng khi ghi chỉ tiêu, "
            "để ghi tiến độ một nội dung cam kết hãy bỏ --year; có phải ý bạn là 'thu-ngan-sach'?",
        ),
        (
            ["dong-ha-2019-03", "done", "--year", "2019"],
            "năm 2019 không có chỉ tiêu nào mã 'dong-ha-2019-03'; --year chỉ dùng khi ghi chỉ "
            "tiêu, để ghi tiến độ một nội dung cam kết hãy bỏ --year",
        ),
        (["thu-ngan-sach", "700", "--year", "2020"], "năm 2020 không có chỉ tiêu 'thu-ngan-sach'"),
        (
            ["thu-ngan-sach", "660,191", "--date", "2019-12-31"],
            "",  # the first record of the test writes it; the same again is refused
        ),
    ],
)
def test_refusals_leave_every_file_as_it_was(mini: Path, args: list[str], expected: str):
    if not expected:  # the same value and date twice
        assert record(mini, *args).exit_code == 0
        expected = "đã có giá trị 660,191, ngày số liệu 2019-12-31; không có gì thay đổi"
    write(mini, "2020/year.yaml", YEAR_2020.replace("thu-ngan-sach", "thu-ngan-sach-2020"))
    files = snapshot(mini)
    r = record(mini, *args)
    assert r.exit_code == 1
    assert r.stderr.startswith("từ chối: ") and expected in r.stderr, r.stderr
    assert snapshot(mini) == files


def test_every_problem_in_one_run(mini: Path):
    r = record(mini, "thu-ngan-sach", "1.234", "--date", "2099-01-01")
    assert r.exit_code == 1
    assert "giá trị '1.234' chưa rõ" in r.stderr and "2099-01-01" in r.stderr


def test_a_year_file_with_errors_is_not_edited(mini: Path):
    path = mini / YEAR
    path.write_text(path.read_text(encoding="utf-8").replace("theme:", "them:"), encoding="utf-8")
    before = path.read_bytes()
    r = record(mini, "thu-ngan-sach", "700", "--date", "2019-12-31")
    assert r.exit_code == 1 and "tệp year.yaml đang có lỗi" in r.stderr
    assert path.read_bytes() == before


def test_a_duplicated_indicator_id_is_not_guessed(mini: Path):
    path = mini / YEAR
    path.write_text(
        path.read_text(encoding="utf-8").replace(LINE, LINE + LINE.replace("Thu", "Tổng thu")),
        encoding="utf-8",
    )
    before = path.read_bytes()
    r = record(mini, "thu-ngan-sach", "700", "--date", "2019-12-31")
    assert r.exit_code == 1 and "mã chỉ tiêu 'thu-ngan-sach' có 2 lần trong year.yaml" in r.stderr
    assert path.read_bytes() == before


def test_english(mini: Path):
    r = run("--lang", "en", "record", "thu-ngan-sach", "1.234", "--data", mini)
    assert r.exit_code == 1
    assert r.stderr.startswith("refused: value '1.234' is ambiguous: 1.234 or 1,234")
    r = run(
        "--lang", "en", "record", "thu-ngan-sach", "700", "--date", "2019-12-31", "--data", mini
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("Recorded indicator thu-ngan-sach of 2019: 660,191 → 700 tỷ đồng")


def test_the_tally_counts_what_was_recorded(mini: Path):
    def indicators() -> dict:
        r = run("status", "2019", "--json", "--data", mini)
        assert r.exit_code == 0, r.stderr
        return json.loads(r.stdout)["indicators"]

    assert indicators() == {"total": 3, "met": 2}
    assert record(mini, "thu-ngan-sach", "730,223", "--date", "2020-01-15").exit_code == 0
    assert record(mini, "khach-du-lich", "2.250,0", "--date", "2020-01-15").exit_code == 0
    assert indicators() == {"total": 4, "met": 4}


def test_validate_refuses_a_figure_date_after_today(mini: Path):
    path = mini / YEAR
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "actual: 660.191}", "actual: 660.191, actual_on: 2099-01-01}"
        ),
        encoding="utf-8",
    )
    r = run("validate", "--data", mini)
    assert r.exit_code == 1
    assert (
        "2019/year.yaml:11:" in r.stdout + r.stderr
        and "ngày số liệu 2099-01-01 của chỉ tiêu 'thu-ngan-sach' sau ngày hôm nay"
        in r.stdout + r.stderr
        and "[E127]" in r.stdout + r.stderr
    )


# --- record --commit: exactly that change, or nothing -----------------------------------------


@pytest.fixture
def repo(mini: Path) -> Path:
    return repository(mini)


def state(folder: Path) -> tuple[str, str, str, bytes]:
    return (
        git(folder, "rev-parse", "HEAD"),
        git(folder, "ls-files", "-s"),
        git(folder, "status", "--porcelain"),
        (folder / YEAR).read_bytes(),
    )


def test_commit_makes_exactly_one_commit_of_that_line(repo: Path):
    head = git(repo, "rev-parse", "HEAD").strip()
    r = record(repo, "thu-ngan-sach", "730,223", "--date", "2020-01-15", "--commit")
    assert r.exit_code == 0, r.stderr
    assert "; commit " in r.stdout
    assert git(repo, "rev-list", "--count", f"{head}..HEAD").strip() == "1"
    assert git(repo, "log", "-1", "--format=%s").strip() == (
        "camket: thu-ngan-sach (2019) → 730.223 (2020-01-15)"
    )
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [YEAR]
    diff = [
        line
        for line in git(repo, "show", "--format=", "--unified=0", "HEAD").splitlines()
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert diff == [
        "-" + LINE.rstrip("\n"),
        "+  - {id: thu-ngan-sach, name: Thu ngân sách, unit: tỷ đồng, plan: 730.223, "
        "actual: 730.223, actual_on: 2020-01-15}",
    ]
    assert git(repo, "status", "--porcelain", "--ignored") == "!! .camket/\n"


def test_commit_leaves_the_clerks_other_edits_uncommitted(repo: Path):
    path = repo / YEAR
    clerk = path.read_text(encoding="utf-8").replace(
        "groups_per_unit: [2, 6]", "groups_per_unit: [2, 6]  # theo Quy định 12"
    )
    path.write_text(clerk, encoding="utf-8")
    r = record(repo, "thu-ngan-sach", "730,223", "--date", "2020-01-15", "--commit")
    assert r.exit_code == 0, r.stderr
    shown = git(repo, "show", "--format=", "HEAD")
    assert "actual: 730.223" in shown and "Quy định 12" not in shown
    assert git(repo, "status", "--porcelain") == f" M {YEAR}\n"  # the clerk's edit, unstaged
    diff = git(repo, "diff")
    assert "Quy định 12" in diff and "730.223, actual_on" not in diff
    text = path.read_text(encoding="utf-8")
    assert "Quy định 12" in text and "actual: 730.223, actual_on: 2020-01-15" in text


def test_commit_refused_when_the_change_is_not_in_the_committed_file(repo: Path):
    """An indicator the clerk added but has not committed: its value cannot be committed alone."""
    path = repo / YEAR
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            LINE,
            LINE + "  - {id: xuat-khau, name: Kim ngạch xuất khẩu, unit: triệu USD, plan: 250}\n",
        ),
        encoding="utf-8",
    )
    before = state(repo)
    r = record(repo, "xuat-khau", "265,3", "--date", "2019-12-31", "--commit")
    assert r.exit_code == 1
    assert "không ghi được thay đổi vào bản đã commit của 2019/year.yaml" in r.stderr
    assert "hãy commit các thay đổi đang có của tệp này trước" in r.stderr
    assert state(repo) == before


def test_commit_outside_a_repository_is_refused_before_writing(mini: Path):
    files = snapshot(mini)
    r = record(mini, "thu-ngan-sach", "700", "--date", "2019-12-31", "--commit")
    assert r.exit_code == 1 and "kho git" in r.stderr
    assert snapshot(mini) == files


def test_a_commit_that_fails_after_writing_restores_the_file(repo: Path):
    hook = repo / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'chưa được commit' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    before = state(repo)
    r = record(repo, "thu-ngan-sach", "700", "--date", "2019-12-31", "--commit")
    assert r.exit_code == 1 and "tệp year.yaml vẫn như cũ" in r.stderr
    assert state(repo) == before
