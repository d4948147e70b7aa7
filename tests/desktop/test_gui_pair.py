"""The Lenovo vs Inspur pair view: equivalent pairs, differences by hand, the better value marked."""

from __future__ import annotations

import pytest

from desktop.pairing import config_label, proposed_pairs
from engine import compare
from engine.catalog import load_catalog
from engine.export.names import gpu_short
from tests.shared import GPT3_30_DAYS


def test_human_names_say_vendor_model_and_gpus(comparison) -> None:  # type: ignore[no-untyped-def]
    plans = {p.config: p for p in comparison.plans}
    assert config_label(plans["inspur-nf5688m6-a800"]) == "Inspur NF5688M6 · 8× A800 SXM4"
    assert config_label(plans["lenovo-sr670v2-4dw-a100-pcie"]) == "Lenovo SR670 V2 · 4× A100 PCIe"
    assert gpu_short("NVIDIA L40S 48GB") == "L40S"
    assert len({config_label(p) for p in comparison.plans}) == len(comparison.plans)  # no two alike


def test_proposed_pairs_share_gpu_class_and_link(comparison) -> None:  # type: ignore[no-untyped-def]
    catalog = load_catalog()
    pairs = proposed_pairs(comparison, catalog)
    assert pairs
    found = {(p.lenovo, p.inspur) for p in pairs}
    # the same GPU model behind the same kind of link: the closest pairs, offered first
    assert ("lenovo-sr680av3-h800", "inspur-nf5688m7-h800") in found
    assert ("lenovo-sr670v2-a800-pcie", "inspur-nf5468m6-a800-pcie") in found
    first_other = next(i for i, p in enumerate(pairs) if not p.same_gpu) if not all(
        p.same_gpu for p in pairs) else len(pairs)
    assert all(p.same_gpu for p in pairs[:first_other])
    for pair in pairs:
        a, b = catalog.configuration(pair.lenovo), catalog.configuration(pair.inspur)
        ga, gb = catalog.gpu(a.gpu), catalog.gpu(b.gpu)
        assert (ga.architecture, ga.form_factor, a.intra_node_link) == (
            gb.architecture, gb.form_factor, b.intra_node_link)
        assert pair.same_gpu == (a.gpu == b.gpu)
    # an NVSwitch SXM server is never paired with a PCIe one
    assert ("lenovo-sr670v2-a800-pcie", "inspur-nf5688m6-a800") not in found


def _row(view, label: str) -> int:  # type: ignore[no-untyped-def]
    for r in range(view.table.rowCount()):
        if view.table.item(r, 0).text() == label:
            return r
    raise AssertionError(f"no row {label!r}")


def test_pair_view_shows_every_figure_and_category_with_differences(
    qtbot, window, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    view = window.pair_view
    assert view.proposals.count() >= 2
    view.select("lenovo-sr680av3-h800", "inspur-nf5688m7-h800")
    plans = {p.config: p for p in compare(GPT3_30_DAYS).plans}
    lenovo, inspur = plans["lenovo-sr680av3-h800"], plans["inspur-nf5688m7-h800"]
    assert lenovo.money is not None and inspur.money is not None
    table = view.table
    assert table.horizontalHeaderItem(1).text() == "Lenovo SR680a V3 · 8× H800 SXM5"
    assert table.horizontalHeaderItem(2).text() == "Inspur NF5688M7 · 8× H800 SXM5"

    r = _row(view, "Capex")
    diff = inspur.money.capex - lenovo.money.capex  # by hand: Inspur minus Lenovo
    sign = "+" if diff > 0 else "-"
    assert table.item(r, 3).text() == f"{sign}¥{abs(diff):,.0f}"
    assert table.item(r, 4).text() == f"{diff / lenovo.money.capex * 100:.1f}%"
    cheaper = 2 if inspur.money.capex < lenovo.money.capex else 1
    assert table.item(r, cheaper).text().endswith("✓")
    assert not table.item(r, 3 - cheaper).text().endswith("✓")
    assert table.item(r, cheaper).font().bold()

    # every BOM category of either plan has a row, with the engine's subtotals
    for category, value in lenovo.money.subtotals:
        row = next(x for x in view.rows if x.key == f"category:{category}")
        assert row.left == pytest.approx(value)
        assert row.right == pytest.approx(dict(inspur.money.subtotals).get(category, 0.0))
        assert row.difference == pytest.approx(row.right - value)
    labels = [table.item(i, 0).text() for i in range(table.rowCount())]
    assert "BOM: Compute" in labels and "BOM: Services" in labels and "GPUs" in labels
    # the deadline row says "at risk" with the band where the worst case misses the deadline
    r = _row(view, "Meets the deadline")
    for column, plan in ((1, lenovo), (2, inspur)):
        if plan.meets_deadline and plan.days_high > 30.0:
            assert table.item(r, column).text() == f"at risk: {plan.days_low:.1f}–{plan.days_high:.1f} days"
        else:
            assert table.item(r, column).text() in ("yes", "no")
    # a figure where more is better is never marked as the lower one winning
    gpus = next(x for x in view.rows if x.key == "gpus")
    assert gpus.difference == inspur.gpus - lenovo.gpus


def test_pair_view_keeps_the_pair_across_a_replan(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    window.pair_view.select("lenovo-sr670v2-a800-pcie", "inspur-nf5468m6-a800-pcie")
    window.panel.days.edit.setText("45")
    window.panel.apply_now()
    wait_planned(window)
    assert window.result.comparison.request.schedule.days == 45
    chosen = window.pair_view.selected()
    assert chosen is not None
    assert (chosen[0].config, chosen[1].config) == ("lenovo-sr670v2-a800-pcie", "inspur-nf5468m6-a800-pcie")
    assert chosen[0].days == pytest.approx(
        next(p for p in window.result.comparison.plans if p.config == chosen[0].config).days)


def test_lenovo_against_the_domestic_option(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    # the 2026 catalog holds a third vendor's system (Huawei's Atlas 800T A2): the pair view
    # stays Lenovo against Inspur, and offers Lenovo against the domestic option beside it
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    view = window.pair_view
    assert not view.domestic.isHidden()
    view.select("lenovo-sr680av3-h200", "inspur-nf5688m7-h200")
    view.domestic.click()
    left, right = view.selected()
    assert (left.config, right.vendor) == ("lenovo-sr680av3-h200", "Huawei")
    header = view.table.horizontalHeaderItem(3).text()
    assert "Huawei" in header or "华为" in header
    # the differences are the domestic option's figures less Lenovo's
    row = next(r for r in view.rows if r.key == "gpus")
    assert row.difference == right.gpus - left.gpus


def test_pair_view_shows_peaks_by_precision(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    view = window.pair_view
    window.tabs.setCurrentWidget(view)
    view.select("lenovo-sr670v2-a100-pcie", "inspur-nf5688m6-a100")
    cells = {view.table.item(r, 0).text(): [view.table.item(r, c).text() for c in (1, 2, 3)]
             for r in range(view.table.rowCount())}
    # by hand, NVIDIA's A100 datasheet, 8 GPUs a server: FP64 tensor 8 × 19.5 = 156 TFLOPS;
    # BF16 8 × 312 = 2 496 dense, 4 992 sparse; PCIe and SXM4 have the same tensor peaks
    fp64 = cells["Peak per server, FP64 tensor (PF dense / sparse)"]
    assert fp64[0] == fp64[1] == "0.156"
    bf16 = cells["Peak per server, BF16/FP16 (PF dense / sparse)"]
    assert bf16[0] == "2.496 / 4.992" and bf16[2] == "0.000"
    assert cells["Peak per server, INT8 (POPS dense / sparse)"][0] == "4.992 / 9.984"
    # H800 carries FP8, A100 does not: the row is there, with a dash for the A100
    view.select("lenovo-sr670v2-a100-pcie", "inspur-nf5688m7-h800")
    fp8 = next(r for r in view.rows if r.key == "peak:fp8")
    assert fp8.left is None and fp8.right is not None and fp8.right > 0


def test_the_catalog_window_states_the_seeds_rack(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.show_catalog()
    text = window.catalog_window.seed_rack.text()
    assert "13 × ThinkSystem SR670 V2 with 8 × NVIDIA A100 PCIe 80GB" in text
    assert "= 2.03 PF FP64 tensor, 32.4 PF dense BF16 (13 × 8 × 19.5 and 13 × 8 × 312 TFLOPS)" in text
