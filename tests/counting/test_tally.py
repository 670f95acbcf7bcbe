"""camket.counting.tally on the hand-counted mini folder (see the comments in its files)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from camket import pipeline
from camket.counting.tally import default_as_of, tally
from camket.reading.models import Status
from tests.conftest import ASSETS, write

COUNTS = ("total", "carried_out", "completed", "paused", "late", "not_started")


def counts(obj) -> tuple[int, ...]:
    return tuple(getattr(obj.counts, k) for k in COUNTS)


def load(folder: Path = ASSETS / "mini"):
    project, problems = pipeline.load_and_check(folder)
    assert not [p for p in problems if p.is_error]
    return project


def test_year_end_by_hand():
    t = tally(load(), 2019, dt.date(2019, 12, 31))
    dia, so = t.blocks
    # dong-ha: done on time, done late, not started; cam-lo: in progress past due, not_done
    # due on the as-of date (not late: strict); so-xay-dung: paused, adjusted past due.
    assert counts(dia) == (5, 4, 2, 0, 2, 1)
    assert counts(so) == (2, 1, 0, 1, 1, 0)
    assert counts(t) == (7, 5, 2, 1, 3, 1)
    assert [counts(u) for u in dia.units] == [(3, 2, 2, 0, 1, 1), (2, 2, 0, 0, 1, 0)]
    assert (t.indicators_total, t.indicators_met) == (3, 2)  # one without actual, one missed
    assert {k: (v.total, v.completed) for k, v in t.tags.items()} == {"du-an-trong-diem": (2, 2)}


def test_mid_year_only_counts_entries_up_to_the_date():
    t = tally(load(), 2019, dt.date(2019, 6, 30))
    dia, so = t.blocks
    assert counts(dia) == (5, 3, 1, 0, 1, 2)
    assert counts(so) == (2, 1, 0, 1, 0, 0)
    assert {k: (v.total, v.completed) for k, v in t.tags.items()} == {"du-an-trong-diem": (2, 1)}
    states = {s.item.id: s for s in t.items}
    assert states["cam-lo-2019-02"].status is Status.NOT_STARTED
    assert (
        states["dong-ha-2019-02"].status is Status.IN_PROGRESS
        and not states["dong-ha-2019-02"].late
    )


def test_late_is_strict_on_both_sides(mini: Path):
    # due on the as-of date: not yet late; done on the due date: on time
    t = tally(load(mini), 2019, dt.date(2019, 3, 31))
    states = {s.item.id: s for s in t.items}
    assert states["cam-lo-2019-01"].late is False  # due 2019-03-31, not done
    t = tally(load(mini), 2019, dt.date(2019, 4, 1))
    assert {s.item.id: s for s in t.items}["cam-lo-2019-01"].late is True
    path = mini / "2019/commitments/dong-ha.yaml"
    write(
        mini,
        "2019/commitments/dong-ha.yaml",
        path.read_text(encoding="utf-8").replace(
            "2019-06-20, status: done", "2019-06-30, status: done"
        ),
    )
    t = tally(load(mini), 2019, dt.date(2019, 12, 31))
    assert {s.item.id: s for s in t.items}["dong-ha-2019-01"].late is False


def test_unit_filter_narrows_every_count():
    t = tally(load(), 2019, dt.date(2019, 12, 31), unit="cam-lo")
    assert [b.id for b in t.blocks] == ["dia-phuong"]
    assert counts(t) == (2, 2, 0, 0, 1, 0)
    assert t.tags == {}


def test_default_as_of_is_the_earlier_of_today_and_year_end():
    assert default_as_of(2019, dt.date(2026, 11, 26)) == dt.date(2019, 12, 31)
    assert default_as_of(2026, dt.date(2026, 11, 26)) == dt.date(2026, 11, 26)


def test_json_has_exactly_the_documented_shape():
    data = tally(load(), 2019, dt.date(2019, 12, 31)).to_json()
    assert list(data) == ["year", "as_of", *COUNTS, "blocks", "indicators", "tags"]
    assert data["as_of"] == "2019-12-31"
    block = data["blocks"][0]
    assert list(block) == ["id", "name", *COUNTS, "units"]
    assert list(block["units"][0]) == ["id", "name", *COUNTS]
    assert data["indicators"] == {"total": 3, "met": 2}
    assert data["tags"] == {"du-an-trong-diem": {"total": 2, "completed": 2}}
