"""'Did you mean …?': the closest known name to a misspelt one, for the clerk's messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from camket.i18n import _


def closest(word: str, choices: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(word, list(choices), n=1)
    return found[0] if found else None


def hint(word: str, choices: Iterable[str]) -> str:
    """ "; có phải ý bạn là 'x'?" to append to a message, or nothing when no name is close."""
    guess = closest(word, choices)
    return _("; có phải ý bạn là '{g}'?").format(g=guess) if guess else ""
