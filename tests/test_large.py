"""The fast paths give the same answers as the plain ones, on a generated multi-year folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from camket import pipeline
from camket.counting.tally import tally
from tests.conftest import REPO, run

sys.path.insert(0, str(REPO / "bench"))
import make_large


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_large.make(1, tmp_path_factory.mktemp("large") / "data")


def test_generated_folder_is_valid(large: Path):
    files, problems = pipeline.check_folder(large)
    assert problems == [] and files == len(list(large.rglob("*.yaml")))


def test_one_year_at_a_time_finds_what_all_at_once_finds(large: Path):
    # a duplicate id across years, one within a year, and a broken file
    a = large / "2019/commitments/dong-ha-01.yaml"
    a.write_text(
        a.read_text(encoding="utf-8").replace("dong-ha-01-2019-02", "dong-ha-01-2018-01"),
        encoding="utf-8",
    )
    b = large / "2020/commitments/dong-ha-01.yaml"
    b.write_text(
        b.read_text(encoding="utf-8")
        .replace("dong-ha-01-2020-02", "dong-ha-01-2020-01")
        .replace("head:", "hed:", 1),
        encoding="utf-8",
    )
    _files, streamed = pipeline.check_folder(large)
    _project, whole = pipeline.load_and_check(large)
    assert streamed == whole
    assert {p.code for p in whole} >= {"E108", "E005", "E008"}
    assert sum(p.code == "E108" for p in whole) == 1  # the 2020 file does not build: no ids
    assert (
        run("validate", "--data", large, "--no-cache").stdout
        == run("validate", "--data", large).stdout
    )


def test_tallies_per_year_match_the_whole_load(large: Path):
    project, _ = pipeline.load_and_check(large)
    for year in project.years:
        one, _ = pipeline.load_and_check(large, [year])
        assert tally(one, year).to_json() == tally(project, year).to_json()
