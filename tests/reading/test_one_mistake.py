"""One bad value hides nothing (issue 14 §1): a bad date, a status typo or a file in another
encoding marks that value, and the rest of the item, the file and the year are still checked
in the same run; a file that does not parse is skipped without its items being reported as
missing from a sealed year."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import repository, run

CAM_LO = "2019/commitments/cam-lo.yaml"
DONG_HA = "2019/commitments/dong-ha.yaml"
TONES = "\u0300\u0301\u0303\u0309\u0323"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("2019/")]


def three_mistakes(folder: Path) -> None:
    """A clerk's usual three: a day June does not have, a status typed without diacritics, a
    pause without its reason, each on a different item of one file."""
    path = folder / CAM_LO
    edit(path, "due: 2019-03-31", "due: 31/06/2019")
    edit(path, "status: not_done, cause", "status: dang thuc hien, cause")
    with path.open("a", encoding="utf-8") as f:
        f.write(
            "      - id: cam-lo-2019-03\n"
            "        text: Kiện toàn bộ máy\n"
            "        due: 2019-12-31\n"
            "        progress:\n"
            "          - {date: 2019-09-30, status: paused}\n"
        )


def windows_1258(text: str) -> bytes:
    """Text as Vietnamese Windows saves it: cp1258 has few precomposed letters, the rest are a
    base letter followed by a combining tone mark."""
    import unicodedata

    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append((base + tone).encode("cp1258"))
    return b"".join(out)


@pytest.fixture
def sealed(mini: Path) -> Path:
    repository(mini)
    r = run("seal", "2019", "--data", mini, "--date", "2019-02-20")
    assert r.exit_code == 0, r.stderr
    return mini


def test_three_mistakes_in_one_file_are_all_reported_in_one_run(mini: Path):
    three_mistakes(mini)
    r = run("validate", "--data", mini, cwd=mini)
    assert r.exit_code == 1
    found = lines(r.stdout)
    assert len(found) == 3, r.stdout
    due, status, pause = found
    assert due.startswith(f"{CAM_LO}:9:14: lỗi:") and "tháng 6 chỉ có 30 ngày" in due
    assert "[E007]" in due
    assert "'dang thuc hien'" in status and "'đang thực hiện'" in status
    assert "cam-lo-2019-03" in pause and "reason:" in pause and "[E112]" in pause


def test_a_sealed_year_reports_no_item_missing_because_of_a_bad_value(sealed: Path):
    three_mistakes(sealed)
    r = run("validate", "--data", sealed, cwd=sealed)
    found = lines(r.stdout)
    codes = [line.rsplit("[", 1)[1].rstrip("]") for line in found]
    # the one true difference from the seal (an item added after signing), and no false
    # "no longer in the files" for the items whose value was bad
    assert codes == ["E007", "E020", "E121", "E112"], r.stdout
    assert "cam-lo-2019-03" in found[2] and "cam-lo-2019-01" not in r.stdout


def test_a_sealed_year_reports_no_item_missing_when_a_file_does_not_parse(sealed: Path):
    with (sealed / DONG_HA).open("a", encoding="utf-8") as f:
        f.write("  - id: x\n\tbad\n")
    r = run("validate", "--data", sealed, cwd=sealed)
    found = lines(r.stdout)
    assert len(found) == 1 and found[0].startswith(DONG_HA) and "[E001]" in found[0], r.stdout
    assert "tab" in found[0] and "while scanning" not in found[0]  # camket's words, not libyaml's


def test_an_unchanged_item_beside_a_bad_one_still_compares_with_the_seal(sealed: Path):
    """The bad value's item is not compared (its content is not known); its neighbours are."""
    path = sealed / CAM_LO
    edit(path, "due: 2019-03-31", "due: 2019-02-30")
    edit(path, "Tổ chức đại hội chi bộ điểm", "Tổ chức đại hội chi bộ mẫu")
    r = run("validate", "--data", sealed, cwd=sealed)
    found = lines(r.stdout)
    assert len(found) == 2, r.stdout
    assert "'due': 2019-02-30: tháng 2 năm 2019 chỉ có 28 ngày" in found[0]
    assert "cam-lo-2019-02" in found[1] and "[E121]" in found[1]


def test_a_windows_1258_file_is_named_and_its_other_errors_reported(mini: Path):
    path = mini / CAM_LO
    edit(
        path,
        "status: not_done, cause: subjective, reason: Chuẩn bị văn kiện chậm",
        "status: paused",
    )
    path.write_bytes(windows_1258(path.read_text(encoding="utf-8")))
    r = run("validate", "--data", mini, cwd=mini)
    found = lines(r.stdout)
    assert len(found) == 2, r.stdout
    assert "Windows-1258" in found[0] and "Windows-1252" not in r.stdout
    assert f"camket fix-encoding {CAM_LO}" in found[0] and "[E003]" in found[0]
    assert "cam-lo-2019-02" in found[1] and "[E112]" in found[1]


def test_a_utf16_file_is_named_and_its_other_errors_reported(mini: Path):
    path = mini / CAM_LO
    edit(path, "due: 2019-03-31", "due: 2019-13-01")
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    r = run("validate", "--data", mini, cwd=mini)
    found = lines(r.stdout)
    assert len(found) == 2, r.stdout
    assert "UTF-16" in found[0] and "[E003]" in found[0]
    assert "không có tháng 13" in found[1] and "[E007]" in found[1]


def test_the_encoding_advice_works_as_given(mini: Path):
    path = mini / CAM_LO
    path.write_bytes(windows_1258(path.read_text(encoding="utf-8")))
    advice = lines(run("validate", "--data", mini, cwd=mini).stdout)[0]
    command = advice.split("camket ", 1)[1].split(" [", 1)[0].split()
    assert command[0] == "fix-encoding"
    assert run(*command, cwd=mini).exit_code == 0
    assert "Đào Mạnh Hùng" in path.read_text(encoding="utf-8")
    assert run("validate", "--data", mini, cwd=mini).exit_code == 0


def test_a_tab_in_a_value_line_marks_that_file_only(mini: Path):
    three_mistakes(mini)
    with (mini / DONG_HA).open("a", encoding="utf-8") as f:
        f.write("\tx: 1\n")
    found = lines(run("validate", "--data", mini, cwd=mini).stdout)
    assert sum(line.startswith(CAM_LO) for line in found) == 3
    assert sum(line.startswith(DONG_HA) for line in found) == 1
