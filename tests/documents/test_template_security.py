"""Templates are untrusted input: they see plain data, load nothing, and run within bounds.

A template placed in the data folder (`templates/bao-cao.docx`) is the attacker's way in: every
payload below goes there, as it would in a shared folder, and must end in a clear message, exit
1, no document written, and nothing done on the machine.
"""

from __future__ import annotations

import resource
import shutil
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from camket.documents.render import sandbox
from tests.conftest import EMBEDDED_DATA, run, write

PLAIN = (str, int, float, bool, type(None))


def walk(value: Any, where: str = "context") -> list[str]:
    """Every place in a template context holding something other than plain data."""
    if isinstance(value, dict):
        bad = [f"{where}: key {k!r}" for k in value if type(k) is not str]
        for key, item in value.items():
            bad += walk(item, f"{where}.{key}")
        return bad
    if isinstance(value, list):
        return [b for i, item in enumerate(value) for b in walk(item, f"{where}[{i}]")]
    return [] if type(value) in PLAIN else [f"{where}: {type(value).__name__}"]


@pytest.fixture
def contexts(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every context handed to the sandbox during the test."""
    seen: list[dict[str, Any]] = []
    real = sandbox.render

    def spy(path: Path, given: list[dict[str, Any]]):
        seen.extend(given)
        return real(path, given)

    monkeypatch.setattr(sandbox, "render", spy)
    return seen


@pytest.mark.parametrize(
    "args",
    [
        ["report", "2019"],
        ["report", "2020", "--as-of", "2020-06-30"],
        ["sheets", "2019", "--combined"],
        ["sheets", "2020", "dong-ha", "cam-lo"],
    ],
)
def test_every_shipped_template_sees_plain_data_only(
    tmp_path: Path, contexts: list[dict[str, Any]], args: list[str]
):
    r = run(*args, "--data", EMBEDDED_DATA, "--out", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    assert contexts, "nothing was rendered"
    for context in contexts:
        assert walk(context) == []


def test_a_generated_folder_renders_with_plain_data_too(
    tmp_path: Path, contexts: list[dict[str, Any]]
):
    import subprocess
    import sys

    from tests.conftest import REPO

    subprocess.run(
        [sys.executable, str(REPO / "bench/make_large.py"), "1", "--out", str(tmp_path / "big")],
        check=True,
        capture_output=True,
    )
    for args in (["report", "2026", "--force"], ["sheets", "2026", "--combined"]):
        r = run(*args, "--data", tmp_path / "big", "--out", tmp_path / "out")
        assert r.exit_code == 0, r.stderr
    assert len(contexts) == 2
    for context in contexts:
        assert walk(context) == []


def test_the_sandbox_refuses_a_live_object_in_the_context(mini: Path):
    with pytest.raises(TypeError, match=r"context\.chart is a PosixPath"):
        sandbox.plain({"title": "x", "chart": mini})
    with pytest.raises(TypeError, match=r"context\.rows\[1\]"):
        sandbox.plain({"rows": [{"a": 1}, object()]})


def _template(tmp_path: Path, payload: str, name: str = "bao-cao.docx") -> Path:
    """The default report template with `payload` added to its title paragraph."""
    from docx import Document

    from camket.documents.render.template import default

    doc = Document(str(default("bao-cao.docx")))
    title = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    title.add_run(payload)
    path = tmp_path / name
    doc.save(str(path))
    return path


def _in_data_folder(mini: Path, tmp_path: Path, payload: str) -> None:
    made = _template(tmp_path, payload)
    (mini / "templates").mkdir(exist_ok=True)
    shutil.move(made, mini / "templates" / "bao-cao.docx")


def _refused(mini: Path, tmp_path: Path, *expected: str, seconds: float = 30) -> str:
    start = time.monotonic()
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "o.docx")
    elapsed = time.monotonic() - start
    assert r.exit_code == 1, (r.exit_code, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and "lỗi nội bộ" not in r.stderr
    assert "bao-cao.docx" in r.stderr
    for text in expected:
        assert text in r.stderr, r.stderr
    assert not (tmp_path / "o.docx").exists()
    assert elapsed < seconds, f"took {elapsed:.1f} s"
    return r.stderr


@pytest.mark.parametrize(
    "payload",
    [
        "{{ appendix.__class__.__mro__[1].__subclasses__() }}",
        "{{ title.__class__.__base__ }}",
        "{{ sections[0].paragraphs.__class__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ lipsum.__globals__['os'] }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ self._TemplateReference__context }}",
        "{{ range.__self__ }}",
        "{{ ''.format.__self__.__class__ }}",
        "{{ '{0.__class__}'.format(title) }}",
        "{{ title|attr('__class__') }}",
        "{{ recipients.append('x') }}{{ recipients.clear() }}",
        "{{ appendix.update({'title': 'x'}) }}",
        "{{ appendix.pop('title') }}",
        "{{ chart.replace.__self__.__class__.__subclasses__() }}",
    ],
)
def test_no_way_out_of_the_sandbox(mini: Path, tmp_path: Path, payload: str):
    _in_data_folder(mini, tmp_path, payload)
    _refused(mini, tmp_path)


@pytest.mark.parametrize(
    "payload",
    [
        "{% include '/etc/passwd' %}",
        "{% include 'camket.yaml' %}",
        "{% import 'units.yaml' as u %}",
        "{% from 'x' import y %}",
        "{% extends 'camket.yaml' %}",
    ],
)
def test_a_template_loads_no_file(mini: Path, tmp_path: Path, payload: str):
    _in_data_folder(mini, tmp_path, payload)
    _refused(mini, tmp_path, "không được nạp tệp")


def test_a_loop_that_never_ends_is_stopped(mini: Path, tmp_path: Path):
    _in_data_folder(
        mini,
        tmp_path,
        "{% for a in range(100000) %}{% for b in range(100000) %}{% for c in range(100000) %}"
        "{% endfor %}{% endfor %}{% endfor %}",
    )
    _refused(mini, tmp_path, "bị dừng", seconds=sandbox.BASE_SECONDS + 15)


@pytest.mark.parametrize(
    "payload",
    [
        "{{ 'x' * 10000000000 }}",
        "{{ 'ab' * 3000000000 }}",
        "{% set ns = namespace(s='abcdefgh') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        "{{ range(100000)|join(title * 40000) }}",
        "{{ title|center(9999999999) }}",
    ],
)
def test_a_huge_string_stops_in_the_child_not_the_machine(mini: Path, tmp_path: Path, payload: str):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _in_data_folder(mini, tmp_path, payload)
    message = _refused(mini, tmp_path)
    assert "bộ nhớ" in message or "lớn" in message or "bị dừng" in message, message
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 300, f"camket itself grew by {grown_mb:.0f} MB"


def test_output_that_unpacks_to_a_giant_document_is_refused(mini: Path, tmp_path: Path):
    # 200 MB of one letter packs into a small zip: the unpacked size is what counts
    _in_data_folder(mini, tmp_path, "{{ 'x' * 200000000 }}")
    _refused(mini, tmp_path)


def test_a_macro_calling_itself(mini: Path, tmp_path: Path):
    _in_data_folder(mini, tmp_path, "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")
    _refused(mini, tmp_path, "lồng nhau quá sâu")


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return path


def test_a_zip_bomb_is_refused_before_unpacking(mini: Path, tmp_path: Path):
    (mini / "templates").mkdir()
    real = zipfile.ZipFile(_template(tmp_path, ""))
    entries = {i.filename: real.read(i.filename) for i in real.infolist()}
    entries["word/media/bom.bin"] = b"\0" * (300 * 1024 * 1024)  # 300 MB, about 300 KB packed
    bomb = _zip(mini / "templates" / "bao-cao.docx", entries)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(mini, tmp_path, "giới hạn")
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024 < 100


def test_a_zip_with_thousands_of_entries_is_refused(mini: Path, tmp_path: Path):
    (mini / "templates").mkdir()
    _zip(mini / "templates" / "bao-cao.docx", {f"word/x{i}.xml": b"<x/>" for i in range(5000)})
    _refused(mini, tmp_path, "5000 phần")


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"{{ title }} this is a text file", "không phải tệp nén zip"),
        (b"", "không phải tệp nén zip"),
        (None, "thiếu phần word/document.xml"),
    ],
)
def test_a_template_that_is_not_a_docx_says_so(mini: Path, tmp_path: Path, content, why):
    target = mini / "templates" / "bao-cao.docx"
    target.parent.mkdir()
    if content is None:
        _zip(target, {"[Content_Types].xml": b"<Types/>", "hello.txt": b"hi"})
    else:
        target.write_bytes(content)
    _refused(mini, tmp_path, "không phải tệp Word .docx", why)


@pytest.mark.parametrize("named", ["../mau.docx", "/tmp/mau.docx", "templates/../../mau.docx"])
def test_a_templates_setting_that_leaves_the_data_folder_is_an_error(
    mini: Path, tmp_path: Path, named: str
):
    shutil.copy(_template(tmp_path, ""), tmp_path / "mau.docx")
    settings = mini / "camket.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + f"templates:\n  report: {named}\n", encoding="utf-8"
    )
    r = run("validate", "--data", mini)
    assert r.exit_code == 1
    assert "camket.yaml:" in r.stdout and "nằm ngoài thư mục dữ liệu" in r.stdout, r.stdout
    assert "[E122]" in r.stdout
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "o.docx")
    assert r.exit_code == 1 and "E122" in r.stderr
    assert not (tmp_path / "o.docx").exists()


def test_a_templates_setting_inside_the_folder_is_used(mini: Path, tmp_path: Path):
    made = _template(tmp_path, "MẪU RIÊNG")
    (mini / "mau").mkdir()
    shutil.copy(made, mini / "mau" / "bc.docx")
    settings = mini / "camket.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "templates:\n  report: mau/bc.docx\n",
        encoding="utf-8",
    )
    assert run("validate", "--data", mini).exit_code == 0
    r = run("report", "2019", "--data", mini, "--out", tmp_path / "o.docx")
    assert r.exit_code == 0, r.stderr
    from tests.docx_reading import text

    assert "MẪU RIÊNG" in text(tmp_path / "o.docx")


def test_a_missing_or_wrong_kind_of_configured_template_is_reported(mini: Path):
    settings = mini / "camket.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + "templates:\n  report: mau/khong-co.docx\n  sheet: mau/cam-ket.dotx\n",
        encoding="utf-8",
    )
    r = run("validate", "--data", mini)
    assert r.exit_code == 1
    assert "không có tệp mẫu 'mau/khong-co.docx'" in r.stdout
    assert "'mau/cam-ket.dotx' phải là tệp Word .docx" in r.stdout


def test_a_local_template_that_links_out_of_the_folder_is_refused(mini: Path, tmp_path: Path):
    outside = _template(tmp_path, "")
    (mini / "templates").mkdir()
    (mini / "templates" / "bao-cao.docx").symlink_to(outside)
    _refused(mini, tmp_path, "liên kết trỏ ra ngoài")


def test_data_that_looks_like_a_template_prints_literally(mini: Path, tmp_path: Path):
    path = mini / "2019" / "commitments" / "dong-ha.yaml"
    text = path.read_text(encoding="utf-8")
    write(mini, "2019/commitments/dong-ha.yaml", text.replace("head: ", "head: '{%p if 1 %}' #", 1))
    r = run("sheets", "2019", "dong-ha", "--data", mini, "--out", tmp_path)
    assert r.exit_code == 0, r.stderr
    from tests.docx_reading import text as docx_text

    assert "{%p if 1 %}" in docx_text(tmp_path / "cam-ket-2019-dong-ha.docx")


def test_the_chart_is_placed_after_rendering(tmp_path: Path):
    r = run("report", "2019", "--data", EMBEDDED_DATA, "--out", tmp_path / "r.docx")
    assert r.exit_code == 0, r.stderr
    from docx import Document

    from camket.documents.render.markers import OPEN

    document = Document(str(tmp_path / "r.docx"))
    assert len(document.inline_shapes) == 2  # by block, and the indicators
    assert OPEN not in document.element.xml
