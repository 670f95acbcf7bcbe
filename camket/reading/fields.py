"""How a message names a field of a progress entry, by where the entry comes from.

The same rules judge an entry in a file, one given to `camket record`, and one read from a
quarterly form; the clerk fixes each in a different place: the YAML key (`reason:`), the
command's option (`--reason`), the form's column ("cột Lý do"). The rules say `field("reason")`
and the caller that types the entry says, around the run, which names apply.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from contextvars import ContextVar

from camket.i18n import _

_NAMES: ContextVar[Mapping[str, str] | None] = ContextVar("camket_field_names", default=None)

# `camket record`'s options for the entry's fields
OPTIONS = {
    "date": "--date",
    "note": "--note",
    "reason": "--reason",
    "cause": "--cause",
    "approved_by": "--approved-by",
}


def field(key: str) -> str:
    """`reason:` in a file, or what the entry's source calls it."""
    names = _NAMES.get()
    return names[key] if names and key in names else f"{key}:"


def columns(headers: Mapping[str, str]) -> dict[str, str]:
    """A form's names for the fields: key -> its column's header."""
    return {key: _("cột “{header}”").format(header=h) for key, h in headers.items()}


@contextlib.contextmanager
def named(names: Mapping[str, str]) -> Iterator[None]:
    token = _NAMES.set(names)
    try:
        yield
    finally:
        _NAMES.reset(token)


def key_name(name: str) -> str:
    """A YAML key as a typing message names it ('cause' in "'cause' không nhận…"): the
    option when the entry comes from the command line, else the key itself."""
    names = _NAMES.get()
    shown = names.get(name) if names else None
    return shown if shown is not None and shown.startswith("--") else name
