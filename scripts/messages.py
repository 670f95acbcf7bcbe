"""Keep the message catalogues in step with the code: `python scripts/messages.py`.

Extracts every `_("…")` from camket/ (babel's extractor, which also joins implicitly
concatenated literals), merges it into camket/locale/*/LC_MESSAGES/camket.po keeping existing
translations, drops messages no longer used, and says how many still need translating.
A test fails while any message lacks a translation.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "camket"
LOCALES = PACKAGE / "locale"


def extract() -> Catalog:
    template = Catalog(project="camket", domain="camket", locale="vi")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None},
        comment_tags=("TRANSLATORS:",),
    ):
        template.add(
            message, None, [(f"camket/{filename}", lineno)], auto_comments=comments, context=context
        )
    return template


def update(write: bool = True) -> dict[str, int]:
    template = extract()
    missing: dict[str, int] = {}
    for po in sorted(LOCALES.glob("*/LC_MESSAGES/camket.po")):
        language = po.parts[-3]
        with po.open("rb") as f:
            catalog = read_po(f, locale=language)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        missing[language] = sum(1 for m in catalog if m.id and not m.string)
        if write:
            with po.open("wb") as f:
                write_po(f, catalog, width=100, sort_output=True, omit_header=False)
    return missing


if __name__ == "__main__":
    result = update()
    for language, count in result.items():
        print(f"{language}: {count} messages to translate")
    sys.exit(0)
