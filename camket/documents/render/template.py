"""Finding a template, checking it is a Word document, and rendering it safely.

Templates are untrusted input, like the data: they come from `--template`, the `templates:`
setting or the data folder's `templates/`, all of which anyone with access to the shared folder
can change. Each template is checked as a zip before anything unpacks it (size, entry count,
unpacked size: a zip bomb stops here), then rendered by `camket.documents.render.sandbox` in a Jinja
sandbox inside a child process with limits. Autoescaping keeps `&` and `<` in names (`Sở Kế
hoạch & Đầu tư`) from breaking the document XML; values are never evaluated, so `{{ 7*7 }}` in a
data value prints literally; StrictUndefined makes a misspelt name an error, not a blank.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from camket.errors import CamketError
from camket.i18n import _
from camket.reading.folder import inside

DEFAULTS = {"report": "bao-cao.docx", "sheet": "cam-ket.docx"}

MAX_TEMPLATE_BYTES = 20 * 1024 * 1024  # a template with a letterhead logo is well under 1 MB
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # what its entries claim to hold, all together
MAX_ENTRIES = 1000  # a .docx from Word holds a few dozen
REQUIRED = ("[Content_Types].xml", "word/document.xml")


class TemplateError(CamketError):
    """A template that cannot be used; the message names the template and the place."""


def find(kind: str, explicit: Path | None, configured: str | None, root: Path) -> Path:
    """`--template`, else the `templates:` setting, else `templates/` in the data folder,
    else the package's default. The clerk's own `--template` may be anywhere; what the data
    folder names must stay inside it (a shared folder must not reach into the clerk's files)."""
    name = DEFAULTS[kind]
    if explicit is not None:
        if not explicit.is_file():
            raise TemplateError(_("không tìm thấy mẫu văn bản '{path}'").format(path=explicit))
        return explicit
    if configured:
        candidate = root / configured
        if not inside(root, candidate):
            raise TemplateError(
                _(
                    "mẫu văn bản '{path}' (khóa templates trong camket.yaml) nằm ngoài thư mục dữ "
                    "liệu; hãy chép mẫu vào thư mục dữ liệu (ví dụ templates/{name}) và ghi đường "
                    "dẫn tương đối"
                ).format(path=configured, name=name)
            )
        if not candidate.is_file():
            raise TemplateError(_("không tìm thấy mẫu văn bản '{path}'").format(path=candidate))
        return candidate
    local = root / "templates" / name
    if local.is_file():
        if not inside(root, local):
            raise TemplateError(
                _(
                    "mẫu văn bản '{path}' là liên kết trỏ ra ngoài thư mục dữ liệu; hãy chép tệp "
                    "mẫu vào đây thay cho liên kết"
                ).format(path=local)
            )
        return local
    return default(name)


def default(name: str) -> Path:
    """The shipped default: package data when installed, `templates/` in a source checkout."""
    try:
        return Path(str(resources.files("camket.templates") / name))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3] / "templates" / name  # camket/documents/render


def check_package(path: Path) -> None:
    """A .docx is a zip: check what it claims to hold before python-docx unpacks it.

    zipfile never returns more bytes than an entry's header declares (it stops there and checks
    the CRC), so bounding the declared sizes bounds what unpacking can allocate.
    """
    not_docx = _(
        "'{path}' không phải tệp Word .docx ({why}); hãy mở mẫu bằng Word và lưu lại dạng "
        "Tài liệu Word (.docx)"
    )
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(
                _("mẫu văn bản '{path}' lớn {mb} MB, vượt giới hạn {limit} MB").format(
                    path=path, mb=size // 1024 // 1024, limit=MAX_TEMPLATE_BYTES // 1024 // 1024
                )
            )
        with zipfile.ZipFile(path) as z:
            entries = z.infolist()
    except zipfile.BadZipFile:
        raise TemplateError(not_docx.format(path=path, why=_("không phải tệp nén zip"))) from None
    except OSError as e:
        raise TemplateError(
            _("không mở được mẫu văn bản '{path}': {e}").format(path=path, e=e.strerror or e)
        ) from None
    unpacked = sum(e.file_size for e in entries)
    if len(entries) > MAX_ENTRIES or unpacked > MAX_UNPACKED_BYTES:
        raise TemplateError(
            _(
                "mẫu văn bản '{path}' chứa {n} phần, tổng {mb} MB khi giải nén, vượt giới hạn "
                "({max_n} phần, {max_mb} MB); tệp này không phải mẫu văn bản bình thường"
            ).format(
                path=path,
                n=len(entries),
                mb=unpacked // 1024 // 1024,
                max_n=MAX_ENTRIES,
                max_mb=MAX_UNPACKED_BYTES // 1024 // 1024,
            )
        )
    names = {e.filename for e in entries}
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        why = _("thiếu phần {name}").format(name=missing[0])
        raise TemplateError(not_docx.format(path=path, why=why))


def render(path: Path, context: dict[str, Any]) -> Any:
    """Render the template with plain data; returns the python-docx Document."""
    (document,) = render_each(path, [context])  # runs the generator to its end: child joined
    return document


def render_each(path: Path, contexts: list[dict[str, Any]]) -> Iterator[Any]:
    """One python-docx Document per context, in order, all rendered by one sandboxed child."""
    import io

    from docx import Document

    from camket.documents.render import sandbox

    check_package(path)
    try:
        for data in sandbox.render(path, contexts):
            yield Document(io.BytesIO(data))
    except sandbox.RenderFailure as e:
        raise TemplateError(_message(path, e.kind, e.detail)) from None


def _message(path: Path, kind: str, detail: dict[str, Any]) -> str:
    where = _("mẫu '{name}'").format(name=path.name)
    if detail.get("paragraph"):
        where += _(", đoạn văn thứ {n}").format(n=detail["paragraph"])
        if detail.get("snippet"):
            where += f" (“{detail['snippet']}”)"
    text = detail.get("text", "")
    messages = {
        "syntax": _("lỗi cú pháp Jinja: {m}"),
        "security": _("mẫu dùng thao tác không được phép: {m}"),
        "include": _(
            "mẫu không được nạp tệp hay mẫu khác ({{% include %}}, {{% import %}}, "
            "{{% extends %}}); hãy bỏ thẻ đó"
        ),
        "template": _("lỗi trong mẫu: {m}"),
        "timeout": _(
            "mẫu chạy quá {seconds} giây nên đã bị dừng (có thể do vòng lặp quá lớn); hãy "
            "kiểm tra các thẻ {{% for %}} của mẫu"
        ),
        "memory": _(
            "mẫu cần quá {megabytes} MB bộ nhớ nên đã bị dừng (có thể do tạo chuỗi quá lớn); "
            "hãy kiểm tra các biểu thức của mẫu"
        ),
        "recursion": _("mẫu gọi lồng nhau quá sâu (macro tự gọi lại chính nó); hãy sửa mẫu"),
        "too_big": _("văn bản tạo từ mẫu lớn {megabytes} MB, vượt giới hạn; hãy kiểm tra mẫu"),
        "died": _("mẫu làm quá trình in văn bản dừng bất thường (mã {code}); hãy kiểm tra mẫu"),
        "other": _("không dùng được mẫu văn bản ({type}: {text}); hãy kiểm tra mẫu"),
    }
    fields = {"m": text, **detail}
    return f"{where}: {messages[kind].format(**fields)}"
