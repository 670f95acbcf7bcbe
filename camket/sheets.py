"""The commitment sheets' content: one sheet per unit, as signed at the ceremony.

Pure, like camket.report: names and items phrased for the template, no Word here.
"""

from __future__ import annotations

import re
from typing import Any

from camket import vn
from camket.models import Commitments, Item, Settings, Unit, YearConfig
from camket.report import signature

# A unit whose name is its own party organisation prints that name on its sheet's letterhead.
_PARTY_ORG = re.compile(r"^(Thành ủy|Thị ủy|Huyện ủy|Quận ủy|Đảng ủy|Tỉnh ủy)\b")


def letterhead(settings: Settings, unit: Unit) -> tuple[str, str]:
    """(superior, issuer) of a unit's sheet."""
    issuer = unit.issuer or (unit.name if _PARTY_ORG.match(unit.name) else None)
    if issuer:
        return settings.party or settings.issuer, issuer
    return settings.superior or "", settings.issuer


def unit_signature(unit: Unit, head: str) -> dict[str, str]:
    """`T/M BAN THƯỜNG VỤ THÀNH ỦY` / `BÍ THƯ` for a party committee (its place is in the
    letterhead already, and a long name would break across the column); the full collective
    and title otherwise."""
    collective, title = unit.collective, unit.head_title
    org = _PARTY_ORG.match(unit.name)
    if org and collective.endswith(unit.name):
        kind = org.group(1)  # "Thành ủy"
        collective = collective[: -len(unit.name)] + kind
        if title.endswith(" " + kind):
            title = title[: -len(kind) - 1]
    return {
        "on_behalf": keep_together(f"T/M {collective}".upper()),
        "title": title.upper(),
        "name": head,
    }


_TOGETHER = re.compile(r" (ỦY|VỤ|ĐOÀN)\b")


def keep_together(text: str) -> str:
    """No line break inside "THÀNH ỦY", "THƯỜNG VỤ", "ĐẢNG ĐOÀN": a signature line that must
    wrap wraps between such words, never in the middle of one."""
    return _TOGETHER.sub("\u00a0\\1", text)


def _collective_phrase(collective: str) -> str:
    """'Tập thể lãnh đạo Sở Y tế' reads 'tập thể lãnh đạo Sở Y tế', not 'tập thể Tập thể …'."""
    if collective.lower().startswith("tập thể"):
        return "t" + collective[1:]
    return f"tập thể {collective}"


def _item_line(item: Item) -> str:
    extras = []
    if item.indicator is not None:
        unit = item.indicator.unit or ""
        plan = vn.number(item.indicator.plan)
        extras.append(
            f"chỉ tiêu: {plan}{unit}" if unit == "%" else f"chỉ tiêu: {plan} {unit}".rstrip()
        )
    if item.due is not None:
        extras.append(f"thời hạn: {vn.short_date(item.due)}")
    text = item.text.rstrip(".;")
    return f"- {text}" + (f" ({'; '.join(extras)})" if extras else "") + "."


def sheet(settings: Settings, config: YearConfig, unit: Unit, c: Commitments) -> dict[str, Any]:
    superior, issuer = letterhead(settings, unit)
    year = config.year
    grounds = list(
        config.grounds
        or [
            f"Căn cứ chủ đề năm {year} “{config.theme}”;",
            f"Căn cứ chức năng, nhiệm vụ được giao và tình hình thực tế của {unit.name},",
        ]
    )
    body_sig = signature(settings.sheet_signature, f"T/M {settings.body}", "BÍ THƯ")
    body_sig["on_behalf"] = keep_together(body_sig["on_behalf"])
    return {
        "superior": superior,
        "issuer": issuer,
        "place": settings.place,
        "date_line": vn.long_date(config.signed_on),
        "summary": (
            f"thực hiện nhiệm vụ năm {year} của {_collective_phrase(unit.collective)} "
            f"và đồng chí {unit.head_title}"
        ),
        "grounds": grounds,
        "pledge": (
            f"{unit.collective[0].upper()}{unit.collective[1:]} và đồng chí {c.head}, "
            f"{unit.head_title}, cam kết với {settings.body} thực hiện các nội dung sau:"
        ),
        "groups": [
            {"heading": f"{i}- {g.title}", "lines": [_item_line(item) for item in g.items]}
            for i, g in enumerate(c.groups, start=1)
        ],
        "collective": unit.collective,
        "head_title": unit.head_title,
        "head": c.head,
        "body_signature": body_sig,
        "unit_signature": unit_signature(unit, c.head),
    }
