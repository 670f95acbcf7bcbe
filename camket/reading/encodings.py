"""A whole file not saved as UTF-8: which encoding it is in, and its text.

Windows saves text in other encodings than camket's UTF-8: Notepad's "Unicode" is UTF-16,
Vietnamese Windows' own code page is Windows-1258 (its tone marks are separate characters
after the letter), and files from the 1990s are TCVN3 or VNI (`legacy`). Such a file is still
an error (camket writes and compares UTF-8 only, `camket fix-encoding` converts it), but it
is read all the same, so the clerk sees every other problem of the file in the same run, and
the message names the encoding the file is really in.
"""

from __future__ import annotations

import codecs
import contextlib
import unicodedata

from camket.i18n import _
from camket.reading import legacy

UTF16 = "utf-16"
CP1258 = "cp1258"

NAMES = {UTF16: "UTF-16", CP1258: "Windows-1258", **legacy.NAMES}


def name(encoding: str) -> str:
    return NAMES[encoding]


def guess(data: bytes) -> tuple[str, str] | None:
    """(encoding, text in NFC) for bytes that are not UTF-8, or None when no encoding camket
    knows reads them as Vietnamese: then they are refused, not guessed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return UTF16, unicodedata.normalize("NFC", data.decode("utf-16"))
        except UnicodeDecodeError:
            return None
    latin = data.decode("latin-1")
    readings = []
    found = legacy.detect(latin)
    if found is not None:
        readings.append((found, unicodedata.normalize("NFC", legacy.to_unicode(latin, found))))
    # Windows-1258 maps all bytes but a few: only text that reads as Vietnamese counts
    with contextlib.suppress(UnicodeDecodeError):
        readings.append((CP1258, unicodedata.normalize("NFC", data.decode(CP1258))))
    scored = [(legacy.score(text), encoding, text) for encoding, text in readings]
    best = max(scored, default=None)
    return (best[1], best[2]) if best is not None and best[0] >= legacy.READS_WELL else None


def advice(encoding: str, file: str) -> str:
    """What to do about a file in `encoding`."""
    return _(
        "tệp được lưu theo bảng mã {name}, không phải UTF-8; chuyển sang UTF-8 bằng lệnh: "
        "camket fix-encoding {file}"
    ).format(name=name(encoding), file=file)
