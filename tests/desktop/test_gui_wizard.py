"""The wizard as a user drives it: clicks and key presses, live validation, the request it builds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.wizard import PlanWizard
from engine.bounds import bound
from engine.model import Efficiency, Facility, Finance, PlanRequest, Schedule, Workload


@pytest.fixture
def wizard(qtbot):  # type: ignore[no-untyped-def]
    w = PlanWizard()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def next_button(wizard: PlanWizard):  # type: ignore[no-untyped-def]
    return wizard.button(QWizard.WizardButton.NextButton)


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(field.edit, text)


def click_preset(qtbot, wizard: PlanWizard, preset_id: str) -> None:  # type: ignore[no-untyped-def]
    tree = wizard.model_page.preset_list
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        if item.data(0, Qt.ItemDataRole.UserRole) == preset_id:
            tree.scrollToItem(item)
            rect = tree.visualItemRect(item)
            qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"no preset {preset_id}")


def test_walk_the_wizard_with_gpt3_and_30_days(qtbot, wizard: PlanWizard) -> None:  # type: ignore[no-untyped-def]
    assert not next_button(wizard).isEnabled()  # nothing chosen yet
    click_preset(qtbot, wizard, "gpt3-175b")
    assert wizard.model_page.selected_preset() == "gpt3-175b"
    assert "3,637 PF/s-days" in wizard.model_page.summary.text()
    assert next_button(wizard).isEnabled()
    click(qtbot, next_button(wizard))

    assert wizard.currentPage() is wizard.schedule_page
    type_into(qtbot, wizard.schedule_page.days, "30")
    type_into(qtbot, wizard.schedule_page.goodput, "85%")
    click(qtbot, next_button(wizard))

    assert wizard.currentPage() is wizard.configs_page
    page = wizard.configs_page
    assert page.checked_ids()  # every configuration preselected
    assert {"lenovo-sr670v2-a100-pcie", "inspur-nf5688m6-a800"} <= set(page.checked_ids())
    click(qtbot, next_button(wizard))

    assert wizard.currentPage() is wizard.facility_page
    qtbot.keyClicks(wizard.facility_page.customer, "ACME Research")
    type_into(qtbot, wizard.facility_page.rack_kw, "12")
    click(qtbot, next_button(wizard))

    assert wizard.currentPage() is wizard.review_page
    review = wizard.review_page.text.toPlainText()
    assert "GPT-3 175B" in review and "30 days" in review and "ACME Research" in review

    with qtbot.waitSignal(wizard.planned) as planned:
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert planned.args[0] == PlanRequest(
        workload=Workload(preset="gpt3-175b"),
        schedule=Schedule(days=30.0, precision="bf16"),
        efficiency=Efficiency(goodput=0.85),
        facility=Facility(rack_kw=12.0),
        finance=Finance(),
        configs=(),
    )
    assert wizard.draft.customer == "ACME Research"


def test_invalid_size_keeps_next_disabled_and_says_why(qtbot, wizard: PlanWizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.model_page
    click(qtbot, page.mode_buttons["params"])
    type_into(qtbot, page.params, "lots")
    type_into(qtbot, page.tokens, "300B")
    assert not next_button(wizard).isEnabled()
    assert page.params.message.isVisible()
    assert "175B" in page.params.message.text()
    assert page.params.edit.property("invalid") is True

    type_into(qtbot, page.params, "-7B")
    assert not next_button(wizard).isEnabled()

    type_into(qtbot, page.params, "13B")
    assert next_button(wizard).isEnabled()
    assert not page.params.message.isVisible()
    assert "2.34e+22 FLOPs" in page.summary.text()


@pytest.mark.parametrize("days", ["0", "-5", "abc", "99999"])
def test_invalid_deadline_keeps_next_disabled(qtbot, wizard: PlanWizard, days: str) -> None:  # type: ignore[no-untyped-def]
    click_preset(qtbot, wizard, "gpt3-13b")
    click(qtbot, next_button(wizard))
    type_into(qtbot, wizard.schedule_page.days, days)
    assert not next_button(wizard).isEnabled()
    assert wizard.schedule_page.days.message.isVisible()
    type_into(qtbot, wizard.schedule_page.days, "45")
    assert next_button(wizard).isEnabled()


def test_fraction_fields_accept_percent_and_refuse_above_one(qtbot, wizard: PlanWizard) -> None:  # type: ignore[no-untyped-def]
    click_preset(qtbot, wizard, "gpt3-13b")
    click(qtbot, next_button(wizard))
    mfu = wizard.schedule_page.mfu
    type_into(qtbot, mfu, "140%")
    assert not next_button(wizard).isEnabled()
    mfu_bound = bound("efficiency.mfu")  # the message gives the table's range
    assert f"{mfu_bound.low:g} to {mfu_bound.high:g}" in mfu.message.text()
    type_into(qtbot, mfu, "40%")
    assert mfu.value() == pytest.approx(0.4)
    assert next_button(wizard).isEnabled()


def test_engine_refusal_points_at_the_field(qtbot, wizard: PlanWizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.model_page
    click(qtbot, page.mode_buttons["flops"])
    type_into(qtbot, page.flops, "3e23")
    type_into(qtbot, page.finetune, "10B")  # fine-tuning needs a parameter count
    click(qtbot, next_button(wizard))
    assert wizard.currentPage() is page
    assert page.finetune.message.isVisible()
    assert "parameter count" in page.finetune.message.text()
    assert page.error_label.isVisible()


def test_fixed_fleet_and_a_subset_of_configurations(qtbot, wizard: PlanWizard) -> None:  # type: ignore[no-untyped-def]
    click_preset(qtbot, wizard, "gpt3-13b")
    click(qtbot, next_button(wizard))
    click(qtbot, wizard.schedule_page.by_gpus)
    type_into(qtbot, wizard.schedule_page.gpus, "256")
    click(qtbot, next_button(wizard))
    page = wizard.configs_page
    page.set_checked(set())
    assert not next_button(wizard).isEnabled()
    page.set_checked({"inspur-nf5688m6-a800", "lenovo-sr670v2-a100-pcie"})
    assert next_button(wizard).isEnabled()
    click(qtbot, next_button(wizard))
    click(qtbot, next_button(wizard))
    request = wizard.request()
    assert request.schedule == Schedule(days=None, gpus=256)
    assert set(request.configs) == {"inspur-nf5688m6-a800", "lenovo-sr670v2-a100-pcie"}


def test_pages_load_an_existing_request(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.draft import RequestDraft

    request = PlanRequest(
        Workload(params=7e10, tokens=2e12, runs=2),
        Schedule(days=60.0),
        Efficiency(mfu=0.4),
        Facility(cooling="liquid", rack_kw=40.0),
        Finance(currency="USD", years=4),
        configs=("inspur-nf5688m7-h800",),
    )
    wizard = PlanWizard(draft=RequestDraft.from_request(request, customer="X"))
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(4):
        assert next_button(wizard).isEnabled(), wizard.currentPage().title()
        wizard.next()
    assert wizard.currentPage() is wizard.review_page
    assert wizard.request() == request


def test_facility_defaults_are_shown_whole(wizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The default a facility field shows ("default: 20–25 kW by GPU generation") is read
    whole at the wizard's size, in each cooling: the Money column's long labels cut it."""
    from PySide6.QtWidgets import QStyle

    page = wizard.facility_page
    wizard.resize(1046, 680)
    wizard.setCurrentId(next(i for i in wizard.pageIds() if wizard.page(i) is page))
    qtbot.waitExposed(page)
    for index in range(page.cooling.count()):
        page.cooling.setCurrentIndex(index)
        qtbot.wait(1)
        for field in (page.rack_kw, page.pue):
            edit = field.edit
            text = edit.placeholderText()
            frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
            room = edit.width() - 2 * frame - 8  # the line edit's text margins
            assert text and edit.fontMetrics().horizontalAdvance(text) <= room, text


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_measured_calibration_shows_its_format(qtbot, qapp, language: str) -> None:  # type: ignore[no-untyped-def]
    """The free-text calibration field shows an example the engine's parser takes, in either language."""
    from desktop import i18n
    from engine.compute.team import parse_measured

    try:
        i18n.install_translators(qapp, language)
        w = PlanWizard()
        qtbot.addWidget(w)
        text = w.schedule_page.measured.placeholderText()
    finally:
        i18n.install_translators(qapp, "en")
    example = text.split()[-1]
    assert text.startswith("optional, e.g." if language == "en" else "可选，例如")
    assert parse_measured(example) == {"measured_tokens_per_s": 3100.0, "measured_params": 7e9,
                                       "measured_gpus": 64, "measured_gpu": "h100-sxm5-80gb"}
