"""Property tests: generated data folders, mutated byte by byte, reformatted, recorded into.

Hypothesis runs with the profile set in conftest.py: a fixed seed (derandomised) and a bounded
number of examples, so CI is repeatable; `HYPOTHESIS_PROFILE=deep` explores more.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from camket import pipeline
from camket.counting.tally import tally
from camket.problems import Problem
from camket.progress.record import Refused, record

SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WORDS = [
    "Hoàn thành",
    "giải phóng",
    "mặt bằng",
    "dự án",
    "nông thôn mới",
    "Đảng bộ",
    "xã",
    "Cam Lộ",
    "đường",
    "kỷ cương",
    "tỉnh",
    "100%",
    "chỉ tiêu",
    "&",
    "<dự thảo>",
    "{{ 7*7 }}",
]
STATUSES = ["in_progress", "done", "not_done", "paused", "adjusted", "hoàn thành", "đang thực hiện"]


@dataclass
class Entry:
    date: dt.date
    status: str
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class ItemSpec:
    id: str
    text: str
    due: dt.date | None
    progress: list[Entry]


@dataclass
class Folder:
    units: list[tuple[str, str]]  # (id, block)
    blocks: list[str]
    items: dict[str, list[list[ItemSpec]]]  # unit -> groups -> items


texts = st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map(" ".join)
days = st.integers(min_value=0, max_value=364).map(
    lambda d: dt.date(2019, 1, 1) + dt.timedelta(days=d)
)


@st.composite
def items(draw, unit: str, counter: list[int]) -> ItemSpec:
    counter[0] += 1
    due = draw(st.one_of(st.none(), days))
    dates = sorted(draw(st.lists(days, max_size=3)))
    progress = []
    for date in dates:
        status = draw(st.sampled_from(STATUSES))
        extra: dict[str, str] = {}
        code = {"hoàn thành": "done", "đang thực hiện": "in_progress"}.get(status, status)
        if code in ("paused", "adjusted", "not_done") or (code == "done" and due and date > due):
            extra["reason"] = draw(texts)
        if code == "adjusted":
            extra["approved_by"] = "Công văn số 12-CV/TU"
        if code == "not_done" or (code == "done" and due and date > due):
            extra["cause"] = draw(st.sampled_from(["objective", "subjective", "khách quan"]))
        progress.append(Entry(date, status, extra))
    return ItemSpec(f"{unit}-2019-{counter[0]:02d}", draw(texts), due, progress)


@st.composite
def folders(draw) -> Folder:
    blocks = ["khoi-a", "khoi-b"][: draw(st.integers(1, 2))]
    n_units = draw(st.integers(1, 4))
    units = [(f"don-vi-{i}", draw(st.sampled_from(blocks))) for i in range(n_units)]
    spec: dict[str, list[list[ItemSpec]]] = {}
    for unit, _block in units:
        counter = [0]
        spec[unit] = [
            draw(st.lists(items(unit, counter), min_size=1, max_size=3))
            for _ in range(draw(st.integers(2, 3)))
        ]
    return Folder(units, blocks, spec)


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def render_entry(e: Entry, flow: bool) -> list[str]:
    fields = [("date", e.date.isoformat()), ("status", q(e.status))]
    fields += [(k, q(v)) for k, v in e.extra.items()]
    if flow:
        return ["          - {" + ", ".join(f"{k}: {v}" for k, v in fields) + "}"]
    first, *rest = fields
    return [f"          - {first[0]}: {first[1]}"] + [f"            {k}: {v}" for k, v in rest]


def write_folder(root: Path, f: Folder, flow: bool = False, shuffle: int | None = None) -> None:
    """The folder as a clerk might write it; `flow`/`shuffle` give other layouts of the same."""
    rng = random.Random(shuffle)
    root.mkdir(parents=True, exist_ok=True)
    (root / "camket.yaml").write_text(
        "body: Ban Thường vụ Tỉnh ủy\nissuer: Tỉnh ủy\noffice: Văn phòng Tỉnh ủy\n"
        "place: Quảng Trị\ncode: TU\n",
        encoding="utf-8",
    )
    units = list(f.units)
    if shuffle is not None:
        rng.shuffle(units)
    lines = ["blocks:"] + [f"  - {{id: {b}, name: Khối {b}}}" for b in f.blocks] + ["units:"]
    for unit, block in units:
        lines += [
            f"  - id: {unit}",
            f"    name: Đơn vị {unit}",
            f"    block: {block}",
            f"    collective: Ban Thường vụ {unit}",
            "    head_title: Bí thư",
        ]
    (root / "units.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    year = root / "2019"
    (year / "commitments").mkdir(parents=True, exist_ok=True)
    (year / "year.yaml").write_text(
        "year: 2019\ntheme: Trách nhiệm, kỷ cương\nsigned_on: 2019-02-20\n"
        "groups_per_unit: [2, 6]\n",
        encoding="utf-8",
    )
    for unit, groups in f.items.items():
        out = [f"unit: {unit}", "year: 2019", "head: Nguyễn Văn A", "groups:"]
        if flow:
            out.insert(0, "# bản viết lại, có chú thích\n")
        for gi, group in enumerate(groups):
            out += [f"  - title: Nhóm {gi + 1}", "    items:"]
            for item in group:
                out += [f"      - id: {item.id}", f"        text: {q(item.text)}"]
                if item.due:
                    out.append(f"        due: {item.due.isoformat()}")
                if item.progress:
                    out.append("        progress:")
                    for entry in item.progress:
                        out += render_entry(entry, flow)
        (year / "commitments" / f"{unit}.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")


@contextlib.contextmanager
def folder_on_disk(f: Folder, **layout):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        write_folder(root, f, **layout)
        yield root


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


@SLOW
@given(folders())
def test_generated_folders_are_valid(f: Folder):
    with folder_on_disk(f) as root:
        _project, problems = pipeline.load_and_check(root)
        assert errors(problems) == []


def _figures(counts) -> dict[str, list[str]]:
    """Each figure's items, in no particular order (the layout may change the order)."""
    return {name: sorted(ids) for name, ids in counts.ids.items()}


@SLOW
@given(folders(), st.integers(0, 1000))
def test_tallies_do_not_depend_on_order_or_layout(f: Folder, seed: int):
    results = []
    for layout in ({}, {"flow": True}, {"shuffle": seed}):
        with folder_on_disk(f, **layout) as root:
            project, problems = pipeline.load_and_check(root)
            assert errors(problems) == []
            t = tally(project, 2019, dt.date(2019, 12, 31))
            results.append(
                (
                    _figures(t.counts),
                    {b.id: _figures(b.counts) for b in t.blocks},
                    {
                        tag: (sorted(v.items), sorted(v.completed_items))
                        for tag, v in t.tags.items()
                    },
                )
            )
    assert results[0] == results[1] == results[2]


@SLOW
@given(folders(), st.data())
def test_mutated_bytes_give_problems_never_exceptions(f: Folder, data: st.DataObject):
    with folder_on_disk(f) as root:
        files = sorted(root.rglob("*.yaml"))
        target = data.draw(st.sampled_from(files))
        raw = bytearray(target.read_bytes())
        for _ in range(data.draw(st.integers(1, 6))):
            pos = data.draw(st.integers(0, len(raw)))
            kind = data.draw(st.sampled_from(["insert", "delete", "replace"]))
            byte = data.draw(
                st.sampled_from(
                    [
                        0x00,
                        0x09,
                        0x0A,
                        0x20,
                        0x22,
                        0x26,
                        0x2A,
                        0x2D,
                        0x3A,
                        0x5B,
                        0x7B,
                        0x21,
                        0x7F,
                        0xC3,
                        0xE1,
                        0xFF,
                        0x23,
                        0x7C,
                        0x3E,
                        0x25,
                        0x40,
                        0x27,
                    ]
                )
            )
            if kind == "insert" or not raw:
                raw.insert(pos, byte)
            elif kind == "delete":
                del raw[min(pos, len(raw) - 1)]
            else:
                raw[min(pos, len(raw) - 1)] = byte
        target.write_bytes(bytes(raw))
        _project, problems = pipeline.load_and_check(root)  # must not raise
        for p in problems:
            assert p.path.is_relative_to(root)
            assert p.message and p.code[0] in "EW"
            if p.path.is_file():
                n_lines = p.path.read_bytes().count(b"\n") + 1
                assert 1 <= p.line <= n_lines, (p, n_lines)
                assert p.col >= 1


@SLOW
@given(folders(), st.data())
def test_record_then_validate_stays_clean(f: Folder, data: st.DataObject):
    with folder_on_disk(f) as root:
        project, _ = pipeline.load_and_check(root)
        every = [i for c in project.years[2019].commitments.values() for i in c.items()]
        item = data.draw(st.sampled_from(every))
        last = item.progress[-1].date if item.progress else dt.date(2019, 1, 1)
        date = data.draw(st.dates(min_value=last, max_value=dt.date(2019, 12, 31)))
        status = data.draw(st.sampled_from(["in_progress", "done", "not_done", "paused"]))
        extra = {}
        late = status == "done" and item.due is not None and date > item.due
        if status in ("not_done", "paused") or late:
            extra["reason"] = "Thiếu vốn"
        if status == "not_done" or late:
            extra["cause"] = "objective"
        fields = {"date": str(date), "status": status, **extra}
        if item.progress:  # the same entry twice is refused as a duplicate (test_record)
            last = {k: str(v) for k, v in item.progress[-1].model_dump().items() if v is not None}
            assume(last != fields)
        before = {p: p.read_bytes() for p in root.rglob("*.yaml")}
        try:
            record(root, item.id, status, date, **extra)
        except Refused as e:  # only refused for a reason the rules give
            raise AssertionError(e.messages) from None
        _project, problems = pipeline.load_and_check(root)
        assert errors(problems) == []
        changed = [p for p in root.rglob("*.yaml") if p.read_bytes() != before[p]]
        assert len(changed) == 1
