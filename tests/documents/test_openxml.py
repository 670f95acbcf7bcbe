"""Word and Excel open everything camket writes without repairing it.

Each file is checked with openxml-audit (the Open XML SDK's schema and semantic rules, in
Python) and its prediction of what Microsoft Office does with the file: zero errors, and
"opens clean".
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from camket.documents.render.template import DEFAULTS, default
from tests.conftest import EMBEDDED_DATA, REPO, run

openxml_audit = pytest.importorskip("openxml_audit", reason="openxml-audit is in the test extras")


def audit(path: Path) -> list[str]:
    """The problems Word or Excel would have with the file: schema and semantic errors, and
    the app-compat findings behind a prediction other than 'opens clean'."""
    result = openxml_audit.OpenXmlValidator(max_errors=50).validate(str(path))
    found = [f"{e.part_uri} {e.path}: {e.description}" for e in result.errors]
    verdict = openxml_audit.predict(result)
    if verdict.prediction is not openxml_audit.AppPrediction.OPENS_CLEAN:
        found += [verdict.headline, *verdict.basis]
    return found


@pytest.mark.parametrize("name", sorted(DEFAULTS.values()))
def test_every_shipped_template_opens_clean(name: str):
    assert audit(default(name)) == []


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("big") / "data"
    subprocess.run(
        [sys.executable, str(REPO / "bench/make_large.py"), "1", "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return out


CASES = {
    "report 2019": (["report", "2019"], "r.docx"),
    "report 2020 mid-year": (["report", "2020", "--as-of", "2020-06-30"], "r.docx"),
    "report 2020 quarter 3": (["report", "2020", "--quarter", "3"], "r.docx"),
    "sheets 2019 combined": (["sheets", "2019", "--combined"], "s.docx"),
    "sheets 2020 combined": (["sheets", "2020", "--combined"], "s.docx"),
    "one sheet": (["sheets", "2019", "dong-ha"], "cam-ket-2019-dong-ha.docx"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_document_of_the_embedded_data_opens_clean(tmp_path: Path, case: str):
    args, name = CASES[case]
    out = tmp_path / name if name.startswith(("r.", "s.")) else tmp_path
    r = run(*args, "--data", EMBEDDED_DATA, "--out", out)
    assert r.exit_code == 0, r.stderr
    assert audit(tmp_path / name) == []


def test_documents_of_a_generated_folder_open_clean(tmp_path: Path, generated: Path):
    for args, name in (
        (["report", "2024", "--force"], "r.docx"),
        (["sheets", "2024", "--combined"], "s.docx"),
    ):
        r = run(*args, "--data", generated, "--out", tmp_path / name)
        assert r.exit_code == 0, r.stderr
        assert audit(tmp_path / name) == []


def test_a_template_with_elements_out_of_order_gives_a_clean_document(tmp_path: Path, mini: Path):
    """A clerk's template (edited by hand, or by another program) with properties out of
    schema order and written twice: camket's document is in order anyway."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document(str(default("bao-cao.docx")))
    for p in doc.paragraphs[:6]:
        ppr = p._p.get_or_add_pPr()
        ppr.append(OxmlElement("w:keepNext"))  # belongs first, appended last
        ppr.append(OxmlElement("w:keepNext"))
    for table in doc.tables:
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        table._tbl.tblPr.append(layout)  # a second one, after tblLook
    messy = tmp_path / "messy.docx"
    doc.save(str(messy))
    assert audit(messy) != []
    r = run("report", "2019", "--data", mini, "--template", messy, "--out", tmp_path / "r.docx")
    assert r.exit_code == 0, r.stderr
    assert audit(tmp_path / "r.docx") == []


def test_language_and_properties_are_camkets_own(tmp_path: Path):
    r = run("report", "2019", "--data", EMBEDDED_DATA, "--out", tmp_path / "r.docx")
    assert r.exit_code == 0, r.stderr
    with zipfile.ZipFile(tmp_path / "r.docx") as z:
        names = z.namelist()
        styles = z.read("word/styles.xml").decode()
        app = z.read("docProps/app.xml").decode()
        core = z.read("docProps/core.xml").decode()
    assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n]
    assert '<w:lang w:val="vi-VN"' in styles.split("</w:docDefaults>")[0]
    assert "<Application>camket</Application>" in app and "Microsoft" not in app
    assert "<dc:creator>Tỉnh ủy Quảng Trị</dc:creator>" in core
    assert "<dc:language>vi-VN</dc:language>" in core


@pytest.mark.parametrize("year", ["2019", "2020"])
def test_the_excel_export_opens_clean(tmp_path: Path, year: str):
    out = tmp_path / "x.xlsx"
    r = run("export", year, "--data", EMBEDDED_DATA, "--out", out)
    assert r.exit_code == 0, r.stderr
    assert audit(out) == []
    with zipfile.ZipFile(out) as z:  # shared strings, as Excel writes them
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert 't="inlineStr"' not in sheet and 't="s"' in sheet


def test_the_excel_export_of_a_generated_folder_opens_clean(tmp_path: Path, generated: Path):
    out = tmp_path / "x.xlsx"
    r = run("export", "2024", "--data", generated, "--out", out)
    assert r.exit_code == 0, r.stderr
    assert audit(out) == []


def test_the_progress_forms_open_clean(tmp_path: Path):
    r = run(
        "forms",
        "2020",
        "dong-ha",
        "so-y-te",
        "--quarter",
        "3",
        "--data",
        EMBEDDED_DATA,
        "--out",
        tmp_path,
    )
    assert r.exit_code == 0, r.stderr
    made = sorted(tmp_path.glob("*.xlsx"))
    assert len(made) == 2
    for path in made:
        assert audit(path) == [], path.name
