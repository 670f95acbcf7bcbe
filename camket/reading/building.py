"""From read values to typed models: pydantic validates, this module says it in Vietnamese.

pydantic reports each error with a `loc` path such as `('groups', 0, 'items', 2, 'due')`; the
values from `camket.reading.files` carry their marks, so the path is walked back to a line and
column.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from camket import dates
from camket.i18n import _
from camket.problems import Problem, Span
from camket.reading import fields
from camket.reading.located import LocDict, LocList, Reported
from camket.reading.models import STATUS_ALIASES, Status, id_from

M = TypeVar("M", bound=BaseModel)


def build(model: type[M], value: Any, path_span: Span) -> tuple[M | None, list[Problem]]:
    """Validate one file's value; a file that is not a mapping is refused as a whole."""
    if not isinstance(value, LocDict):  # a list, a single value, or only `~`/`---`
        return None, [
            Problem.at(
                value.span() if isinstance(value, LocList) else path_span,
                "E012",
                _("tệp phải là một bảng các cặp 'khóa: giá trị', không phải {found}").format(
                    found=_describe(value)
                ),
            )
        ]
    try:
        return model.model_validate(value), []
    except ValidationError as e:
        errors = e.errors(include_url=False, include_input=True)
        problems = []
        for err in errors:
            problem = _problem(model, value, err)
            if problem is not None:
                problems.append(problem)
    # One bad value hides nothing: the value is left out (a list's element where the value is
    # required) and the rest is typed, so every other rule still sees the file. The problems
    # are those of the whole file as written; what leaving out caused is not said again.
    for _attempt in range(6):
        if not _leave_out(model, value, errors):
            return None, problems
        try:
            return model.model_validate(value), problems
        except ValidationError as e:
            errors = e.errors(include_url=False, include_input=False)
    return None, problems


def _leave_out(model: type[BaseModel], root: LocDict, errors: list[Any]) -> bool:
    """Remove from `root` what each error is about: the key, when its field may be left out,
    else the nearest list element holding it. False when nothing could be removed (a required
    key of the file itself)."""
    keys: dict[int, tuple[LocDict, set[str]]] = {}
    elements: dict[int, tuple[LocList, set[int]]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        target = _removal(model, root, loc)
        if target is None:
            continue
        container, part, above = target
        for mapping in above:  # what the models built from them know: see `LocDict.cut`
            mapping.cut = True
        if isinstance(container, LocDict):
            keys.setdefault(id(container), (container, set()))[1].add(part)
        else:
            elements.setdefault(id(container), (container, set()))[1].add(part)
    for container, names in keys.values():
        for name in names:
            container.pop(name, None)
            container.marks.pop(name, None)
    for container, indices in elements.values():
        for index in sorted(indices, reverse=True):
            del container[index]
            del container.marks[index]
        if container.raw:
            container.raw = None  # the raw texts are for messages, said already
    return bool(keys or elements)


def _removal(model: type[BaseModel], root: LocDict, loc: tuple[Any, ...]) -> Any:
    """(container, key or index, the mappings holding it) to remove for an error at `loc`, or
    None."""
    steps: list[tuple[Any, Any]] = []
    value: Any = root
    for part in loc:
        if (isinstance(value, LocDict) and isinstance(part, str) and part in value) or (
            isinstance(value, LocList) and isinstance(part, int) and part < len(value)
        ):
            steps.append((value, part))
            value = value[part]
        elif isinstance(part, str) and not isinstance(value, LocDict | LocList):
            continue  # pydantic's own step names (a union member)
        else:
            break
    for depth in range(len(steps) - 1, -1, -1):
        container, part = steps[depth]
        above = [c for c, _p in steps[: depth + 1] if isinstance(c, LocDict)]
        if isinstance(container, LocList):
            return container, part, above
        owner = _model_at(model, tuple(p for _c, p in steps[:depth]))
        field = owner.model_fields.get(part) if owner else None
        if field is None or not field.is_required():  # an unknown key, or one that may go
            return container, part, above
    return None


def _walk(root: LocDict, loc: tuple[Any, ...]) -> tuple[Any, Span, Span, Any]:
    """Follow `loc` through the read values: (container, key span, value span, value)."""
    container: Any = None
    value: Any = root
    key_span = value_span = root.span()
    for part in loc:
        if isinstance(value, LocDict) and isinstance(part, str) and part in value:
            container = value
            key_span, value_span = value.key_span(part), value.value_span(part)
            value = value[part]
        elif isinstance(value, LocList) and isinstance(part, int) and part < len(value):
            container = value
            key_span = value_span = value.value_span(part)
            value = value[part]
        elif isinstance(part, str) and not isinstance(value, LocDict | LocList):
            continue  # pydantic's own step names (e.g. a union member); stay where we are
        else:
            break
    return container, key_span, value_span, value


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class whose fields the last step of `loc` names."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if (
            isinstance(current, type)
            and issubclass(current, BaseModel)
            and part in current.model_fields
        ):
            current = current.model_fields[part].annotation
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(tp: Any) -> Any:
    """list[X], X | None, Annotated[X, ...] -> X."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (list, tuple, dict) or origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None) and a is not Ellipsis]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            tp = models[0] if models else (args[-1] if args else tp)
            if not models and origin not in (list, tuple, dict):
                return tp
        else:
            return tp


def _problem(model: type[BaseModel], root: LocDict, err: Any) -> Problem | None:
    kind: str = err["type"]
    loc: tuple[Any, ...] = tuple(err["loc"])
    container, key_span, value_span, value = _walk(root, loc)
    name = ".".join(str(p) for p in loc if isinstance(p, str)) or "?"
    field = fields.key_name(next((p for p in reversed(loc) if isinstance(p, str)), name))
    raw = _raw(container, loc[-1] if loc else None)

    if isinstance(value, Reported):
        return None  # the reader already reported this value
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        allowed = sorted(owner.model_fields) if owner else []
        guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        msg = _("khóa '{key}' không có trong mẫu dữ liệu").format(key=loc[-1])
        if isinstance(container, LocDict) and container.flow and value is None:
            msg += _(
                " (trong {…}, dấu phẩy ngăn cách các khóa: văn bản có dấu phẩy phải đặt "
                'trong ngoặc kép "…")'
            )
        elif guess:
            msg += _("; có phải ý bạn là '{guess}'?").format(guess=guess[0])
        elif allowed:
            msg += _("; các khóa được dùng ở đây: {keys}").format(keys=", ".join(allowed))
        return Problem.at(key_span, "E005", msg)
    if kind == "missing" and loc and isinstance(loc[-1], int):
        return Problem.at(
            value_span if isinstance(container, LocList) else key_span,
            "E006",
            _PAIR.format(field=field)
            if field in _PAIRS
            else _("'{field}' thiếu phần tử").format(field=field),
        )
    if kind == "string_too_short":
        return Problem.at(
            value_span, "E006", _("'{field}' không được để trống").format(field=field)
        )
    if kind == "missing":
        where = container.span() if isinstance(container, LocDict | LocList) else root.span()
        if isinstance(value, LocDict):
            where = value.span()
        return Problem.at(
            where,
            "E008",
            _("thiếu khóa bắt buộc '{key}'; hãy thêm dòng '{key}: …'").format(key=loc[-1]),
        )
    if kind == "yaml_bool":
        return Problem.at(
            value_span,
            "E006",
            _("'{field}' cần một số, nhưng đọc được {found}").format(
                field=field, found=_describe(value, raw)
            ),
        )
    if kind == "greater_than_equal":
        return Problem.at(
            value_span, "E006", _("'{field}' không được là số âm").format(field=field)
        )
    if kind == "unknown_status":
        return Problem.at(value_span, "E020", _unknown_status(str(raw or err["ctx"]["value"])))
    if kind == "unknown_cause":
        return Problem.at(
            value_span,
            "E016",
            _(
                "nguyên nhân '{value}' không hợp lệ; dùng objective (khách quan) hoặc "
                "subjective (chủ quan)"
            ).format(value=raw or err["ctx"]["value"]),
        )
    if kind in (
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
    ):
        slip = dates.trouble(value) if isinstance(value, str) else None
        if slip is not None:
            return Problem.at(
                value_span, "E007", _("'{field}': {slip}").format(field=field, slip=slip)
            )
        return Problem.at(
            value_span,
            "E007",
            _(
                "'{field}' cần một ngày dạng YYYY-MM-DD (ví dụ 2019-09-30), nhưng đọc được {found}"
            ).format(field=field, found=_describe(value, raw)),
        )
    if kind == "literal_error":
        return Problem.at(
            value_span,
            "E016",
            _("'{field}' không nhận giá trị {found}; dùng một trong: {expected}").format(
                field=field,
                found=_describe(value, raw),
                expected=_choices(err["ctx"]["expected"]),
            ),
        )
    if kind in ("too_short", "too_long"):
        if isinstance(value, LocList | list) and field in _PAIRS:
            msg = _PAIR.format(field=field)
        elif kind == "too_short":
            msg = _("'{field}' không được để trống").format(field=field)
        else:
            msg = _("'{field}' quá dài").format(field=field)
        return Problem.at(value_span, "E006", msg)
    if kind == "string_pattern_mismatch":  # the only pattern of the models: identifiers
        if loc and loc[-1] == "[key]":  # a key of a mapping by id (tags:, expect:)
            value, value_span = loc[-2], key_span
        return Problem.at(value_span, "E019", _bad_id(str(value)))
    expected = _EXPECTED.get(kind.split("_")[0])
    if expected:
        return Problem.at(
            value_span,
            "E006",
            _("'{field}' cần {expected}, nhưng đọc được {found}").format(
                field=field, expected=expected, found=_describe(value, raw)
            ),
        )
    return Problem.at(
        value_span,
        "E006",
        _("giá trị của '{field}' không hợp lệ ({msg})").format(field=field, msg=err["msg"]),
    )


_PAIRS = ("years", "groups_per_unit")
_PAIR = _("'{field}' cần đúng hai số [từ, đến]")

_EXPECTED = {
    "string": _("văn bản"),
    "int": _("một số nguyên"),
    "decimal": _("một số"),
    "float": _("một số"),
    "list": _("một danh sách (mỗi dòng bắt đầu bằng '- ')"),
    "tuple": _("một danh sách (mỗi dòng bắt đầu bằng '- ')"),
    "dict": _("một bảng các cặp 'khóa: giá trị'"),
    "model": _("một bảng các cặp 'khóa: giá trị'"),
    "finite": _("một số hữu hạn"),
    "enum": _("một giá trị trong danh sách cho phép"),
}


def _choices(expected: str) -> str:
    """pydantic's "'higher' or 'lower'" as "higher, lower"."""
    return ", ".join(re.findall(r"'([^']*)'", expected)) or expected


def _raw(container: Any, last: Any) -> str | None:
    raw = getattr(container, "raw", None)
    return raw.get(last) if raw else None


def _describe(value: Any, raw: str | None = None) -> str:
    if isinstance(value, bool):
        return _(
            "'{raw}' — YAML 1.1 đọc thành giá trị đúng/sai; hãy viết \"{raw}\" trong ngoặc kép"
        ).format(raw=raw or value)
    if value is None:
        return _("giá trị rỗng")
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return _('văn bản "{text}"').format(text=shown)
    if isinstance(value, int | Decimal):
        return _("số {raw}").format(raw=raw or value)
    if isinstance(value, dt.date):
        return _("ngày {raw}").format(raw=raw or value.isoformat())
    if isinstance(value, list):
        return _("một danh sách")
    if isinstance(value, dict):
        return _("một bảng khóa")
    return repr(value)


def _bad_id(value: str) -> str:
    message = _(
        "mã '{value}' chỉ được gồm chữ thường không dấu a–z, chữ số 0–9 và dấu gạch nối '-' "
        "nối giữa các chữ (không dấu cách, chữ hoa, chữ có dấu hay dấu '_')"
    ).format(value=value)
    proposed = id_from(value)
    if proposed and proposed != value:
        return message + _("; hãy viết '{id}'").format(id=proposed)
    return message + _("; hãy đặt lại mã, ví dụ dong-ha-2019-01")


def _unknown_status(value: str) -> str:
    choices = [s.value for s in Status] + list(STATUS_ALIASES)
    guess = difflib.get_close_matches(value.casefold(), choices, n=1, cutoff=0.6)
    msg = _(
        "trạng thái '{value}' không hợp lệ; dùng một trong: {codes} (hoặc tiếng Việt: {words})"
    ).format(value=value, codes=", ".join(s.value for s in Status), words=", ".join(STATUS_ALIASES))
    if guess:
        msg = _("trạng thái '{value}' không hợp lệ; có phải ý bạn là '{guess}'?").format(
            value=value, guess=guess[0]
        )
    return msg
