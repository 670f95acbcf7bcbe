"""The one place messages pass through on their way to the clerk: gettext.

Messages are written in Vietnamese, the clerk's language and the catalogue's source language;
`_` marks them (and `scripts/messages.py` extracts them into the catalogues under
camket/locale). Vietnamese needs no catalogue; other languages (`--lang en`, `CAMKET_LANG=en`)
read `camket/locale/LANG/LC_MESSAGES/camket.mo`, compiled from the `.po` at build time. A source
checkout has only the `.po`: it is compiled in memory then, with babel's own compiler.
"""

from __future__ import annotations

import gettext
import io
import os
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "camket"
SOURCE = "vi"
LANGUAGES = ("vi", "en")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE


def _load(language: str) -> gettext.NullTranslations:
    mo = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if mo.is_file():
        with mo.open("rb") as f:
            return gettext.GNUTranslations(f)
    po = mo.with_suffix(".po")
    if po.is_file():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as f:
            catalog = read_po(f, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def set_language(language: str | None = None) -> str:
    """`language`, else $CAMKET_LANG, else Vietnamese; an unknown one falls back to Vietnamese."""
    global _translation, _language
    chosen = (language or os.environ.get("CAMKET_LANG") or SOURCE).split("_")[0].lower()
    if chosen not in LANGUAGES:
        chosen = SOURCE
    _translation = gettext.NullTranslations() if chosen == SOURCE else _load(chosen)
    _language = chosen
    return chosen


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Marks a message for the catalogue without translating it now: for texts defined when a
    module loads (a rule's title and fix), translated with `_` where they are shown."""
    return message
