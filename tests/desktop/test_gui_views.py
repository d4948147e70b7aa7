"""The comparison window's views: assumptions beyond numbers, refusals with a fix, honest figures."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from desktop.models import SORT_ROLE
from desktop.pairing import config_label
from engine import compare
from engine.catalog import load_catalog
from engine.model import Facility, Finance, PlanRequest, Schedule, Workload
from tests.shared import GPT3_30_DAYS


def planned(window, request, wait_planned):  # type: ignore[no-untyped-def]
    window.set_request(request)
    wait_planned(window)
    return window.result.comparison


def test_cooling_hosting_currency_and_warranty_are_in_the_panel(
    qtbot, window, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    planned(window, GPT3_30_DAYS, wait_planned)
    panel = window.panel
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        panel.cooling.setCurrentIndex(panel.cooling.findData("rdhx"))
    assert window.result.comparison.request.facility.cooling == "rdhx"
    assert panel.pue.edit.placeholderText() == "1.35"  # the rear-door default, from assumptions.toml
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        panel.hosting.setCurrentIndex(panel.hosting.findData("colo"))
    assert panel.rent.isVisible()
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        panel.warranty_years.edit.setText("5")
        panel.apply_now()
    panel.power_price.edit.setText("0.9")
    panel.apply_now()
    wait_planned(window)
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        panel.currency.setCurrentIndex(panel.currency.findData("USD"))
    request = window.result.comparison.request
    finance = request.finance
    assert (finance.currency, finance.hosting, finance.warranty_years) == ("USD", "colo", 5)
    assert request.finance.power_price is None  # a CNY price means nothing in USD: back to the default
    expected = dataclasses.replace(
        GPT3_30_DAYS,
        facility=Facility(cooling="rdhx"),
        finance=Finance(currency="USD", hosting="colo", warranty_years=5),
    )
    assert window.result.comparison == compare(expected)
    first = window.result.comparison.plans[0]
    # warranty is rated on the equipment value: 5 years × 1.5% (services.warranty_rate_year) of
    # what the equipment lines add up to, a year
    warranty = next(line for line in first.bom if line.item == "warranty")
    equipment = sum(line.total for line in first.bom if line.category not in ("software", "services"))
    assert warranty.qty == 5
    assert warranty.unit_price == pytest.approx(0.015 * equipment, abs=0.01)


def test_a_refusal_says_why_and_one_click_fixes_it(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    liquid = dataclasses.replace(GPT3_30_DAYS, facility=Facility(cooling="liquid"))
    comparison = planned(window, liquid, wait_planned)
    refused = [p for p in comparison.plans if not p.feasible and p.refusals[0].code == "cooling-kind"]
    assert refused
    text = window.refusal.text()
    assert f"{len(refused)} of {len(comparison.plans)} configurations are air-cooled" in text
    assert window.fix_button.isVisible() and "air cooling" in window.fix_button.text()
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        qtbot.mouseClick(window.fix_button, Qt.MouseButton.LeftButton)
    fixed = window.result.comparison
    assert fixed.request.facility.cooling == "air"
    assert window.panel.cooling.currentData() == "air"
    # under air every air-cooled server plans; the direct-liquid one is refused in turn, for
    # want of its coolant loop, and the refusal line offers liquid cooling back in one click
    loop = [p for p in fixed.plans if not p.feasible]
    assert loop and all(p.refusals[0].code == "liquid-needs-loop" for p in loop)
    said = f"{len(loop)} of {len(fixed.plans)} configurations are direct-liquid cooled"
    assert said in window.refusal.text()
    assert window.fix_button.isVisible() and "liquid cooling" in window.fix_button.text()


def test_a_rack_budget_refusal_offers_the_budget_that_fits(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    tight = dataclasses.replace(GPT3_30_DAYS, facility=Facility(rack_kw=4.0))
    comparison = planned(window, tight, wait_planned)
    assert any(p.refusals and p.refusals[0].code == "racks" for p in comparison.plans)
    assert "cannot place one server in a rack" in window.refusal.text()
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        window.fix_button.click()
    after = window.result.comparison
    assert after.request.facility.rack_kw > 4.0
    assert not any(p.refusals and p.refusals[0].code == "racks" for p in after.plans)


def test_at_risk_shows_the_band_not_a_plain_yes(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    comparison = planned(window, GPT3_30_DAYS, wait_planned)
    model = window.table_model
    row = next(r for r in range(model.rowCount()) if model.figure_at(r).column == "meets_deadline")
    risky = [p for p in comparison.plans if p.meets_deadline and p.days_high > 30.0]
    safe = [p for p in comparison.plans if p.meets_deadline and p.days_high <= 30.0]
    assert risky  # the GPT-3 plan sized to 30 days has a worst case past them
    for column in range(model.columnCount()):
        plan = next(p for p in comparison.plans if p.config == model.config_at(column))
        text = model.data(model.index(row, column))
        if plan in risky:
            assert text == f"at risk: {plan.days_low:,.1f}–{plan.days_high:,.1f} days"
            assert model.data(model.index(row, column), SORT_ROLE) is True
        elif plan in safe:
            assert text == "yes"
    rec = comparison.recommendation.cheapest_meeting_deadline
    if rec in {p.config for p in risky}:
        assert "at risk" in window.recommendation.text()


def test_charts_say_which_configurations_they_show_and_the_user_picks(
    qtbot, window, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    comparison = planned(window, GPT3_30_DAYS, wait_planned)
    tab = window.chart_tabs["tco"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: bool(tab.shown_configs))
    assert len(tab.shown_configs) < len(comparison.plans)  # line charts keep to a few
    assert f"Shows {len(tab.shown_configs)} of {len(comparison.plans)} configurations" in tab.caption.text()
    lines = {line.get_label() for line in tab.figure.axes[0].get_lines()}
    assert lines == {config_label(p) for p in comparison.plans if p.config in tab.shown_configs}
    pick = {"inspur-nf5688m6-a800", "lenovo-sr670v2-a40"}
    tab.pick(pick)
    assert set(tab.shown_configs) == pick
    assert {line.get_label() for line in tab.figure.axes[0].get_lines()} == {
        config_label(p) for p in comparison.plans if p.config in pick}
    assert f"Shows {len(pick)} of {len(comparison.plans)} configurations" in tab.caption.text()


def test_one_bom_view_with_a_picker_resizes_after_a_replan(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    comparison = planned(window, GPT3_30_DAYS, wait_planned)
    view = window.bom_view
    window.tabs.setCurrentWidget(view)
    assert window.tabs.count() == 9  # no tab per configuration (eight views and Optimise)
    assert view.picker.count() == len(comparison.plans)
    view.select("inspur-nf5688m6-a800")
    plan = next(p for p in comparison.plans if p.config == "inspur-nf5688m6-a800")
    assert view.tab.model.rowCount() == len(plan.bom)
    table = view.tab.view
    total_column = 6
    before = table.columnWidth(total_column)
    window.panel.days.edit.setText("3")  # ten times the GPUs: wider totals
    window.panel.apply_now()
    wait_planned(window)
    assert view.current() == "inspur-nf5688m6-a800"
    assert table.columnWidth(total_column) >= before
    assert table.columnWidth(total_column) >= table.sizeHintForColumn(total_column)
    assert len({p.config for p in window.result.comparison.plans}) == view.picker.count()


@pytest.mark.parametrize("mode", ["feasible", "meets", "recommended"])
def test_the_overview_filters_to_a_shortlist(qtbot, window, wait_planned, mode) -> None:  # type: ignore[no-untyped-def]
    comparison = planned(window, GPT3_30_DAYS, wait_planned)
    overview = window.overview
    overview.filter.setCurrentIndex(overview.filter.findData(mode))
    rec = comparison.recommendation
    wanted = {
        "feasible": {p.config for p in comparison.plans if p.feasible},
        "meets": {p.config for p in comparison.plans if p.feasible and p.meets_deadline},
        "recommended": {c for c in (rec.cheapest_meeting_deadline, rec.fastest, rec.lowest_tco,
                                    rec.only) if c},
    }[mode]
    assert overview.shortlist.rowCount() == len(wanted)
    shown = {overview.shortlist.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
             for r in range(overview.shortlist.rowCount())}
    assert shown == wanted


def test_a_precision_refusal_offers_bf16(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.refusals import explain

    fp8 = dataclasses.replace(GPT3_30_DAYS,
                              schedule=dataclasses.replace(GPT3_30_DAYS.schedule, precision="fp8"))
    comparison = compare(fp8)
    refused = [p for p in comparison.plans if p.refusals and p.refusals[0].code == "precision"]
    assert refused  # FP8 needs Hopper: the Ampere and Ada configurations are refused
    explanation = explain(comparison, load_catalog(), translated=False)
    assert explanation is not None and explanation.fixed is not None
    assert explanation.text.startswith(f"Precision FP8: {len(refused)} of {len(comparison.plans)}")
    assert explanation.fixed.schedule.precision == "bf16"
    # in BF16 nothing is refused for its precision (the direct-liquid server still wants its loop)
    assert not any(p.refusals and p.refusals[0].code == "precision"
                   for p in compare(explanation.fixed).plans)


def test_a_deadline_met_by_the_only_configuration_in_scope_is_not_called_missed(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.refusals import explain

    # today in CN only the Ascend system is clear to buy: named, not ranked, and it meets 135 days
    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=135.0),
                                     finance=Finance(purchase_date="2026-12-07")))
    assert comparison.recommendation.cheapest_meeting_deadline is None
    assert any(p.meets_deadline for p in comparison.plans if p.feasible)
    explanation = explain(comparison, load_catalog(), translated=False)
    # the one refusal left is the direct-liquid server under air (its loop), never a missed deadline
    assert explanation is None or explanation.text.startswith("Coolant loop")


def test_shares_read_as_percentages_and_years_carry_their_unit(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    # resources/assumptions.toml: VAT 0.13, services VAT 0.06, maintenance 0.08 a year, 5 years
    request = dataclasses.replace(GPT3_30_DAYS, finance=Finance(vat=0.09, maintenance_rate=0.085))
    planned(window, request, wait_planned)
    panel = window.panel
    assert panel.vat.edit.text() == "9%"  # the plan's own rate, as a percentage
    assert panel.maintenance_rate.edit.text() == "8.5%"
    assert panel.vat_services.edit.placeholderText() == "6%"
    assert panel.years.edit.placeholderText() == "5 years"
    assert panel.warranty_years.edit.placeholderText() == "3 years"
    # what is shown goes back into the request unchanged: fractions, as the engine takes them
    assert panel.vat.value() == 0.09
    assert panel.maintenance_rate.value() == 0.085
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        panel.vat_services.edit.setText("9%")
        panel.apply_now()
    assert window.result.comparison.request.finance.vat_services == 0.09
    assert window.result.comparison.request.finance.vat == 0.09
