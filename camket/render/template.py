"""Finding a template and rendering it with Jinja in a sandbox.

The sandbox, autoescaping and StrictUndefined are not optional: autoescaping keeps `&` and `<`
in names (`Sở Kế hoạch & Đầu tư`) from breaking the document XML; values are never evaluated,
so `{{ 7*7 }}` in a data value prints literally; the sandbox refuses `''.__class__` and friends
in a template; and a misspelt name in a template is an error rather than an empty string.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

from camket.i18n import _

DEFAULTS = {"report": "bao-cao.docx", "sheet": "cam-ket.docx"}


class TemplateError(Exception):
    """A template that cannot be used; the message names the template and the place."""


def find(kind: str, explicit: Path | None, configured: str | None, root: Path) -> Path:
    """`--template`, else the `templates:` setting, else `templates/` in the data folder,
    else the package's default."""
    name = DEFAULTS[kind]
    for candidate in (explicit, root / configured if configured else None):
        if candidate is not None:
            if not candidate.is_file():
                raise TemplateError(_("không tìm thấy mẫu văn bản '{path}'").format(path=candidate))
            return candidate
    local = root / "templates" / name
    if local.is_file():
        return local
    return default(name)


def default(name: str) -> Path:
    """The shipped default: package data when installed, `templates/` in a source checkout."""
    try:
        return Path(str(resources.files("camket.templates") / name))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "templates" / name


def render(
    path: Path, context: dict[str, Any], images: dict[str, tuple[bytes, float]] | None = None
) -> Any:
    """Render the template; returns the python-docx Document. `images` are PNGs (bytes, width
    in mm) the template places with `{{ name }}`; a missing one is an empty string."""
    from docxtpl import DocxTemplate
    from jinja2 import StrictUndefined, TemplateSyntaxError
    from jinja2 import TemplateError as JinjaError
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    try:
        template = DocxTemplate(path)
        if images is not None:
            import io

            from docx.shared import Mm
            from docxtpl import InlineImage

            context = {
                **context,
                **{
                    name: InlineImage(template, io.BytesIO(data), width=Mm(width)) if data else ""
                    for name, (data, width) in images.items()
                },
            }
        template.render(context, jinja_env=env, autoescape=True)
    except TemplateSyntaxError as e:
        message = _("lỗi cú pháp Jinja: {m}").format(m=e.message)
        raise TemplateError(_where(path, template, e, message)) from None
    except SecurityError as e:
        message = _("mẫu dùng thao tác không được phép: {m}").format(m=e)
        raise TemplateError(_where(path, template, e, message)) from None
    except JinjaError as e:
        message = _("lỗi trong mẫu: {m}").format(m=e.message)
        raise TemplateError(_where(path, template, e, message)) from None
    except (KeyError, OSError, ValueError) as e:  # not a .docx, or a damaged one
        raise TemplateError(
            _("không mở được mẫu văn bản '{path}': {e}").format(path=path, e=e)
        ) from None
    return template.docx


def _template_line(error: Exception) -> int | None:
    """The template line of an error: syntax errors carry it, runtime errors in the traceback."""
    line = getattr(error, "lineno", None)
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _where(path: Path, template: Any, error: Exception, message: str) -> str:
    """docxtpl puts each paragraph on its own line before Jinja sees it: a line is a paragraph."""
    line = _template_line(error)
    where = _("mẫu '{name}'").format(name=path.name)
    if line:
        where += _(", đoạn văn thứ {n}").format(n=max(line - 1, 1))
        try:
            xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", template.patch_xml(template.get_xml()))
            snippet = re.sub(r"<[^>]+>", "", xml.splitlines()[line - 1])
            snippet = re.sub(r"\s+", " ", snippet).strip()
        except (IndexError, AttributeError, ValueError):
            snippet = ""
        if snippet:
            where += f" (“{snippet[:80]}”)"
    return f"{where}: {message}"
