"""What camket refuses to do, said for the clerk: one exception the command line turns into
messages and an exit code.

A stage that cannot go on raises a `CamketError` (or a subclass named for the stage: a template
that cannot be used, an entry refused, a folder not found); the command line prints each of its
messages as `lỗi: …` (or `từ chối: …` for an entry refused) and exits 1. Problems found in the
data are not errors: they are `Problem` values, returned.
"""

from __future__ import annotations

from camket.i18n import _


class CamketError(Exception):
    """Messages for the clerk, in their language, each saying what to do."""

    exit_code = 1

    def __init__(self, *messages: str) -> None:
        super().__init__("; ".join(messages))
        self.messages = list(messages)

    def prefix(self) -> str:
        return _("lỗi")
