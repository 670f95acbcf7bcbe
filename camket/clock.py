"""The only reading of the clock, so that tests and reproducible builds can pin "today".

`SOURCE_DATE_EPOCH` (the reproducible-builds convention) fixes it; `CAMKET_TODAY=YYYY-MM-DD`
is the clerk-friendly form of the same.
"""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    pinned = os.environ.get("CAMKET_TODAY")
    if pinned:
        return dt.date.fromisoformat(pinned)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()
