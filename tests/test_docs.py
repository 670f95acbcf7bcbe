"""The documents stay in step with the code (sqlite-utils' test_docs, cog --check)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from camket import checks
from camket.cli import app
from camket.reading.codes import FILE_CODES
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_checks_doc_is_generated_and_current():
    current = (REPO / "docs/checks.md").read_text(encoding="utf-8")
    assert current == checks.document(), "run: python -m camket.checks > docs/checks.md"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_errors_doc_is_generated_and_current(language: str):
    from camket.checks.explanations import DOCS, document

    current = (REPO / DOCS[language]).read_text(encoding="utf-8")
    assert current == document(language), (
        f"run: python -m camket.checks.explanations {language} > {DOCS[language]}"
    )


def test_every_code_has_an_explanation_with_its_code():
    from camket.checks.explanations import explanations

    assert set(explanations()) == set(FILE_CODES) | set(checks.CHECKS)
    for code, module in checks.CHECKS.items():
        assert module.TITLE and module.FIX and module.SCOPE, code
    for code, entry in FILE_CODES.items():
        assert entry.about and entry.title and entry.fix, code


def test_every_code_in_the_source_is_documented():
    used = set()
    for path in (REPO / "camket").rglob("*.py"):
        used |= set(re.findall(r'"([EW]\d{3})"', path.read_text(encoding="utf-8")))
    documented = set(FILE_CODES) | set(checks.CHECKS)
    assert used - documented == set()
    assert set(FILE_CODES).isdisjoint(checks.CHECKS)


def test_every_command_has_help_and_is_in_the_readme():
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert command.callback.__doc__, name
        assert f"camket {name}" in README, name


def test_ci_runs_the_readme_test_command():
    [command] = re.findall(r"Run the tests:\n\n```sh\n(.+)\n```", README)
    ci = (REPO / ".ci/run").read_text(encoding="utf-8")
    assert command in ci


RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")


@pytest.mark.skipif(RUFF is None, reason="ruff is not installed (it is in the test extras)")
def test_code_is_ruff_clean():
    ruff = str(RUFF)
    result = subprocess.run([ruff, "check", str(REPO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    result = subprocess.run([ruff, "format", "--check", str(REPO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_every_message_has_both_languages():
    """Vietnamese is the source; the English catalogue must translate every message id, with
    the same placeholders."""
    import importlib.util

    from babel.messages.pofile import read_po

    spec = importlib.util.spec_from_file_location("messages", REPO / "scripts/messages.py")
    messages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(messages)
    assert messages.update(write=False) == {"en": 0}, "run: python scripts/messages.py"
    with (REPO / "camket/locale/en/LC_MESSAGES/camket.po").open("rb") as f:
        catalog = read_po(f)
    used = {m.id for m in messages.extract() if m.id}
    translated = {m.id: m.string for m in catalog if m.id}
    assert used <= set(translated)
    for msgid in used:
        assert sorted(re.findall(r"\{[^}]*\}", msgid)) == sorted(
            re.findall(r"\{[^}]*\}", translated[msgid])
        ), msgid


def test_every_package_is_installed():
    """pyproject lists the packages by hand (templates/ is mapped into camket.templates):
    a new subpackage left out would be missing from every installation but a checkout."""
    import tomllib

    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "camket").rglob("__init__.py")
    }
    assert found | {"camket.templates"} == listed
