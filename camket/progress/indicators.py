"""`camket record INDICATOR VALUE`: an indicator's actual value set in YEAR/year.yaml.

`record` takes an item's id and a status, or an indicator's id and its value: the first
argument says which (an id declared under `indicators:` of a year.yaml, with a value that is
not a status), and `--year` always means an indicator. The value is typed the Vietnamese way
(camket.vn.parse_number: `730,223`, `1.234.567`); one that reads two ways (`1.234`) is refused,
never guessed. The date of the figure (`--date`, today by default) goes in `actual_on:`.

The write keeps record's guarantees (camket.progress.entries): under the file's lock, the file
having no reading error; the value's characters replaced or the fields inserted as text
(camket.progress.indicator_editing); the result read back and compared with the old file
before a byte is written; one atomic write; with `--commit`, the same change made to the
committed version and written and committed together or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from camket import clock, suggest, vn
from camket.checks import indicator_dates
from camket.i18n import _
from camket.problems import Span
from camket.progress import committing, entries, indicator_editing
from camket.progress.editing import EditError
from camket.progress.entries import Refused
from camket.reading import folder, loader
from camket.reading.building import build
from camket.reading.files import read_file, read_text
from camket.reading.models import YearConfig, status_of


@dataclass(frozen=True)
class RecordedIndicator:
    indicator_id: str
    year: int
    path: Path
    old: Decimal | None
    new: Decimal
    unit: str | None
    date: dt.date
    commit: str | None = None


def declared(root: Path) -> dict[str, list[int]]:
    """Each indicator id of the folder with the years that declare it, read from the year.yaml
    files alone (no model, no commitments): what decides the mode of `record`."""
    out: dict[str, list[int]] = {}
    for year, year_dir in folder.year_folders(root):
        path = year_dir / folder.YEAR
        value = read_file(path)[0] if path.is_file() else None
        indicators = value.get("indicators") if isinstance(value, dict) else None
        for indicator in indicators if isinstance(indicators, list) else []:
            key = indicator.get("id") if isinstance(indicator, dict) else None
            if isinstance(key, str) and year not in out.setdefault(key, []):
                out[key].append(year)
    return out


def wanted(root: Path, query: str, value: str) -> bool:
    """Whether `record QUERY VALUE` is about an indicator: QUERY is an indicator's id and VALUE
    is not a status (an item of another year may have the same id: a status is for it)."""
    return query in declared(root) and status_of(value) is None


def parse_value(text: str) -> tuple[Decimal | None, list[str]]:
    """The value as typed, or the message saying how to write it."""
    try:
        return vn.parse_number(text), []
    except vn.AmbiguousNumber as e:
        return None, [
            _(
                "giá trị '{text}' chưa rõ là {whole} hay {decimal}: dấu chấm ngăn cách hàng "
                "nghìn, dấu phẩy ngăn phần thập phân; hãy viết {whole_plain} nếu là số nguyên, "
                "{decimal} nếu là số thập phân"
            ).format(
                text=text,
                whole=vn.number(e.whole),
                decimal=vn.number(e.decimal),
                whole_plain=vn.decimal_text(e.whole),
            )
        ]
    except ValueError:
        return None, [
            _(
                "giá trị '{text}' không phải một số; hãy viết số theo cách Việt Nam, không kèm "
                "đơn vị tính: dấu phẩy ngăn phần thập phân, dấu chấm ngăn hàng nghìn, ví dụ "
                "730,223 hoặc 1.234.567 hoặc 1.234,5 (số âm: gõ -- trước số, camket record MÃ "
                "-- -2,5)"
            ).format(text=text)
        ]


def _year(indicator_id: str, years: list[int], year: int | None, every: list[str]) -> list[str]:
    """Why the year cannot be chosen (nothing when it can)."""
    shown = ", ".join(str(y) for y in years)
    if year is not None and year in years:
        return []
    if year is not None and years:
        return [
            _("năm {year} không có chỉ tiêu '{id}' (có trong năm: {years}); hãy sửa --year").format(
                year=year, id=indicator_id, years=shown
            )
        ]
    if year is not None:
        return [
            _(
                "năm {year} không có chỉ tiêu nào mã '{id}'; --year chỉ dùng khi ghi chỉ tiêu, "
                "để ghi tiến độ một nội dung cam kết hãy bỏ --year{hint}"
            ).format(year=year, id=indicator_id, hint=suggest.hint(indicator_id, every))
        ]
    if len(years) > 1:
        return [
            _(
                "chỉ tiêu '{id}' có trong nhiều năm: {years}; hãy chọn năm bằng --year, ví dụ: "
                "--year {last}"
            ).format(id=indicator_id, years=shown, last=years[-1])
        ]
    return []


def record(
    root: Path,
    indicator_id: str,
    value_text: str,
    *,
    year: int | None = None,
    date: dt.date | None = None,
    commit: bool = False,
) -> RecordedIndicator:
    if commit:
        entries.preflight(root)
    ids = declared(root)
    years = ids.get(indicator_id, [])
    every = sorted(i for i, ys in ids.items() if year in ys) if year is not None else sorted(ids)
    messages = _year(indicator_id, years, year, every)
    value, wrong = parse_value(value_text)
    if years:  # the value of what is no indicator is not worth a word
        messages += wrong
    chosen = year if year is not None else (years[0] if len(years) == 1 else None)
    date = date or clock.today()
    if chosen is not None:
        trouble = indicator_dates.trouble(indicator_id, date, chosen, clock.today())
        messages += [trouble] if trouble else []
    if messages:
        raise Refused(messages)
    assert value is not None and chosen is not None
    path = root / str(chosen) / folder.YEAR
    with entries.locked(root, path):
        return _record_locked(root, path, indicator_id, chosen, value, date, commit)


def _record_locked(
    root: Path,
    path: Path,
    indicator_id: str,
    year: int,
    value: Decimal,
    date: dt.date,
    commit: bool,
) -> RecordedIndicator:
    # What another command wrote before the lock was ours is read now.
    project, problems = loader.load(root, years=[year])
    entries.refuse_if_broken(problems, path)
    config = project.years[year].config
    found = [i for i in config.indicators if i.id == indicator_id] if config else []
    if len(found) != 1:
        raise Refused(
            [
                _(
                    "mã chỉ tiêu '{id}' có {n} lần trong {name}; mỗi chỉ tiêu cần một mã riêng, "
                    "hãy sửa trước (camket validate)"
                ).format(id=indicator_id, n=len(found), name=path.name)
            ]
        )
    indicator = found[0]
    if indicator.actual == value and indicator.actual_on == date:
        raise Refused(
            [
                _(
                    "chỉ tiêu '{id}' năm {year} đã có giá trị {value}, ngày số liệu {date}; "
                    "không có gì thay đổi"
                ).format(id=indicator_id, year=year, value=vn.number(value), date=date.isoformat())
            ]
        )
    fields = [("actual", vn.decimal_text(value)), ("actual_on", date.isoformat())]
    data = path.read_bytes()
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    text = data.decode("utf-8-sig")
    try:
        new_text = _edited(path, text, indicator_id, fields, value, date)
    except ValueError:
        raise Refused(
            [
                _(
                    "không sửa được chỉ tiêu '{id}' trong {name} một cách an toàn; hãy sửa bằng "
                    "tay: actual: {value}, actual_on: {date}"
                ).format(
                    id=indicator_id,
                    name=path.name,
                    value=vn.decimal_text(value),
                    date=date.isoformat(),
                )
            ]
        ) from None

    def rebase(base: bytes | None, _new: bytes) -> bytes:
        """The same change made to the committed version of the file."""
        if base is None:
            raise ValueError(_("tệp chưa được commit"))
        mark = b"\xef\xbb\xbf" if base.startswith(b"\xef\xbb\xbf") else b""
        edited = _edited(path, base.decode("utf-8-sig"), indicator_id, fields, value, date)
        return mark + edited.encode()

    change = committing.Edit(path, data, bom + new_text.encode(), rebase)
    message = None
    if commit:
        message = f"camket: {indicator_id} ({year}) → {vn.decimal_text(value)} ({date.isoformat()})"
    sha = entries.write(root, change, message)
    return RecordedIndicator(
        indicator_id, year, path, indicator.actual, value, indicator.unit, date, sha
    )


def _edited(
    path: Path,
    text: str,
    indicator_id: str,
    fields: list[tuple[str, str]],
    value: Decimal,
    date: dt.date,
) -> str:
    """The text with the fields set, proven to read back as the old text with exactly this
    indicator's actual value and date changed; ValueError otherwise."""
    try:
        new = indicator_editing.set_fields(text, indicator_id, fields)
    except (EditError, yaml.YAMLError) as e:
        raise ValueError(str(e)) from None
    before, after = _config(path, text), _config(path, new)
    if before is None or after is None:
        raise ValueError(_("tệp có lỗi"))
    expected = before.model_dump()
    for indicator in expected["indicators"]:
        if indicator["id"] == indicator_id:
            indicator.update(actual=value, actual_on=date)
    if after.model_dump() != expected:
        raise ValueError(_("đọc lại không đúng giá trị định ghi"))
    return new


def _config(path: Path, text: str) -> YearConfig | None:
    """The year.yaml's model, or None when the text does not read and type without error."""
    value, problems = read_text(path, text)
    built, typed = build(YearConfig, value, Span(path, 1, 1)) if value is not None else (None, [])
    if built is None or [p for p in problems + typed if p.is_error]:
        return None
    return built
