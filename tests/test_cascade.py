"""The cascade: a province's repository with its districts' repositories as git submodules."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from camket import pipeline
from tests.cascade_repos import HAND, PROVINCE, git, province
from tests.conftest import run

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return province(tmp_path)


def test_validate_cascade_checks_every_folder_with_its_own_settings(repo: Path):
    # the districts' collectives are not units of the province: each folder is read alone
    r = run("validate", "--cascade", cwd=repo)
    assert r.exit_code == 0, r.stdout
    assert r.stdout.splitlines() == [
        "Đã kiểm tra 3 thư mục dữ liệu (cấp này và 2/2 cấp dưới). "
        "Dữ liệu hợp lệ: 15 tệp, không có lỗi."
    ]
    assert run("validate", "--data", repo / "cap-duoi/dong-ha").exit_code == 0
    assert run("validate", cwd=repo).stdout.strip() == "Dữ liệu hợp lệ: 6 tệp, không có lỗi."


def test_a_district_s_problem_printed_from_where_validate_runs(repo: Path):
    path = repo / "cap-duoi/dong-ha/2019/commitments/phuong-1.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("head:", "hed:"), "utf-8")
    # without --cascade the province alone is checked, and it is clean
    assert run("validate", cwd=repo).exit_code == 0
    r = run("validate", "--cascade", cwd=repo)
    assert r.exit_code == 1
    assert r.stdout.splitlines()[:2] == [
        "cap-duoi/dong-ha/2019/commitments/phuong-1.yaml:1:1: lỗi: thiếu khóa bắt buộc "
        "'head'; hãy thêm dòng 'head: …' [E008]",
        "cap-duoi/dong-ha/2019/commitments/phuong-1.yaml:3:1: lỗi: khóa 'hed' không có trong "
        "mẫu dữ liệu; có phải ý bạn là 'head'? [E005]",
    ]
    inside = run("validate", "--cascade", cwd=repo / "2019")
    assert inside.stdout.startswith("../cap-duoi/dong-ha/2019/commitments/phuong-1.yaml:1:1:")
    # the CI formats give the path from the province's repository root
    github = run("validate", "--cascade", "--format", "github", cwd=repo / "2019")
    assert github.stdout.startswith(
        "::error file=cap-duoi/dong-ha/2019/commitments/phuong-1.yaml,line=1,col=1,title=E008::"
    )


def test_a_fresh_clone_without_submodules_says_which_folder_to_fetch(repo: Path, tmp_path: Path):
    clone = tmp_path / "ban-sao"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    assert (clone / "cap-duoi/dong-ha").is_dir() and not any((clone / "cap-duoi/dong-ha").iterdir())
    r = run("validate", "--cascade", cwd=clone)
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert lines[:2] == [
        "camket.yaml:10:25: lỗi: thư mục dữ liệu của cấp dưới 'dong-ha' (cap-duoi/dong-ha) "
        "trống: git submodule chưa được lấy về; hãy chạy: git submodule update --init "
        "cap-duoi/dong-ha [E038]",
        "camket.yaml:11:24: lỗi: thư mục dữ liệu của cấp dưới 'cam-lo' (cap-duoi/cam-lo) "
        "trống: git submodule chưa được lấy về; hãy chạy: git submodule update --init "
        "cap-duoi/cam-lo [E038]",
    ]
    assert lines[-1].startswith("Đã kiểm tra 1 thư mục dữ liệu (cấp này và 0/2 cấp dưới).")
    git(clone, "submodule", "update", "--init", "-q")
    assert run("validate", "--cascade", cwd=clone).exit_code == 0
    shutil.rmtree(clone / "cap-duoi/cam-lo")
    r = run("validate", "--cascade", cwd=clone)
    assert r.exit_code == 1
    assert "không có thư mục dữ liệu của cấp dưới 'cam-lo' (cap-duoi/cam-lo)" in r.stdout
    (clone / "cap-duoi/cam-lo").mkdir()
    (clone / "cap-duoi/cam-lo/ghi-chu.txt").write_text("x", encoding="utf-8")
    r = run("validate", "--cascade", cwd=clone)
    assert "'cap-duoi/cam-lo' (cấp dưới 'cam-lo') không phải thư mục dữ liệu camket" in r.stdout


@pytest.mark.parametrize(
    ("lower", "said"),
    [
        (
            "  - {id: gio-linh, path: cap-duoi/dong-ha}\n",
            "cấp dưới 'gio-linh' không phải một đơn vị",
        ),
        ("  - {id: dong-ha, path: ../huyen}\n", "phải là một thư mục con"),
        ("  - {id: dong-ha, path: /etc}\n", "phải là một thư mục con"),
        ("  - {id: dong-ha, path: .}\n", "phải là một thư mục con"),
        ("  - {id: dong-ha, path: x}\n  - {id: dong-ha, path: y}\n", "được khai báo hai lần"),
        ("  - {id: dong-ha, path: x}\n  - {id: cam-lo, path: ./x}\n", "đã dùng cho một cấp dưới"),
    ],
)
def test_lower_declarations_are_checked_by_plain_validate(mini: Path, lower: str, said: str):
    settings = mini / "camket.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "lower:\n" + lower, "utf-8")
    problems = [p for p in pipeline.load_and_check(mini)[1] if p.code == "E124"]
    assert len(problems) == 1 and said in problems[0].message
    r = run("validate", "--cascade", "--data", mini)
    assert r.exit_code == 1 and "[E124]" in r.stdout
    # a folder that is not under this one is never read, not even to say it is missing
    outside = any(path in lower for path in ("path: ../", "path: /etc", "path: .}"))
    assert ("[E038]" in r.stdout) is not outside


def test_workers(monkeypatch):
    from camket import cascade

    monkeypatch.setenv("CAMKET_JOBS", "1")
    assert cascade.workers_for(11) == 1
    monkeypatch.setenv("CAMKET_JOBS", "4")
    assert cascade.workers_for(3) == 3
    monkeypatch.delenv("CAMKET_JOBS")
    monkeypatch.setattr(cascade, "cores", lambda: 2)
    monkeypatch.setattr(cascade.os, "getloadavg", lambda: (0.1, 0.0, 0.0))
    assert cascade.workers_for(11) == 2 and cascade.workers_for(1) == 1
    monkeypatch.setattr(cascade.os, "getloadavg", lambda: (1.7, 0.0, 0.0))
    assert cascade.workers_for(11) == 1  # the other core is busy: one process


def test_cached_and_parallel_give_what_one_process_gives(repo: Path, monkeypatch):
    path = repo / "cap-duoi/cam-lo/2019/commitments/xa-cam-thanh.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2019", "year: 2018"), "utf-8")
    monkeypatch.setenv("CAMKET_JOBS", "1")
    alone = run("validate", "--cascade", "--no-cache", cwd=repo)
    monkeypatch.setenv("CAMKET_JOBS", "2")  # two workers, however busy the machine is
    parallel = run("validate", "--cascade", "--no-cache", cwd=repo)
    monkeypatch.delenv("CAMKET_JOBS")
    cold = run("validate", "--cascade", cwd=repo)
    warm = run("validate", "--cascade", cwd=repo)
    assert alone.exit_code == 1
    assert alone.stdout.startswith(
        "cap-duoi/cam-lo/2019/commitments/xa-cam-thanh.yaml:2:7: lỗi: year: 2018 nhưng tệp "
    )
    assert alone.stdout.splitlines()[0].endswith("[E106]")
    assert alone.stdout == parallel.stdout == cold.stdout == warm.stdout


def test_status_cascade_figures_by_hand(repo: Path):
    r = run("status", "2019", "--cascade", "--json", cwd=repo)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert (data["total"], data["carried_out"], data["late"]) == (7, 5, 3)  # the province's own
    assert [row["id"] for row in data["lower"]] == ["dong-ha", "cam-lo"]
    assert [row["name"] for row in data["lower"]] == ["Thành ủy Đông Hà", "Huyện ủy Cam Lộ"]
    for row in data["lower"]:
        assert {k: row[k] for k in HAND[row["id"]]} == HAND[row["id"]]
        assert row["has_year"] is True
    assert data["cascade"] == {k: PROVINCE[k] + sum(h[k] for h in HAND.values()) for k in PROVINCE}
    # each district's figures are its own tally, as its own office sees them
    alone = json.loads(run("status", "2019", "--json", "--data", repo / "cap-duoi/dong-ha").stdout)
    assert alone["total"] == data["lower"][0]["total"] and alone["late"] == data["lower"][0]["late"]


def test_status_cascade_table(repo: Path):
    r = run("status", "2019", "--cascade", cwd=repo)
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert out.index("Kết quả thực hiện cam kết năm 2019") < out.index("của các cấp dưới năm 2019")
    lower = out[out.index("của các cấp dưới năm 2019") :]
    cells = [re.split(r"\s{2,}", line.strip()) for line in lower.splitlines()[1:]]
    rows = {c[0]: c[1:] for c in cells if len(c) == 8}
    assert rows["Thành ủy Đông Hà"] == ["2", "5", "3", "2", "1", "2", "1"]
    assert rows["Huyện ủy Cam Lộ"] == ["1", "2", "2", "1", "0", "0", "0"]
    assert rows["Cấp này"] == ["3", "7", "5", "2", "1", "3", "1"]
    assert rows["Toàn hệ thống (cấp này và các cấp dưới)"] == ["6", "14", "10", "5", "2", "5", "2"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_cascade_table_keeps_the_names_on_a_narrow_terminal(
    repo: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    # one column more than the units' table: on 80 columns the headings wrap, not the names
    monkeypatch.setenv("COLUMNS", "80")
    r = run("--lang", lang, "status", "2019", "--cascade", cwd=repo)
    assert r.exit_code == 0, r.stderr
    lower = r.stdout[r.stdout.index("2019 (", r.stdout.index("2019 (") + 1) :]
    cells = [re.split(r"\s{2,}", line.strip()) for line in lower.splitlines()]
    rows = {c[0]: c[1:] for c in cells if len(c) == 8}
    assert rows["Thành ủy Đông Hà"] == ["2", "5", "3", "2", "1", "2", "1"]
    assert rows["Huyện ủy Cam Lộ"] == ["1", "2", "2", "1", "0", "0", "0"]
    assert "…" not in lower  # no heading cut short


def test_status_cascade_a_district_without_the_year(repo: Path):
    lower = repo / "cap-duoi/cam-lo"
    git(lower, "mv", "2019", "2020")
    for f in (lower / "2020").rglob("*.yaml"):
        f.write_text(f.read_text(encoding="utf-8").replace("2019", "2020"), "utf-8")
    r = run("status", "2019", "--cascade", "--json", cwd=repo)
    assert r.exit_code == 0
    assert "cảnh báo: cấp dưới 'cam-lo' (cap-duoi/cam-lo) chưa có dữ liệu năm 2019" in r.stderr
    data = json.loads(r.stdout)
    cam_lo = data["lower"][1]
    assert cam_lo["has_year"] is False and cam_lo["total"] == 0
    assert data["cascade"]["total"] == PROVINCE["total"] + HAND["dong-ha"]["total"]
    table = run("status", "2019", "--cascade", cwd=repo).stdout
    assert "Huyện ủy Cam Lộ (chưa có dữ liệu năm 2019)" in table


def test_status_cascade_refuses_a_district_that_does_not_validate(repo: Path):
    path = repo / "cap-duoi/dong-ha/2019/commitments/ban-to-chuc.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: done", "status: xong"), "utf-8"
    )
    r = run("status", "2019", "--cascade", cwd=repo)
    assert r.exit_code == 1 and r.stdout == ""
    assert "cap-duoi/dong-ha/2019/commitments/ban-to-chuc.yaml" in r.stderr
    assert "Dữ liệu của cấp dưới có lỗi hoặc chưa có" in r.stderr
    r = run("status", "2019", "--cascade", "--unit", "cam-lo", cwd=repo)
    assert r.exit_code == 1 and "--cascade không dùng cùng --unit" in r.stderr


def test_report_cascade_appendix_table(repo: Path, tmp_path: Path):
    from tests.docx_reading import paragraphs

    out = tmp_path / "bao-cao.docx"
    r = run("report", "2019", "--cascade", "--date", "2020-01-05", "--out", out, cwd=repo)
    assert r.exit_code == 0, r.stderr
    text = paragraphs(out)
    start = text.index(
        "2- Kết quả thực hiện cam kết trong nội bộ các cấp ủy cấp dưới (số liệu của từng cấp, "
        "tính đến 31/12/2019)"
    )
    header = ["STT", "Cấp ủy cấp dưới", "Số tập thể", "Tổng số", "Triển khai", "Hoàn thành"]
    assert text[start + 1 : start + 7] == header
    cells = text[start + 10 : start + 46]
    rows = [cells[i : i + 9] for i in range(0, 36, 9)]
    order = ("units", "total", "carried_out", "completed", "paused", "late", "not_started")
    dong_ha, cam_lo = ([str(HAND[u][k]) for k in order] for u in ("dong-ha", "cam-lo"))
    assert rows[0] == ["1", "Thành ủy Đông Hà", *dong_ha]
    assert rows[1] == ["2", "Huyện ủy Cam Lộ", *cam_lo]
    lower = [str(HAND["dong-ha"][k] + HAND["cam-lo"][k]) for k in order]
    assert rows[2] == ["", "Cộng các cấp dưới", *lower]
    whole = [str(PROVINCE[k] + HAND["dong-ha"][k] + HAND["cam-lo"][k]) for k in order]
    assert rows[3] == ["", "Toàn hệ thống (cấp này và các cấp dưới)", *whole]
    # the headings after it move down by one; without --cascade there is no such table
    assert any(t.startswith("3- Biểu đồ kết quả theo khối") for t in text)
    plain = tmp_path / "thuong.docx"
    assert run("report", "2019", "--out", plain, cwd=repo).exit_code == 0
    assert not any("cấp ủy cấp dưới" in t for t in paragraphs(plain))
    assert any(t.startswith("2- Biểu đồ kết quả theo khối") for t in paragraphs(plain))


def test_cascade_without_lower_committees_is_the_command_without_it(mini: Path):
    """The CI pipeline asks every folder for --cascade: with nothing below, no second table."""
    plain, cascade = (
        run("status", "2019", "--data", mini),
        run("status", "2019", "--cascade", "--data", mini),
    )
    assert cascade.exit_code == plain.exit_code == 0 and cascade.stdout == plain.stdout
    plain, cascade = (
        json.loads(run("status", "2019", "--json", *extra, "--data", mini).stdout)
        for extra in ([], ["--cascade"])
    )
    assert cascade == plain
