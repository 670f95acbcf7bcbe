"""The only reading of the clock, so that tests and reproducible builds can pin "today".

`SOURCE_DATE_EPOCH` (the reproducible-builds convention) fixes it; `CAMKET_TODAY=YYYY-MM-DD`
is the clerk-friendly form of the same.
"""

from __future__ import annotations

import datetime as dt
import os

from camket.errors import CamketError
from camket.i18n import _


class ClockError(CamketError, ValueError):
    """A pinned date that cannot be read; the message says which variable."""


def today() -> dt.date:
    pinned = os.environ.get("CAMKET_TODAY")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise ClockError(
                _("CAMKET_TODAY={value}: cần ngày dạng YYYY-MM-DD").format(value=repr(pinned))
            ) from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise ClockError(
                _("SOURCE_DATE_EPOCH={value}: cần một số giây").format(value=repr(epoch))
            ) from None
    return dt.date.today()
