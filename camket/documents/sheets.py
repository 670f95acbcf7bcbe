"""The commitment sheets' content: one sheet per unit, as signed at the ceremony.

Pure, like camket.documents.report: names and items phrased for the template, no Word here.
"""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from camket import vn
from camket.documents import formalities, wrapping
from camket.reading.models import Commitments, Item, Settings, Unit, YearConfig

# A unit whose name is its own party organisation prints that name on its sheet's letterhead.
_PARTY_ORG = re.compile(r"^(Thành ủy|Thị ủy|Huyện ủy|Quận ủy|Đảng ủy|Tỉnh ủy)\b")


def letterhead(settings: Settings, unit: Unit) -> tuple[str, str]:
    """(superior, issuer) of a unit's sheet, laid out for the letterhead's column."""
    issuer = unit.issuer or (unit.name if _PARTY_ORG.match(unit.name) else None)
    if issuer:
        superior = settings.party or settings.issuer
    else:
        superior, issuer = settings.superior or "", settings.issuer
    return formalities.letterhead_superior(superior), formalities.letterhead_issuer(issuer)


def unit_signature(unit: Unit, head: str) -> dict[str, str]:
    """`T/M BAN THƯỜNG VỤ THÀNH ỦY` / `BÍ THƯ` for a party committee (its place is in the
    letterhead already); the full collective otherwise. The position never repeats the unit's
    name: "Giám đốc Sở Y tế" signs as "GIÁM ĐỐC" under "T/M TẬP THỂ LÃNH ĐẠO SỞ Y TẾ"."""
    collective, title = unit.collective, unit.head_title
    org = _PARTY_ORG.match(unit.name)
    if org and collective.endswith(unit.name):
        kind = org.group(1)  # "Thành ủy"
        collective = collective[: -len(unit.name)] + kind
        if title.endswith(" " + kind):
            title = title[: -len(kind) - 1]
    elif title.casefold().endswith(" " + unit.name.casefold()):
        title = title[: -len(unit.name) - 1]
    return formalities.block(f"T/M {collective}", title, head, column=1)


def _collective_phrase(collective: str) -> str:
    """'Tập thể lãnh đạo Sở Y tế' reads 'tập thể lãnh đạo Sở Y tế', not 'tập thể Tập thể …'."""
    if collective.lower().startswith("tập thể"):
        return "t" + collective[1:]
    return f"tập thể {collective}"


_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def _numbers_in(text: str) -> set[Decimal]:
    """The numbers a clerk wrote in Vietnamese form in a text ("2.615", "12,6", "08")."""
    found = set()
    for m in _NUMBER.finditer(text):
        with contextlib.suppress(InvalidOperation):
            found.add(Decimal(m.group().replace(".", "").replace(",", ".")))
    return found


def _item_line(item: Item, pad: bool) -> str:
    """ "- text (chỉ tiêu: …; thời hạn: …)." The target is given only where the text does not
    state it already, and then as the running text writes counts ("08 lớp", not "8 lớp"), so a
    number never appears twice in two forms."""
    extras = []
    indicator = item.indicator
    if indicator is not None and indicator.plan not in _numbers_in(item.text):
        unit = indicator.unit or ""
        plan = indicator.plan
        if unit and unit != "%" and plan == plan.to_integral_value() and abs(plan) < 10:
            shown = vn.count(int(plan), pad)
        else:
            shown = vn.number(plan)
        extras.append(
            f"chỉ tiêu: {shown}%" if unit == "%" else f"chỉ tiêu: {shown} {unit}".rstrip()
        )
    if item.due is not None:
        extras.append(f"thời hạn: {vn.short_date(item.due)}")
    text = item.text.rstrip(".;")
    return f"- {text}" + (f" ({'; '.join(extras)})" if extras else "") + "."


def _grounds(lines: list[str]) -> list[str]:
    """ "Căn cứ …" lines end alike: a semicolon each, a comma after the last (the pledge
    follows)."""
    bare = [line.strip().rstrip(";,.") for line in lines if line.strip()]
    return [f"{line};" for line in bare[:-1]] + [f"{line}," for line in bare[-1:]]


def sheet(settings: Settings, config: YearConfig, unit: Unit, c: Commitments) -> dict[str, Any]:
    superior, issuer = letterhead(settings, unit)
    year = config.year
    grounds = _grounds(
        list(
            config.grounds
            or [
                f"Căn cứ chủ đề năm {year} “{config.theme}”",
                f"Căn cứ chức năng, nhiệm vụ được giao và tình hình thực tế của {unit.name}",
            ]
        )
    )
    body_sig = formalities.given_block(
        formalities.signer(settings.sheet_signature, config, "sheet"),
        f"T/M {settings.body}",
        "BÍ THƯ",
        column=0,
    )
    return {
        "superior": superior,
        "issuer": issuer,
        "place": settings.place,
        "date_line": vn.long_date(config.signed_on),
        "summary": wrapping.title(
            f"thực hiện nhiệm vụ năm {year} của {_collective_phrase(unit.collective)} "
            f"và đồng chí {unit.head_title}"
        ),
        "grounds": grounds,
        "pledge": (
            f"{unit.collective[0].upper()}{unit.collective[1:]} và đồng chí {c.head}, "
            f"{unit.head_title}, cam kết với {settings.body} thực hiện các nội dung sau:"
        ),
        "groups": [
            {
                "heading": f"{i}- {g.title}",
                "lines": [_item_line(item, settings.leading_zero) for item in g.items],
            }
            for i, g in enumerate(c.groups, start=1)
        ],
        "collective": unit.collective,
        "head_title": unit.head_title,
        "head": c.head,
        "body_signature": body_sig,
        "unit_signature": unit_signature(unit, c.head),
    }
