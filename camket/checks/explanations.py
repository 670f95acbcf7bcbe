"""What each problem code means, for the clerk: `camket validate --explain CODE`, docs/errors.md.

The titles and fixes live with their codes (camket.reading.codes for the reader's, each rule's
module for its own); they are Vietnamese, translated for `--lang en`, and docs/errors.md has an
English twin, docs/errors.en.md (tests keep both in step). The examples of the rules come from
the rule modules' own documented invalid examples, so they are the examples the tests run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from camket.i18n import _


@dataclass(frozen=True)
class Explanation:
    title: str
    fix: str
    example: str = ""  # YAML that shows the problem (for the rules: taken from the module)


def explanations() -> dict[str, Explanation]:
    """Every code a clerk can see, with its title and fix in the current language: the reader's
    codes from camket.reading.codes, each rule's from its own module."""
    from camket import checks
    from camket.reading.codes import FILE_CODES

    out = {code: Explanation(_(c.title), _(c.fix), c.example) for code, c in FILE_CODES.items()}
    for code, module in checks.CHECKS.items():
        out[code] = Explanation(_(module.TITLE), _(module.FIX))
    return dict(sorted(out.items()))


def example(code: str) -> str:
    """The explanation's own example, else the first invalid example of the rule's module."""
    entry = explanations()[code]
    if entry.example:
        return entry.example
    from camket import checks

    module = checks.CHECKS.get(code)
    doc = (module.__doc__ or "") if module else ""
    if "\nInvalid:\n" not in doc:
        return ""
    block = re.search(r"```yaml\n(.*?)```", doc.split("\nInvalid:\n", 1)[1], re.S)
    return block.group(1) if block else ""


def explain(code: str) -> str:
    entry = explanations()[code]
    text = f"{code} — {entry.title}\n\n" + _("Cách sửa: {fix}").format(fix=entry.fix) + "\n"
    sample = example(code)
    if sample:
        text += "\n" + _("Ví dụ sai:") + "\n\n"
        text += "".join(f"    {line}\n" for line in sample.splitlines())
    return text


DOCS = {"vi": "docs/errors.md", "en": "docs/errors.en.md"}


def document(language: str = "vi") -> str:
    """docs/errors.md, or its English twin docs/errors.en.md, in `language`."""
    from camket import i18n

    previous = i18n.language()
    i18n.set_language(language)
    try:
        out = [
            _("# Các mã lỗi của camket"),
            "",
            "<!-- "
            + _("Tạo bởi `{command}`; không sửa bằng tay.").format(
                command=f"python -m camket.checks.explanations {language} > {DOCS[language]}"
            )
            + " -->",
            "",
            _(
                "Mỗi lỗi được in dạng `tệp:dòng:cột: lỗi: thông báo [MÃ]`. Xem giải thích một "
                "mã ngay trong cửa sổ lệnh: `camket validate --explain MÃ`."
            ),
            "",
        ]
        for code, entry in explanations().items():
            fix = _("**Cách sửa:** {fix}").format(fix=entry.fix)
            out += [f"## {code} — {entry.title}", "", fix, ""]
            sample = example(code)
            if sample:
                out += [_("Ví dụ sai:"), "", "```yaml", sample.rstrip("\n"), "```", ""]
        return "\n".join(out)
    finally:
        i18n.set_language(previous)


if __name__ == "__main__":
    import sys

    print(document(sys.argv[1] if len(sys.argv) > 1 else "vi"), end="")
