"""Running an untrusted template: a Jinja sandbox inside a child process with limits.

A template comes from the data folder, which many people share through git: it is as untrusted
as the data. Four walls stand between it and the clerk's machine:

- it sees plain data only (str, int, float, bool, None, lists and dicts of them; `plain`
  enforces it), so there is no object whose methods could reach a file or a module;
- Jinja's `ImmutableSandboxedEnvironment` refuses attributes such as `__class__` and methods
  that change a list or a dict, and this environment loads no other template
  (`{% include %}`, `{% import %}`, `{% extends %}`): a template cannot read a file;
- it renders in a child process whose address space and CPU time are capped (Linux and macOS:
  `resource.setrlimit`), so a template that builds a huge string fails with a MemoryError in
  the child instead of taking the machine's memory;
- the parent waits a bounded time and kills the child after it: a loop that never ends stops.

Errors cross the process boundary as plain (kind, detail) pairs, so the messages are phrased in
the parent, in the clerk's language.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MEMORY_BUDGET = 1024 * 1024 * 1024  # bytes the child may add to what it inherits
MAX_OUTPUT = 100 * 1024 * 1024  # unpacked bytes: a rendered report is a few megabytes
BASE_SECONDS = 10.0  # a template's own share; a legitimate one renders in about a second
SECONDS_PER_MEGABYTE = 20.0  # plus time in proportion to the data rendered

PLAIN = (str, int, float, bool, type(None))


class RenderFailure(Exception):
    """The child did not produce a document; `kind` and `detail` say why (see template.py)."""

    def __init__(self, kind: str, detail: dict[str, Any]) -> None:
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail


def plain(value: Any, where: str = "context") -> None:
    """Raise TypeError naming the first value that is not plain data.

    Why it is checked at run time as well as in the tests: one live object in the context (a
    template object, a path, a model) would give a template methods to call again.
    """
    if isinstance(value, dict):
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError(f"{where}: key {key!r} is not a str")
            plain(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            plain(item, f"{where}[{i}]")
    elif type(value) not in PLAIN:
        raise TypeError(f"{where} is a {type(value).__name__}, not plain data")


def environment() -> Any:
    """The sandbox every template renders in."""
    from jinja2 import StrictUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class _Environment(ImmutableSandboxedEnvironment):
        def _refuse(self, *args: Any, **kwargs: Any) -> Any:
            raise SecurityError("include")

        get_template = select_template = get_or_select_template = _refuse

    return _Environment(autoescape=True, undefined=StrictUndefined, loader=None)


def seconds_for(context_size: int) -> float:
    return BASE_SECONDS + SECONDS_PER_MEGABYTE * context_size / 1_000_000


def render(path: Path, contexts: list[dict[str, Any]]) -> Iterator[bytes]:
    """The rendered .docx bytes of each context in turn, from one child process; RenderFailure
    for the first that fails. Each document has its own deadline, in proportion to its data."""
    import json

    import docxtpl  # noqa: F401  (imported once here, a forked child starts with it)

    for context in contexts:
        plain(context)
    deadlines = [seconds_for(len(json.dumps(c, ensure_ascii=False))) for c in contexts]
    methods = multiprocessing.get_all_start_methods()
    # fork shares what the parent has imported (docxtpl): a child starts in milliseconds.
    method = "fork" if sys.platform == "linux" and "fork" in methods else "spawn"
    ctx = multiprocessing.get_context(method)
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_child, args=(send, str(path), contexts, max(deadlines)), name="camket-template"
    )
    child.start()
    send.close()
    try:
        for seconds in deadlines:
            # The child's end of the pipe closes when it exits: a child that dies wakes this.
            if not receive.poll(seconds):
                raise RenderFailure("timeout", {"seconds": round(seconds)})
            try:
                message = receive.recv()
            except EOFError:
                child.join(1)
                raise RenderFailure("died", {"code": child.exitcode}) from None
            if message[0] != "ok":
                raise RenderFailure(message[1], message[2])
            yield message[1]
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()


def _limit(seconds: float) -> None:
    """Cap the child's memory and CPU where the platform lets a process do so."""
    try:
        import resource
    except ImportError:  # Windows: the parent's deadline is the only wall
        return
    with contextlib.suppress(ValueError, OSError):
        cpu = int(seconds) + 5
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    size = _address_space()
    if size:
        with contextlib.suppress(ValueError, OSError):
            limit = size + MEMORY_BUDGET
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _address_space() -> int:
    """The process's virtual size now (Linux); 0 where it cannot be read."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _child(send: Any, path: str, contexts: list[dict[str, Any]], seconds: float) -> None:
    _limit(seconds * len(contexts))
    megabytes = {"megabytes": MEMORY_BUDGET // 1024 // 1024}
    for context in contexts:
        try:
            data = _render(Path(path), context)
            size = _unpacked(data)
            if size > MAX_OUTPUT:
                result: tuple[Any, ...] = ("error", "too_big", {"megabytes": size >> 20})
            else:
                result = ("ok", data)
        except RenderFailure as e:
            result = ("error", e.kind, e.detail)
        except MemoryError:
            result = ("error", "memory", megabytes)
        except RecursionError:
            result = ("error", "recursion", {})
        except Exception as e:  # the template's fault, whatever it is: say what it was
            result = ("error", "other", {"type": type(e).__name__, "text": str(e)[:300]})
        try:
            send.send(result)
        except MemoryError:
            send.send(("error", "memory", megabytes))
        if result[0] != "ok":
            break
    send.close()


def _unpacked(data: bytes) -> int:
    """What a .docx holds once unpacked: the parent parses all of it (a repeated letter packs
    into almost nothing, so the zip's own size says little)."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return sum(info.file_size for info in z.infolist())


def _render(path: Path, context: dict[str, Any]) -> bytes:
    import io

    from docxtpl import DocxTemplate
    from jinja2 import TemplateError, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    template = DocxTemplate(path)
    try:
        template.render(context, jinja_env=environment(), autoescape=True)
    except TemplateSyntaxError as e:
        raise RenderFailure("syntax", _where(template, e, e.message or "")) from None
    except SecurityError as e:
        kind = "include" if str(e) == "include" else "security"
        raise RenderFailure(kind, _where(template, e, str(e))) from None
    except TemplateError as e:
        raise RenderFailure("template", _where(template, e, e.message or str(e))) from None
    buffer = io.BytesIO()
    template.docx.save(buffer)
    return buffer.getvalue()


def _template_line(error: Exception) -> int | None:
    """The template line of an error: syntax errors carry it, runtime errors in the traceback."""
    line = getattr(error, "lineno", None)
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _where(template: Any, error: Exception, message: str) -> dict[str, Any]:
    """docxtpl puts each paragraph on its own line before Jinja sees it: a line is a paragraph."""
    import re

    line = _template_line(error)
    snippet = ""
    if line:
        try:
            xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", template.patch_xml(template.get_xml()))
            snippet = re.sub(r"<[^>]+>", "", xml.splitlines()[line - 1])
            snippet = re.sub(r"\s+", " ", snippet).strip()[:80]
        except (IndexError, AttributeError, ValueError):
            snippet = ""
    return {"paragraph": max(line - 1, 1) if line else None, "snippet": snippet, "text": message}
