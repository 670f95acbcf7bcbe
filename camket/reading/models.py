"""The typed model of a data folder: one pydantic class per kind of mapping in the YAML files.

These classes are the single statement of the data format: the loader validates with them, and
`camket schema` (JSON Schema for editors) is generated from them. Every instance remembers where
it was read (`span()`, `value_span(field)`), so checks can point at the source.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from camket.problems import Span
from camket.reading.located import LocDict, Reported

# One shared, never-changed set for every model: the models are frozen, so pydantic never adds
# to it in place (model_copy copies it before updating).
_GIVEN: set[str] = set()


class Node(BaseModel):
    """Base of every model: unknown keys are errors, and each instance keeps its source marks.

    The marks are the `LocDict` the instance was validated from, kept as a plain instance
    attribute (`source`): pydantic's private attributes would cost a dict per instance, and
    tens of thousands of items are loaded at once. Serialising and comparing ignore it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, hide_input_in_errors=True)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_marks(cls, data: Any, handler: Any) -> Any:
        model = handler(data)
        if isinstance(data, LocDict):
            object.__setattr__(model, "_src", data)
            # Which fields were given is in the source already (its keys); pydantic's own set
            # per instance would cost a few megabytes a year of data.
            object.__setattr__(model, "__pydantic_fields_set__", _GIVEN)
        return model

    @property
    def source(self) -> LocDict:
        src = self.__dict__.get("_src")
        assert src is not None, "model built without source marks"
        return src

    def with_source(self, src: LocDict) -> Node:
        object.__setattr__(self, "_src", src)
        return self

    @property
    def exact(self) -> bool:
        """False when a bad value in it was left out as it was typed (`building`): it is not all
        the file says, so what is compared with it (the seal) waits until the file is fixed."""
        src = self.__dict__.get("_src")
        return src is None or not src.cut

    def span(self) -> Span:
        return self.source.span()

    def value_span(self, field: str) -> Span:
        """Where the value of `field` starts; the mapping itself when the field was left out."""
        src = self.source
        return src.value_span(field) if field in src.marks else src.span()

    def key_span(self, field: str) -> Span:
        src = self.source
        return src.key_span(field) if field in src.marks else src.span()


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DONE = "not_done"
    PAUSED = "paused"
    ADJUSTED = "adjusted"


STATUS_ALIASES: dict[str, Status] = {
    "chưa thực hiện": Status.NOT_STARTED,
    "đang thực hiện": Status.IN_PROGRESS,
    "hoàn thành": Status.DONE,
    "không hoàn thành": Status.NOT_DONE,
    "chưa hoàn thành": Status.NOT_DONE,
    "tạm dừng": Status.PAUSED,
    "điều chỉnh": Status.ADJUSTED,
}

STATUS_WORDS: dict[Status, str] = {
    Status.NOT_STARTED: "chưa thực hiện",
    Status.IN_PROGRESS: "đang thực hiện",
    Status.DONE: "hoàn thành",
    Status.NOT_DONE: "không hoàn thành",
    Status.PAUSED: "tạm dừng",
    Status.ADJUSTED: "điều chỉnh",
}


class Cause(StrEnum):
    OBJECTIVE = "objective"
    SUBJECTIVE = "subjective"


CAUSE_ALIASES: dict[str, Cause] = {"khách quan": Cause.OBJECTIVE, "chủ quan": Cause.SUBJECTIVE}


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


def _no_bool(value: Any) -> Any:
    """`on`, `yes`, `no` read as booleans (YAML 1.1) are never numbers; nor is a value the
    reader refused (`.nan`, a number past what a float holds), though its text has digits."""
    if isinstance(value, bool):
        raise PydanticCustomError("yaml_bool", "a YAML 1.1 boolean where a number is expected")
    if isinstance(value, Reported):
        raise PydanticCustomError("reported", "a value the reader refused")
    return value


def _date(value: Any) -> Any:
    """Dates are written YYYY-MM-DD; a number is not read as seconds since 1970."""
    if isinstance(value, bool | int | float | Decimal):
        raise PydanticCustomError("date_type", "a number where a date is expected")
    return value


def status_of(text: str) -> Status | None:
    """A status written as a code or in Vietnamese, compared after NFC and case folding."""
    folded = _fold(text)
    if folded in STATUS_ALIASES:
        return STATUS_ALIASES[folded]
    try:
        return Status(folded)
    except ValueError:
        return None


def _status(value: Any) -> Any:
    status = status_of(value) if isinstance(value, str) else None
    if status is None:
        raise PydanticCustomError("unknown_status", "unknown status {value}", {"value": value})
    return status


def _cause(value: Any) -> Any:
    if not isinstance(value, str):
        raise PydanticCustomError("unknown_cause", "unknown cause {value}", {"value": value})
    folded = _fold(value)
    if folded in CAUSE_ALIASES:
        return CAUSE_ALIASES[folded]
    try:
        return Cause(folded)
    except ValueError:
        raise PydanticCustomError(
            "unknown_cause", "unknown cause {value}", {"value": value}
        ) from None


Int = Annotated[int, BeforeValidator(_no_bool)]
Count = Annotated[int, BeforeValidator(_no_bool), Field(ge=0)]
# In the JSON Schema for editors a number is a YAML number (camket reads it as a Decimal).
Number = Annotated[Decimal, BeforeValidator(_no_bool), WithJsonSchema({"type": "number"})]
Date = Annotated[dt.date, BeforeValidator(_date)]
# The schema lists the Vietnamese words too, so an editor completes both forms.
StatusField = Annotated[
    Status,
    BeforeValidator(_status),
    WithJsonSchema({"type": "string", "enum": [*(s.value for s in Status), *STATUS_ALIASES]}),
]
CauseField = Annotated[
    Cause,
    BeforeValidator(_cause),
    WithJsonSchema({"type": "string", "enum": [*(c.value for c in Cause), *CAUSE_ALIASES]}),
]


def _level(value: Any) -> Any:
    """`W101: off` is what a clerk writes, and YAML 1.1 reads `off` as false: that means off."""
    return "off" if value is False else value


CheckLevel = Annotated[Literal["off", "warning", "error"], BeforeValidator(_level)]
Text = Annotated[str, Field(min_length=1)]
# Identifiers (of blocks, units, items, indicators, tags) are file names, parts of other ids,
# keys of JSON and of spreadsheets: lower-case ASCII letters and digits in words joined by
# single hyphens, as FORMAT.md writes them (dong-ha-2019-01). No accent, capital, space or
# underscore: two spellings of one id (Đông-Hà, đông-hà in NFD, dong_ha) cannot exist.
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, Field(min_length=1, pattern=ID_PATTERN)]


def id_from(text: str) -> str:
    """The identifier most likely meant by a text: 'Đông Hà' -> 'dong-ha' (accents dropped,
    đ as d, lower case, every other character a separator); '' when nothing is left."""
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return "-".join(re.findall("[a-z0-9]+", folded))


Better = Literal["higher", "lower"]


# --- camket.yaml ---------------------------------------------------------------------------


class Signature(Node):
    """A signature block: `T/L BAN THƯỜNG VỤ` / `CHÁNH VĂN PHÒNG` / the name."""

    on_behalf: str = ""
    title: str = ""
    name: str = ""


class Templates(Node):
    report: Text | None = None
    sheet: Text | None = None


class Lower(Node):
    """A lower committee (cấp ủy cấp dưới) whose own data folder is inside this one, usually a
    git submodule of that office's repository; it is also a unit of this folder, same id."""

    id: Id
    path: Text


class Settings(Node):
    """The committing body and document settings (`camket.yaml`)."""

    body: Text
    issuer: Text
    superior: Text | None = None
    office: Text
    place: Text
    code: Text
    first_year: Int | None = None
    # The party organisation printed above a unit's own name on its sheet (Đảng bộ tỉnh …).
    party: Text | None = None
    report_signature: Signature | None = None
    sheet_signature: Signature | None = None
    recipients: list[Text] | None = None
    templates: Templates | None = None
    leading_zero: bool = True  # "01 nhiệm vụ": counts under ten with a leading zero
    # A rule's severity for this folder, by code: `checks: {W101: off, W103: error}`.
    checks: dict[str, CheckLevel] | None = None
    lower: list[Lower] | None = None  # the cascade: `camket validate --cascade` and others


# --- units.yaml ----------------------------------------------------------------------------


class Block(Node):
    id: Id
    name: Text


class Unit(Node):
    id: Id
    name: Text
    block: Id
    collective: Text
    head_title: Text
    years: tuple[Int, Int | None] | None = None
    issuer: Text | None = None  # the unit's party organisation, on its sheet's letterhead

    def exists_in(self, year: int) -> bool:
        if self.years is None:
            return True
        start, end = self.years
        return start <= year and (end is None or year <= end)


class UnitsFile(Node):
    blocks: list[Block] = Field(min_length=1)
    units: list[Unit] = Field(min_length=1)


# --- YEAR/year.yaml ------------------------------------------------------------------------


class Measure(Node):
    plan: Number
    actual: Number | None = None
    unit: str | None = None
    better: Better = "higher"

    def met(self) -> bool | None:
        """None until the actual value is known."""
        if self.actual is None:
            return None
        return self.actual >= self.plan if self.better == "higher" else self.actual <= self.plan


class YearIndicator(Measure):
    id: Id
    name: Text
    # The date of the actual value's figure (`camket record INDICATOR VALUE --date`): figures
    # are estimated during the year and confirmed after it.
    actual_on: Date | None = None


class Tag(Node):
    """How the report names a tag: "30 {name}, … có 29 {noun} {done}"."""

    name: Text
    noun: Text = "nội dung"
    done: Text = "đã hoàn thành"


class YearConfig(Node):
    year: Int
    theme: Text
    signed_on: Date
    ceremony: Text | None = None
    groups_per_unit: tuple[Count, Count] | None = None
    expect: dict[Id, Count] | None = None  # by block
    indicators: list[YearIndicator] = []
    report: dict[str, list[Text]] | None = None  # by block, or intro, results, next_year…
    tags: dict[Id, Tag] | None = None
    grounds: list[Text] | None = None  # "Căn cứ …" lines of the commitment sheets
    # Who signs this year's report and sheets, over camket.yaml's settings (people change).
    report_signature: Signature | None = None
    sheet_signature: Signature | None = None


# --- YEAR/commitments/UNIT.yaml ------------------------------------------------------------


class Progress(Node):
    date: Date
    status: StatusField
    note: str | None = None
    reason: str | None = None
    cause: CauseField | None = None
    approved_by: str | None = None


class Item(Node):
    id: Id
    text: Text
    due: Date | None = None
    tags: list[Id] = []
    indicator: Measure | None = None
    progress: list[Progress] = []
    carried_from: Id | None = None  # the unfinished item of last year this one continues


class Group(Node):
    title: Text
    items: list[Item] = Field(min_length=1)


class Commitments(Node):
    unit: Id
    year: Int
    head: Text
    groups: list[Group] = Field(min_length=1)

    def items(self) -> list[Item]:
        return [item for group in self.groups for item in group.items]


# --- YEAR/seal.yaml (written by `camket seal`: a record for people, never trusted) ----------


class SealedItem(Node):
    """An item of the seal: its unit (files written before the seal moved to git also hold
    short SHA-256 fingerprints of its parts)."""

    unit: Id
    group: str | None = None
    text: str | None = None
    due: str | None = None
    indicator: str | None = None


class SealFile(Node):
    year: Int
    sealed_on: Date
    tag: str | None = None  # the git tag that is the seal (camket.reading.anchor reads it)
    items: dict[str, SealedItem] = {}
