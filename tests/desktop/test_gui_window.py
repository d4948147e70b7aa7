"""The comparison window: planning in a worker, editing assumptions, files, drafts, languages."""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from desktop.models import SORT_ROLE
from desktop.pairing import config_label
from engine import compare
from engine.model import Facility, PlanRequest, Schedule, Workload
from tests.shared import GPT3_30_DAYS


def rows_of(window) -> dict[str, int]:  # type: ignore[no-untyped-def]
    model = window.table_model
    return {model.figure_at(r).column: r for r in range(model.rowCount())}


def test_wizard_to_comparison_shows_the_engine_figures(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.new_plan()
    wizard = window.wizard
    assert wizard.model_page.select_preset("gpt3-175b")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    days = wizard.schedule_page.days.edit
    days.selectAll()
    qtbot.keyClicks(days, "30")
    qtbot.keyClicks(wizard.schedule_page.lead_time.edit, "0")  # training from the day of the order
    for _ in range(3):
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    # what the wizard asked: 30 days from the order, the default team and confidence
    expected = compare(PlanRequest(GPT3_30_DAYS.workload, Schedule(days=30.0, lead_time_days=0.0)))
    assert window.result.comparison == expected
    model, rows = window.table_model, rows_of(window)
    for column, plan in enumerate(expected.plans):
        assert model.config_at(column) == plan.config
        assert model.data(model.index(rows["gpus"], column)) == f"{plan.gpus:,}"
        if not plan.feasible:  # the direct-liquid server under air: refused, for want of its loop
            assert plan.refusals[0].code == "liquid-needs-loop"
            continue
        assert model.data(model.index(rows["racks"], column), SORT_ROLE) == plan.racks.count
        assert model.data(model.index(rows["tco"], column), SORT_ROLE) == pytest.approx(plan.money.tco)
    rec = expected.recommendation
    best = rec.cheapest_meeting_deadline or rec.only  # the only one in scope is named, not ranked
    assert config_label(next(p for p in expected.plans if p.config == best)) in window.recommendation.text()
    for caveat in rec.caveats:  # and the overview says what the recommendation rests on
        assert caveat in window.recommendation.text()
    picker = window.bom_view.picker
    assert {picker.itemData(i) for i in range(picker.count())} == {p.config for p in expected.plans}
    assert window.warnings.topLevelItemCount() > 0
    assert "3,637" in window.headline.text()
    assert window.export_action.isEnabled()


def test_editing_an_assumption_replans(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    before = window.result.comparison
    field = window.panel.rack_kw
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        field.edit.setFocus()
        qtbot.keyClicks(field.edit, "12")
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    after = window.result.comparison
    assert after.request.facility.rack_kw == 12.0
    assert after == compare(dataclasses.replace(GPT3_30_DAYS, facility=Facility(rack_kw=12.0)))
    assert (sum(p.racks.count for p in after.plans if p.racks)
            > sum(p.racks.count for p in before.plans if p.racks))
    assert window.modified


def test_invalid_assumption_does_not_replan(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    field = window.panel.days
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "-3")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert not window.planner.busy
    assert field.message.isVisible()
    assert window.result.comparison.request.schedule.days == 30.0


def test_engine_errors_are_shown_not_raised(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(PlanRequest(Workload(preset="no-such-model"), Schedule(days=30.0)))
    wait_planned(window)
    assert window.error is not None and window.error[0] == "workload.preset"
    assert window.banner.isVisible() and "no-such-model" in window.banner.text()
    assert not window.export_action.isEnabled()


def test_save_and_reopen_gives_the_same_comparison(
    qtbot, add_window, window, settings, tmp_path, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    from desktop.main_window import MainWindow

    request = dataclasses.replace(GPT3_30_DAYS, configs=("inspur-nf5688m6-a800", "lenovo-sr680av3-h800"))
    window.set_request(request, customer="ACME", quote_no="Q-1")
    wait_planned(window)
    path = tmp_path / "plan.cqplan"
    assert window._write_plan(path)
    assert not window.modified and window.windowTitle().startswith("plan.cqplan")
    assert settings.recent_files[0] == str(path)

    other = MainWindow(settings)
    add_window(other)
    assert other.open_plan(path)
    wait_planned(other)
    assert other.request == request
    assert (other.customer, other.quote_no) == ("ACME", "Q-1")
    # the same comparison, priced from the prices saved with the plan
    assert "saved with the plan" in other.result.comparison.price_list
    unnamed = {"price_list": "", "price_list_about": None}
    assert dataclasses.replace(other.result.comparison, **unnamed) == dataclasses.replace(
        window.result.comparison, **unnamed
    )
    assert not other.modified


def test_save_as_goes_through_the_dialog(qtbot, window, tmp_path, monkeypatch, wait_planned) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    target = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save_plan()
    assert (tmp_path / "chosen.cqplan").is_file()
    assert window.path == tmp_path / "chosen.cqplan"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{ this is not json", "not valid JSON"),
        (json.dumps({"format": "clusterquote-plan", "version": 99, "request": {}}), "newer"),
        (
            json.dumps(
                {
                    "format": "clusterquote-plan",
                    "version": 1,
                    "request": {"workload": {"preset": 5}, "schedule": {}},
                }
            ),
            "workload.preset",
        ),
    ],
)
def test_open_rejects_a_corrupt_plan_with_a_message(
    qtbot, window, tmp_path, monkeypatch, content, reason
) -> None:  # type: ignore[no-untyped-def]
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: shown.append((title, text)))
    path = tmp_path / "broken.cqplan"
    path.write_text(content, encoding="utf-8")
    assert not window.open_plan(path)
    assert len(shown) == 1
    assert reason in shown[0][1]
    assert window.request is None  # the window did not change


def test_export_quote_writes_the_workbook(qtbot, window, tmp_path, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(dataclasses.replace(GPT3_30_DAYS, configs=("inspur-nf5688m6-a800",)))
    wait_planned(window)
    written = window.export_quote(tmp_path / "quote.xlsx")
    assert written is not None and written.is_file()
    from openpyxl import load_workbook

    assert len(load_workbook(written).sheetnames) >= 3


def test_export_error_is_a_message(qtbot, window, tmp_path, monkeypatch, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(dataclasses.replace(GPT3_30_DAYS, configs=("inspur-nf5688m6-a800",)))
    wait_planned(window)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    assert window.export_quote(tmp_path / "missing-folder" / "quote.xlsx") is None
    assert shown


def test_draft_is_autosaved_and_restored_after_a_crash(
    qtbot, add_window, settings, data_dir, monkeypatch, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    from desktop.app import Controller
    from desktop.main_window import MainWindow

    crashed = MainWindow(settings)
    add_window(crashed)
    crashed.set_request(GPT3_30_DAYS, customer="ACME")
    wait_planned(crashed)
    draft = data_dir / "draft.cqplan"
    assert draft.is_file()
    crashed.hide()  # the process "dies": no close, the draft stays

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    from PySide6.QtWidgets import QApplication

    controller = Controller(QApplication.instance(), settings)
    window = controller.start()
    add_window(window)
    wait_planned(window)
    assert window.request == GPT3_30_DAYS and window.customer == "ACME"
    assert window.modified
    window.session.mark_clean()
    window.close()
    assert not draft.exists()  # a clean exit removes it


def test_declined_draft_is_dropped_and_the_wizard_opens(
    qtbot, add_window, settings, data_dir, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop.app import Controller
    from desktop.files import DraftStore

    DraftStore().save(GPT3_30_DAYS)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window = Controller(QApplication.instance(), settings).start()
    add_window(window)
    assert window.request is None
    assert window.wizard is not None and window.wizard.isVisible()
    assert not (data_dir / "draft.cqplan").exists()
    window.wizard.reject()


def test_a_plan_given_at_start_up_opens_in_the_window(
    qtbot, add_window, settings, tmp_path, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    # A file manager starts `clusterquote PLAN.cqplan`; the plan opens instead of the wizard.
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from desktop.app import Controller, FileOpenFilter
    from engine.planfile import save_plan

    path = tmp_path / "given.cqplan"
    save_plan(GPT3_30_DAYS, path)
    controller = Controller(QApplication.instance(), settings)
    window = controller.start(path)
    add_window(window)
    wait_planned(window)
    assert window.request == GPT3_30_DAYS and window.path == path
    assert window.wizard is None or not window.wizard.isVisible()

    # macOS hands documents over as a FileOpen event
    other = tmp_path / "other.cqplan"
    save_plan(dataclasses.replace(GPT3_30_DAYS, configs=("inspur-nf5688m6-a800",)), other)
    assert FileOpenFilter(controller).eventFilter(window, QFileOpenEvent(str(other)))
    wait_planned(window)
    assert window.path == other and window.request.configs == ("inspur-nf5688m6-a800",)
    QCoreApplication.processEvents()


def test_recent_files_menu_lists_saved_plans(qtbot, window, settings, tmp_path, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    for name in ("a.cqplan", "b.cqplan"):
        window._write_plan(tmp_path / name)
    window._fill_recent_menu()
    names = [a.text() for a in window.recent_menu.actions()]
    assert names[:2] == [str(tmp_path / "b.cqplan"), str(tmp_path / "a.cqplan")]


def test_language_switch_rebuilds_the_window_in_chinese(qtbot, add_window, settings, wait_planned) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop.app import Controller
    from desktop.i18n import install_translators

    app = QApplication.instance()
    controller = Controller(app, settings)
    first = controller.make_window()
    add_window(first)
    first.set_request(GPT3_30_DAYS)
    wait_planned(first)
    try:
        first.choose_language("zh_CN")
        second = controller.window
        add_window(second)
        assert second is not first
        assert settings.language == "zh_CN"
        assert second.request == GPT3_30_DAYS
        assert second.tabs.tabText(0) == "方案对比"
        wait_planned(second)
        second.session.mark_clean()
    finally:
        install_translators(app, "en")


def test_catalog_window_edits_and_resets_prices(qtbot, window, data_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.catalog_window import PRICE_COLUMNS
    from engine.money.prices import load_price_list, user_price_list_path

    window.show_catalog()
    catalog = window.catalog_window
    assert catalog.tabs.count() == 3
    model = catalog.price_model
    column = [c for c, _ in PRICE_COLUMNS].index("unit_price")
    item = model._entries[0].item
    # a price the reader would refuse is refused on saving, with the edit kept on screen
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: warned.append(text))
    assert model.setData(model.index(0, column), "777")
    assert not catalog.save_prices()
    assert "unit_price" in warned[0] and "777" in warned[0] and not user_price_list_path().is_file()
    assert model._entries[0].unit_price == 777
    dearer = round(load_price_list().entries[item].unit_price * 1.1)  # a plausible price
    assert model.setData(model.index(0, column), str(dearer))
    assert catalog.save_button.isEnabled()
    with qtbot.waitSignal(catalog.prices_changed):
        assert catalog.save_prices()
    assert user_price_list_path().is_file()
    assert load_price_list().entries[item].unit_price == dearer

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(catalog.prices_changed):
        catalog.reset_prices()
    assert not user_price_list_path().exists()


def test_catalog_window_imports_a_price_list(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from engine.money.prices import load_price_list, shipped_price_list_path

    window.show_catalog()
    catalog = window.catalog_window
    text = shipped_price_list_path().read_text(encoding="utf-8-sig")
    src = tmp_path / "vendor.csv"
    src.write_text(text, encoding="utf-8")
    with qtbot.waitSignal(catalog.prices_changed, timeout=20_000):  # read in a worker
        assert catalog.import_prices(src)
    assert load_price_list().name.endswith("prices.csv")
    assert "took" in catalog.price_source.text()  # the counts are shown

    bad = tmp_path / "bad.csv"
    bad.write_text("item,price\nx,1\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    catalog.import_prices(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "header" in shown[0]


def test_the_chinese_catalog_window_names_servers_in_chinese(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """The server column reads the catalog's Chinese name (servers.toml name_zh) in Chinese and
    the model with its variant in English; the vendor has its own column either way."""
    from desktop import i18n
    from desktop.catalog_window import CatalogWindow

    def server_column(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
        table = window.configurations_table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        column = headers.index("服务器" if window.chinese else "Server")
        return {table.item(r, 0).text(): table.item(r, column).text() for r in range(table.rowCount())}

    english = CatalogWindow()
    qtbot.addWidget(english)
    assert server_column(english)["inspur-nf5688m6-a800"] == "NF5688M6 HGX 8-GPU SXM4 (NVSwitch)"
    try:
        i18n.install_translators(qapp, "zh_CN")
        chinese = CatalogWindow(chinese=True)
        qtbot.addWidget(chinese)
        names = server_column(chinese)
    finally:
        i18n.install_translators(qapp, "en")
    assert names["inspur-nf5688m6-a800"] == "NF5688M6 (8 卡 SXM4 NVSwitch)"  # 浪潮 is the vendor column
    assert names["lenovo-sr670v2-a40"] == "ThinkSystem SR670 V2 (8 块双宽 GPU 型)"
    assert all("model" not in name and "cooled" not in name for name in names.values())
