"""Files, sizes, writes and interrupts: nothing crashes, nothing hangs, nothing is lost."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from camket.reading import files as reading
from camket.reading import loader
from camket.reading.files import MAX_FILE_BYTES
from tests.conftest import EMBEDDED_DATA, run, write


def problems(folder: Path) -> list[dict]:
    r = run("validate", "--data", folder, "--json", cwd=folder)
    assert r.exit_code in (0, 1)
    return json.loads(r.stdout)


def test_symlink_out_of_the_data_folder_is_refused(mini: Path, tmp_path: Path):
    outside = tmp_path / "secret.yaml"
    outside.write_text(
        (mini / "2019/commitments/cam-lo.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (mini / "2019/commitments/cam-lo.yaml").unlink()
    (mini / "2019/commitments/cam-lo.yaml").symlink_to(outside)
    [p] = [p for p in problems(mini) if p["code"] == "E036"]
    assert p["path"] == "2019/commitments/cam-lo.yaml" and "ngoài thư mục dữ liệu" in p["message"]
    # a link that stays inside the folder is fine
    (mini / "2019/commitments/cam-lo.yaml").unlink()
    (mini / "2019/commitments/src").mkdir()
    outside.rename(mini / "2019/commitments/src/cam-lo.txt")
    (mini / "2019/commitments/cam-lo.yaml").symlink_to(mini / "2019/commitments/src/cam-lo.txt")
    assert problems(mini) == []


def test_a_directory_where_a_file_is_expected(mini: Path):
    (mini / "2019/year.yaml").unlink()
    (mini / "2019/year.yaml").mkdir()
    codes = [p["code"] for p in problems(mini)]
    assert "E034" in codes


def test_a_50_megabyte_text_value_is_refused_quickly(mini: Path):
    path = mini / "2019/commitments/cam-lo.yaml"
    with path.open("a", encoding="utf-8") as f:
        f.write("# " + "x" * (50 * 1024 * 1024) + "\n")
    start = time.perf_counter()
    [p] = problems(mini)
    assert time.perf_counter() - start < 5
    assert p["code"] == "E037" and "50.0 MB" in p["message"]


def test_100000_items_pass_the_size_limit_with_a_message(mini: Path):
    lines = [
        "unit: cam-lo",
        "year: 2019",
        "head: Đào Mạnh Hùng",
        "groups:",
        "  - title: Kinh tế",
        "    items:",
    ]
    lines += [
        f"      - id: cam-lo-2019-{i:06d}\n        text: Nội dung cam kết số {i}\n"
        f"        progress:\n          - {{date: 2019-03-31, status: in_progress}}"
        for i in range(100_000)
    ]
    write(mini, "2019/commitments/cam-lo.yaml", "\n".join(lines) + "\n")
    assert (mini / "2019/commitments/cam-lo.yaml").stat().st_size > MAX_FILE_BYTES
    [p] = problems(mini)
    assert p["code"] == "E037"


def test_10000_files_load_in_bounded_memory(mini: Path):
    """Ten thousand small files (unknown units) are each reported, and memory stays modest."""
    folder = mini / "2019/commitments"
    body = (folder / "cam-lo.yaml").read_text(encoding="utf-8")
    for n in range(10_000):
        (folder / f"don-vi-{n:05d}.yaml").write_text(
            body.replace("cam-lo", f"don-vi-{n:05d}"), encoding="utf-8"
        )
    code = (
        "import resource, sys; from pathlib import Path; from camket import pipeline\n"
        "p, problems = pipeline.load_and_check(Path(sys.argv[1]))\n"
        "print(len([x for x in problems if x.code == 'E104']), "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(mini)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    unknown, rss_kb = (int(x) for x in out.stdout.split())
    assert unknown == 10_000
    assert rss_kb < 1_000_000  # under 1 GB for ~10,000 files of ~500 bytes


def test_a_write_killed_midway_leaves_the_old_file(tmp_path: Path):
    target = tmp_path / "dong-ha.yaml"
    target.write_bytes(b"old content\n")
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "import camket.atomic as atomic\n"
        "def slow(fd):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "atomic.os.fsync = slow\n"
        "atomic.write_bytes(Path(sys.argv[1]), b'new content' * 100000)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"writing"
    proc.kill()
    proc.wait(timeout=30)
    assert target.read_bytes() == b"old content\n"
    assert loader is not None  # the stray temporary file is hidden and not a .yaml


def test_ctrl_c_during_rendering_exits_130_and_leaves_no_partial_file(tmp_path: Path):
    out = tmp_path / "sheets"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "camket",
            "sheets",
            "2019",
            "--data",
            str(EMBEDDED_DATA),
            "--out",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not (out.is_dir() and any(out.glob("*.docx"))):
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _stdout, stderr = proc.communicate(timeout=60)
    written = sorted(out.glob("*.docx"))
    if proc.returncode == 0:  # it finished first: nothing to interrupt on this machine
        pytest.skip("rendering finished before the interrupt arrived")
    assert proc.returncode == 130
    assert b"Traceback" not in stderr
    assert 0 < len(written) < 59
    assert [p.name for p in out.iterdir() if p.suffix != ".docx"] == []
    for path in written:
        with zipfile.ZipFile(path) as z:
            assert z.testzip() is None


def test_read_only_output_folder(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("camket.atomic.tempfile.mkstemp", refuse)
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "r.docx")
    assert r.exit_code == 1 and "không ghi được" in r.stderr
    assert "không có quyền ghi (EACCES)" in r.stderr  # the reason in the clerk's words


def test_output_under_a_file(mini: Path, tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    r = run("report", "2019", "--data", mini, "--out", blocker / "r.docx")
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert f"'{blocker}' là một tệp, không phải thư mục" in r.stderr


def test_memory_of_the_billion_laughs_is_bounded(tmp_path: Path):
    lol = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lol.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    path = tmp_path / "lol.yaml"
    path.write_text("\n".join(lol) + "\n", encoding="utf-8")
    code = (
        "import resource, sys, time\nfrom pathlib import Path\n"
        "from camket.reading.files import read_file\n"
        # Linux keeps the peak of the process that forked this one across exec: measure the
        # growth while reading, not the peak itself
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "t = time.perf_counter(); v, p = read_file(Path(sys.argv[1]))\n"
        "print(v is None, len(p), time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split()
    assert out[0] == "True" and int(out[1]) > 10
    assert float(out[2]) < 1.0 and int(out[3]) < 100_000  # KB: nothing was expanded
    assert resource is not None and os is not None


CAM_LO = "2019/commitments/cam-lo.yaml"
CAM_LO_TEXT = "text: Xây dựng xã Cam Thành đạt chuẩn nông thôn mới nâng cao"


def nested(style: str, depth: int) -> str:
    """An item text nested `depth` lists deep, in flow or block style; the item mapping is at
    level five of the file (root, groups, group, items, item)."""
    if style == "flow":
        return "text: " + "[" * depth + "Hà" + "]" * depth
    indent = " " * 10  # under "      - id: …" the keys are at column 9
    lines = ["text:"]
    for level in range(depth):
        lines.append(indent + " " * level + "-")
    lines[-1] += " Hà"
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("style", "depth"),
    [("flow", 60), ("flow", 500), ("flow", 999), ("flow", 100_000), ("block", 500), ("block", 999)],
)
def test_deep_nesting_is_a_problem_at_its_line_for_every_command(
    mini: Path, tmp_path: Path, style: str, depth: int
):
    path = mini / CAM_LO
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace(CAM_LO_TEXT, nested(style, depth)), encoding="utf-8")
    before = path.read_bytes()
    [p] = [p for p in problems(mini) if p["code"] != "E006"]
    assert p["code"] == "E018" and p["path"] == CAM_LO and "64 tầng" in p["message"]
    # The item mapping is the fifth level: the 60th list is the 65th level.
    if style == "flow":
        assert p["line"] == 8 and (depth > 900 or p["col"] == 15 + 59)
    else:
        assert p["line"] == 8 + 60
    subprocess.run(["git", "init", "-q", str(mini)], check=True)
    for args in (
        ("status", "2019"),
        ("export", "2019", "--out", tmp_path / "x.xlsx"),
        ("report", "2019", "--out", tmp_path / "r.docx"),
        ("sheets", "2019", "--out", tmp_path / "sheets"),
        ("record", "cam-lo-2019-02", "done", "--date", "2019-12-31"),
        ("seal", "2019", "--check"),
    ):
        r = run(*args, "--data", mini)
        assert r.exit_code == 1, (args, r)
        assert "Traceback" not in r.stderr
        # record names the file it cannot read; the others print the problem itself
        assert ("cam-lo.yaml" if args[0] == "record" else "E018") in r.stderr, (args, r.stderr)
    assert path.read_bytes() == before
    assert not (tmp_path / "r.docx").exists()  # the report refuses
    # export and sheets leave the unit out whole (tests/cli/test_partial.py)
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    units = {row[1] for row in book["Nội dung cam kết"].iter_rows(min_row=2, values_only=True)}
    assert units == {"dong-ha", "so-xay-dung"}
    assert sorted(p.name for p in (tmp_path / "sheets").iterdir()) == [
        "cam-ket-2019-dong-ha.docx",
        "cam-ket-2019-so-xay-dung.docx",
    ]


def test_deep_nesting_in_an_old_version_does_not_break_history(mini: Path):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "A",
        "GIT_AUTHOR_EMAIL": "a@x",
        "GIT_COMMITTER_NAME": "A",
    }
    env["GIT_COMMITTER_EMAIL"] = "a@x"

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(mini), *args], check=True, env=env, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "1")
    path = mini / CAM_LO
    original = path.read_text(encoding="utf-8")
    for style in ("flow", "block"):
        path.write_text(original.replace(CAM_LO_TEXT, nested(style, 999)), encoding="utf-8")
        git("commit", "-qam", style)
    path.write_text(original.replace("nâng cao", "kiểu mẫu"), encoding="utf-8")
    git("commit", "-qam", "3")
    r = run("history", "cam-lo-2019-01", "--data", mini)
    assert r.exit_code == 0, r
    assert "nâng cao → Xây dựng xã Cam Thành đạt chuẩn nông thôn mới kiểu mẫu" in r.stdout


def test_nesting_is_bounded_before_composing_when_libyaml_is_not(monkeypatch: pytest.MonkeyPatch):
    """libyaml before 0.2.5 composes any depth, recursing in C: camket then counts the depth
    on the event stream first, which libyaml parses without recursing."""

    monkeypatch.setattr(reading, "_libyaml_bounds_nesting", lambda: False)

    def no_compose(text: str) -> None:
        raise AssertionError("composed a file nested too deep")

    monkeypatch.setattr(reading, "compose", no_compose)
    for text, place in (
        ("a: " + "[ " * 100_000 + "]" * 100_000 + "\n", (1, 130)),
        ("- " * 100_000 + "x\n", (1, 129)),
        ("a:\n" + nested("block", 999), (2 + 64, 11 + 63)),
    ):
        value, found = reading.read_text(Path("x.yaml"), text)
        assert value is None and [p.code for p in found] == ["E018"]
        assert (found[0].line, found[0].col) == place


def test_a_block_sequence_100000_levels_deep(mini: Path):
    """Block style costs two characters a level when the entries share a line: 200 KB."""
    (mini / CAM_LO).write_text("- " * 100_000 + "Hà\n", encoding="utf-8")
    [p] = problems(mini)
    assert (p["code"], p["path"], p["line"], p["col"]) == ("E018", CAM_LO, 1, 129)


def test_this_libyaml_bounds_nesting():
    """The guard above is for other builds; the one installed here stops at 1000 levels."""

    assert reading._libyaml_bounds_nesting()
