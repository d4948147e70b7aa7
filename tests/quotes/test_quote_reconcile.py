"""Reconciling the sample quotations with their plan: every planted discrepancy, no false one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from engine.money.prices import load_price_list, read_price_list, shipped_price_list_path
from engine.quotes import compare_quotes, learn_prices, read_quote, reconcile
from tests.fixtures.quotes.make_quotes import PLANTED
from tests.quotes.quote_files import INSPUR, LENOVO, MESSY, PLAN


@pytest.mark.parametrize("path", [LENOVO, INSPUR, MESSY], ids=lambda p: p.name)
def test_finds_every_planted_discrepancy_and_nothing_else(comparison: Any, path: Path) -> None:
    rec = reconcile(comparison, read_quote(path))
    found = sorted((f.kind, f.row or 0, f.item) for f in rec.findings)
    assert found == sorted((k, r or 0, i) for k, r, i in PLANTED[path.name])


def test_matched_to_the_plan_of_the_quote_vendor(comparison: Any) -> None:
    assert reconcile(comparison, read_quote(LENOVO)).config == "lenovo-sr680av3-h800"
    assert reconcile(comparison, read_quote(INSPUR)).config == "inspur-nf5688m7-h800"


def test_findings_carry_figures_in_the_plan_currency_excluding_vat(comparison: Any) -> None:
    lenovo = {f.kind: f for f in reconcile(comparison, read_quote(LENOVO)).findings}
    # QM9700: US$52 000 × 7.2 = 374 400 CNY against the list's 360 000
    assert (lenovo["price_diff"].expected, lenovo["price_diff"].found) == (360_000, 374_400)
    # 534 switch-end modules (the UFM pair's links among them) against the 528 quoted
    assert (lenovo["qty_mismatch"].expected, lenovo["qty_mismatch"].found) == (534, 528)
    inspur = {f.kind: f for f in reconcile(comparison, read_quote(INSPUR)).findings}
    # SN2201: 38 420 incl. 13% VAT = 34 000 excl.
    assert inspur["price_diff"].found == pytest.approx(34_000)


def test_configured_system_counts_its_gpus_hcas_and_warranty(comparison: Any) -> None:
    rec = reconcile(comparison, read_quote(LENOVO))
    matched = {m.row: m.item for m in rec.matches}
    assert matched[8] == "lenovo-sr680av3-h800"  # the plan's one configured-system line
    assert matched[9] == "h800-sxm5-80gb" and matched[10] == "hca-cx7-ndr"  # its components
    assert rec.bundled == ((8, "warranty", 3),)  # the plan's 3 warranty years, inside the server price
    # worth 1.5% a year of the servers' price: 35 × 2 299 680 × 0.015 × 3 = 3 621 996
    assert rec.bundled_values == ((8, "warranty", 3_621_996),)


def _server_quote(path: Path, gpus: int, spare_hcas: str = "") -> Path:
    unit = 2_297_680 * 1.045  # the system with 3 warranty years at 1.5% a year
    path.write_text("Inspur quotation\nCurrency: CNY; prices exclude VAT\n"
                    "Part number,Description,Qty,Unit price\n"
                    f"NF5688M7,GPU server with 3 years warranty,35,{unit}\n"
                    f",H800 SXM5 80GB GPU,{gpus},\n,ConnectX-7 NDR 400G adapter,8,\n" + spare_hcas,
                    encoding="utf-8")
    return path


def test_a_systems_gpus_and_hcas_compare_with_its_components(comparison: Any, tmp_path: Path) -> None:
    rec = reconcile(comparison, read_quote(_server_quote(tmp_path / "four.csv", 4)))
    wrong = [f for f in rec.findings if f.kind == "qty_mismatch"]
    assert [(f.row, f.item, f.expected, f.found) for f in wrong] == [(4, "h800-sxm5-80gb", 8, 4)]
    found = {(f.kind, f.item) for f in reconcile(comparison, read_quote(
        _server_quote(tmp_path / "eight.csv", 8))).findings}
    assert not any(k in ("qty_mismatch", "price_diff") for k, _ in found)
    assert ("missing", "spare:hca-cx7-ndr") in found  # the plan's 9 spare HCAs are not quoted


def test_spares_match_the_plans_spares_lines(comparison: Any, tmp_path: Path) -> None:
    spares = ("MCX75310AAS-NEAT,ConnectX-7 NDR 400G adapter (spare),9,15840\n"
              "MMA4Z00-NS400,Spare NDR 400G OSFP SR4 transceiver,9,7920\n"
              "MMA4Z00-NS400,NDR 400G OSFP SR4 transceiver,284,7920\n")  # 280 HCAs, 4 UFM ports
    rec = reconcile(comparison, read_quote(_server_quote(tmp_path / "spares.csv", 8, spares)))
    matched = {m.row: m.item for m in rec.matches}
    assert (matched[7], matched[8], matched[9]) == (
        "spare:hca-cx7-ndr", "spare:xcvr-ndr-osfp-node", "xcvr-ndr-osfp-node")
    found = {(f.kind, f.item) for f in rec.findings}
    assert not {("missing", "spare:hca-cx7-ndr"), ("missing", "spare:xcvr-ndr-osfp-node"),
                ("missing", "xcvr-ndr-osfp-node")} & found
    assert not any(k in ("qty_mismatch", "price_diff") for k, _ in found)
    # an HCA quoted without the word "spare" is still the plan's spare HCAs: the plan has no other
    plain = reconcile(comparison, read_quote(_server_quote(
        tmp_path / "plain.csv", 8, "MCX75310AAS-NEAT,ConnectX-7 NDR 400G adapter,9,15840\n")))
    assert plain.match(7) is not None and plain.match(7).item == "spare:hca-cx7-ndr"
    # the plan's open-source software costs nothing: not quoting it is not a finding
    assert not any(i in ("rocky-linux", "slurm", "warewulf", "nvidia-driver-stack") for _, i in found)


# The Inspur plan (NF5688M7, list prices, CNY excl. VAT): 116 564 586.01 in all, of which the
# warranty is 3 years × 1 633 099.05 (1.5% a year of its equipment value) = 4 899 297.15.
# (The front end's 96 switch-to-switch links, 80 storage + 16 in-band, run on 200G cables at the
# SN3700's port speed, ¥3 600, not 100G ones, ¥2 160: 96 × 1 440 = 138 240 more equipment.
# The out-of-band network takes 4 SN2201 for its 121 management ports, not one in each of the
# 21 racks: 17 × 36 000 less, 34 uplink AOCs less (× 2 160), 80 of the cords 10 m (¥70) and
# 47 3 m (¥40) instead of 121 × 3 m, 17 blanking panels more (× 30), 34 switch power cords less
# (× 25), 3 kW less UPS (× 1 800): -688 540. Each change with 4.5% warranty + 1% project
# management + 0.8% logistics on it: (138 240 - 688 540) × 1.063 = -584 968.90 from the
# 117 149 554.91 of the plan before.)
INSPUR_PLAN, INSPUR_WARRANTY = 116_564_586.01, 3 * 1_633_099.05
# The warranty inside the server price: 35 × 2 297 680 × 0.015 × 3 = 3 618 846
INSPUR_SERVER_WARRANTY = 35 * 2_297_680 * 0.045


def test_totals_by_hand(comparison: Any) -> None:
    inspur_plan = next(p for p in comparison.plans if p.vendor == "Inspur")
    assert sum(b.total for b in inspur_plan.bom) == pytest.approx(INSPUR_PLAN, abs=0.01)
    warranty = next(b for b in inspur_plan.bom if b.item == "warranty")
    assert warranty.total == pytest.approx(INSPUR_WARRANTY) == 4_899_297.15
    assert pytest.approx(INSPUR_SERVER_WARRANTY) == 3_618_846
    # the reseller quotes the whole plan, the warranty inside the server price instead of apart
    as_quoted = INSPUR_PLAN - INSPUR_WARRANTY + INSPUR_SERVER_WARRANTY
    assert as_quoted == pytest.approx(115_284_134.86)
    messy = reconcile(comparison, read_quote(MESSY))
    # qty × unit price, not the vendor's wrong line total
    assert messy.computed_total == pytest.approx(as_quoted, abs=0.01)
    # as the vendor wrote it, wrong: its lines (one 100 000 too high) less 200 000
    assert messy.stated_total == pytest.approx(as_quoted + 100_000 - 200_000, abs=0.01)
    inspur = reconcile(comparison, read_quote(INSPUR))
    # Inspur leaves out the switch-end transceivers (534 × 14 400), the cooling (15 × 150 000)
    # and rack installation (21 × 3 000), quotes 10 fibres short (190 of 200 + 6 spares, × 648)
    # and SN2201 at 34 000
    # excl. VAT (4 × 2 000 less); its prices include 13% VAT, rounded to the fen, so the
    # lines divided by 1.13 differ from list prices by a few fen
    by_hand = as_quoted - 534 * 14_400 - 15 * 150_000 - 21 * 3000 - 10 * 648 - 4 * 2000
    assert by_hand == pytest.approx(105_267_054.86)
    assert inspur.computed_total == pytest.approx(by_hand, abs=0.5)
    assert inspur.stated_total == pytest.approx(inspur.computed_total, abs=1)  # 合计（含税） / 1.13


def test_like_for_like_totals_by_hand(comparison: Any) -> None:
    lenovo = reconcile(comparison, read_quote(LENOVO))
    inspur = reconcile(comparison, read_quote(INSPUR))
    like = compare_quotes(comparison, [lenovo, inspur])
    by_file = {t.file: t for t in like.vendors}
    # Inspur omits the switch-end transceivers (priced at Lenovo's US$2 000 × 7.2 = 14 400), the
    # cooling and rack installation (neither vendor quotes them: list prices), is 10 fibres short
    # (its own 648), and its server warranty covers the servers only: the plan's warranty on the
    # rest of the equipment is added at the plan's rate (4 899 297.15 - 3 618 846)
    inspur_hand = (inspur.computed_total + 534 * 2000 * 7.2 + 15 * 150_000 + 21 * 3000 + 10 * 648
                   + (INSPUR_WARRANTY - INSPUR_SERVER_WARRANTY))
    assert by_file[INSPUR.name].normalised_total == pytest.approx(inspur_hand, abs=0.01)
    # brought to the plan's scope, Inspur is the plan at Inspur's prices: 4 SN2201 × 2 000 less
    assert by_file[INSPUR.name].normalised_total == pytest.approx(INSPUR_PLAN - 4 * 2000, abs=0.5)
    # Lenovo omits racks (Inspur's 6 780 incl. VAT = 6 000), its 63 A PDUs (Inspur's plan has
    # 63 A ones too: list 9 000), cooling and rack installation (list), fabric commissioning
    # (Inspur's 3 390 incl. VAT = 3 000); 6 transceivers short (its own US$2 000); XClarity set
    # aside; the warranty besides the servers: 3 × 1 642 883.85 - 35 × 2 299 680 × 0.045
    lenovo_hand = (lenovo.computed_total + 21 * 6000 + 42 * 9000 + 15 * 150_000 + 21 * 3000 + 24 * 3000
                   + 6 * 2000 * 7.2 - 35 * 350 * 7.2 + (3 * 1_642_883.85 - 35 * 2_299_680 * 0.045))
    assert by_file[LENOVO.name].normalised_total == pytest.approx(lenovo_hand, abs=0.01)
    # ... which is the Lenovo plan (117 212 002.17: 117 795 057.67 before, 200G switch links
    # 146 949.12 more, 4 SN2201 as Inspur's with 2 kW less UPS, not 3: -686 740 × 1.063)
    # with its QM9700s at US$52 000 (24 × 14 400 more), up to the fen of rounding each unit
    # price to US cents (< 0.036 CNY a unit, over the thousand-odd cords, blanking panels and
    # other small units now quoted)
    assert by_file[LENOVO.name].normalised_total == pytest.approx(117_212_002.17 + 24 * 14_400, abs=50)
    # the warranty inside the server price is moved to services, so Inspur's services are the
    # plan's: installation 35 × 2 000, racks 21 × 3 000, fabric 24 × 3 000, acceptance 35 × 3 000,
    # storage 3 × 20 000, software 39 × 500, warranty, project management, logistics
    services = dict(by_file[INSPUR.name].by_category)["services"]
    assert services == pytest.approx(35 * 2000 + 21 * 3000 + 24 * 3000 + 35 * 3000 + 3 * 20_000 + 39 * 500
                                     + INSPUR_WARRANTY + 1_088_732.70 + 870_986.16, abs=0.5)
    for t in like.vendors:  # the categories add up to the normalised total
        assert sum(v for _, v in t.by_category) == pytest.approx(t.normalised_total, abs=0.05)
    assert like.cheapest == INSPUR.name
    diffs = dict(like.drivers)
    assert sum(diffs.values()) == pytest.approx(by_file[INSPUR.name].normalised_total
                                                - by_file[LENOVO.name].normalised_total, abs=0.1)


def test_learned_prices_go_to_the_user_list_with_their_source(comparison: Any, data_dir: Path) -> None:
    shipped = shipped_price_list_path().read_bytes()
    rec = reconcile(comparison, read_quote(INSPUR))
    # learned into the list the plan was quoted at (its snapshot), whose H800 is the ¥216 000
    # of the day: the shipped list has since moved the H800 to the China basis (¥252 000)
    from engine.money.snapshot import snapshot_prices
    from engine.planfile import load_plan_document

    doc = load_plan_document(PLAN)
    assert doc.snapshot is not None
    as_quoted = snapshot_prices(doc.snapshot, read_price_list(shipped_price_list_path()))
    learned, path = learn_prices([rec], as_quoted)
    assert path.parent == data_dir and shipped_price_list_path().read_bytes() == shipped
    switch = load_price_list().entry("eth-mgmt-sn2201")
    assert (switch.unit_price, switch.currency, switch.confidence) == (34_000, "CNY", "high")
    assert switch.source == "Inspur quote IS-BJ-20240820-0032 (2024-08-20), row 16"
    assert switch.date == "2024-08-20"
    system = learned.entry("inspur-nf5688m7-h800")
    # 2 401 075.60 excl. VAT less 8 GPUs and 8 HCAs at list prices and 3 warranty years at 1.5% a
    # year of the system's plan price (2 297 680 × 0.045 = 103 395.60): the base, 430 000, with
    # its 2 × 200GbE adapter (US$1 800 × 7.2 = 12 960) still inside
    assert system.unit_price == pytest.approx(2_401_075.60 - 8 * 216_000 - 8 * 15_840 - 103_395.60)
    assert system.unit_price == pytest.approx(430_000 + 12_960)
    assert system.confidence == "medium" and "less h800-sxm5-80gb, hca-cx7-ndr, warranty" in system.source
    assert learned.entry("crah-inrow-40kw") == as_quoted.entry("crah-inrow-40kw")  # not quoted: unchanged


def test_discount_vat_and_a_quotation_without_vendor_or_currency(comparison: Any, tmp_path: Path) -> None:
    path = tmp_path / "offer.csv"
    path.write_text("Part number,Description,Qty,Unit price,Total\n"
                    "MQM9700-NS2F,QM9700 switch,24,360000,8640000\n"
                    "Discount 5%,,,,-432000\nVAT 13%,,,,1067040\nTotal,,,,9275040\n", encoding="utf-8")
    rec = reconcile(comparison, read_quote(path))
    assert rec.computed_total == 8_640_000 - 432_000
    assert rec.stated_total == pytest.approx(8_208_000)  # 9 275 040 / 1.13: the total follows the VAT row
    kinds = [f.kind for f in rec.findings]
    assert "arithmetic" not in kinds
    ambiguous = [f.message for f in rec.findings if f.kind == "ambiguous"]
    assert any("vendor (not stated)" in m for m in ambiguous)
    assert any("does not state its currency" in m for m in ambiguous)
    like = compare_quotes(comparison, [rec])
    assert dict(like.vendors[0].by_category)["discount"] == -432_000


def test_item_drivers_explain_the_difference(comparison: Any) -> None:
    recs = [reconcile(comparison, read_quote(p)) for p in (LENOVO, INSPUR)]
    like = compare_quotes(comparison, recs)
    for t in like.vendors:  # the items add up to the normalised total
        assert sum(v for _, v in t.by_item) == pytest.approx(t.normalised_total, abs=0.05)
    drivers = dict(like.item_drivers)
    # the QM9700 switches: Lenovo US$52 000 × 7.2 against Inspur's 360 000, 24 of them
    assert drivers["ib-switch-qm9700"] == pytest.approx(24 * (360_000 - 52_000 * 7.2))
    # the servers: Lenovo base 432 000 against Inspur 430 000, 35 of them (GPUs, HCAs alike; the
    # warranty moved to services)
    assert drivers["server"] == pytest.approx(35 * (430_000 - 432_000), abs=35)
    # the largest: each vendor's own storage, compared as one role: Inspur's 3 AS13000 nodes
    # (3 × 420 000, its minimum) against Lenovo's one DSS-G block (1 800 000), both at the RA's
    # 'Good' class for 280 GPUs
    assert like.item_drivers[0][0] == "storage-system"
    assert like.item_drivers[0][1] == pytest.approx(3 * 420_000 - 1 * 1_800_000, abs=0.5)
    # and the management servers: 4 NF5280M7 at 100 000 against 4 SR650 V3 at 108 000
    assert drivers["management-server"] == pytest.approx(4 * (100_000 - 108_000), abs=0.5)


def test_a_server_priced_with_its_gpus_hcas_and_warranty_said_in_its_text(comparison: Any,
                                                                         tmp_path: Path) -> None:
    # one line as Inspur often quotes it: the count of GPUs and HCAs and the warranty in the text
    unit = 2_297_680 * 1.045  # base + 8 GPUs + 8 HCAs + adapter, with 3 warranty years at 1.5% a year
    path = tmp_path / "one_line.csv"
    path.write_text("浪潮 报价单\n币种：人民币，不含税\n型号,配置描述,数量,单价\n"
                    f"NF5688M7,\"GPU服务器（8×H800 SXM5 80GB，8×CX7 400G 网卡，3年原厂维保）\",35,{unit}\n",
                    encoding="utf-8")
    path_remark = tmp_path / "remark.csv"
    path_remark.write_text("浪潮 报价单\n币种：人民币，不含税\n型号,配置描述,数量,单价,备注\n"
                           f"NF5688M7,\"GPU服务器 8卡 H800，8块 CX7\",35,{unit},含3年原厂维保\n",
                           encoding="utf-8")
    for quote in (path, path_remark):
        rec = reconcile(comparison, read_quote(quote))
        found = {(f.kind, f.item) for f in rec.findings}
        assert ("missing", "h800-sxm5-80gb") not in found and ("missing", "hca-cx7-ndr") not in found
        assert not any(k in ("price_diff", "qty_mismatch") for k, _ in found), found
        inside = dict(((row, item), qty) for row, item, qty in rec.bundled)
        assert inside[(4, "h800-sxm5-80gb")] == 8 * 35 and inside[(4, "warranty")] == 3
    # the same text on a base system "without GPUs" holds none
    without = tmp_path / "base.csv"
    without.write_text("浪潮 报价单\n型号,配置描述,数量,单价\n"
                       "NF5688M7,\"基础系统（8×H800 SXM5），不含 GPU\",35,430000\n", encoding="utf-8")
    base = reconcile(comparison, read_quote(without))
    assert ("missing", "h800-sxm5-80gb") in {(f.kind, f.item) for f in base.findings}


def test_a_warranty_quoted_apart_covers_the_plans_years(comparison: Any, tmp_path: Path) -> None:
    # the server without warranty, and the plan's warranty for the whole cluster on a line of its
    # own: 3 years × 1 633 099.05 (1.5% a year of the equipment value) = 4 899 297.15
    path = tmp_path / "apart.csv"
    path.write_text("Inspur quotation\nCurrency: CNY; prices exclude VAT\n"
                    "Part number,Description,Qty,Unit price\n"
                    "NF5688M7,GPU server,35,2297680\n"
                    "MQM9700-NS2F,QM9700 switch,24,360000\n"
                    ",3年原厂维保服务（整体）,1,4899297.15\n", encoding="utf-8")
    rec = reconcile(comparison, read_quote(path))
    assert rec.match(6) is not None and rec.match(6).item == "warranty"
    found = {(f.kind, f.item) for f in rec.findings}
    assert ("missing", "warranty") not in found
    assert not any(k in ("qty_mismatch", "price_diff") for k, _ in found), found
    assert rec.bundled == () and rec.bundled_values == ()  # nothing to move out of the server price
    one_year = path.with_name("one_year.csv")
    one_year.write_text(path.read_text(encoding="utf-8").replace("3年原厂维保服务（整体）,1,4899297.15",
                                                                  "1年原厂维保服务（整体）,1,1633099.05"),
                        encoding="utf-8")
    short = [(f.kind, f.expected, f.found) for f in reconcile(comparison, read_quote(one_year)).findings
             if f.item == "warranty"]
    assert short == [("qty_mismatch", 3, 1)]  # a year's price for one year: no price difference
