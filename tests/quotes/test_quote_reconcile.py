"""Reconciling the sample quotations with their plan: every planted discrepancy, no false one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from make_quotes import PLANTED
from quote_files import INSPUR, LENOVO, MESSY

from engine.money.prices import load_price_list, read_price_list, shipped_price_list_path
from engine.quotes import compare_quotes, learn_prices, read_quote, reconcile


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
    assert (lenovo["qty_mismatch"].expected, lenovo["qty_mismatch"].found) == (644, 640)
    inspur = {f.kind: f for f in reconcile(comparison, read_quote(INSPUR)).findings}
    # SN2201: 38 420 incl. 13% VAT = 34 000 excl.
    assert inspur["price_diff"].found == pytest.approx(34_000)


def test_configured_system_counts_its_gpus_hcas_and_warranty(comparison: Any) -> None:
    rec = reconcile(comparison, read_quote(LENOVO))
    matched = {m.row: m.item for m in rec.matches}
    assert matched[8] == "lenovo-sr680av3-h800"
    assert matched[9] == "h800-sxm5-80gb" and matched[10] == "hca-cx7-ndr"
    assert rec.bundled == ((8, "warranty-node-year", 99),)  # 3 years × 33 servers


def test_totals_by_hand(comparison: Any) -> None:
    inspur = reconcile(comparison, read_quote(INSPUR))
    # the lines including 13% VAT, divided by 1.13, line by line:
    by_hand = (33 * 2_359_720 + 24 * 360_000 + 760 * 648 + 264 * 7920 + 35 * 34_000 + 5 * 108_000
               + 35 * 6000 + 70 * 6000 + 33 * 2000 + 24 * 3000)
    assert by_hand == 91_592_120
    assert inspur.computed_total == pytest.approx(by_hand, abs=0.01)
    assert inspur.stated_total == pytest.approx(by_hand, abs=1)  # 合计（含税） / 1.13
    messy = reconcile(comparison, read_quote(MESSY))
    assert messy.stated_total == 102_451_088  # as the vendor wrote it, wrong
    # qty × unit price, not the vendor's wrong line total of 9 373 600
    assert messy.computed_total == pytest.approx(33 * 2_359_720 + 24 * 360_000 + 776 * 648 + 264 * 7920
                                                 + 644 * 14_400 + 35 * 36_000 + 5 * 108_000 + 35 * 6000
                                                 + 70 * 6000 + 10 * 150_000 + 33 * 2000 + 35 * 3000
                                                 + 24 * 3000)


def test_like_for_like_totals_by_hand(comparison: Any) -> None:
    lenovo = reconcile(comparison, read_quote(LENOVO))
    inspur = reconcile(comparison, read_quote(INSPUR))
    like = compare_quotes(comparison, [lenovo, inspur])
    by_file = {t.file: t for t in like.vendors}
    # Inspur omits the switch-end transceivers (priced at Lenovo's US$2 000 × 7.2), the cooling
    # and rack installation (neither vendor quotes them: list prices), and is 16 cables short
    inspur_hand = 91_592_120 + 644 * 2000 * 7.2 + 10 * 150_000 + 35 * 3000 + 16 * 648
    assert by_file[INSPUR.name].normalised_total == pytest.approx(inspur_hand, abs=0.01)
    # Lenovo omits racks and PDUs (Inspur's prices, = list), cooling, rack installation and fabric
    # commissioning (Inspur's 3 390 incl. VAT = 3 000); 4 transceivers short; XClarity set aside
    lenovo_hand = (lenovo.computed_total + 35 * 6000 + 70 * 6000 + 10 * 150_000 + 35 * 3000 + 24 * 3000
                   + 4 * 2000 * 7.2 - 33 * 350 * 7.2)
    assert by_file[LENOVO.name].normalised_total == pytest.approx(lenovo_hand, abs=0.01)
    # the warranty inside both server prices is moved to services: 99 node-years × 25 000
    services = dict(by_file[INSPUR.name].by_category)["services"]
    assert services == pytest.approx(33 * 2000 + 24 * 3000 + 99 * 25_000 + 35 * 3000)
    for t in like.vendors:  # the categories add up to the normalised total
        assert sum(v for _, v in t.by_category) == pytest.approx(t.normalised_total, abs=0.05)
    assert like.cheapest == INSPUR.name
    diffs = dict(like.drivers)
    assert sum(diffs.values()) == pytest.approx(by_file[INSPUR.name].normalised_total
                                                - by_file[LENOVO.name].normalised_total, abs=0.1)


def test_learned_prices_go_to_the_user_list_with_their_source(comparison: Any, data_dir: Path) -> None:
    shipped = shipped_price_list_path().read_bytes()
    rec = reconcile(comparison, read_quote(INSPUR))
    learned, path = learn_prices([rec], read_price_list(shipped_price_list_path()))
    assert path.parent == data_dir and shipped_price_list_path().read_bytes() == shipped
    switch = load_price_list().entry("eth-mgmt-sn2201")
    assert (switch.unit_price, switch.currency, switch.confidence) == (34_000, "CNY", "high")
    assert switch.source == "Inspur quote IS-BJ-20240820-0032 (2024-08-20), row 18"
    assert switch.date == "2024-08-20"
    system = learned.entry("inspur-nf5688m7-h800")
    # 2 359 720 excl. VAT less 8 GPUs, 8 HCAs and 3 warranty years at list prices
    assert system.unit_price == pytest.approx(2_359_720 - 8 * 216_000 - 8 * 15_840 - 3 * 25_000)
    assert system.confidence == "medium" and "less h800-sxm5-80gb, hca-cx7-ndr" in system.source
    assert learned.entry("crah-inrow-40kw") == read_price_list(shipped_price_list_path()).entry(
        "crah-inrow-40kw")  # not quoted: unchanged


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
    # the servers: Lenovo base 432 000 against Inspur 430 000, 33 of them (GPUs, HCAs, warranty alike)
    assert drivers["server"] == pytest.approx(33 * (430_000 - 432_000), abs=33)
    assert like.item_drivers[0][0] == "ib-switch-qm9700"


def test_a_server_priced_with_its_gpus_hcas_and_warranty_said_in_its_text(comparison: Any,
                                                                         tmp_path: Path) -> None:
    # one line as Inspur often quotes it: the count of GPUs and HCAs and the warranty in the text
    unit = 430_000 + 8 * 216_000 + 8 * 15_840 + 3 * 25_000
    path = tmp_path / "one_line.csv"
    path.write_text("浪潮 报价单\n币种：人民币，不含税\n型号,配置描述,数量,单价\n"
                    f"NF5688M7,\"GPU服务器（8×H800 SXM5 80GB，8×CX7 400G 网卡，3年原厂维保）\",33,{unit}\n",
                    encoding="utf-8")
    path_remark = tmp_path / "remark.csv"
    path_remark.write_text("浪潮 报价单\n币种：人民币，不含税\n型号,配置描述,数量,单价,备注\n"
                           f"NF5688M7,\"GPU服务器 8卡 H800，8块 CX7\",33,{unit},含3年原厂维保\n",
                           encoding="utf-8")
    for quote in (path, path_remark):
        rec = reconcile(comparison, read_quote(quote))
        found = {(f.kind, f.item) for f in rec.findings}
        assert ("missing", "h800-sxm5-80gb") not in found and ("missing", "hca-cx7-ndr") not in found
        assert not any(k in ("price_diff", "qty_mismatch") for k, _ in found), found
        assert dict(((row, item), qty) for row, item, qty in rec.bundled)[(4, "h800-sxm5-80gb")] == 8 * 33
    # the same text on a base system "without GPUs" holds none
    without = tmp_path / "base.csv"
    without.write_text("浪潮 报价单\n型号,配置描述,数量,单价\n"
                       "NF5688M7,\"基础系统（8×H800 SXM5），不含 GPU\",33,430000\n", encoding="utf-8")
    base = reconcile(comparison, read_quote(without))
    assert ("missing", "h800-sxm5-80gb") in {(f.kind, f.item) for f in base.findings}
