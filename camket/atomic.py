"""The one way camket writes a file: a temporary file beside it, fsync, rename.

An interrupted or failed write leaves the old file as it was; readers never see half a file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from camket.i18n import _


def write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def reason(e: OSError) -> str:
    """Why a write failed, in the clerk's words, with the system's code (ENOSPC…) for whoever
    helps them."""
    words = {
        errno.ENOSPC: _("ổ đĩa đã đầy"),
        errno.EDQUOT: _("đã hết hạn mức dung lượng"),
        errno.EROFS: _("ổ đĩa chỉ cho đọc"),
        errno.EACCES: _("không có quyền ghi"),
        errno.EPERM: _("không có quyền ghi"),
    }
    code = errno.errorcode.get(e.errno or 0, "")
    word = words.get(e.errno or 0) or e.strerror or str(e)
    return f"{word} ({code})" if code else word
