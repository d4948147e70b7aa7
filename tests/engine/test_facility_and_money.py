"""Cooling, PDUs and money, worked by hand."""

from __future__ import annotations

import pytest

from engine.compare import compare
from engine.facility.cooling import KW_PER_TON, KW_TO_BTU_H, Unit, n_plus_one, plan_cooling
from engine.facility.racks import Box, PduModel, RackSpec, lay_out
from engine.model import BomLine, Facility, Finance, PlanRequest, Schedule, Workload
from engine.money.totals import money


def test_cooling_units_and_conversions_by_hand() -> None:
    # 850 kW of heat: 100 kW CRAHs need 9 + 1 = 10 (1000 kW installed);
    # 40 kW in-row units need 22 + 1 = 23 (920 kW installed): less spare, so chosen.
    unit, count = n_plus_one(850, [Unit("crah-100", 100), Unit("inrow-40", 40)])
    assert (unit.part, count) == ("inrow-40", 23)
    plan = plan_cooling(kind="air", compute_rack_kw=[400, 400], other_kw=50,
                        crah=[Unit("crah-100", 100)], rdhx=[], cdu=[], liquid_capture=0.75)
    assert plan.units == (("crah-100", 10, 100),)
    assert plan.capacity_kw == 900  # N units, the spare excluded
    assert plan.btu_per_hour == pytest.approx(850 * 3412.14)
    assert plan.tons == pytest.approx(850 / 3.517)
    assert pytest.approx(1 / KW_PER_TON, rel=1e-3) == KW_TO_BTU_H / 12_000  # 1 ton = 12 000 BTU/h


def test_rear_doors_take_each_compute_rack_and_crah_the_rest() -> None:
    # two 30 kW racks behind 40 kW doors; a 10 kW network rack goes to the room: 100 kW CRAH × (1 + 1)
    plan = plan_cooling(kind="rdhx", compute_rack_kw=[30, 30], other_kw=10,
                        crah=[Unit("crah-100", 100)], rdhx=[Unit("rdhx-40", 40)], cdu=[],
                        liquid_capture=0.75)
    assert plan.units == (("rdhx-40", 2, 40), ("crah-100", 2, 100))
    assert plan.capacity_kw >= plan.heat_kw == 70


def test_liquid_cooling_splits_the_heat() -> None:
    # 3 × 100 kW liquid-cooled racks, 75 % to coolant: 225 kW on 200 kW CDUs = 2 + 1;
    # 75 kW + 20 kW network to the room: 100 kW CRAH × 2
    plan = plan_cooling(kind="liquid", compute_rack_kw=[100, 100, 100], other_kw=20,
                        crah=[Unit("crah-100", 100)], rdhx=[], cdu=[Unit("cdu-200", 200)],
                        liquid_capture=0.75)
    assert plan.units == (("cdu-200", 3, 200), ("crah-100", 2, 100))


def test_pdus_carry_the_whole_rack_on_each_feed() -> None:
    # 3 nodes × 6.5 kW + 0.1 kW management = 19.6 kW a rack. Each feed carries it alone and
    # offers a C19 outlet to half of every server's six C20 cords: 3 × 3 = 9 C19.
    # 7.4 kW PDUs: 3 for power, 3 for 9 C19 (4 each) -> 3 a feed; 22 kW: 1 for power, 2 for
    # outlets (6 each) -> 2 a feed; 43 kW: 1 for power, 1 for outlets (12 each) -> 1 a feed.
    spec = RackSpec("rack-42u", 42, 1500, 0.9, 2, 20, 38, 15)
    node = Box(6, 6500, 100, inlets=6, inlet="C20")
    layout = lay_out(6, node, Box(1, 100, 5, role="mgmt_switch"), [], spec,
                     [PduModel("pdu-7", 7.4, 4, 20), PduModel("pdu-22", 22, 6, 36),
                      PduModel("pdu-43", 43, 12, 24)])
    assert layout.count == 2 and layout.pdu_part == "pdu-43" and layout.pdus == 4
    assert layout.max_power_kw == pytest.approx(19.6)
    assert layout.feed_kw == pytest.approx(19.6)


def test_money_by_hand() -> None:
    finance = Finance(currency="CNY", power_price=0.6, vat=0.13, vat_services=0.06, discount=0.1, years=4,
                      warranty_years=3, maintenance_rate=0.08, hosting="colo", colo_rent_kw_month=500)
    request = PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=16),
                          facility=Facility(rack_kw=20, pue=1.4), finance=finance,
                          configs=("inspur-nf5688m6-a800",))
    plan = compare(request).plans[0]
    money, power, racks = plan.money, plan.power, plan.racks
    assert money is not None and power is not None and racks is not None
    goods = sum(line.total for line in plan.bom if line.category != "services")
    services = sum(line.total for line in plan.bom if line.category == "services")
    assert services > 0
    assert money.capex == pytest.approx(goods * 0.9 * 1.13 + services * 0.9 * 1.06)
    # energy: facility kW (typical IT × 1.4) × 8760 h × 0.6 CNY/kWh
    assert power.facility_kw == pytest.approx(power.it_typical_kw * 1.4)
    assert money.energy_per_year == pytest.approx(power.facility_kw * 8760 * 0.6)
    # rent: 500 CNY per contracted kW-month (the racks' maximum draw) × 12
    assert money.contracted_kw == pytest.approx(sum(r.power_kw for r in racks.racks))
    assert money.hosting_per_year == pytest.approx(500 * money.contracted_kw * 12)
    # maintenance only in year 4, after the 3-year warranty: 8 % of discounted hardware
    assert money.maintenance_per_year[:3] == (0.0, 0.0, 0.0)
    assert money.maintenance_per_year[3] == pytest.approx(money.hardware * 0.9 * 0.08)
    yearly = money.energy_per_year + money.hosting_per_year
    assert money.tco == pytest.approx(money.capex + 4 * yearly + money.maintenance_per_year[3])
    # warranty: 1.5 % of the equipment value a year (assumptions.toml), for the 3-year term
    equipment = sum(line.total for line in plan.bom
                    if line.category not in ("software", "services"))
    warranty = next(line for line in plan.bom if line.item == "warranty")
    assert warranty.qty == 3
    assert warranty.unit_price == pytest.approx(0.015 * equipment, abs=0.01)


def test_vat_on_goods_and_on_services_by_hand() -> None:
    # goods 1 000 000 (a server and a switch), services 100 000 (installation, warranty),
    # 10 % off both: net 900 000 + 90 000 = 990 000;
    # VAT 13 % × 900 000 = 117 000 on goods + 6 % × 90 000 = 5 400 on services = 122 400;
    # capex 990 000 + 122 400 = 1 112 400
    def line(category: str, item: str, qty: int, price: float) -> BomLine:
        return BomLine(category=category, item=item, vendor="Acme", part_number=item,  # type: ignore[arg-type]
                       description_en=item, description_zh=item, qty=qty, unit_price=price,
                       currency="CNY")

    bom = (line("compute", "server", 2, 450_000.0), line("network", "switch", 1, 100_000.0),
           line("services", "install", 4, 5_000.0), line("services", "warranty", 1, 80_000.0))
    cash = money(bom=bom, currency="CNY", discount_rate=0.1, vat_rate=0.13, vat_rate_services=0.06,
                 facility_kw=0.0, power_price=0.0, years=1, warranty_years=1,
                 maintenance_rate=0.0, rent_kw_month=None, contracted_kw=0.0,
                 energy_per_run_mwh=0.0, delivered_pflops=1.0)
    assert (cash.hardware, cash.services) == (1_000_000.0, 100_000.0)
    assert cash.net == pytest.approx(990_000.0)
    assert cash.vat_goods == pytest.approx(117_000.0)
    assert cash.vat_services == pytest.approx(5_400.0)
    assert cash.vat == pytest.approx(122_400.0)
    assert cash.capex == pytest.approx(1_112_400.0)
    assert (cash.vat_rate, cash.vat_rate_services) == (0.13, 0.06)


def test_services_rate_defaults_from_the_assumptions_and_shows_as_one() -> None:
    from engine.assumptions import default

    plan = compare(PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=8),
                               configs=("inspur-nf5688m6-a800",))).plans[0]
    assert plan.money is not None
    assert plan.money.vat_rate_services == default("finance.vat_services").value
    shown = {a.key: a for a in plan.assumptions}
    assert shown["vat_services"].origin == "default"
    assert shown["vat"].value == default("finance.vat").value


def test_prices_convert_at_the_exchange_rate() -> None:
    # A price listed in USD is that many dollars and 7.2 × as many yuan at the default rate;
    # one listed in CNY is 1/8 as many dollars at a rate of 8 CNY per USD.
    from engine.money.prices import load_price_list

    listed = load_price_list()
    base = PlanRequest(Workload(preset="gpt3-xl"), Schedule(gpus=8), configs=("lenovo-sr680av3-h100",))
    cny = compare(base).plans[0]
    usd = compare(PlanRequest(base.workload, base.schedule,
                              finance=Finance(currency="USD", exchange_rate=8.0),
                              configs=base.configs)).plans[0]
    in_cny = {line.item: line.unit_price for line in cny.bom}
    currencies = set()
    system = usd.bom[0]
    # one configured-system price: base US$60 000 + 8 × NDR HCA US$2 200 + the 2 × 200GbE storage
    # and in-band adapter US$1 800, and 8 × H100 at the China price ¥252 000 (1/8 of it in USD at
    # 8 CNY per USD, 7.2 at the default rate)
    assert (system.item, system.qty, system.unit_price) == ("lenovo-sr680av3-h100", 1,
                                                            79_400 + 8 * 252_000 / 8)
    assert in_cny[system.item] == pytest.approx(79_400 * 7.2 + 8 * 252_000)
    for line in usd.bom[1:]:
        if line.item not in listed:  # open-source software and value-rated services
            continue
        entry = listed.entry(line.item)
        currencies.add(entry.currency)
        if entry.currency == "USD":
            assert line.unit_price == pytest.approx(entry.unit_price, abs=0.005)
            assert in_cny[line.item] == pytest.approx(entry.unit_price * 7.2, abs=0.005)
        else:
            assert line.unit_price == pytest.approx(entry.unit_price / 8, abs=0.005)
            assert in_cny[line.item] == pytest.approx(entry.unit_price, abs=0.005)
    assert currencies == {"CNY", "USD"}  # both directions were exercised
