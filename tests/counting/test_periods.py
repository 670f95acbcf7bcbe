"""Quarters and comparisons between two dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from camket.counting.periods import quarter_end
from tests.conftest import run
from tests.docx_reading import paragraphs


def test_quarter_ends():
    assert [quarter_end(2020, q) for q in (1, 2, 3, 4)] == [
        dt.date(2020, 3, 31),
        dt.date(2020, 6, 30),
        dt.date(2020, 9, 30),
        dt.date(2020, 12, 31),
    ]


def test_status_quarter_is_the_quarters_last_day(mini: Path):
    q2 = json.loads(run("status", "2019", "--data", mini, "--quarter", "2", "--json").stdout)
    as_of = json.loads(
        run("status", "2019", "--data", mini, "--as-of", "2019-06-30", "--json").stdout
    )
    assert q2 == as_of and q2["as_of"] == "2019-06-30"
    r = run("status", "2019", "--data", mini, "--quarter", "2", "--as-of", "2019-06-30")
    assert r.exit_code == 1 and "--quarter" in r.stderr
    assert run("status", "2019", "--data", mini, "--quarter", "5").exit_code != 0


def test_compare_lists_what_moved(mini: Path):
    r = run(
        "status",
        "2019",
        "--data",
        mini,
        "--as-of",
        "2019-12-31",
        "--compare",
        "2019-06-30",
        "--json",
    )
    moved = json.loads(r.stdout)
    assert moved["since"] == "2019-06-30" and moved["until"] == "2019-12-31"
    assert [m["id"] for m in moved["completed"]] == ["dong-ha-2019-02"]
    assert [m["id"] for m in moved["newly_late"]] == ["so-xay-dung-2019-02"]
    assert moved["paused"] == []
    earlier = json.loads(
        run(
            "status", "2019", "--data", mini, "--quarter", "2", "--since", "2019-03-31", "--json"
        ).stdout
    )
    assert [m["id"] for m in earlier["paused"]] == ["so-xay-dung-2019-01"]
    assert [m["id"] for m in earlier["newly_late"]] == ["cam-lo-2019-01"]
    text = run("status", "2019", "--data", mini, "--quarter", "2", "--since", "2019-03-31")
    assert "Tạm dừng: 1" in text.stdout and "so-xay-dung-2019-01" in text.stdout


def test_report_for_a_quarter(mini: Path, tmp_path: Path):
    out = tmp_path / "q2.docx"
    r = run(
        "report", "2019", "--data", mini, "--quarter", "2", "--date", "2019-07-05", "--out", out
    )
    assert r.exit_code == 0, r.stderr
    assert any("(tính đến ngày 30 tháng 6 năm 2019)" in p for p in paragraphs(out))


def test_compare_with_a_date_after_the_quarter_is_refused(mini: Path):
    r = run("status", "2019", "--data", mini, "--quarter", "1", "--compare", "2019-06-30")
    assert r.exit_code == 1 and r.stdout == ""
    assert "ngược" in r.stderr and "30/06/2019" in r.stderr and "31/03/2019" in r.stderr
    r = run("status", "2019", "--data", mini, "--as-of", "2019-05-01", "--compare", "2019-05-02")
    assert r.exit_code == 1 and "ngược" in r.stderr
    same = run("status", "2019", "--data", mini, "--quarter", "2", "--compare", "2019-06-30")
    assert same.exit_code == 0 and "Mới hoàn thành: 0" in same.stdout


def test_newly_late_items_show_their_due_date(mini: Path):
    text = run("status", "2019", "--data", mini, "--quarter", "2", "--since", "2019-03-31").stdout
    [line] = [line for line in text.splitlines() if "cam-lo-2019-01" in line]
    # late since its due date (31/03); its last entry (30/06) is not when it became late
    assert "hạn 31/03/2019" in line and "30/06/2019" not in line
    [done] = [line for line in text.splitlines() if "dong-ha-2019-01" in line]
    assert "20/06/2019 (hạn 30/06/2019)" in done
