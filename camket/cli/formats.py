"""Problems in the formats CI servers read: `camket validate --format` and `--report`.

A data folder kept on a git server is checked by its CI on every push; each server shows
problems its own way, and reads them from a file (a report) or from the job's log:

- github: workflow commands (`::error file=…,line=…::message`) in the log, which GitHub,
  Gitea and Forgejo Actions turn into annotations on the changed lines;
- gitlab: a Code Quality report (a JSON list), shown in merge requests;
- junit: JUnit XML, one test case per data file, for any CI's test view;
- sarif: SARIF 2.1.0, for code-scanning views.

Paths are relative to the repository root (where the server's views resolve them), or to the
working directory when the data folder is not in a git repository; text and json keep the
working directory, as they always have. Everything here is a pure function of the problems:
nothing is re-read, and the exit code stays validate's.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from camket import __version__
from camket.errors import CamketError
from camket.i18n import _
from camket.problems import Problem, Severity
from camket.terminal import json_text

FORMATS = ("text", "json", "github", "gitlab", "junit", "sarif")
# Formats that are a whole document: nothing else may go to the same output.
DOCUMENTS = ("json", "gitlab", "junit", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/camket/"


def targets(fmt: str, reports: Sequence[str]) -> list[tuple[str, Path]]:
    """--format checked, and each --report FORMAT:FILE split at its first colon (a Windows
    path keeps its C:)."""

    def known(name: str) -> str:
        if name not in FORMATS:
            raise CamketError(
                _("dạng '{fmt}' không có; dùng một trong: {formats}").format(
                    fmt=name, formats=", ".join(FORMATS)
                )
            )
        return name

    known(fmt)
    out = []
    for spec in reports:
        name, sep, path = spec.partition(":")
        if not sep or not path:
            raise CamketError(
                _(
                    "--report cần dạng và tệp, ví dụ --report junit:camket-junit.xml "
                    "(không phải '{spec}')"
                ).format(spec=spec)
            )
        out.append((known(name), Path(path)))
    return out


def utf8(text: str) -> bytes:
    """A file name that is not UTF-8 reaches a report as lone surrogates: a ? there, rather
    than a report that cannot be written at all."""
    return text.encode("utf-8", "replace")


def base_of(root: Path) -> Path:
    """The repository root holding the data folder (a province's repository, whose lower
    committees are submodules inside it), else the working directory."""
    from camket import git

    try:
        return git.toplevel(root)
    except git.GitError:
        return Path.cwd()


def relative(path: Path, base: Path) -> str:
    """`path` from `base`, with forward slashes on every system (servers read URLs)."""
    try:
        rel = os.path.relpath(path, base)
    except ValueError:  # another drive on Windows
        rel = str(path)
    return rel.replace(os.sep, "/")


def render(fmt: str, problems: Sequence[Problem], files: Sequence[Path], base: Path) -> str:
    """The problems as one text in format `fmt`; `files` are the files checked (JUnit lists
    each one as a test case, so a clean file is a passed test)."""
    if fmt == "text":
        return "".join(p.format() + "\n" for p in problems)
    if fmt == "json":
        return json_text([p.to_json() for p in problems]) + "\n"
    if fmt == "github":
        return "".join(github_line(p, base) + "\n" for p in problems)
    if fmt == "gitlab":
        return json_text(code_quality(problems, base)) + "\n"
    if fmt == "junit":
        return junit(problems, files, base)
    if fmt == "sarif":
        return json_text(sarif(problems, base)) + "\n"
    raise ValueError(fmt)


# --- GitHub, Gitea and Forgejo Actions: workflow commands --------------------------------


def _escape_data(text: str) -> str:
    # A message is untrusted data: a line break in it must not start a command of its own.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(p: Problem, base: Path) -> str:
    level = "error" if p.severity is Severity.ERROR else "warning"
    props = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (
            ("file", relative(p.path, base)),
            ("line", p.line),
            ("col", p.col),
            ("title", p.code),
        )
    )
    return f"::{level} {props}::{_escape_data(p.message)}"


# --- GitLab: a Code Quality report -------------------------------------------------------


def _fingerprints(problems: Sequence[Problem], base: Path) -> list[str]:
    """Stable across pushes: the file, the code and the message, not the line (a problem whose
    line moved is the same problem); a repeated one gets its rank among its equals."""
    seen: dict[str, int] = {}
    out = []
    for p in problems:
        key = "\0".join((relative(p.path, base), p.code, p.message))
        rank = seen.get(key, 0)
        seen[key] = rank + 1
        out.append(hashlib.sha256(f"{key}\0{rank}".encode("utf-8", "replace")).hexdigest())
    return out


def code_quality(problems: Sequence[Problem], base: Path) -> list[dict[str, object]]:
    return [
        {
            "description": f"{p.message} [{p.code}]",
            "check_name": p.code,
            "fingerprint": fingerprint,
            "severity": "major" if p.is_error else "minor",
            "location": {"path": relative(p.path, base), "lines": {"begin": p.line}},
        }
        for p, fingerprint in zip(problems, _fingerprints(problems, base), strict=True)
    ]


# --- JUnit XML ----------------------------------------------------------------------------


def _xml_clean(text: str) -> str:
    """Without what XML 1.0 cannot hold at all (most C0 controls, lone surrogates from a file
    name that is not UTF-8): a report that does not parse shows nothing."""
    return "".join(
        c
        for c in text
        if c in "\t\n\r" or ("\x20" <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd") or c > "\uffff"
    )


def _xml_text(text: str) -> str:
    return escape(_xml_clean(text))


def _attr(text: str) -> str:
    return quoteattr(_xml_clean(text))


def junit(problems: Sequence[Problem], files: Sequence[Path], base: Path) -> str:
    """One test case per file, failed when the file has errors: its one <failure> lists every
    error of the file, one line each (several <failure> elements in one test case make some
    readers show the test as passed, or refuse the file); warnings go to its <system-out>."""
    by_file: dict[str, list[Problem]] = {relative(f, base): [] for f in files}
    for p in problems:
        by_file.setdefault(relative(p.path, base), []).append(p)
    failed = sum(any(p.is_error for p in found) for found in by_file.values())
    head = (
        f'<testsuite name="camket validate" tests="{len(by_file)}" failures="{failed}" '
        f'errors="0" skipped="0">'
    )
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="camket validate" tests="{len(by_file)}" failures="{failed}" '
        'errors="0">',
        "  " + head,
    ]
    for name, found in by_file.items():
        errors = [p for p in found if p.is_error]
        warnings = [p for p in found if not p.is_error]
        case = f'    <testcase classname="camket.validate" name={_attr(name)} file={_attr(name)}'
        if not found:
            lines.append(case + "/>")
            continue
        lines.append(case + ">")
        if errors:
            first = errors[0]
            summary = f"{name}:{first.line}:{first.col}: {first.message} [{first.code}]"
            body = "\n".join(_located(p, name) for p in errors)
            lines.append(
                f"      <failure type={_attr(first.code)} message={_attr(summary)}>"
                f"{_xml_text(body)}</failure>"
            )
        if warnings:
            body = "\n".join(_located(p, name) for p in warnings)
            lines.append(f"      <system-out>{_xml_text(body)}</system-out>")
        lines.append("    </testcase>")
    lines += ["  </testsuite>", "</testsuites>"]
    return "\n".join(lines) + "\n"


def _located(p: Problem, name: str) -> str:
    """As `validate` prints it (the severity in the clerk's language), from the repository."""
    return f"{name}:{p.line}:{p.col}: {p.severity.word}: {p.message} [{p.code}]"


# --- SARIF 2.1.0 --------------------------------------------------------------------------


def _uri(rel: str) -> str:
    """A relative URI reference: percent-encoded UTF-8 (a name that is not UTF-8 keeps its
    bytes), slashes kept."""
    return quote(os.fsencode(rel), safe="/")


def _rules(codes: list[str]) -> list[dict[str, object]]:
    from camket.checks.explanations import explanations

    known = explanations()
    rules = []
    for code in codes:
        rule: dict[str, object] = {"id": code}
        explanation = known.get(code)
        if explanation is not None:
            rule["shortDescription"] = {"text": explanation.title}
            rule["help"] = {"text": explanation.fix}
        rules.append(rule)
    return rules


def sarif(problems: Sequence[Problem], base: Path) -> dict[str, object]:
    codes = sorted({p.code for p in problems})
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for p, fingerprint in zip(problems, _fingerprints(problems, base), strict=True):
        results.append(
            {
                "ruleId": p.code,
                "ruleIndex": index[p.code],
                "level": "error" if p.is_error else "warning",
                "message": {"text": p.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": _uri(relative(p.path, base)),
                                "uriBaseId": "SRCROOT",
                            },
                            "region": {"startLine": p.line, "startColumn": p.col},
                        }
                    }
                ],
                "partialFingerprints": {"camket/v1": fingerprint},
            }
        )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "camket",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": _rules(codes),
                    }
                },
                # Columns count characters, as camket's messages do.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
