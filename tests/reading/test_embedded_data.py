"""The embedded Quảng Trị data folder reproduces the model report (seed 000)."""

from __future__ import annotations

import datetime as dt
import json

from camket import pipeline
from camket.counting.tally import tally
from tests.conftest import EMBEDDED_DATA, run


def test_validates_without_errors_or_warnings():
    _project, problems = pipeline.load_and_check(EMBEDDED_DATA)
    assert problems == []


def test_2019_reproduces_the_report():
    r = run("status", "2019", "--data", EMBEDDED_DATA, "--json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    blocks = {b["id"]: b for b in data["blocks"]}
    # "49/49 nội dung cam kết"
    assert (blocks["dia-phuong"]["carried_out"], blocks["dia-phuong"]["total"]) == (49, 49)
    # "96/97 nội dung cam kết …; còn 01 nhiệm vụ tạm dừng"
    assert (blocks["so-nganh"]["carried_out"], blocks["so-nganh"]["total"]) == (96, 97)
    assert blocks["so-nganh"]["paused"] == 1
    # "74/74 nội dung cam kết"
    assert (blocks["dang-doan-the"]["carried_out"], blocks["dang-doan-the"]["total"]) == (74, 74)
    # "đạt và vượt 24/24 chỉ tiêu kinh tế - xã hội"
    assert data["indicators"] == {"total": 24, "met": 24}
    # "30 công trình, dự án trọng điểm … có 29 công trình, dự án đã khởi công, khánh thành"
    assert data["tags"]["du-an-trong-diem"] == {"total": 30, "completed": 29}
    assert (data["total"], data["carried_out"]) == (220, 219)
    assert data["not_started"] == 0


def test_2019_has_late_items_with_causes_as_the_limitations_describe():
    project, _ = pipeline.load_and_check(EMBEDDED_DATA, years=[2019])
    t = tally(project, 2019)
    late_done = [s for s in t.items if s.late and s.status == "done"]
    assert late_done and all(s.entry.cause and s.entry.reason for s in late_done)
    assert {s.entry.cause for s in late_done} == {"objective", "subjective"}
    [paused] = [s for s in t.items if s.status == "paused"]
    assert "Quy hoạch phát triển vật liệu xây dựng" in paused.item.text
    assert "Luật Quy hoạch 2018" in paused.entry.reason


def test_2020_is_an_unfinished_year():
    project, _ = pipeline.load_and_check(EMBEDDED_DATA, years=[2020])
    units = [u for u in project.units_in(2020)]
    assert len(units) == 59
    assert sum(len(c.groups) for c in project.years[2020].commitments.values()) == 224
    mid = tally(project, 2020, dt.date(2020, 6, 30))
    end = tally(project, 2020, dt.date(2020, 12, 31))
    assert 0 < mid.counts.completed < mid.counts.total
    assert mid.counts.not_started > 0 and mid.counts.late > 0
    assert end.counts.late > mid.counts.late  # nothing recorded after June
    march = tally(project, 2020, dt.date(2020, 3, 31))
    assert march.counts.carried_out < mid.counts.carried_out
