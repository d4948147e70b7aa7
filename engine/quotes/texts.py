"""The words of every reconciliation finding, by code, in English and Chinese.

A finding carries its code and named parameters; its text is made here, in the user's
language, so the same finding reads "row 12: … quoted 23, the plan needs 24" or "第 12 行：
… 报价 23，方案需要 24". Parts are named by description and part number, never by the plan's
internal ids. Kept in one table so it moves into the language catalogue as it is.
"""

from __future__ import annotations

from typing import Any

from engine.model import BomLine

TEXTS: dict[str, dict[str, str]] = {
    "vendor_unplanned": {
        "en": "the quotation's vendor ({vendor}) has no configuration in the plan; matched against "
              "the closest one",
        "zh": "报价厂商（{vendor_zh}）在方案中没有配置；已按最接近的配置核对"},
    "no_currency": {
        "en": "the quotation does not state its currency; read as {currency}, the plan's",
        "zh": "报价未注明币种；按方案的币种 {currency} 读取"},
    "no_vat_basis": {
        "en": "the quotation does not say whether its prices include VAT; read as excluding VAT",
        "zh": "报价未说明价格是否含税；按不含税读取"},
    "ambiguous_match": {
        "en": "row {row}: '{text}' matches {part} ({score:.2f}) about as well as {rivals}; "
              "{part} was taken",
        "zh": "第 {row} 行：“{text}”与 {part_zh}（{score:.2f}）及 {rivals_zh} 同样接近；按 {part_zh} 核对"},
    "extra": {
        "en": "row {row}: '{text}' (qty {qty:g}) is not in the plan",
        "zh": "第 {row} 行：“{text}”（数量 {qty:g}）不在方案中"},
    "qty": {
        "en": "row {row}: {part} quoted {found:g}, the plan needs {expected:g}",
        "zh": "第 {row} 行：{part_zh} 报价数量 {found:g}，方案需要 {expected:g}"},
    "qty_spares": {
        "en": "row {row}: {part} quoted {found:g}, the plan needs {expected:g} ({installed:g} "
              "installed and {spares:g} spares)",
        "zh": "第 {row} 行：{part_zh} 报价数量 {found:g}，方案需要 {expected:g}（安装 {installed:g}，"
              "备件 {spares:g}）"},
    "price": {
        "en": "row {row}: {part} at {found:,.2f} {currency} excl. VAT, the plan's price is "
              "{expected:,.2f} ({change:+.1%})",
        "zh": "第 {row} 行：{part_zh} 不含税单价 {found:,.2f} {currency}，方案价格 {expected:,.2f}"
              "（{change:+.1%}）"},
    "price_list": {
        "en": "row {row}: {part} at {found:,.2f} {currency} excl. VAT, the plan's list price (the "
              "quotation states its own discount) is {expected:,.2f} ({change:+.1%})",
        "zh": "第 {row} 行：{part_zh} 不含税单价 {found:,.2f} {currency}，方案标价（报价自列折扣）"
              "{expected:,.2f}（{change:+.1%}）"},
    "price_discount": {
        "en": "row {row}: {part} at {found:,.2f} {currency} excl. VAT, the plan's price after its "
              "{discount:g}% discount is {expected:,.2f} ({change:+.1%})",
        "zh": "第 {row} 行：{part_zh} 不含税单价 {found:,.2f} {currency}，方案按 {discount:g}% 折扣后的"
              "价格 {expected:,.2f}（{change:+.1%}）"},
    "missing": {
        "en": "{part} × {qty:g} is in the plan but not in the quotation",
        "zh": "方案中有 {part_zh} × {qty:g}，报价中没有"},
    "system_without": {
        "en": "row {row}: the system is quoted without {part}; the plan's holds {per_system:g} per system",
        "zh": "第 {row} 行：服务器报价不含 {part_zh}；方案每台含 {per_system:g}"},
    "system_qty": {
        "en": "row {row}: {found:g} × {part} per system quoted, the plan's system holds {expected:g}",
        "zh": "第 {row} 行：每台服务器报价 {found:g} × {part_zh}，方案每台含 {expected:g}"},
    "line_total": {
        "en": "row {row}: {qty:g} × {unit:,.2f} = {expected:,.2f}, but the line total says "
              "{found:,.2f} (off by {off:,.2f})",
        "zh": "第 {row} 行：{qty:g} × {unit:,.2f} = {expected:,.2f}，但金额写作 {found:,.2f}"
              "（相差 {off:,.2f}）"},
    "subtotal": {
        "en": "row {row}: the subtotal should be {expected:,.2f} (the lines above it), but the "
              "quotation says {found:,.2f} (off by {off:,.2f})",
        "zh": "第 {row} 行：小计应为 {expected:,.2f}（上方各行之和），报价写作 {found:,.2f}"
              "（相差 {off:,.2f}）"},
    "tax_rate": {
        "en": "row {row}: the VAT should be {expected:,.2f} ({rate:.0%} of the lines{included}), but "
              "the quotation says {found:,.2f} (off by {off:,.2f})",
        "zh": "第 {row} 行：税额应为 {expected:,.2f}（各行金额的 {rate:.0%}{included_zh}），报价写作 "
              "{found:,.2f}（相差 {off:,.2f}）"},
    "tax_mixed": {
        "en": "row {row}: the VAT should be {expected:,.2f} ({goods_rate:.0%} on goods of "
              "{goods:,.2f}, {services_rate:.0%} on services of {services:,.2f}{included}), but the "
              "quotation says {found:,.2f} (off by {off:,.2f})",
        "zh": "第 {row} 行：税额应为 {expected:,.2f}（货物 {goods:,.2f} 按 {goods_rate:.0%}，服务 "
              "{services:,.2f} 按 {services_rate:.0%}{included_zh}），报价写作 {found:,.2f}"
              "（相差 {off:,.2f}）"},
    "taxes_together": {
        "en": "rows {rows}: the VAT rows add up to {found:,.2f}, but the lines' VAT at {low:.0%} to "
              "{high:.0%} is {least:,.2f} to {most:,.2f} (off by {off:,.2f})",
        "zh": "第 {rows} 行：各税额行合计 {found:,.2f}，但各行按 {low:.0%} 至 {high:.0%} 计税应为 "
              "{least:,.2f} 至 {most:,.2f}（相差 {off:,.2f}）"},
    "grand_total": {
        "en": "row {row}: the grand total should be {expected:,.2f} (the lines, discounts and VAT), "
              "but the quotation says {found:,.2f} (off by {off:,.2f})",
        "zh": "第 {row} 行：总计应为 {expected:,.2f}（各行、折扣及税额之和），报价写作 {found:,.2f}"
              "（相差 {off:,.2f}）"},
}

_INCLUDED = {"en": " (included)", "zh": "（含税）"}


def render(code: str, lang: str, params: dict[str, Any]) -> str:
    """The text of finding ``code`` with ``params`` in ``lang`` ("en" or "zh")."""
    values = dict(params)
    for key in ("part", "rivals"):  # a name in Chinese falls back to the English one
        values.setdefault(f"{key}_zh", values.get(key, ""))
    if "vendor" in values:
        values["vendor_zh"] = "未注明" if values["vendor"] == "not stated" else values["vendor"]
    if "included" in values:
        flag = bool(values["included"])
        values["included"] = _INCLUDED["en"] if flag else ""
        values["included_zh"] = _INCLUDED["zh"] if flag else ""
    template = TEXTS[code]["zh" if lang == "zh" else "en"]
    return template.format(**values)


def part_name(line: BomLine | None, item: str, lang: str = "en") -> str:
    """A plan line as a buyer knows it: its description and part number ("NVIDIA SN2201
    management switch (MSN2201-CB2F)"), never the plan's id; a spare says so."""
    if line is None:
        return item
    text = line.description_zh if lang == "zh" and line.description_zh else line.description_en
    text = text if len(text) <= 60 else text[:59] + "…"
    plain = item.removeprefix("spare:")
    number = line.part_number if line.part_number and line.part_number != plain else ""
    spare = ("备件：" if lang == "zh" else "spare: ") if item.startswith("spare:") else ""
    if not number:
        return f"{spare}{text}"
    return f"{spare}{text}（{number}）" if lang == "zh" else f"{spare}{text} ({number})"


def names(line: BomLine | None, item: str) -> dict[str, str]:
    """The ``part`` and ``part_zh`` parameters of a finding about ``item``."""
    return {"part": part_name(line, item, "en"), "part_zh": part_name(line, item, "zh")}
