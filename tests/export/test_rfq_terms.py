"""The RFQ carries the plan's terms: a required delivery date from the plan's lead time (or
the buyer's date) and what a later one costs against the deadline, the place by hosting, an
export-licence clause per GPU with the plan's reading of the market, blank prices by default,
and the RFQ number and configuration id in the document and its properties."""

from __future__ import annotations

import datetime
import math
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from engine import Finance, PlanRequest, Schedule, Workload, compare
from engine.export import write_quote
from engine.money.discount import price_factor

CONFIG = "inspur-nf5688m7-h800"
DAY = datetime.date(2026, 12, 1)


def _plan(**finance: Any) -> Any:
    # a lead time the vendor quoted: 45 days to delivered and accepted, 45 days of training
    return compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=90, lead_time_days=45),
                               configs=(CONFIG,),
                               finance=Finance(**finance)))


def _texts(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path).worksheets[0]
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def _lines(path: Path) -> list[tuple[Any, ...]]:
    ws = openpyxl.load_workbook(path).worksheets[0]
    return [tuple(c.value for c in row) for row in ws.iter_rows()
            if re.fullmatch(r"\d+\.\d+", str(row[0].value or ""))]


def test_prices_are_blank_by_default_and_filled_only_when_asked(tmp_path: Path) -> None:
    comparison = _plan(discount=0.15)
    plan = comparison.plans[0]
    blank = write_quote(comparison, tmp_path / "blank.xlsx", kind="rfq", vendor="inspur", quote_date=DAY)
    assert all(line[4] in (None, "") for line in _lines(blank))
    book = openpyxl.load_workbook(blank)
    ((title, cell),) = book.defined_names["Discount"].destinations
    assert book[title][cell].value == 0  # no discount of the buyer's to anchor the vendor
    target = _lines(write_quote(comparison, tmp_path / "t.xlsx", kind="rfq", vendor="inspur",
                                prices="target", quote_date=DAY))
    listed = _lines(write_quote(comparison, tmp_path / "l.xlsx", kind="rfq", vendor="inspur",
                                prices="list", quote_date=DAY))
    switch = next(b for b in plan.bom if b.item == "ib-switch-qm9700")
    by_part = {row[1]: row for row in target}
    assert by_part[switch.part_number][4] == pytest.approx(360_000 * price_factor(0.15))  # 306 000
    assert {row[1]: row for row in listed}[switch.part_number][4] == 360_000


def test_the_required_delivery_date_is_the_order_plus_the_plans_lead_time(tmp_path: Path) -> None:
    comparison = _plan(purchase_date="2026-12-10")
    plan = comparison.plans[0]
    due = datetime.date(2026, 12, 10) + datetime.timedelta(days=math.ceil(plan.lead_time_days))
    texts = _texts(write_quote(comparison, tmp_path / "r.xlsx", kind="rfq", vendor="inspur",
                               quote_date=DAY))
    (said,) = [t for t in texts if t.startswith("Delivered, installed and accepted by")]
    assert due.isoformat() in said and "after the order on 2026-12-10" in said
    slack = math.floor(90 - plan.calendar_days)
    assert plan.meets_deadline and f"with {slack} days to spare" in said
    assert not any("60 days after the contract is signed" in t for t in texts)


def test_a_date_the_buyer_sets_is_the_date(tmp_path: Path) -> None:
    comparison = _plan()
    plan = comparison.plans[0]
    late = DAY + datetime.timedelta(days=200)
    texts = _texts(write_quote(comparison, tmp_path / "r.xlsx", kind="rfq", vendor="inspur",
                               quote_date=DAY, delivery_date=late, lang="zh"))
    (said,) = [t for t in texts if t.startswith(f"{late.isoformat()} 前完成到货")]
    assert "买方指定的日期" in said
    # 200 days of delivery: past the 90-day deadline, each day late costs a day
    assert f"已需 {math.ceil(plan.calendar_days - plan.lead_time_days + 200)} 天" in said


def test_the_place_follows_the_hosting(tmp_path: Path) -> None:
    own = _texts(write_quote(_plan(), tmp_path / "own.xlsx", kind="rfq", vendor="inspur"))
    assert any(t.startswith("The buyer's site named above") for t in own)
    colo = _texts(write_quote(_plan(hosting="colo"), tmp_path / "colo.xlsx", kind="rfq",
                              vendor="inspur", idc="世纪互联 北京 M5"))
    assert any("leased data centre (IDC) named by the buyer: 世纪互联 北京 M5" in t for t in colo)
    assert not any(t.startswith("The buyer's site") for t in colo)


def test_the_vendor_is_asked_to_confirm_export_licence_and_delivery(tmp_path: Path) -> None:
    comparison = _plan()
    plan = comparison.plans[0]
    assert plan.availability is not None
    texts = _texts(write_quote(comparison, tmp_path / "r.xlsx", kind="rfq", vendor="inspur"))
    (clause,) = [t for t in texts if t.startswith("For each GPU below, state whether an export licence")]
    assert f"{plan.gpus} × {plan.gpu_name}" in clause
    assert plan.availability.status.replace("-", " ") in clause


def test_the_rfq_number_and_configuration_id_are_in_the_document_and_its_properties(
        tmp_path: Path) -> None:
    path = write_quote(_plan(), tmp_path / "r.xlsx", kind="rfq", vendor="inspur", quote_no="RFQ-2026-017")
    # the configuration's own number: the RFQ's and the configuration's code, so that a
    # reply echoing the number alone is tied to what was asked
    from engine.naming import config_code

    number = f"RFQ-2026-017-{config_code(CONFIG)}"
    texts = _texts(path)
    assert number in texts and CONFIG in texts
    props = openpyxl.load_workbook(path).properties
    assert props.identifier == "RFQ-2026-017"
    assert props.keywords == f"rfq=RFQ-2026-017; config={CONFIG}; ref={number}"


@pytest.mark.parametrize("discount", [0.0, 0.15])
def test_one_rounding_rule_the_rfq_totals_the_plans_capex(discount: float) -> None:
    """One rule in the plan and in the RFQ alike, an invoice's: each unit price after the
    discount rounded to the fen, lines at quantity × that, each rate's VAT rounded once: the
    totals agree to the fen, with a discount or without."""
    from decimal import Decimal

    from engine.export.rfq import total_incl_vat

    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0),
                                     configs=(CONFIG, "inspur-nf5688m6-a800", "lenovo-sr680av3-h800"),
                                     finance=Finance(discount=discount)))
    for plan in comparison.plans:
        assert plan.money is not None
        gap = total_incl_vat(plan.money, plan.bom, "list") - Decimal(f"{plan.money.capex:.2f}")
        assert gap == 0, (plan.config, gap)


def test_the_rounding_rule_by_hand(tmp_path: Path) -> None:
    """A bill written out by hand, discount 15%, VAT 13% on goods and 6% on services:
    goods 100 × 10.05 = 1,005.00 list; 10.05 × 0.85 = 8.5425, an invoice's 8.54 a unit, so
    100 × 8.54 = 854.00 (not 1,005.00 × 0.85 = 854.25); VAT 854.00 × 13% = 111.02.
    Services 1 × 200.00 → 170.00; VAT 170.00 × 6% = 10.20. Net 1,024.00, discount
    1,205.00 − 1,024.00 = 181.00, total 1,024.00 + 111.02 + 10.20 = 1,145.22: the plan's
    capex, the RFQ's total and the quote's BOM sheet recalculated, to the fen."""
    from dataclasses import replace
    from decimal import Decimal

    from engine.export.rfq import total_incl_vat
    from engine.model import BomLine
    from engine.money.totals import money
    from tests.export.quote_fixtures import Recalculated, bom_sheet_name, find_row

    def line(category: str, item: str, qty: int, price: float) -> BomLine:
        return BomLine(category, item, "Inspur", item.upper(), item, item, qty, price, "CNY")  # type: ignore[arg-type]

    bom = (line("network", "cable-x", 100, 10.05), line("services", "install-x", 1, 200.0))
    cash = money(bom=bom, currency="CNY", discount_rate=0.15, vat_rate=0.13,
                 vat_rate_services=0.06, facility_kw=0.0, power_price=0.0, years=1,
                 warranty_years=1, maintenance_rate=0.0, rent_kw_month=None, contracted_kw=0.0,
                 energy_per_run_mwh=0.0, delivered_pflops=1.0)
    assert (cash.net, cash.discount, cash.vat, cash.capex) == (1024.00, 181.00, 121.22, 1145.22)
    assert (cash.vat_goods, cash.vat_services) == (111.02, 10.20)
    assert total_incl_vat(cash, bom, "list") == Decimal("1145.22")

    # the quote's BOM sheet, its formulas recalculated, says the same
    comparison = _plan(discount=0.15)
    plan = replace(comparison.plans[0], bom=bom, money=cash)
    path = write_quote(replace(comparison, plans=(plan,)), tmp_path / "q.xlsx", lang="en")
    values = Recalculated(path)
    wb = openpyxl.load_workbook(path)
    sheet = bom_sheet_name(wb, plan.config)
    ws = wb[sheet]
    total = find_row(ws, "C", "Grand total (incl. VAT)")
    discount = find_row(ws, "C", "Discount")
    assert round(values(sheet, f"F{discount}"), 2) == -181.00
    assert round(values(sheet, f"F{total}"), 2) == 1145.22
