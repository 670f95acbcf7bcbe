"""camket.reading.building: pydantic's errors come back in Vietnamese at their YAML place."""

from __future__ import annotations

from pathlib import Path

from camket.problems import Span
from camket.reading.building import build
from camket.reading.files import read_text
from camket.reading.models import Commitments, Status

P = Path("c.yaml")


def build_text(model, text):
    value, problems = read_text(P, text)
    assert problems == [], problems
    return build(model, value, Span(P, 1, 1))


COMMITMENTS = """\
unit: cam-lo
year: 2019
head: Đào Mạnh Hùng
groups:
  - title: Kinh tế
    items:
      - id: cam-lo-2019-01
        text: Hoàn thành giải phóng mặt bằng
        progress:
          - {date: 2019-03-31, status: %s}
"""


def test_valid_file_builds_and_keeps_marks():
    model, problems = build_text(Commitments, COMMITMENTS % "in_progress")
    assert problems == []
    item = model.groups[0].items[0]
    assert item.value_span("text") == (P, 8, 15)
    assert item.progress[0].value_span("status") == (P, 10, 40)
    assert item.progress[0].status is Status.IN_PROGRESS


def test_vietnamese_status_words_are_read_as_codes():
    for word, code in [
        ("hoàn thành", Status.DONE),
        ("Tạm dừng", Status.PAUSED),
        ("CHƯA HOÀN THÀNH", Status.NOT_DONE),
        ("điều chỉnh", Status.ADJUSTED),
    ]:
        model, problems = build_text(Commitments, COMMITMENTS % word)
        assert problems == [] and model.groups[0].items[0].progress[0].status is code


def test_unknown_status_suggests_the_closest():
    _model, problems = build_text(Commitments, COMMITMENTS % "hoan thanh")
    assert [p.code for p in problems] == ["E020"]
    assert (problems[0].line, problems[0].col) == (10, 40)
    assert "'hoàn thành'" in problems[0].message


def test_unknown_key_did_you_mean():
    text = COMMITMENTS.replace("        progress:", "        progres:") % "done"
    _model, problems = build_text(Commitments, text)
    assert [p.code for p in problems] == ["E005"]
    assert (problems[0].line, problems[0].col) == (9, 9)
    assert "progres" in problems[0].message and "'progress'" in problems[0].message


def test_missing_key_points_at_its_mapping():
    text = COMMITMENTS.replace("        text: Hoàn thành giải phóng mặt bằng\n", "") % "done"
    _model, problems = build_text(Commitments, text)
    assert [p.code for p in problems] == ["E008"]
    assert (problems[0].line, problems[0].col) == (7, 9)
    assert "'text'" in problems[0].message


def test_wrong_type_names_the_expected_type():
    _model, problems = build_text(
        Commitments, COMMITMENTS.replace("year: 2019", "year: hai") % "done"
    )
    assert [p.code for p in problems] == ["E006"]
    assert (problems[0].line, problems[0].col) == (2, 7)
    assert "số nguyên" in problems[0].message


def test_boolean_value_explains_yaml11():
    _model, problems = build_text(Commitments, COMMITMENTS.replace("Đào Mạnh Hùng", "no") % "done")
    assert [p.code for p in problems] == ["E006"]
    assert "'no'" in problems[0].message and "ngoặc kép" in problems[0].message


def test_date_field_with_text():
    text = COMMITMENTS.replace("date: 2019-03-31", "date: 31/3/2019") % "done"
    _model, problems = build_text(Commitments, text)
    assert [p.code for p in problems] == ["E007"]
    assert "năm-tháng-ngày, 2019-03-31" in problems[0].message


def test_all_problems_of_a_file_in_one_run():
    text = (COMMITMENTS % "xong").replace("year: 2019", "year: hai").replace("head:", "hed:")
    _model, problems = build_text(Commitments, text)
    assert sorted(p.code for p in problems) == ["E005", "E006", "E008", "E020"]


def test_comma_inside_flow_mapping_hint():
    text = (
        COMMITMENTS.replace(
            "        progress:",
            "        indicator: {plan: 12, unit: triệu, đồng}\n        progress:",
        )
        % "done"
    )
    _model, problems = build_text(Commitments, text)
    assert [p.code for p in problems] == ["E005"]
    assert "'đồng'" in problems[0].message and "dấu phẩy" in problems[0].message


def test_indicator_needs_a_plan_and_a_known_better():
    text = (
        COMMITMENTS.replace(
            "        progress:", "        indicator: {actual: 12.6, better: cao}\n        progress:"
        )
        % "done"
    )
    _model, problems = build_text(Commitments, text)
    assert sorted(p.code for p in problems) == ["E008", "E016"]
    assert any("'plan'" in p.message for p in problems)
    assert any("higher" in p.message and "lower" in p.message for p in problems)


def test_a_file_that_is_a_list_is_refused_whole():
    value, _ = read_text(P, "- a\n- b\n")
    model, problems = build(Commitments, value, Span(P, 1, 1))
    assert model is None and [p.code for p in problems] == ["E012"]


def test_pairs_and_empty_text():
    from camket.reading.models import UnitsFile

    text = (
        "blocks: [{id: a, name: A}]\nunits:\n"
        "  - {id: u, name: U, block: a, collective: C, head_title: H, years: [2017]}\n"
    )
    _model, problems = build_text(UnitsFile, text)
    assert [(p.code, p.line, p.col) for p in problems] == [("E006", 3, 62)]
    assert "hai số" in problems[0].message
    _model, problems = build_text(
        Commitments,
        COMMITMENTS.replace("text: Hoàn thành giải phóng mặt bằng", "text: ''") % "done",
    )
    assert [p.message for p in problems] == ["'text' không được để trống"]
