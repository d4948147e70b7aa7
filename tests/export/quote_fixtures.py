"""A hand-built comparison with hand-worked figures, and a recalculation helper over
the ``formulas`` package, for the quote workbook tests."""

from __future__ import annotations

import contextlib
import re
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from engine.model import (
    BomLine,
    Comparison,
    ComputeNeed,
    Finance,
    Message,
    Money,
    Plan,
    PlanRequest,
    PowerPlan,
    Recommendation,
    Schedule,
    Workload,
)

with warnings.catch_warnings():  # formulas' own sources trip SyntaxWarning when first compiled
    warnings.simplefilter("ignore")
    import formulas

_KEY = re.compile(r"^'\[[^\]]+\](?P<sheet>.*)'!(?P<cell>[A-Z]+[0-9]+)$")


class Recalculated:
    """Every formula of a workbook recalculated by ``formulas``; look values up by sheet and cell."""

    def __init__(self, path: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = formulas.ExcelModel().loads(str(path)).finish()
            solution = model.calculate()
        self.values: dict[tuple[str, str], Any] = {}
        for key, result in solution.items():
            match = _KEY.match(str(key))
            if match is None:
                continue
            value = getattr(result, "value", result)
            with contextlib.suppress(TypeError, IndexError, KeyError):
                value = value[0][0]
            self.values[(match["sheet"].upper(), match["cell"])] = value

    def __call__(self, sheet: str, cell: str) -> Any:
        value = self.values[(sheet.upper(), cell)]
        return float(value) if hasattr(value, "__float__") and not isinstance(value, str) else value


def find_row(ws: Worksheet, column: str, text: str, start: int = 1) -> int:
    """The first row (from ``start``) whose cell in ``column`` holds ``text``."""
    for row in range(start, ws.max_row + 1):
        if ws[f"{column}{row}"].value == text:
            return row
    raise AssertionError(f"{text!r} not found in column {column} of {ws.title}")


def bom_sheet_name(wb: Workbook, config: str) -> str:
    """The BOM sheet of ``config``: sheets are named for people; the workbook's custom
    properties say which configuration each BOM sheet prices."""
    matches = [p.name.removeprefix("BOM ") for p in wb.custom_doc_props.props
               if p.name.startswith("BOM ") and p.value == config]
    assert len(matches) == 1, (config, wb.sheetnames)
    return matches[0]


def cents(a: float, b: float) -> bool:
    """Equal to the cent (the engine does not round; the workbook must not drift)."""
    return abs(a - b) < 0.005


# ---------------------------------------------------------------- hand-built comparison


def _line(category: str, item: str, part: str, en: str, zh: str, qty: int, price: float,
          note: str = "", vendor: str = "Acme") -> BomLine:
    return BomLine(category=category, item=item, vendor=vendor, part_number=part,  # type: ignore[arg-type]
                   description_en=en, description_zh=zh, qty=qty, unit_price=price,
                   currency="CNY", note=note)


ALPHA_BOM = (
    _line("compute", "alpha-server", "NF5688M6-X", "GPU server base", "GPU 服务器基础系统", 2,
          1_000_000.00),
    _line("compute", "a800-sxm4-80gb", "A800-80G", "A800 SXM4 80GB GPU", "A800 SXM4 80GB GPU", 16,
          100_000.50),
    _line("network", "ib-switch", "MQM8700", "HDR switch", "HDR 交换机", 1, 50_000.25),
    _line("network", "ib-cable", "MFS1S00", "HDR cable", "HDR 线缆", 20, 123.45),
    _line("rack_power", "rack-42u", "R42", "42U rack", "42U 机柜", 1, 8_000.00),
    _line("rack_power", "pdu-32a", "PDU32", "PDU 32 A", "PDU 32 A", 2, 3_000.10, note="A/B feeds"),
    _line("cooling", "crah-40", "CRAH40", "Precision air unit 40 kW", "精密空调 40 kW", 2,
          60_000.00, note="N+1"),
    _line("services", "install-node", "SVC-INST", "Installation per server", "服务器安装", 2,
          1_500.00),
    _line("services", "warranty-node-year", "SVC-WTY", "Warranty per server-year", "保修（每台每年）",
          6, 2_000.33),
)
# Hand-worked: hardware 2,000,000 + 1,600,008 + 52,469.25 + 14,000.20 + 120,000;
# 5 % off each unit price, rounded to the fen as an invoice states it: 950,000.00 × 2,
# 95,000.475 → 95,000.48 × 16, 47,500.2375 → 47,500.24, 117.2775 → 117.28 × 20, 7,600.00,
# 2,850.095 → 2,850.10 × 2, 57,000.00 × 2 = 3,597,153.72 goods; 1,425.00 × 2 + 1,900.3135
# → 1,900.31 × 6 = 14,251.86 services; net 3,611,405.58, discount 3,801,479.43 − that =
# 190,073.85. VAT 13 % × 3,597,153.72 = 467,629.98 + 6 % × 14,251.86 = 855.11.
ALPHA_MONEY = Money(
    currency="CNY",
    subtotals=(("compute", 3_600_008.00), ("network", 52_469.25), ("rack_power", 14_000.20),
               ("cooling", 120_000.00), ("services", 15_001.98)),
    hardware=3_786_477.45, services=15_001.98,
    discount_rate=0.05, discount=190_073.85, net=3_611_405.58,
    vat_rate=0.13, vat_rate_services=0.06, vat=468_485.09, capex=4_079_890.67,
    energy_per_year=100_000.00, maintenance_per_year=(0.0, 0.0, 287_772.29),
    hosting_per_year=12_000.00, years=3,
    tco_by_year=(4_079_890.67, 4_191_890.67, 4_303_890.67, 4_703_662.96),
    tco=4_703_662.96, energy_per_run=8_000.00, cost_per_pf_day=4_703.66296,
    services_net=14_251.86,
)

BETA_BOM = (
    _line("compute", "beta-server", "7Z23", "SR670 V2 with 8 × A100", "SR670 V2，8 × A100", 4,
          250_000.00, vendor="Lenovo"),
    # text from a file that looks like formulas, and a character XML forbids
    _line("network", "odd-cable", "-5V rail", "=1+2", "=1+2", 3, 999.99, note="@risk\x07"),
    _line("rack_power", "rack-42u", "+R42", "42U rack", "42U 机柜", 1, 5_000.00),
    _line("services", "install-node", "SVC-INST", "Installation per server", "服务器安装", 1,
          10_000.00),
)
# 5 % off each unit price to the fen: 237,500.00 × 4 + 949.9905 → 949.99 × 3 + 4,750.00 =
# 957,599.97 goods, 9,500.00 services; discount 1,017,999.97 − 967,099.97 = 50,900.00;
# VAT 13 % × 957,599.97 = 124,487.9961 → 124,488.00 + 6 % × 9,500.00 = 570.00
BETA_MONEY = Money(
    currency="CNY",
    subtotals=(("compute", 1_000_000.00), ("network", 2_999.97), ("rack_power", 5_000.00),
               ("cooling", 0.0), ("services", 10_000.00)),
    hardware=1_007_999.97, services=10_000.00,
    discount_rate=0.05, discount=50_900.00, net=967_099.97,
    vat_rate=0.13, vat_rate_services=0.06, vat=125_058.00, capex=1_092_157.97,
    energy_per_year=50_000.00, maintenance_per_year=(0.0, 0.0, 76_607.99),
    hosting_per_year=0.0, years=3,
    tco_by_year=(1_092_157.97, 1_142_157.97, 1_192_157.97, 1_318_765.96),
    tco=1_318_765.96, energy_per_run=4_000.00, cost_per_pf_day=2_637.53192,
    services_net=9_500.00,
)


def _plan(config: str, vendor: str, bom: tuple[BomLine, ...], money: Money | None,
          *, gpus: int = 16, days: float = 28.5) -> Plan:
    return Plan(
        config=config, vendor=vendor, server=f"{vendor} Server", gpu="a800-sxm4-80gb",
        gpu_name="NVIDIA A800 SXM4 80GB", gpus_per_node=8, feasible=money is not None,
        refusals=() if money is not None else (
            Message("gpu-form-factor", "A100 SXM4 is an SXM4 GPU; this server takes PCIe GPUs only"),
        ),
        warnings=(Message("late", "training takes 31 days, past the deadline"),) if days > 30 else (),
        gpus=gpus if money else 0, nodes=gpus // 8 if money else 0, days=days if money else 0.0,
        days_low=days * 0.9, days_high=days * 1.2, meets_deadline=days <= 30,
        power=PowerPlan(it_max_kw=12.5, it_typical_kw=10.0, pue=1.5, facility_kw=15.0,
                        energy_per_run_mwh=10.3, facility_max_kw=18.75) if money else None,
        bom=bom, money=money,
    )


def hand_comparison() -> Comparison:
    request = PlanRequest(
        Workload(params=7e9, tokens=2e12), Schedule(days=30, lead_time_days=0),
        finance=Finance(discount=0.05, vat=0.13, vat_services=0.06, exchange_rate=7.0, years=3),
    )
    need = ComputeNeed(flops=8.4e22, pretrain_flops=8.4e22, runs=1, finetune_flops=0.0,
                       tuning_flops=0.0, params=7e9, tokens=2e12, label="7B params, 2T tokens")
    plans = (
        _plan("alpha-cfg", "Inspur", ALPHA_BOM, ALPHA_MONEY),
        _plan("beta-cfg", "Lenovo", BETA_BOM, BETA_MONEY, gpus=32, days=31.0),
        _plan("gamma-cfg", "Lenovo", (), None),
    )
    return Comparison(request=request, compute=need, plans=plans,
                      recommendation=Recommendation("alpha-cfg", "alpha-cfg", "beta-cfg"),
                      price_list="hand-built test prices")


# Goods 1 000 000 and services 100 000, 10 % off both, priced by the engine's totals:
# VAT 13 % × 900 000 = 117 000 on goods + 6 % × 90 000 = 5 400 on services; capex 1 112 400.
SERVICES_BOM = (
    _line("compute", "gamma-server", "NF5688M7", "GPU server", "GPU 服务器", 2, 450_000.00),
    _line("network", "ib-switch", "QM9700", "NDR switch", "NDR 交换机", 1, 100_000.00),
    _line("services", "install-node", "SVC-INST", "Installation per server", "服务器安装", 4,
          5_000.00),
    _line("services", "warranty", "SVC-WTY", "Warranty, 3 years", "三年保修", 1, 80_000.00),
)


def services_comparison(currency: str = "CNY", exchange_rate: float = 7.0) -> Comparison:
    """One Inspur configuration whose bill has goods and services, priced by engine.money."""
    from engine.money.totals import money

    bom = tuple(replace(line, currency=currency) for line in SERVICES_BOM)
    cash = money(bom=bom, currency=currency, discount_rate=0.1, vat_rate=0.13,
                 vat_rate_services=0.06, facility_kw=10.0, power_price=0.5, years=3,
                 warranty_years=3, maintenance_rate=0.08, rent_kw_month=None, contracted_kw=0.0,
                 energy_per_run_mwh=1.0, delivered_pflops=1.0)
    request = PlanRequest(
        Workload(params=7e9, tokens=2e12), Schedule(days=30, lead_time_days=0),
        finance=Finance(currency=currency, discount=0.1, vat=0.13, vat_services=0.06,  # type: ignore[arg-type]
                        exchange_rate=exchange_rate, years=3),
    )
    need = ComputeNeed(flops=8.4e22, pretrain_flops=8.4e22, runs=1, finetune_flops=0.0,
                       tuning_flops=0.0, params=7e9, tokens=2e12, label="7B params, 2T tokens")
    return Comparison(request=request, compute=need,
                      plans=(_plan("gamma-cfg", "Inspur", bom, cash),),
                      recommendation=Recommendation("gamma-cfg", "gamma-cfg", "gamma-cfg"),
                      price_list="hand-built test prices")
