"""What the engine can be asked, the GUI asks: lead time, hosting, storage, purchase, AI Enterprise.

Each field reaches the request from the wizard and from the assumptions panel, is summed up on the
review page and survives saving and reopening a plan file; the overview and the pair view name the
GPUs that need an export licence, and say what the days band means.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWizard

from desktop.draft import RequestDraft
from desktop.wizard import PlanWizard
from engine.compute.efficiency import band, band_coverage
from engine.model import Facility, Finance, PlanRequest, Schedule, StorageRequest, Workload

GPT3_60_DAYS = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=60.0, lead_time_days=0.0))
EVERY_NEW_FIELD = dataclasses.replace(
    GPT3_60_DAYS,
    schedule=Schedule(days=120.0, lead_time_days=45.0),
    facility=Facility(cooling="liquid", row_racks=8, spares=0.05),
    finance=Finance(hosting="wholesale", wholesale_rent_kw_month=480.0, purchase_date="2024-05-01",
                    market="US", ai_enterprise=True, vat_services=0.09),
    storage=StorageRequest(product="neutral", checkpoints_kept=3),
    configs=("lenovo-sr680av3-h800", "inspur-nf5688m7-h800"),  # the catalog's order
)


def type_into(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(field.edit, text)


def choose(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_the_wizard_asks_every_new_field_and_reviews_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = PlanWizard(draft=RequestDraft.from_request(GPT3_60_DAYS))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.schedule_page
    # assumptions.toml: the longest of resources/lead_times.toml's (Hopper servers in China)
    assert wizard.schedule_page.lead_time.edit.placeholderText() == "default: 105 days"
    type_into(qtbot, wizard.schedule_page.lead_time, "45")
    wizard.next()
    wizard.next()
    page = wizard.facility_page
    assert wizard.currentPage() is page
    # the rack budget's default follows the cooling and each configuration's GPU generation
    assert page.rack_kw.edit.placeholderText() == "default: 20–25 kW by GPU generation"
    choose(page.cooling, "liquid")
    assert page.rack_kw.edit.placeholderText() == "default: 60–80 kW by GPU generation"
    assert "Hopper GPUs: 80 kW" in page.rack_kw.toolTip()
    assert [page.hosting.itemData(i) for i in range(page.hosting.count())] == [
        "own", "colo", "wholesale", "cloud"
    ]
    choose(page.hosting, "wholesale")
    assert page.wholesale_rent.isEnabled() and not page.rent.isEnabled()
    assert page.wholesale_rent.edit.placeholderText() == "default: 550 CNY/kW-month"
    type_into(qtbot, page.wholesale_rent, "480")
    choose(page.storage, "neutral")
    page.purchase_date.setDate(QDate(2024, 5, 1))
    page.market.setText("us")
    page.ai_enterprise.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.review_page
    review = wizard.review_page.text.toPlainText()
    assert "Lead time before training" in review and "45 days" in review
    assert "Wholesale data hall" in review and "rent 480 CNY/kW-month" in review
    assert "Vendor-neutral storage" in review
    assert "market US, purchase date 2024-05-01" in review and "NVIDIA AI Enterprise" in review
    with qtbot.waitSignal(wizard.planned) as planned:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    request = planned.args[0]
    assert request.schedule == Schedule(days=60.0, lead_time_days=45.0)
    assert request.facility.cooling == "liquid" and request.facility.rack_kw is None
    assert (request.finance.hosting, request.finance.wholesale_rent_kw_month) == ("wholesale", 480.0)
    assert request.finance.colo_rent_kw_month is None
    assert (request.finance.purchase_date, request.finance.market) == ("2024-05-01", "US")
    assert request.finance.ai_enterprise
    assert request.storage == StorageRequest(product="neutral")


def test_the_wizard_keeps_what_it_does_not_ask(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Row size, spares and the storage sizing come from plan files; a pass through the wizard keeps them."""
    wizard = PlanWizard(draft=RequestDraft.from_request(EVERY_NEW_FIELD))
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(4):
        wizard.next()
    assert wizard.currentPage() is wizard.review_page
    assert wizard.request() == EVERY_NEW_FIELD


def test_the_services_vat_rate_is_asked_beside_the_goods_rate(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    wizard = PlanWizard(draft=RequestDraft.from_request(GPT3_60_DAYS))
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(3):
        wizard.next()
    page = wizard.facility_page
    assert page.vat_services.edit.placeholderText() == "default: 6%"  # resources/assumptions.toml: 0.06
    assert "36" in page.vat_services.toolTip()  # the note names its source
    type_into(qtbot, page.vat_services, "9%")
    wizard.next()
    assert "VAT 13% (services 9%)" in wizard.review_page.text.toPlainText()
    assert wizard.request().finance.vat_services == 0.09

    window.set_request(GPT3_60_DAYS)
    wait_planned(window)
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        window.panel.vat_services.edit.setText("9%")
        window.panel.apply_now()
    assert window.result.comparison.request.finance.vat_services == 0.09
    money = next(p for p in window.result.comparison.plans if p.money).money
    assert (money.vat_rate, money.vat_rate_services) == (0.13, 0.09)


def test_cloud_hosting_in_the_wizard_says_nothing_is_bought(qtbot) -> None:  # type: ignore[no-untyped-def]
    cloud = dataclasses.replace(GPT3_60_DAYS, finance=Finance(hosting="cloud"))
    wizard = PlanWizard(draft=RequestDraft.from_request(cloud))
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(4):
        wizard.next()
    assert "the GPUs are rented by the hour" in wizard.review_page.text.toPlainText()
    assert not wizard.facility_page.rent.isEnabled() and not wizard.facility_page.wholesale_rent.isEnabled()


def test_the_panel_edits_every_new_field_and_a_plan_file_keeps_them(
    qtbot, add_window, window, settings, tmp_path, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    from desktop.main_window import MainWindow

    start = dataclasses.replace(GPT3_60_DAYS, configs=EVERY_NEW_FIELD.configs)
    window.set_request(start)
    wait_planned(window)
    panel = window.panel
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        panel.lead_time.edit.setText("45")
        panel.apply_now()
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        choose(panel.hosting, "wholesale")
    assert panel.wholesale_rent.isVisible() and not panel.rent.isVisible()
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        panel.wholesale_rent.edit.setText("480")
        panel.apply_now()
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        choose(panel.storage, "none")
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        panel.ai_enterprise.setChecked(True)
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        panel.purchase_date.setDate(QDate(2024, 5, 1))
        panel.apply_now()
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        panel.market.setText("US")
        panel.market.editingFinished.emit()
    request = window.result.comparison.request
    assert request.schedule.lead_time_days == 45.0
    assert (request.finance.hosting, request.finance.wholesale_rent_kw_month) == ("wholesale", 480.0)
    assert (request.finance.purchase_date, request.finance.market, request.finance.ai_enterprise) == (
        "2024-05-01", "US", True
    )
    assert request.storage.product == "none"
    plan = next(p for p in window.result.comparison.plans if p.feasible)
    assert plan.lead_time_days == 45.0 and plan.calendar_days == pytest.approx(45.0 + plan.days, abs=0.05)
    assert not [line for line in plan.bom if line.category == "storage"]  # no storage bought
    assert any("enterprise" in line.item for line in plan.bom)  # AI Enterprise licences quoted

    path = tmp_path / "fields.cqplan"
    assert window._write_plan(path)
    other = add_window(MainWindow(settings))
    assert other.open_plan(path)
    wait_planned(other)
    assert other.request == request
    p = other.panel
    assert p.lead_time.value() == 45.0 and p.hosting.currentData() == "wholesale"
    assert p.wholesale_rent.value() == 480.0 and p.storage.currentData() == "none"
    assert p.purchase_date_text() == "2024-05-01" and p.market.text() == "US"
    assert p.ai_enterprise.isChecked()


def test_the_panel_shows_each_plans_default_rack_budget(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    # an Ampere and a Hopper configuration under air cooling: 20 and 25 kW (resources/assumptions.toml)
    window.set_request(dataclasses.replace(
        GPT3_60_DAYS, configs=("inspur-nf5688m6-a800", "lenovo-sr680av3-h800")))
    wait_planned(window)
    field = window.panel.rack_kw
    assert field.edit.placeholderText() == "20–25 kW by plan"
    tip = field.toolTip()
    assert "Inspur NF5688M6 · 8× A800 SXM4: 20 kW" in tip and ": 25 kW" in tip
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        choose(window.panel.cooling, "rdhx")
    assert field.edit.placeholderText() == "40 kW"  # rear doors: 40 kW for every generation


def test_export_licence_is_prominent_and_the_band_is_explained(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(dataclasses.replace(
        GPT3_60_DAYS, configs=("inspur-nf5688m6-a800", "lenovo-sr680av3-h800", "lenovo-sr670v2-a40"),
        finance=Finance(purchase_date="2024-05-01")))
    wait_planned(window)
    overview = window.overview
    banner = overview.export_banner
    assert banner.isVisible()
    text = banner.text()
    assert "EXPORT LICENCE REQUIRED in CN (as of 2024-05-01)" in text
    assert "A800 SXM4" in text and "H800 SXM5" in text and "A40" not in text
    assert "leaves them out" in text  # the A40 can be bought: the recommendation is among those
    low, high = band()
    band_text = overview.band_note.text()
    assert f"{low:.2f} and {high:.2f} × the expected days" in band_text
    assert f"{band_coverage():.0%} of published training runs" in band_text

    window.tabs.setCurrentWidget(window.pair_view)
    window.pair_view.select("lenovo-sr680av3-h800", "inspur-nf5688m6-a800")
    pair_banner = window.pair_view.export_banner
    assert pair_banner.isVisible() and "H800 SXM5" in pair_banner.text()
    assert "leaves them out" not in pair_banner.text()  # the pair's own GPUs only
    assert f"{low:.2f} and {high:.2f} × the expected days" in window.pair_view.note.text()


def test_cloud_hosting_shows_the_rental_cost(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    from desktop.models import FIGURES

    window.set_request(dataclasses.replace(
        GPT3_60_DAYS, configs=("inspur-nf5688m7-h800",), finance=Finance(hosting="cloud")))
    wait_planned(window)
    plan = window.result.comparison.plans[0]
    assert plan.money is not None and plan.money.cloud_per_run > 0
    # the rental for the run is GPU-hours × the hourly rate
    assert plan.money.cloud_per_run == pytest.approx(plan.gpu_hours * plan.money.cloud_rate)
    model = window.overview.model
    row = [f.column for f in FIGURES].index("cloud_per_run")
    shown = model.data(model.index(row, 0))
    assert shown and shown != "—"


def test_the_deadline_is_judged_on_calendar_days(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.models import at_risk, at_risk_text
    from engine import compare

    request = dataclasses.replace(
        GPT3_60_DAYS, schedule=Schedule(days=60.0, lead_time_days=20.0), configs=("inspur-nf5688m7-h800",))
    plan = compare(request).plans[0]
    assert plan.feasible and plan.lead_time_days == 20.0
    # expected: 20 + days within the deadline; worst case: 20 + days_high past it
    deadline = 20.0 + (plan.days + plan.days_high) / 2
    assert at_risk(plan, deadline)
    assert not at_risk(plan, 20.0 + plan.days_high + 0.1)  # the worst case makes it too
    # the lead time is what puts it at risk: on training days alone the same deadline is safe
    assert not at_risk(dataclasses.replace(plan, lead_time_days=0.0), deadline)
    text = at_risk_text(plan.days_low, plan.days_high, plan.lead_time_days)
    assert text == (f"at risk: {20 + plan.days_low:,.1f}–{20 + plan.days_high:,.1f} calendar days, "
                    "lead time included")
