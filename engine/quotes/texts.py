"""The words of every reconciliation finding: the catalogue's ``finding.<code>``
(resources/i18n/<lang>/findings.ftl), rendered in the user's language, so the same finding
reads "row 12: … quoted 23, the plan needs 24" or "第 12 行：… 报价 23，方案需要 24". Parts are
named by description and part number, never by the plan's internal ids.
"""

from __future__ import annotations

from typing import Any

from engine.i18n import t
from engine.model import BomLine

VENDOR_NOT_STATED = "not stated"  # the vendor parameter when the quotation names none


def render(code: str, lang: str, params: dict[str, Any]) -> str:
    """The text of finding ``code`` with ``params`` in ``lang`` ("en" or "zh")."""
    values = dict(params)
    if "change" in values:  # a signed share ("+12.5%"), which Fluent's NUMBER cannot sign
        values["change_signed"] = f"{float(values['change']):+.1%}"
    if values.get("vendor") == VENDOR_NOT_STATED:
        values["vendor_zh"] = "未注明"
    return t(f"finding.{code.replace('_', '-')}", lang, **values)


def part_name(line: BomLine | None, item: str, lang: str = "en") -> str:
    """A plan line as a buyer knows it: its description and part number ("NVIDIA SN2201
    management switch (MSN2201-CB2F)"), never the plan's id; a spare says so. Generic
    equipment has no part number of its own (its "part number" is its English description, or
    the start of it)."""
    if line is None:
        return item
    text = line.description_zh if lang == "zh" and line.description_zh else line.description_en
    text = text if len(text) <= 60 else text[:59] + "…"
    plain = item.removeprefix("spare:")
    descriptive = line.description_en.startswith(line.part_number)  # generic: its description
    number = "" if line.part_number == plain or descriptive else line.part_number
    spare = ("备件：" if lang == "zh" else "spare: ") if item.startswith("spare:") else ""
    if not number:
        return f"{spare}{text}"
    return f"{spare}{text}（{number}）" if lang == "zh" else f"{spare}{text} ({number})"


def names(line: BomLine | None, item: str) -> dict[str, str]:
    """The ``part`` and ``part_zh`` parameters of a finding about ``item``."""
    return {"part": part_name(line, item, "en"), "part_zh": part_name(line, item, "zh")}
