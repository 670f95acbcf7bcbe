"""`camket init`: never over someone's files, never staging what it did not write, and a
clear refusal for a year that cannot be one."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from camket import examples
from camket.progress import scaffold
from tests.conftest import EMBEDDED_DATA, run

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_init_from_into_a_folder_with_files_refuses(tmp_path: Path):
    target = tmp_path / "cua-ai-do"
    target.mkdir()
    (target / "bao-cao.docx").write_bytes(b"not ours")
    r = run("init", target, "--from", EMBEDDED_DATA, "--year", "2021")
    assert r.exit_code == 1 and "đã có tệp" in r.stderr
    assert [p.name for p in target.iterdir()] == ["bao-cao.docx"]
    assert (target / "bao-cao.docx").read_bytes() == b"not ours"


def test_init_onto_a_file_refuses(tmp_path: Path):
    target = tmp_path / "tep"
    target.write_text("x", encoding="utf-8")
    r = run("init", target)
    assert r.exit_code == 1 and "đã có tệp" in r.stderr and target.read_text() == "x"


@needs_git
@pytest.mark.parametrize("source", [None, EMBEDDED_DATA])
def test_init_stages_only_the_files_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: Path | None
):
    target = tmp_path / "du-lieu"
    real = scaffold.write_schemas

    def and_a_stray_file(made: scaffold.Made) -> None:  # the clerk's editor drops a file
        real(made)
        (made.root / "ghi-chu-rieng.txt").write_text("của văn thư\n", encoding="utf-8")

    monkeypatch.setattr(scaffold, "write_schemas", and_a_stray_file)
    args = ["--from", source, "--year", "2021"] if source else []
    r = run("init", target, *args)
    assert r.exit_code == 0, r.stderr
    git = ["git", "-C", str(target)]
    committed = subprocess.run(
        [*git, "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "ghi-chu-rieng.txt" not in committed and "camket.yaml" in committed
    status = subprocess.run(
        [*git, "status", "--porcelain"], capture_output=True, text=True, check=True
    ).stdout
    assert status == "?? ghi-chu-rieng.txt\n"


def test_init_ignores_camkets_own_folder(tmp_path: Path):
    assert run("init", tmp_path / "d").exit_code == 0
    assert ".camket/" in (tmp_path / "d/.gitignore").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("year", ["99999", "0", "-5", "10000", "1800"])
def test_init_from_an_absurd_year_refuses(tmp_path: Path, year: str):
    target = tmp_path / "nam-moi"
    r = run("init", target, "--from", EMBEDDED_DATA, "--year", year)
    assert r.exit_code == 1 and "năm" in r.stderr and "không hợp lệ" in r.stderr
    assert "Traceback" not in r.stderr and not target.exists()


@pytest.mark.parametrize("year", ["99999", "0"])
def test_init_an_absurd_year_refuses(tmp_path: Path, year: str):
    target = tmp_path / "moi"
    r = run("init", target, "--year", year)
    assert r.exit_code == 1 and "không hợp lệ" in r.stderr and not target.exists()


@needs_git
def test_every_file_camket_writes_by_default_is_ignored(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CAMKET_TODAY", "2026-03-01")
    target = tmp_path / "d"
    assert run("init", target).exit_code == 0
    for args in (
        ["export", "2026", "--format", "json"],
        ["export", "2026", "--format", "csv"],
        ["export", "2026", "--format", "xlsx"],
        ["report", "2026"],
        ["sheets", "2026", "--combined"],
    ):
        r = run(*args, cwd=target)
        assert r.exit_code == 0, (args, r.stderr)
    assert (target / "cam-ket-2026.json").is_file()
    status = subprocess.run(
        ["git", "-C", str(target), "status", "--porcelain"], capture_output=True, text=True
    ).stdout
    assert status == ""


def test_validate_points_at_every_example_init_wrote(tmp_path: Path, monkeypatch):
    from camket import pipeline

    monkeypatch.setenv("CAMKET_TODAY", "2026-03-01")
    target = tmp_path / "d"
    assert run("init", target).exit_code == 0
    settings = target / "camket.yaml"
    # the signers' example names, once the clerk takes the '#' off without changing them
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("# name: Nguyễn", "name: Nguyễn"),
        encoding="utf-8",
    )

    def examples() -> list[tuple[str, int]]:
        problems = pipeline.load_and_check(target)[1]
        assert not [p for p in problems if p.is_error]
        return sorted((p.path.name, p.line) for p in problems if p.code == "W104")

    assert examples() == [
        ("camket.yaml", 15),
        ("camket.yaml", 19),
        ("don-vi-mau.yaml", 5),
        ("units.yaml", 7),
        ("year.yaml", 3),
    ]
    for rel, old, new in (
        ("camket.yaml", "Nguyễn Văn A", "Lê Thị Hoa"),
        ("camket.yaml", "Nguyễn Văn B", "Trần Văn Bình"),
        ("2026/commitments/don-vi-mau.yaml", "Nguyễn Văn A", "Hồ Sỹ Trung"),
        ("2026/year.yaml", "Chủ đề năm 2026", "Đoàn kết, kỷ cương, phát triển"),
        ("units.yaml", "Huyện ủy Mẫu", "Thành ủy Đông Hà"),
    ):
        path = target / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    units = target / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace("don-vi-mau", "dong-ha"), encoding="utf-8"
    )
    (target / "2026/commitments/don-vi-mau.yaml").rename(target / "2026/commitments/dong-ha.yaml")
    path = target / "2026/commitments/dong-ha.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("don-vi-mau", "dong-ha"), "utf-8")
    assert examples() == []
    # a year started from the last one has the example theme until it is written
    r = run("init", target, "--from", target, "--year", "2027")
    assert r.exit_code == 0, r.stderr
    assert examples() == [("year.yaml", 3)]


def _uncomment_report(path: Path) -> None:
    """What the clerk does: take '# ' off each line from '# report:' on (VS Code's Ctrl+/)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("# report:\n")
    assert all(line.startswith("# ") for line in lines[start:])
    path.write_text("".join(lines[:start] + [x[2:] for x in lines[start:]]), encoding="utf-8")


def _replace(path: Path, *pairs: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def _fill_the_examples(target: Path) -> None:
    """Every example init wrote replaced by a real value, as the guide asks."""
    _replace(
        target / "camket.yaml",
        ("# name: Nguyễn Văn A", "name: Lê Thị Hoa"),
        ("# name: Nguyễn Văn B", "name: Trần Văn Bình"),
    )
    _replace(target / "2026/year.yaml", ("Chủ đề năm 2026", "Đoàn kết, kỷ cương, phát triển"))
    _replace(
        target / "units.yaml",
        ("don-vi-mau", "dong-ha"),
        ("Huyện ủy Mẫu", "Thành ủy Đông Hà"),
    )
    old = target / "2026/commitments/don-vi-mau.yaml"
    new = old.rename(target / "2026/commitments/dong-ha.yaml")
    _replace(new, ("don-vi-mau", "dong-ha"), ("Nguyễn Văn A", "Hồ Sỹ Trung"))


W104 = "là giá trị mẫu do camket init ghi và sẽ được in lên văn bản; hãy thay bằng giá trị thật"
NEW_FOLDER_WARNINGS = [
    f"2026/commitments/don-vi-mau.yaml:5:7: cảnh báo: head: 'Nguyễn Văn A' {W104} [W104]",
    "2026/year.yaml:3:8: cảnh báo: chủ đề năm 2026 vẫn là chữ mẫu 'Chủ đề năm 2026' do camket "
    "init ghi; hãy ghi chủ đề năm của cấp ủy (được in lên bản cam kết và báo cáo) [W104]",
    "camket.yaml:13:3: cảnh báo: báo cáo năm 2026 sẽ in không có tên người ký (để trống chỗ ghi "
    "tên); hãy thêm name: … vào report_signature trong camket.yaml, hoặc trong year.yaml của năm "
    "có người ký khác [W102]",
    "camket.yaml:17:3: cảnh báo: bản cam kết năm 2026 sẽ in không có tên người ký (để trống chỗ "
    "ghi tên); hãy thêm name: … vào sheet_signature trong camket.yaml, hoặc trong year.yaml của "
    "năm có người ký khác [W102]",
    "units.yaml:7:9: cảnh báo: 'don-vi-mau' là đơn vị mẫu do camket init tạo; hãy sửa thành một "
    "đơn vị thật (mã, tên, tập thể lãnh đạo, chức danh) và đổi tên tệp cam kết của nó theo mã "
    "mới, hoặc xóa đơn vị mẫu và tệp của nó [W104]",
]


def _report_warning(line: int, section: str) -> str:
    return (
        f"2026/year.yaml:{line}:7: cảnh báo: report: {section}: "
        f"'{examples.EXAMPLE_REPORT['block' if section == 'dia-phuong' else section]}' là đoạn "
        "mẫu do camket init ghi và sẽ được in vào báo cáo; hãy viết lời văn thật thay cho nó, "
        "hoặc xóa phần này nếu chưa viết [W104]"
    )


def test_a_new_folder_warns_exactly_about_its_examples_until_they_are_filled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("CAMKET_TODAY", "2026-03-01")
    target = tmp_path / "d"
    assert run("init", target).exit_code == 0
    r = run("validate", cwd=target)
    assert r.exit_code == 0
    assert r.stdout.splitlines() == [
        *NEW_FOLDER_WARNINGS,
        "4 tệp: 0 lỗi, 5 cảnh báo. Giải thích một mã lỗi: camket validate --explain MÃ",
    ]
    _fill_the_examples(target)
    r = run("validate", cwd=target)
    assert (r.exit_code, r.stdout) == (0, "Dữ liệu hợp lệ: 4 tệp, không có lỗi.\n")


def test_the_report_section_init_writes_is_valid_yaml_once_uncommented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from camket import pipeline

    monkeypatch.setenv("CAMKET_TODAY", "2026-03-01")
    target = tmp_path / "d"
    assert run("init", target).exit_code == 0
    _fill_the_examples(target)
    year_file = target / "2026/year.yaml"
    _uncomment_report(year_file)
    project, problems = pipeline.load_and_check(target)
    assert not [p for p in problems if p.is_error]
    sections = ["intro", "dia-phuong", "results", "limitations", "next_year"]
    example = {**examples.EXAMPLE_REPORT, "dia-phuong": examples.EXAMPLE_REPORT["block"]}
    assert project.years[2026].config.report == {s: [example[s]] for s in sections}
    # left as they are, each example paragraph is pointed at
    r = run("validate", cwd=target)
    assert r.exit_code == 0
    assert r.stdout.splitlines() == [
        _report_warning(13, "intro"),
        _report_warning(16, "dia-phuong"),
        _report_warning(19, "results"),
        _report_warning(22, "limitations"),
        _report_warning(25, "next_year"),
        "4 tệp: 0 lỗi, 5 cảnh báo. Giải thích một mã lỗi: camket validate --explain MÃ",
    ]
    # written, and the report prints the prose in its places
    _replace(
        year_file,
        *(
            (text, f"Đoạn {i} của báo cáo, viết trên\n      hai dòng.")
            for i, text in enumerate(examples.EXAMPLE_REPORT.values())
        ),
    )
    r = run("validate", cwd=target)
    assert (r.exit_code, r.stdout) == (0, "Dữ liệu hợp lệ: 4 tệp, không có lỗi.\n")
    out = tmp_path / "bao-cao.docx"
    r = run("report", "2026", "--out", out, cwd=target)
    assert r.exit_code == 0, r.stderr
    from tests.docx_reading import paragraphs

    text = "\n".join(paragraphs(out))
    for i in range(len(examples.EXAMPLE_REPORT)):
        assert f"Đoạn {i} của báo cáo, viết trên hai dòng." in text
    assert "[" not in text and "chưa có phần" not in r.stderr


def test_a_year_from_the_last_one_has_the_report_section_with_every_block(tmp_path: Path):
    from camket import pipeline

    target = tmp_path / "moi"
    r = run("init", target, "--from", EMBEDDED_DATA, "--year", "2021")
    assert r.exit_code == 0, r.stderr
    year_file = target / "2021/year.yaml"
    assert "\n# report:\n#   intro:" in year_file.read_text(encoding="utf-8")
    _uncomment_report(year_file)
    project, problems = pipeline.load_and_check(target, years=[2021])
    assert not [p for p in problems if p.path == year_file and p.is_error]
    assert list(project.years[2021].config.report) == [
        "intro",
        *project.blocks,
        "results",
        "limitations",
        "next_year",
    ]
    warned = sorted(p.line for p in problems if p.path == year_file and p.code == "W104")
    assert len(warned) == 4 + len(project.blocks) + 1  # the theme, and each paragraph
